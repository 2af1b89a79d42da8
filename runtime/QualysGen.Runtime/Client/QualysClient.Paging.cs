using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using QualysGen.Paging;
using QualysGen.Requests;
using QualysGen.Responses;

namespace QualysGen.Client;

public sealed partial class QualysClient
{
    /// <summary>How much of the end of a classic-API page is kept to find its truncation <c>WARNING</c>.</summary>
    private const int TailWindowBytes = 16 * 1024;

    /// <summary>At most this much is read past the last record to reach the <c>WARNING</c>.</summary>
    private const long MaxBytesAfterRecords = 4 * 1024 * 1024;

    /// <summary>
    /// Sends <paramref name="request"/> and yields the records of every page, reading each record as it arrives with
    /// <paramref name="readRecords"/> (a generated record streamer such as <c>ComplianceScheduleScanListOutput.EnumerateScansAsync</c>).
    /// The next page is requested only when the caller has taken the last record of the current one: a classic-API list follows
    /// its truncation <c>WARNING</c> (code 1980) and <c>URL</c>; a QPS search follows <c>hasMoreRecords</c>/<c>lastId</c>.
    /// </summary>
    /// <remarks>
    /// Each page holds its API's concurrency slot and its connection while the caller iterates it. Stopping early (break, dispose,
    /// cancel) closes the connection and sends nothing more. Failures are the exceptions of <see cref="SendAsync{TResponse}"/>; a
    /// connection that breaks off mid-page throws <see cref="QualysTransportException"/> (records already yielded stay yielded).
    /// </remarks>
    public IAsyncEnumerable<TRecord> EnumerateAsync<TResponse, TRecord>(
        QualysRequest<TResponse> request,
        Func<Stream, QualysXmlOptions?, CancellationToken, IAsyncEnumerable<TRecord>> readRecords,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(readRecords);
        return EnumerateRecordsAsync(request, readRecords, cancellationToken);
    }

    /// <summary>
    /// Sends a list request and yields the records of every page as they arrive, read by the record stream the request carries
    /// (generated list builders return <see cref="QualysRequest{TResponse, TRecord}"/>): the same as
    /// <see cref="EnumerateAsync{TResponse, TRecord}(QualysRequest{TResponse}, Func{Stream, QualysXmlOptions, CancellationToken, IAsyncEnumerable{TRecord}}, CancellationToken)"/>
    /// with that stream.
    /// </summary>
    public IAsyncEnumerable<TRecord> EnumerateAsync<TResponse, TRecord>(QualysRequest<TResponse, TRecord> request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return EnumerateRecordsAsync(request, request.ReadRecords, cancellationToken);
    }

    /// <summary>
    /// Like <see cref="EnumerateAsync{TResponse, TRecord}(QualysRequest{TResponse}, Func{Stream, QualysXmlOptions, CancellationToken, IAsyncEnumerable{TRecord}}, CancellationToken)"/>, but yields each page whole, parsed by the endpoint's parser.
    /// </summary>
    public IAsyncEnumerable<TResponse> EnumeratePagesAsync<TResponse>(QualysRequest<TResponse> request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return EnumeratePagesCoreAsync(request, cancellationToken);
    }

