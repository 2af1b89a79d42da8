using System;
using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Linq;

namespace QualysGen.Benchmarks;

/// <summary>
/// The young collections of a <c>--loop</c> run, sampled after each call (<see cref="GC.GetGCMemoryInfo(GCKind)"/> keeps the
/// last one of each kind): how many compacted, what they promoted, and their pauses, compacting and not. Under the regions GC
/// a region whose objects nearly all survive is swept where it is instead of copied; a collection that copies costs about
/// twice one that does not (10,000 WasScan: 33-34 ms against 17-18 ms).
/// </summary>
internal sealed class EphemeralCollections
{
    private long _last = -1;
    private int _sampled;
    private int _compacted;
    private long _promoted;
    private double _pause;
    private double _compactingPause;

    public void Sample()
    {
        var info = GC.GetGCMemoryInfo(GCKind.Ephemeral);
        if (info.Index == _last || info.Index == 0)
        {
            return;
        }

        _last = info.Index;
        _sampled++;
        _promoted += info.PromotedBytes;
        var pause = info.PauseDurations[0].TotalMilliseconds;
        _pause += pause;
        if (info.Compacted)
        {
            _compacted++;
            _compactingPause += pause;
        }
    }

    public override string ToString()
        => $"young collections sampled {_sampled}: {_compacted} compacting ({_compactingPause / Math.Max(1, _compacted):F1} ms each), "
            + $"{_sampled - _compacted} not ({(_pause - _compactingPause) / Math.Max(1, _sampled - _compacted):F1} ms each), "
            + $"{_promoted / Math.Max(1, _sampled):N0} B promoted each";
}

/// <summary>
/// What a <c>--loop</c> run allocates by type, from the runtime's allocation ticks (one about every 100 KB, so a type's share is
/// an estimate): which objects make up what a call allocates.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private readonly ConcurrentDictionary<string, long> _byType = new(StringComparer.Ordinal);

    public void Print(int calls)
    {
        foreach (var (type, bytes) in _byType.OrderByDescending(p => p.Value).Take(25))
        {
            Console.WriteLine($"{bytes / Math.Max(1, calls),14:N0} B/call  {type}");
        }
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x1);   // GC keyword: allocation ticks at Verbose
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) != true || eventData.Payload is not { } payload)
        {
            return;
        }

        var names = eventData.PayloadNames!;
        var type = names.IndexOf("TypeName") is var t and >= 0 ? payload[t] as string ?? "?" : "?";
        var amount = names.IndexOf("AllocationAmount64") is var a and >= 0 ? Convert.ToInt64(payload[a]) : 100_000;
        _byType.AddOrUpdate(type, amount, (_, sum) => sum + amount);
    }
}
