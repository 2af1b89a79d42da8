using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;

namespace QualysGen.Tests;

/// <summary>
/// Counts the batches a parallel parse reports on the meter <c>qualysgen.xml.batches</c> while it is alive: by the thread that
/// parsed them (<see cref="Worker"/>, <see cref="ParseThread"/>) and by how their indentation was read
/// (<see cref="Indentation"/>); and the responses a parse on one thread read without their indentation, on
/// <c>qualysgen.xml.documents</c> (<see cref="Documents"/>). The meter is process-wide: tests that use this run alone (a collection without parallelization).
/// </summary>
internal sealed class BatchMeter : IDisposable
{
    private readonly ConcurrentDictionary<string, long> _counts = new();
    private readonly MeterListener _listener = new();

    public BatchMeter()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == QualysGen.Xml.XmlTelemetry.MeterName && instrument.Name is "qualysgen.xml.batches" or "qualysgen.xml.documents")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var prefix = instrument.Name == "qualysgen.xml.documents" ? "document " : "";
            foreach (var tag in tags)
            {
                if (tag.Key is "thread" or "indentation")
                {
                    _counts.AddOrUpdate(prefix + tag.Key + ":" + tag.Value, value, (_, total) => total + value);
                }
            }
        });
        _listener.Start();
    }

    /// <summary>Batches parsed by a worker thread.</summary>
    public long Worker => Get("thread:worker");

    /// <summary>Batches parsed by the parse's own thread.</summary>
    public long ParseThread => Get("thread:parse");

    /// <summary>All batches.</summary>
    public long Total => Worker + ParseThread;

    /// <summary>Batches whose indentation was <paramref name="how"/>: "removed", "kept" or "read_again".</summary>
    public long Indentation(string how) => Get("indentation:" + how);

    /// <summary>Responses parsed on one thread whose indentation was <paramref name="how"/>: "removed" or "read_again".</summary>
    public long Documents(string how) => Get("document indentation:" + how);

    /// <summary>Starts counting from zero again.</summary>
    public void Clear() => _counts.Clear();

    public void Dispose() => _listener.Dispose();

    public override string ToString() => string.Join(", ", _counts.OrderBy(c => c.Key).Select(c => $"{c.Key} {c.Value}"));

    private long Get(string key) => _counts.GetValueOrDefault(key);
}
