using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using QualysGen.Requests;

namespace QualysGen.Client;

public sealed partial class QualysClient
{
    // The one place the client hands a body to a generated parser or record stream, with the call's XML options.

    /// <summary>Parses a whole response body with the request's parser.</summary>
    private ValueTask<TResponse> ParseBodyAsync<TResponse>(QualysRequest<TResponse> request, Stream body, CancellationToken cancellationToken)
        => request.ParseResponseAsync(body, XmlOptions(request), cancellationToken);

    /// <summary>Starts reading the records of a response body with a generated record stream.</summary>
    private IAsyncEnumerator<TRecord> ReadRecords<TRecord>(QualysRequest request, Func<Stream, QualysXmlOptions?, CancellationToken, IAsyncEnumerable<TRecord>> readRecords, Stream body, CancellationToken cancellationToken)
        => readRecords(body, XmlOptions(request), cancellationToken).GetAsyncEnumerator(cancellationToken);

    /// <summary>The parse options of one call: the client's, with a reporter that logs what the response breaks or adds.</summary>
    private QualysXmlOptions XmlOptions(QualysRequest request)
    {
        var xml = _options.Xml ?? QualysXmlOptions.Default;
        if (!_logger.IsEnabled(LogLevel.Warning))
        {
            return xml;
        }

        return xml.WithReporter(new ClientXmlReporter(_logger, request.Endpoint, request.Version, xml.Reporter));
    }
}
