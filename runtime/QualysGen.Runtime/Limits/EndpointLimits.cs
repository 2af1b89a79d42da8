using System;

namespace QualysGen.Limits;

/// <summary>
/// What the client knows about one API's limits (Qualys counts per API, i.e. per path): a concurrency gate, and the earliest
/// time the next call may start when the rate window is used up.
/// </summary>
internal sealed class EndpointLimits
{
    private readonly object _lock = new();
    private DateTimeOffset _notBefore;

    public EndpointLimits(string key, int defaultConcurrency)
    {
        Key = key;
        Gate = new ConcurrencyGate(defaultConcurrency);
    }

    public string Key { get; }

    public ConcurrencyGate Gate { get; }

    /// <summary>The rate limit's word on when the next call will not be blocked.</summary>
    public DateTimeOffset NotBefore
    {
        get
        {
            lock (_lock)
            {
                return _notBefore;
            }
        }
    }

    /// <summary>
    /// Learns from a response's headers: a used-up rate window holds back later calls for what <c>ToWait</c> says, at most
    /// <paramref name="maxWait"/>. Returns the new concurrency limit when it changed.
    /// </summary>
    public int? Observe(in LimitHeaders headers, DateTimeOffset now, TimeSpan maxWait)
    {
        if (headers.RateRemaining == 0 && headers.ToWaitSeconds is > 0 and var wait)
        {
            Block(now, TimeSpan.FromSeconds(wait), maxWait);
        }

        if (headers.ConcurrencyLimit is > 0 and var limit && limit != Gate.Capacity)
        {
            Gate.SetCapacity(limit);
            return limit;
        }

        return null;
    }

    /// <summary>
    /// No call starts within <paramref name="wait"/> of <paramref name="now"/>, capped at <paramref name="maxWait"/> so that what
    /// a server says cannot hold the API back for longer (an earlier, longer block stays).
    /// </summary>
    public void Block(DateTimeOffset now, TimeSpan wait, TimeSpan maxWait)
    {
        var until = now + (wait < maxWait ? wait : maxWait);
        lock (_lock)
        {
            if (until > _notBefore)
            {
                _notBefore = until;
            }
        }
    }
}
