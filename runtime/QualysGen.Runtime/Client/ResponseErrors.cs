using System;
using System.Net.Http;
using QualysGen.Requests;
using QualysGen.Responses;

namespace QualysGen.Client;

/// <summary>
/// The error stage: the exception a failing <see cref="ResponseOutcome"/> becomes, with what the body said (code, text,
/// items) and never a credential or a parameter value. Limits and retries are decided before this; what reaches it fails.
/// </summary>
internal static class ResponseErrors
{
    /// <param name="outcome">What <see cref="ResponseClassifier"/> decided; not <see cref="ResponseOutcome.Success"/> or <see cref="ResponseOutcome.Limited"/>.</param>
    /// <param name="call">The call, for the message.</param>
    /// <param name="scheme">The scheme the call used, or the one a credential request obtains.</param>
    /// <param name="response">The answer's head.</param>
    /// <param name="envelope">The answer's root element.</param>
    /// <param name="attempts">Requests sent so far.</param>
    public static QualysException For(ResponseOutcome outcome, QualysCallInfo call, QualysAuthSchemes scheme, HttpResponseMessage response, ResponseEnvelope envelope, int attempts)
    {
        var status = response.StatusCode;
        switch (outcome)
        {
            case ResponseOutcome.Unauthorized or ResponseOutcome.AccountError:
                return envelope.Root switch
                {
                    ResponseRoot.SimpleReturn => new QualysAuthenticationException(call, status, scheme, envelope.SimpleReturn!.RawCode, NullIfEmpty(envelope.SimpleReturn.Text)),
                    ResponseRoot.ServiceResponse => new QualysAuthenticationException(call, status, scheme, envelope.Service!.ResponseCode, envelope.Service.ErrorMessage),
                    _ => new QualysAuthenticationException(call, status, scheme, null, null),
                };

            case ResponseOutcome.ApiError:
                var simple = envelope.SimpleReturn!;
                return new QualysApiException(call, status, simple.Code, simple.Text, simple.Items);

            case ResponseOutcome.ServiceError:
                var service = envelope.Service!;
                return new QualysServiceException(call, status, service.ResponseCode, service.ErrorMessage, service.ErrorResolution, service.InternalErrorCodeId);

            case ResponseOutcome.ServerError or ResponseOutcome.HttpError:
                return new QualysHttpException(call, status, response.ReasonPhrase, response.Content.Headers.ContentType?.MediaType, attempts);

            default:
                throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Not a failure.");
        }
    }

    internal static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}
