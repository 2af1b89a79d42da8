using System;
using System.Collections.Generic;
using System.Globalization;

namespace QualysGen.Simulator.Http;

/// <summary>
/// Qualys' per-API limits: at most <c>ConcurrencyLimit</c> calls running and <c>RateLimit</c> calls in the rolling window. The
/// concurrency refusal takes precedence (as Qualys documents); refused calls do not count.
/// </summary>
internal sealed class ApiLimits
{
    private readonly object _lock = new();
    private readonly Dictionary<string, Counter> _counters = new(StringComparer.Ordinal);

    public int Peak(string path)
    {
        lock (_lock)
        {
            return _counters.TryGetValue(path, out var counter) ? counter.Peak : 0;
        }
    }

    public Decision Enter(string path, DateTimeOffset now, QualysSimulatorOptions options)
    {
        lock (_lock)
        {
            if (!_counters.TryGetValue(path, out var counter))
            {
                counter = new Counter();
                _counters[path] = counter;
            }

            var window = options.RateLimitWindow;
            while (counter.Calls.Count > 0 && counter.Calls.Peek() <= now - window)
            {
                counter.Calls.Dequeue();
            }

            var decision = new Decision
            {
                RateLimit = options.RateLimit,
                WindowSeconds = (int)window.TotalSeconds,
                ConcurrencyLimit = options.ConcurrencyLimit,
            };

            if (options.ConcurrencyLimit is { } concurrency && counter.Running >= concurrency)
            {
                decision.Code = 1960;
                decision.Running = counter.Running;
                decision.Remaining = Remaining(options, counter);
                var toFinish = counter.Running - concurrency + 1;
                decision.Text = $"This API cannot be run again until {toFinish} currently running API instance(s) has finished.";
                decision.Item = new KeyValuePair<string, string>("CALLS_TO_FINISH", toFinish.ToString(CultureInfo.InvariantCulture));
                return decision;
            }

            if (options.RateLimit is { } rate && counter.Calls.Count >= rate)
            {
                var wait = counter.Calls.Peek() + window - now;
                var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
                decision.Code = 1965;
                decision.Running = counter.Running;
                decision.Remaining = 0;
                decision.ToWaitSeconds = seconds;
                decision.Text = $"This API cannot be run again for another {Duration(seconds)}.";
                decision.Item = new KeyValuePair<string, string>("SECONDS_TO_WAIT", seconds.ToString(CultureInfo.InvariantCulture));
                return decision;
            }

            counter.Running++;
            counter.Peak = Math.Max(counter.Peak, counter.Running);
            counter.Calls.Enqueue(now);
            decision.Running = counter.Running;
            decision.Remaining = Remaining(options, counter);
            decision.Entered = true;
            return decision;
        }
    }

    public void Exit(string path)
    {
        lock (_lock)
        {
            _counters[path].Running--;
        }
    }

    private static int? Remaining(QualysSimulatorOptions options, Counter counter)
        => options.RateLimit is { } rate ? Math.Max(0, rate - counter.Calls.Count) : null;

    private static string Duration(int seconds)
    {
        var span = TimeSpan.FromSeconds(seconds);
        var parts = new List<string>();
        if ((int)span.TotalHours > 0)
        {
            parts.Add($"{(int)span.TotalHours} hours");
        }

        if (span.Minutes > 0)
        {
            parts.Add($"{span.Minutes} minutes");
        }

        parts.Add($"{span.Seconds} seconds");
        return parts.Count == 1 ? parts[0] : string.Join(", ", parts.GetRange(0, parts.Count - 1)) + " and " + parts[^1];
    }

    private sealed class Counter
    {
        public int Running;
        public int Peak;
        public readonly Queue<DateTimeOffset> Calls = new();
    }

    internal sealed class Decision
    {
        public bool Entered { get; set; }

        public int? Code { get; set; }

        public string? Text { get; set; }

        public KeyValuePair<string, string>? Item { get; set; }

        public int? RateLimit { get; set; }

        public int WindowSeconds { get; set; }

        public int? Remaining { get; set; }

        public int ToWaitSeconds { get; set; }

        public int? ConcurrencyLimit { get; set; }

        public int Running { get; set; }
    }
}
