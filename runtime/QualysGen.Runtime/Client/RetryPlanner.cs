using System;
using QualysGen.Limits;
using QualysGen.Responses;

namespace QualysGen.Client;

/// <summary>
/// The retry stage of one call: counts its attempts and waits against <see cref="QualysRetryOptions"/>, and says whether and how
/// long to wait before the next attempt. It decides; the transport sends and waits.
/// </summary>
/// <remarks>
/// The rules: a call refused by a limit never ran, so it is retried whatever it is, after the wait Qualys names
/// (<c>X-RateLimit-ToWait-Sec</c>, then <c>Retry-After</c>, then the <c>SECONDS_TO_WAIT</c> item) or an exponential backoff. A
/// failure in transit, or a 5xx without a Qualys body, is retried only when the call is safe to repeat or certainly never left.
/// Every wait counts against <see cref="QualysRetryOptions.MaxTotalDelay"/>, every retry against
/// <see cref="QualysRetryOptions.MaxAttempts"/>.
/// </remarks>
internal sealed class RetryPlanner
{
    private readonly QualysRetryOptions _options;
    private int _transientFailures;
    private int _limitRefusals;

    public RetryPlanner(QualysRetryOptions options) => _options = options;

    /// <summary>Requests sent so far.</summary>
    public int Attempts { get; private set; }

    /// <summary>All waits planned so far.</summary>
    public TimeSpan Waited { get; private set; }

    /// <summary>Counts an attempt about to be sent.</summary>
    public void Sending() => Attempts++;

    /// <summary>Plans <paramref name="delay"/> if the budget allows it (and, when it leads to another attempt, the attempts do).</summary>
    public bool TryPlan(TimeSpan delay, bool countsAsAttempt = true)
    {
        if ((countsAsAttempt && Attempts >= _options.MaxAttempts) || Waited + delay > _options.MaxTotalDelay)
        {
            return false;
        }

        Waited += delay;
        return true;
    }

    /// <summary>After a failure in transit or a 5xx without a Qualys body: a backoff, unless the call may have run and is not safe to repeat, or the budget is spent.</summary>
    public bool TryPlanTransient(bool isRetrySafe, bool mayHaveRun, out TimeSpan delay)
    {
        delay = TimeSpan.Zero;
        if (mayHaveRun && !isRetrySafe)
        {
            return false;
        }

        _transientFailures++;
        delay = Backoff(_options.TransientDelay, _transientFailures, _options.MaxDelay);
        return TryPlan(delay);
    }

    /// <summary>After a refusal by a rate or concurrency limit (1960, 1965, a bare 409, a gateway 429): how long to wait, and whether the budget allows it.</summary>
    public LimitPlan PlanLimit(SimpleReturnInfo? simple, in LimitHeaders headers)
    {
        var kind = simple?.Code switch
        {
            1960 => QualysLimitKind.Concurrency,
            1965 => QualysLimitKind.Rate,
            _ when headers.ConcurrencyLimit is { } limit && headers.ConcurrencyRunning >= limit && !(headers.ToWaitSeconds > 0) => QualysLimitKind.Concurrency,
            _ => QualysLimitKind.Rate,
        };

        var asked = AskedWait(simple, headers);
        TimeSpan delay;
        if (asked is { } explicitWait)
        {
            delay = explicitWait;
        }
        else
        {
            _limitRefusals++;
            delay = Backoff(kind == QualysLimitKind.Concurrency ? _options.ConcurrencyDelay : _options.TransientDelay, _limitRefusals, _options.MaxDelay);
        }

        return new LimitPlan(kind, asked, delay, TryPlan(delay));
    }

    /// <summary>The wait Qualys named, in the order of trust: <c>X-RateLimit-ToWait-Sec</c>, <c>Retry-After</c>, <c>SECONDS_TO_WAIT</c>.</summary>
    public static TimeSpan? AskedWait(SimpleReturnInfo? simple, in LimitHeaders headers)
    {
        if (headers.ToWaitSeconds is > 0 and var toWait)
        {
            return TimeSpan.FromSeconds(toWait);
        }

        if (headers.RetryAfter is { } retryAfter)
        {
            return retryAfter;
        }

        if (simple?.Item("SECONDS_TO_WAIT") is { } seconds && int.TryParse(seconds, out var secondsToWait) && secondsToWait > 0)
        {
            return TimeSpan.FromSeconds(secondsToWait);
        }

        return null;
    }

    /// <summary>Exponential backoff from <paramref name="first"/>, doubling per <paramref name="attempt"/>, ±20 % jitter, at most <paramref name="max"/>.</summary>
    public static TimeSpan Backoff(TimeSpan first, int attempt, TimeSpan max)
    {
        var factor = Math.Pow(2, Math.Min(attempt - 1, 16));
        var jitter = 0.8 + (Random.Shared.NextDouble() * 0.4);
        var ticks = Math.Min(first.Ticks * factor * jitter, max.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }
}
