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

    internal QualysRetryOptions Clone() => (QualysRetryOptions)MemberwiseClone();

    internal void Validate()
    {
        if (MaxAttempts < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxAttempts), MaxAttempts, "At least one attempt is needed.");
        }

        if (MaxTotalDelay < TimeSpan.Zero || ConcurrencyDelay < TimeSpan.Zero || TransientDelay < TimeSpan.Zero || MaxDelay < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxTotalDelay), "Delays cannot be negative.");
        }
    }
}
