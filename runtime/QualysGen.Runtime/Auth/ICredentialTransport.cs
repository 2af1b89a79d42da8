using System.Threading;
using System.Threading.Tasks;
using QualysGen.Requests;

namespace QualysGen.Auth;

/// <summary>
/// How <see cref="QualysCredentials"/> sends its own requests (session login and logout, the gateway's token request): the
/// client passes them through the same attempt loop as every call (gates, limits, retries, classification), so a refused
/// password is a <see cref="QualysAuthenticationException"/> like any other. Tests give the stage a fake.
/// </summary>
internal interface ICredentialTransport
{
    /// <summary>Sends <paramref name="request"/> and reads its whole (small) answer.</summary>
    /// <param name="request">The credential request: no auth of its own, safe to repeat, its form never logged.</param>
    /// <param name="obtains">The scheme the request obtains or ends, named by the exception when it is refused.</param>
    /// <param name="ticket">The credential to send it with (the session a logout ends), or null.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    Task<CredentialAnswer> SendAsync(QualysRequest<string> request, QualysAuthSchemes obtains, AuthTicket? ticket, CancellationToken cancellationToken);
}
