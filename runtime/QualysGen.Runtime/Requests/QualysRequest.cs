using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace QualysGen.Requests;

/// <summary>
/// A request that generated builders produce and the client sends: everything about the call except the
/// platform, the credentials and the transport. Built only after every documented parameter rule is checked,
/// so a value of this type is a request Qualys documents as valid. It never holds credentials.
/// </summary>
public abstract class QualysRequest
{
    /// <summary>Creates a request; generated builders call this, users do not need to.</summary>
    protected QualysRequest(
        string endpoint,
        string version,
        HttpMethod method,
        string path,
        IReadOnlyList<KeyValuePair<string, string>> query,
        QualysBodyKind bodyKind,
        IReadOnlyList<KeyValuePair<string, string>> form,
        ReadOnlyMemory<byte> body,
        string? contentType,
        QualysAuthSchemes authSchemes,
        QualysHost host,
        bool isRetrySafe)
    {
        Endpoint = endpoint;
        Version = version;
        Method = method;
        Path = path;
        Query = query;
        BodyKind = bodyKind;
        Form = form;
        Body = body;
        ContentType = contentType ?? DefaultContentType(bodyKind);
        AuthSchemes = authSchemes;
        Host = host;
        IsRetrySafe = isRetrySafe;
    }

    /// <summary>The endpoint's name in its spec, e.g. <c>ReportCancel</c>.</summary>
    public string Endpoint { get; }

    /// <summary>The API version, e.g. <c>3.0</c>.</summary>
    public string Version { get; }

    /// <summary>The HTTP method.</summary>
    public HttpMethod Method { get; }

    /// <summary>The path relative to the host, with path parameters filled in, e.g. <c>/api/3.0/fo/report/</c>.</summary>
    public string Path { get; }

    /// <summary>Query-string parameters in order (for FO calls this includes <c>action</c>).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Query { get; }

    /// <summary>How the parameters travel.</summary>
    public QualysBodyKind BodyKind { get; }

    /// <summary>Form fields in order, for <see cref="QualysBodyKind.Form"/>.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Form { get; }

    /// <summary>The body bytes for <see cref="QualysBodyKind.Xml"/> and <see cref="QualysBodyKind.Json"/>; empty otherwise.</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>
    /// The body's content type: the one given to the constructor, else the one of <see cref="BodyKind"/> (form:
    /// <c>application/x-www-form-urlencoded</c>, XML: <c>text/xml</c>, JSON: <c>application/json</c>); null for a query-only call.
    /// This is the one place that decides it: the generated builders pass none, and the client sends what this says.
    /// </summary>
    public string? ContentType { get; }

    /// <summary>The auth schemes this endpoint version accepts; the client uses one of them.</summary>
    public QualysAuthSchemes AuthSchemes { get; }

    /// <summary>Which host serves the endpoint.</summary>
    public QualysHost Host { get; }

    /// <summary>
    /// Whether the call may be sent again after a timeout, a dropped connection or a 5xx (the spec says so: lists are, launches,
    /// creates and deletes are not). A call refused by a rate or concurrency limit never ran and may always be retried.
    /// </summary>
    public bool IsRetrySafe { get; }

    /// <summary>The content type of a body of <paramref name="kind"/>, or null when the parameters travel in the query string.</summary>
    public static string? DefaultContentType(QualysBodyKind kind) => kind switch
    {
        QualysBodyKind.Form => "application/x-www-form-urlencoded",
        QualysBodyKind.Xml => "text/xml",
        QualysBodyKind.Json => "application/json",
        _ => null,
    };

    /// <summary>The path and query as they go on the wire, e.g. <c>/api/3.0/fo/report/?action=cancel&amp;id=12</c>.</summary>
    public string PathAndQuery
    {
        get
        {
            if (Query.Count == 0)
            {
                return Path;
            }

            var builder = new StringBuilder(Path).Append('?');
            for (var i = 0; i < Query.Count; i++)
            {
                if (i > 0)
                {
                    builder.Append('&');
                }

                builder.Append(Uri.EscapeDataString(Query[i].Key)).Append('=').Append(Uri.EscapeDataString(Query[i].Value));
            }

            return builder.ToString();
        }
    }

