using System.Net;

namespace QualysGen;

/// <summary>
/// Qualys answered a QPS REST call (<c>/qps/rest/...</c>) with a <c>ServiceResponse</c> whose <c>responseCode</c> is not
/// <c>SUCCESS</c>, for example <c>INVALID_REQUEST</c> "Criteria: Invalid value format for criteria 'isScanned'", usually with HTTP 200.
/// <c>INVALID_CREDENTIALS</c> surfaces as <see cref="QualysAuthenticationException"/> instead.
/// </summary>
public sealed class QualysServiceException : QualysException
{
    /// <summary>Creates the exception.</summary>
    public QualysServiceException(QualysCallInfo call, HttpStatusCode httpStatus, string responseCode, string? errorMessage, string? errorResolution, int? internalErrorCodeId)
        : base(FormatMessage(call, responseCode, errorMessage, errorResolution), call, httpStatus)
    {
        ResponseCode = responseCode;
        ErrorMessage = errorMessage;
        ErrorResolution = errorResolution;
        InternalErrorCodeId = internalErrorCodeId;
    }

    /// <summary>The <c>responseCode</c> as sent: <c>INVALID_REQUEST</c>, <c>NOT_FOUND</c>, <c>UNAUTHORIZED</c>, <c>OTHER_ERROR</c>, ...</summary>
    public string ResponseCode { get; }

    /// <summary><c>responseErrorDetails/errorMessage</c>, or null when absent.</summary>
    public string? ErrorMessage { get; }

    /// <summary><c>responseErrorDetails/errorResolution</c>: what Qualys suggests doing, or null.</summary>
    public string? ErrorResolution { get; }

    /// <summary><c>responseErrorDetails/internalErrorCodeId</c>, or null.</summary>
    public int? InternalErrorCodeId { get; }

    private static string FormatMessage(QualysCallInfo call, string code, string? message, string? resolution)
    {
        var text = $"{Describe(call)} failed with {code}";
        if (message is not null)
        {
            text += ": " + message;
        }

        return resolution is null ? text : text + " (" + resolution + ")";
    }
}
