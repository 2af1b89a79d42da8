using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace QualysGen.Requests;

/// <summary>
/// Creates the <see cref="QualysRequest{TResponse}"/> of a generated builder. Generated code passes the method as text, so that it
/// names no type of <c>System.Net.Http</c> and compiles the same against any framework version. Not meant to be called by hand.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class QualysRequestFactory
{
    /// <summary>
    /// Creates a request; <paramref name="method"/> is an HTTP method in upper case (<c>GET</c>, <c>POST</c>, <c>DELETE</c>, …).
    /// Generated code passes no <paramref name="contentType"/>: the body kind decides it (<see cref="QualysRequest.DefaultContentType"/>).
    /// </summary>
    public static QualysRequest<TResponse> Create<TResponse>(
        string endpoint,
        string version,
        string method,
        string path,
        IReadOnlyList<KeyValuePair<string, string>> query,
        QualysBodyKind bodyKind,
        IReadOnlyList<KeyValuePair<string, string>> form,
        ReadOnlyMemory<byte> body,
        QualysAuthSchemes authSchemes,
        QualysHost host,
        bool isRetrySafe,
        Func<Stream, QualysXmlOptions?, CancellationToken, ValueTask<TResponse>> parse,
        string? contentType = null)
        => new(endpoint, version, Method(method), path, query, bodyKind, form, body, contentType, authSchemes, host, isRetrySafe, parse);

    /// <summary>Creates a list request, which carries its record stream; generated list builders call this.</summary>
    public static QualysRequest<TResponse, TRecord> Create<TResponse, TRecord>(
        string endpoint,
        string version,
        string method,
        string path,
        IReadOnlyList<KeyValuePair<string, string>> query,
        QualysBodyKind bodyKind,
        IReadOnlyList<KeyValuePair<string, string>> form,
        ReadOnlyMemory<byte> body,
        QualysAuthSchemes authSchemes,
        QualysHost host,
        bool isRetrySafe,
        Func<Stream, QualysXmlOptions?, CancellationToken, ValueTask<TResponse>> parse,
        Func<Stream, QualysXmlOptions?, CancellationToken, IAsyncEnumerable<TRecord>> readRecords,
        string? contentType = null)
        => new(endpoint, version, Method(method), path, query, bodyKind, form, body, contentType, authSchemes, host, isRetrySafe, parse, readRecords);

    private static HttpMethod Method(string method) => method switch
    {
        "GET" => HttpMethod.Get,
        "POST" => HttpMethod.Post,
        "PUT" => HttpMethod.Put,
        "DELETE" => HttpMethod.Delete,
        "PATCH" => HttpMethod.Patch,
        "HEAD" => HttpMethod.Head,
        _ => new HttpMethod(method),
    };
}
