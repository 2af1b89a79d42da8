using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace QualysGen.Client;

/// <summary>
/// The innermost handler of the <see cref="IHttpClientFactory"/> clients that <c>AddQualysClient</c> registers: it lets each
/// request of the client reach the connection once, and fails a second send of the same request (or of a copy carrying its
/// options) clearly, so a retry or resilience handler a consumer adds on top cannot multiply the client's own retries.
/// </summary>
/// <remarks>
/// <see cref="RequestMessageFactory"/> marks every message the client sends with an attempt of its own. A handler further
/// out that sends it again after a failure (<c>AddStandardResilienceHandler</c>, a Polly retry policy, a hand-written retry
/// loop; Microsoft's resilience handler resends the same message, its hedging copies carry the same options) reaches this
/// handler a second time and gets an <see cref="InvalidOperationException"/> that names the fix, which such a handler does
/// not treat as transient. Messages the client did not make pass through untouched.
/// </remarks>
internal sealed class ResendGuardHandler : DelegatingHandler
{
    internal const string ResentMessage =
        "A handler in the QualysGen HttpClient pipeline sent the same request again (a retry or resilience handler such as " +
        "AddStandardResilienceHandler or a Polly retry policy). QualysClient retries by Qualys' rules itself and counts every attempt: " +
        "remove that handler from the builder AddQualysClient returns and tune QualysClientOptions.Retry instead (see the runtime README, \"Limits and retries\").";

    private static readonly HttpRequestOptionsKey<Attempt> AttemptKey = new("QualysGen.Attempt");

    /// <summary>Marks <paramref name="message"/> as one attempt of the client, to be sent once.</summary>
    public static void Mark(HttpRequestMessage message) => message.Options.Set(AttemptKey, new Attempt());

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Check(request);
        return base.SendAsync(request, cancellationToken);
    }

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Check(request);
        return base.Send(request, cancellationToken);
    }

    private static void Check(HttpRequestMessage request)
    {
        if (request.Options.TryGetValue(AttemptKey, out var attempt) && Interlocked.Increment(ref attempt.Sends) > 1)
        {
            throw new InvalidOperationException(ResentMessage);
        }
    }

    private sealed class Attempt
    {
        public int Sends;
    }
}
