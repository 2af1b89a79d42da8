using System;
using System.Net;

namespace QualysGen;

/// <summary>Which Qualys limit blocked a call.</summary>
public enum QualysLimitKind
{
    /// <summary>Too many calls to this API in the rolling window (code 1965, or a gateway HTTP 429).</summary>
    Rate,

    /// <summary>Too many calls to this API running at once (code 1960).</summary>
    Concurrency,
}

/// <summary>
/// A rate or concurrency limit blocked the call, and waiting it out would have exceeded the retry budget
/// (<see cref="Client.QualysRetryOptions"/>): too many attempts, or a wait longer than the time left (Qualys can ask
/// to wait for hours). A blocked call never ran, so it is always safe to send again after <see cref="RetryAfter"/>.
/// </summary>
public sealed class QualysLimitExceededException : QualysException
{
    /// <summary>Creates the exception.</summary>
    public QualysLimitExceededException(QualysCallInfo call, HttpStatusCode? httpStatus, QualysLimitKind kind, int? code, string? text, TimeSpan? retryAfter, int attempts)
        : base(FormatMessage(call, kind, code, text, retryAfter, attempts), call, httpStatus)
    {
        Kind = kind;
        Code = code;
        Text = text;
        RetryAfter = retryAfter;
        Attempts = attempts;
    }

    /// <summary>Which limit.</summary>
    public QualysLimitKind Kind { get; }

    /// <summary>The Qualys code (1960 or 1965), or null for a gateway 429 or a blocked call without a body.</summary>
    public int? Code { get; }

    /// <summary>What Qualys said, e.g. "This API cannot be run again for another 23 hours, 57 minutes and 54 seconds."</summary>
    public string? Text { get; }

    /// <summary>How long Qualys asked to wait (<c>X-RateLimit-ToWait-Sec</c>, <c>Retry-After</c> or <c>SECONDS_TO_WAIT</c>), when it said.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>How many times the call was sent.</summary>
    public int Attempts { get; }

    private static string FormatMessage(QualysCallInfo call, QualysLimitKind kind, int? code, string? text, TimeSpan? retryAfter, int attempts)
    {
        var message = $"{Describe(call)} was blocked by the Qualys {(kind == QualysLimitKind.Rate ? "rate" : "concurrency")} limit";
        if (code is { } c)
        {
            message += $" (code {c})";
        }

        message += $" after {attempts} attempt(s)";
        if (retryAfter is { } wait)
        {
            message += $"; Qualys asks to wait {wait.TotalSeconds:0} s";
        }

        return text is null ? message : message + ": " + text;
    }
}
