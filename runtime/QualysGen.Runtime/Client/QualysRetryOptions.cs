using System;

namespace QualysGen.Client;

/// <summary>
/// How long the client keeps trying a call that was blocked by a limit or failed in transit. Every wait counts against both
/// bounds, and every wait is cancelled by the call's token.
/// </summary>
public sealed class QualysRetryOptions
{
    /// <summary>At most this many attempts per call, the first included (default 6). 1 turns retries off.</summary>
    public int MaxAttempts { get; set; } = 6;

    /// <summary>
    /// At most this much waiting per call, summed over all waits (default 5 minutes). When Qualys asks for a longer wait (a rate
    /// limit can ask for hours), the call fails at once with <see cref="QualysLimitExceededException"/> and its <c>RetryAfter</c>.
    /// </summary>
    public TimeSpan MaxTotalDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The first wait after a concurrency refusal (code 1960), which says no time; it doubles on each further refusal
    /// (default 5 s). Qualys' own sample clients wait 30 s.
    /// </summary>
    public TimeSpan ConcurrencyDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The first wait after a failure in transit or a 5xx on a call that is safe to repeat; it doubles, with jitter (default 1 s).</summary>
    public TimeSpan TransientDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>No single wait is longer than this unless Qualys asked for it explicitly (default 1 minute).</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The longest a limit can hold back the later calls to its API (default 1 hour). After an answer that says the rate window
    /// is used up (<c>X-RateLimit-Remaining: 0</c> with <c>X-RateLimit-ToWait-Sec</c>) or a refusal that names a wait, calls to
    /// that API wait (or fail at once with <see cref="QualysLimitExceededException"/> when the wait is past
    /// <see cref="MaxTotalDelay"/>) without asking Qualys, but never for longer than this: then the next call asks Qualys again,
    /// which says again if the limit still holds. A header asking for years (<c>2147483647</c>) therefore cannot block a
    /// long-lived client for good. The exception's <c>RetryAfter</c> is still the wait Qualys asked for.
    /// </summary>
    public TimeSpan MaxLimitWait { get; set; } = TimeSpan.FromHours(1);

    internal QualysRetryOptions Clone() => (QualysRetryOptions)MemberwiseClone();

    internal void Validate()
    {
        if (MaxAttempts < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxAttempts), MaxAttempts, "At least one attempt is needed.");
        }

        if (MaxTotalDelay < TimeSpan.Zero || ConcurrencyDelay < TimeSpan.Zero || TransientDelay < TimeSpan.Zero || MaxDelay < TimeSpan.Zero || MaxLimitWait < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxTotalDelay), "Delays cannot be negative.");
        }
    }
}
