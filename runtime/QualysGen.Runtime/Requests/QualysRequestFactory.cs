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
        Func<Stream, CancellationToken, ValueTask<TResponse>> parse,
        string? contentType = null)
        => new(endpoint, version, Method(method), path, query, bodyKind, form, body, contentType, authSchemes, host, isRetrySafe, parse);

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
