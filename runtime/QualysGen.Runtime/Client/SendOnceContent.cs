using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace QualysGen.Client;

/// <summary>
/// The body of a request that is not safe to repeat (a create, a launch, a delete): it can be written to a connection once,
/// and a second attempt to write it fails before the request is complete on the wire.
/// </summary>
/// <remarks>
/// <para>Why every such request gets one, even with nothing to send: <see cref="SocketsHttpHandler"/> treats a request
/// without content as not yet sent until the first byte of an answer arrives, and when the connection then ends it sends the
/// request again on a new connection, up to three times, without telling the caller. A server that reads a query-only
/// <c>POST /api/3.0/fo/report/?action=cancel</c> and drops the connection got it four times. Once content has been written
/// the handler no longer repeats the request, so an empty body (<c>Content-Length: 0</c>, which a body-less POST carries
/// anyway) stops that.</para>
/// <para>Refusing a second serialization covers what the primary handler does not: a handler further out that sends the
/// same message again (a resilience or retry handler a consumer adds) gets an <see cref="HttpRequestException"/> instead
/// of a second request. The handler buffers the headers with the body, so the refused request never reaches the server.</para>
/// </remarks>
internal sealed class SendOnceContent : HttpContent
{
    private readonly HttpContent? _inner;
    private int _written;

    /// <summary>Wraps <paramref name="inner"/>'s bytes and headers, or sends an empty body when it is null.</summary>
    public SendOnceContent(HttpContent? inner)
    {
        _inner = inner;
        if (inner is not null)
        {
            foreach (var header in inner.Headers)
            {
                Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        => SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _written, 1) != 0)
        {
            throw new InvalidOperationException(
                "This request is not safe to repeat and was already sent once; QualysClient decides when a call is sent again. " +
                "Remove retry handlers from the QualysGen HttpClient pipeline (see the runtime README, \"Limits and retries\").");
        }

        return _inner is null ? Task.CompletedTask : _inner.CopyToAsync(stream, cancellationToken);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        if (_inner is null)
        {
            return true;
        }

        if (_inner.Headers.ContentLength is { } known)
        {
            length = known;
            return true;
        }

        return false;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner?.Dispose();
        }

        base.Dispose(disposing);
    }
}
