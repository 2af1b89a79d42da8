using System.Net;

namespace QualysGen;

/// <summary>
/// The response was not a Qualys answer: an HTTP error status (a 5xx, a 404 from a wrong URL, a proxy's 502) whose body is
/// not a <c>SIMPLE_RETURN</c> or <c>ServiceResponse</c>. A 5xx on an endpoint that is safe to retry was retried first.
/// </summary>
public sealed class QualysHttpException : QualysException
{
    /// <summary>Creates the exception.</summary>
    public QualysHttpException(QualysCallInfo call, HttpStatusCode httpStatus, string? reasonPhrase, string? contentType, int attempts)
        : base($"{Describe(call)} failed with HTTP {(int)httpStatus} {reasonPhrase} ({contentType ?? "no body"}) after {attempts} attempt(s)", call, httpStatus)
    {
        ReasonPhrase = reasonPhrase;
        ContentType = contentType;
        Attempts = attempts;
    }

    /// <summary>The status line's reason phrase.</summary>
    public string? ReasonPhrase { get; }

    /// <summary>The media type of the body, or null when there was none.</summary>
    public string? ContentType { get; }

    /// <summary>How many times the call was sent.</summary>
    public int Attempts { get; }
}
