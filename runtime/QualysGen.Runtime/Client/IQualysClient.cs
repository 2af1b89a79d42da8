using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using QualysGen.Requests;

namespace QualysGen.Client;

/// <summary>
/// What <see cref="QualysClient"/> does for its callers: send a request, enumerate the records or pages of a list. Depend on this
/// interface to fake Qualys in your own tests (a class of your own, or any mocking library); <c>AddQualysClient</c> registers
/// it beside <see cref="QualysClient"/>, as the same instance.
/// </summary>
public interface IQualysClient
{
    /// <summary>The API server the client calls.</summary>
    Uri ApiServer { get; }

    /// <summary>The gateway the client gets JWTs from and calls gateway APIs on.</summary>
    Uri Gateway { get; }

    /// <inheritdoc cref="QualysClient.SendAsync{TResponse}(QualysRequest{TResponse}, CancellationToken)"/>
    Task<TResponse> SendAsync<TResponse>(QualysRequest<TResponse> request, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="QualysClient.EnumerateAsync{TResponse, TRecord}(QualysRequest{TResponse, TRecord}, CancellationToken)"/>
    IAsyncEnumerable<TRecord> EnumerateAsync<TResponse, TRecord>(QualysRequest<TResponse, TRecord> request, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="QualysClient.EnumerateAsync{TResponse, TRecord}(QualysRequest{TResponse}, Func{Stream, QualysXmlOptions, CancellationToken, IAsyncEnumerable{TRecord}}, CancellationToken)"/>
    IAsyncEnumerable<TRecord> EnumerateAsync<TResponse, TRecord>(
        QualysRequest<TResponse> request,
        Func<Stream, QualysXmlOptions?, CancellationToken, IAsyncEnumerable<TRecord>> readRecords,
        CancellationToken cancellationToken = default);

    /// <inheritdoc cref="QualysClient.EnumeratePagesAsync{TResponse}(QualysRequest{TResponse}, CancellationToken)"/>
    IAsyncEnumerable<TResponse> EnumeratePagesAsync<TResponse>(QualysRequest<TResponse> request, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="QualysClient.LogOutAsync(CancellationToken)"/>
    Task LogOutAsync(CancellationToken cancellationToken = default);
}
