using System.Net;
using QualysGen.Responses;

namespace QualysGen.Client;

/// <summary>
/// The classification stage: what an answer means, decided on the body's root element (Qualys sends errors with HTTP 200 and
/// 400 alike); the status decides only when the body is not a Qualys envelope. The table is in the runtime README, "Errors".
/// </summary>
internal static class ResponseClassifier
{
    public static ResponseOutcome Classify(HttpStatusCode status, ResponseEnvelope envelope)
    {
        var code = (int)status;
        switch (envelope.Root)
        {
            case ResponseRoot.SimpleReturn:
                var simple = envelope.SimpleReturn!;
                if (code == 401)
                {
                    return ResponseOutcome.Unauthorized;
                }

                return simple.Code switch
                {
                    1960 or 1965 => ResponseOutcome.Limited,
                    >= 2000 and < 2100 => ResponseOutcome.AccountError,
                    not null => ResponseOutcome.ApiError,

                    // No numeric CODE: a success ("Logged in", "Report canceled") — unless the status says otherwise.
                    null when code is >= 200 and < 300 => ResponseOutcome.Success,
                    null when code == 403 => ResponseOutcome.Unauthorized,
                    null when code is 409 or 429 => ResponseOutcome.Limited,
                    null => ResponseOutcome.ApiError,
                };

            case ResponseRoot.ServiceResponse:
                var service = envelope.Service!;
                if (service.IsSuccess)
                {
                    return code == 401 ? ResponseOutcome.Unauthorized : ResponseOutcome.Success;
                }

                return service.ResponseCode is "INVALID_CREDENTIALS" or "AUTH_CREDENTIALS_NEEDED" ? ResponseOutcome.Unauthorized : ResponseOutcome.ServiceError;

            default:
                return code switch
                {
                    >= 200 and < 300 => ResponseOutcome.Success,
                    401 or 403 => ResponseOutcome.Unauthorized,
                    409 or 429 => ResponseOutcome.Limited,
                    >= 500 => ResponseOutcome.ServerError,
                    _ => ResponseOutcome.HttpError,
                };
        }
    }
}