    private async IAsyncEnumerable<TRecord> EnumerateRecordsAsync<TResponse, TRecord>(
        QualysRequest<TResponse> request,
        Func<Stream, QualysXmlOptions?, CancellationToken, IAsyncEnumerable<TRecord>> readRecords,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        var current = request;
        for (var page = 1; current is not null; page++)
        {
            if (page > 1)
            {
                Log.NextPage(_logger, current.Endpoint, current.Version, page, current.BodyKind == QualysBodyKind.Xml ? "QPS lastId" : "truncation WARNING URL");
            }

            var state = new CallState(current, _options.Retry);
            using var activity = StartActivity(current);
            OpenResponse response;
            try
            {
                response = await OpenAsync(current, state, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                QualysTelemetry.Fail(activity, exception);
                throw;
            }

            await using (response.ConfigureAwait(false))
            {
                var body = new TailWindowStream(response.Body, TailWindowBytes);
                var records = ReadRecords(current, readRecords, body, cancellationToken);
                try
                {
                    while (true)
                    {
                        bool more;
                        try
                        {
                            more = await records.MoveNextAsync().ConfigureAwait(false);
                        }
                        catch (Exception exception) when (exception is not OperationCanceledException)
                        {
                            var translated = TranslateBodyFailure(exception, state, response);
                            QualysTelemetry.Fail(activity, translated ?? exception);
                            if (translated is null)
                            {
                                throw;
                            }

                            throw translated;
                        }

                        if (!more)
                        {
                            break;
                        }

                        yield return records.Current;
                    }
                }
                finally
                {
                    await records.DisposeAsync().ConfigureAwait(false);
                }

                current = await FollowAsync(current, response, body, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async IAsyncEnumerable<TResponse> EnumeratePagesCoreAsync<TResponse>(QualysRequest<TResponse> request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        var current = request;
        for (var page = 1; current is not null; page++)
        {
            if (page > 1)
            {
                Log.NextPage(_logger, current.Endpoint, current.Version, page, current.BodyKind == QualysBodyKind.Xml ? "QPS lastId" : "truncation WARNING URL");
            }

            var state = new CallState(current, _options.Retry);
            using var activity = StartActivity(current);
            TResponse result;
            QualysRequest<TResponse>? next;
            try
            {
                var response = await OpenAsync(current, state, cancellationToken).ConfigureAwait(false);
                await using (response.ConfigureAwait(false))
                {
                    var body = new TailWindowStream(response.Body, TailWindowBytes);
                    try
                    {
                        result = await ParseBodyAsync(current, body, cancellationToken).ConfigureAwait(false);
                    }
                    catch (Exception exception) when (TranslateBodyFailure(exception, state, response) is { } translated)
                    {
                        throw translated;
                    }

                    next = await FollowAsync(current, response, body, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception exception)
            {
                QualysTelemetry.Fail(activity, exception);
                throw;
            }

            // The connection is closed before the caller gets the page, so a slow consumer holds no slot.
            yield return result;
            current = next;
        }
    }

    private static QualysException? TranslateBodyFailure(Exception exception, CallState state, OpenResponse response) => exception switch
    {
        QualysXmlException or System.Text.Json.JsonException => new QualysResponseFormatException(state.Call, response.StatusCode, exception),
        IOException or System.Net.Http.HttpRequestException => new QualysTransportException(state.Call, BodyIdleTimeoutStream.IsTimeout(exception), mayHaveRun: true, state.Sent, exception),
        _ => null,
    };

    /// <summary>The request for the page after <paramref name="response"/>, or null when it was the last.</summary>
    private async ValueTask<QualysRequest<TResponse>?> FollowAsync<TResponse>(QualysRequest<TResponse> request, OpenResponse response, TailWindowStream body, CancellationToken cancellationToken)
    {
        var envelope = response.Envelope;
        if (envelope.Root == ResponseRoot.ServiceResponse)
        {
            var service = envelope.Service!;
            return service.HasMoreRecords && !string.IsNullOrEmpty(service.LastId) ? NextPage.FromLastId(request, service.LastId!) : null;
        }

        if (envelope.Root != ResponseRoot.Other)
        {
            return null;
        }

        // The WARNING comes after the records; read what is left (closing tags, the warning, a comment or two) into the window.
        if (!await body.DrainAsync(MaxBytesAfterRecords, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        if (TruncationWarning.Find(body.GetTail()) is not { } warning)
        {
            return null;
        }

        var next = NextPage.FromWarningUrl(request, warning.Url, out var host);
        if (host is not null && !string.Equals(host, _urls.ApiServer.Host, StringComparison.OrdinalIgnoreCase))
        {
            Log.ForeignNextPageHost(_logger, request.Endpoint, request.Version, host);
        }

        return next;
    }
}
