using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using QualysGen.Requests;

namespace QualysGen.Client;

public sealed partial class QualysClient
{
    // The one place the client hands a body to a generated parser or record stream: when what a parse needs changes (per-call
    // XML options, say), these two change and nothing else in the transport does.

    /// <summary>Parses a whole response body with the request's parser.</summary>
    private static ValueTask<TResponse> ParseBodyAsync<TResponse>(QualysRequest<TResponse> request, Stream body, CancellationToken cancellationToken)
        => request.ParseResponseAsync(body, cancellationToken);

    /// <summary>Starts reading the records of a response body with a generated record stream.</summary>
    private static IAsyncEnumerator<TRecord> ReadRecords<TRecord>(Func<Stream, CancellationToken, IAsyncEnumerable<TRecord>> readRecords, Stream body, CancellationToken cancellationToken)
        => readRecords(body, cancellationToken).GetAsyncEnumerator(cancellationToken);
}
