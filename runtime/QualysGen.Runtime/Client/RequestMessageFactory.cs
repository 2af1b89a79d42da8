using System;
using System.Net.Http;
using System.Net.Http.Headers;
using QualysGen.Auth;
using QualysGen.Requests;

namespace QualysGen.Client;

/// <summary>
/// The message stage: where a call goes (the API server, the gateway or a custom host) and the <see cref="HttpRequestMessage"/>
/// of one attempt — URL, <c>X-Requested-With</c>, <c>User-Agent</c>, the credential, the body with the content type the request
/// decided (<see cref="QualysRequest.ContentType"/>), and for a call that is not safe to repeat a body that can be written once.
/// </summary>
internal sealed class RequestMessageFactory
{
    private readonly QualysPlatformUrls _urls;
    private readonly Uri? _customHost;
    private readonly string _requestedWith;
    private readonly string _userAgent;

    public RequestMessageFactory(QualysClientOptions options, QualysPlatformUrls urls)
    {
        _urls = urls;
        _customHost = options.CustomHostUrl;
        _requestedWith = options.RequestedWith;
        _userAgent = string.IsNullOrEmpty(options.UserAgent) ? "QualysGen/" + QualysTelemetry.Version : options.UserAgent!;
    }

    /// <summary>The base URL of a call to <paramref name="path"/> on <paramref name="host"/>; only custom-host endpoints may name a host of their own.</summary>
    public Uri BaseFor(QualysHost host, string path)
    {
        var isAbsolute = IsAbsolute(path, out var absolute);
        switch (host)
        {
            case QualysHost.ApiServer when !isAbsolute:
                return _urls.ApiServer;
            case QualysHost.Gateway when !isAbsolute:
                return _urls.Gateway;
            case QualysHost.Custom when isAbsolute:
                return new Uri(absolute!.GetLeftPart(UriPartial.Authority) + "/");
            case QualysHost.Custom when _customHost is { } custom:
                return custom.AbsoluteUri.EndsWith("/", StringComparison.Ordinal) ? custom : new Uri(custom.AbsoluteUri + "/");
            case QualysHost.Custom:
                throw new InvalidOperationException($"The endpoint at {path} is served by a host of its own; set QualysClientOptions.CustomHostUrl.");
            default:
                throw new InvalidOperationException($"A {host} endpoint must have a path relative to the host, not {path}.");
        }
    }

    /// <summary>The message of one attempt of <paramref name="request"/>, carrying <paramref name="ticket"/>.</summary>
    public HttpRequestMessage Create(QualysRequest request, Uri baseUri, AuthTicket ticket)
    {
        var message = new HttpRequestMessage(request.Method, ResolveUri(request, baseUri));
        message.Headers.TryAddWithoutValidation("X-Requested-With", _requestedWith);
        message.Headers.TryAddWithoutValidation("User-Agent", _userAgent);
        QualysCredentials.Apply(message, ticket);
        ResendGuardHandler.Mark(message);

        switch (request.BodyKind)
        {
            case QualysBodyKind.Form:
                message.Content = new FormUrlEncodedContent(request.Form);
                break;
            case QualysBodyKind.Xml or QualysBodyKind.Json when !request.Body.IsEmpty || request.Method != HttpMethod.Get:
                message.Content = new ReadOnlyMemoryContent(request.Body);
                break;
        }

        if (message.Content is not null && request.ContentType is { } contentType)
        {
            // The request decides its content type (QualysRequest.ContentType); nothing here second-guesses it.
            message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        if (request.BodyKind == QualysBodyKind.Json)
        {
            message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        }

        if (!request.IsRetrySafe)
        {
            // At most once on the wire, whatever the handlers below do: see SendOnceContent.
            message.Content = new SendOnceContent(message.Content);
        }

        return message;
    }

    private static Uri ResolveUri(QualysRequest request, Uri baseUri)
        => IsAbsolute(request.Path, out _)
            ? new Uri(request.PathAndQuery, UriKind.Absolute) // a custom-host endpoint naming its host; it never gets Qualys credentials
            : new Uri(baseUri, request.PathAndQuery.TrimStart('/'));

    private static bool IsAbsolute(string path, out Uri? absolute)
        => Uri.TryCreate(path, UriKind.Absolute, out absolute) && absolute.Scheme is "http" or "https";
}