    /// <summary>
    /// The method, path and the <em>names</em> of the parameters: values are left out because some (a password to store, a
    /// token) are secrets, and this text ends up in logs and exception messages.
    /// </summary>
    public override string ToString()
    {
        var builder = new StringBuilder().Append(Method).Append(' ').Append(Path);
        AppendNames(builder, Query, '?');
        AppendNames(builder, Form, ' ');
        return builder.Append(" (").Append(Endpoint).Append(" v").Append(Version).Append(')').ToString();

        static void AppendNames(StringBuilder builder, IReadOnlyList<KeyValuePair<string, string>> parameters, char first)
        {
            for (var i = 0; i < parameters.Count; i++)
            {
                builder.Append(i == 0 ? first : '&').Append(parameters[i].Key).Append("=…");
            }
        }
    }
}

/// <summary>A <see cref="QualysRequest"/> that knows how to read its response.</summary>
/// <typeparam name="TResponse">The generated model of the response's root element.</typeparam>
public class QualysRequest<TResponse> : QualysRequest
{
    private readonly Func<Stream, QualysXmlOptions?, CancellationToken, ValueTask<TResponse>> _parse;

    /// <summary>Creates a request; generated builders call this, users do not need to.</summary>
    public QualysRequest(
        string endpoint,
        string version,
        HttpMethod method,
        string path,
        IReadOnlyList<KeyValuePair<string, string>> query,
        QualysBodyKind bodyKind,
        IReadOnlyList<KeyValuePair<string, string>> form,
        ReadOnlyMemory<byte> body,
        string? contentType,
        QualysAuthSchemes authSchemes,
        QualysHost host,
        bool isRetrySafe,
        Func<Stream, QualysXmlOptions?, CancellationToken, ValueTask<TResponse>> parse)
        : base(endpoint, version, method, path, query, bodyKind, form, body, contentType, authSchemes, host, isRetrySafe)
        => _parse = parse ?? throw new ArgumentNullException(nameof(parse));

    /// <summary>Reads the response body with the generated parser of the endpoint's response schema and the default options.</summary>
    public ValueTask<TResponse> ParseResponseAsync(Stream body, CancellationToken cancellationToken = default) => _parse(body, null, cancellationToken);

    /// <summary>Reads the response body with the generated parser of the endpoint's response schema.</summary>
    /// <param name="body">The response body.</param>
    /// <param name="options">How deviations and drift are treated and reported, and the limits; null for the defaults.</param>
    /// <param name="cancellationToken">Cancels waiting for the body.</param>
    public ValueTask<TResponse> ParseResponseAsync(Stream body, QualysXmlOptions? options, CancellationToken cancellationToken = default)
        => _parse(body, options, cancellationToken);
}

/// <summary>
/// A list request: a <see cref="QualysRequest{TResponse}"/> that also knows how to read its records one at a time, so that
/// <c>client.EnumerateAsync(request)</c> streams every record of every page without naming the parser.
/// </summary>
/// <typeparam name="TResponse">The generated model of the response's root element.</typeparam>
/// <typeparam name="TRecord">The generated model of one record.</typeparam>
public sealed class QualysRequest<TResponse, TRecord> : QualysRequest<TResponse>
{
    /// <summary>Creates a list request; generated builders call this, users do not need to.</summary>
    public QualysRequest(
        string endpoint,
        string version,
        HttpMethod method,
        string path,
        IReadOnlyList<KeyValuePair<string, string>> query,
        QualysBodyKind bodyKind,
        IReadOnlyList<KeyValuePair<string, string>> form,
        ReadOnlyMemory<byte> body,
        string? contentType,
        QualysAuthSchemes authSchemes,
        QualysHost host,
        bool isRetrySafe,
        Func<Stream, QualysXmlOptions?, CancellationToken, ValueTask<TResponse>> parse,
        Func<Stream, QualysXmlOptions?, CancellationToken, IAsyncEnumerable<TRecord>> readRecords)
        : base(endpoint, version, method, path, query, bodyKind, form, body, contentType, authSchemes, host, isRetrySafe, parse)
        => ReadRecords = readRecords ?? throw new ArgumentNullException(nameof(readRecords));

    /// <summary>The generated record stream of the response (<c>Enumerate…Async</c>).</summary>
    public Func<Stream, QualysXmlOptions?, CancellationToken, IAsyncEnumerable<TRecord>> ReadRecords { get; }
}
