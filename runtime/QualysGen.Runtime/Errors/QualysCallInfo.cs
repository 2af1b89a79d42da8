using System.Net.Http;
using QualysGen.Requests;

namespace QualysGen;

/// <summary>
/// Which call an exception or a log entry is about: the endpoint, its version, the method and the path. It deliberately carries
/// no query string, form field, body, header or credential, so that it is always safe to print.
/// </summary>
public sealed class QualysCallInfo
{
    /// <summary>Creates the description.</summary>
    public QualysCallInfo(string endpoint, string version, HttpMethod method, string path)
    {
        Endpoint = endpoint;
        Version = version;
        Method = method;
        Path = path;
    }

    /// <summary>The endpoint's name in its spec, e.g. <c>ReportCancel</c>.</summary>
    public string Endpoint { get; }

    /// <summary>The API version, e.g. <c>3.0</c>.</summary>
    public string Version { get; }

    /// <summary>The HTTP method.</summary>
    public HttpMethod Method { get; }

    /// <summary>The path without the query, e.g. <c>/api/3.0/fo/report/</c>.</summary>
    public string Path { get; }

    internal static QualysCallInfo From(QualysRequest request) => new(request.Endpoint, request.Version, request.Method, PathOnly(request.Path));

    internal static string PathOnly(string path)
    {
        var query = path.IndexOf('?');
        return query < 0 ? path : path.Substring(0, query);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Endpoint} v{Version} ({Method} {Path})";
}
