using System;
using System.Net;

namespace QualysGen;

/// <summary>
/// The base of every exception that <see cref="Client.QualysClient"/> throws for a call that did not succeed: Qualys said no
/// (<see cref="QualysApiException"/>, <see cref="QualysServiceException"/>, <see cref="QualysAuthenticationException"/>),
/// a limit held for longer than the retry budget (<see cref="QualysLimitExceededException"/>), the answer was not a Qualys answer
/// (<see cref="QualysHttpException"/>, <see cref="QualysResponseFormatException"/>), or the connection failed
/// (<see cref="QualysTransportException"/>). Cancelling a call through its token throws <see cref="OperationCanceledException"/> as usual.
/// </summary>
/// <remarks>
/// Messages name the endpoint, its version and the request path, never a query or form value, a password, a token or a cookie.
/// </remarks>
public abstract class QualysException : Exception
{
    /// <summary>Creates the exception.</summary>
    protected QualysException(string message, QualysCallInfo call, HttpStatusCode? httpStatus, Exception? innerException = null)
        : base(message, innerException)
    {
        Call = call;
        HttpStatus = httpStatus;
    }

    /// <summary>The call that failed: endpoint, version, method and path (no parameter values).</summary>
    public QualysCallInfo Call { get; }

    /// <summary>The HTTP status of the response, or null when no response came.</summary>
    public HttpStatusCode? HttpStatus { get; }

    /// <summary>Formats "what failed" for messages: <c>ReportCancel v3.0 (POST /api/3.0/fo/report/)</c>.</summary>
    private protected static string Describe(QualysCallInfo call) => call.ToString();
}
