using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using QualysGen.Client;
using QualysGen.Requests;

namespace QualysGen.Auth;

/// <summary>
/// The credential stage of one client: which scheme a call uses, the credential it carries (the Basic header, the v2 session
/// cookie, the gateway's JWT), and how it goes on the message. It logs in once for all concurrent callers, reuses the session
/// and the token, replaces the token shortly before it expires, and drops a credential that Qualys refused so the next
/// attempt gets a fresh one. Its own requests go out through <see cref="ICredentialTransport"/>.
/// </summary>
/// <remarks>
/// No credential leaves this type except on the message: the log messages name schemes and hosts, an
/// <see cref="AuthTicket"/> prints its scheme alone, and the login and token forms are marked never to be logged.
/// </remarks>
internal sealed class QualysCredentials
{
    internal const string SessionCookieName = "QualysSession";
    private const string SessionPath = "/api/2.0/fo/session/";
    private const string TokenPath = "/auth";

    private static readonly QualysAuthSchemes[] FallbackOrder = [QualysAuthSchemes.Basic, QualysAuthSchemes.Bearer, QualysAuthSchemes.Session];

    private readonly QualysClientOptions _options;
    private readonly ICredentialTransport _transport;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly QualysPlatformUrls _urls;
    private readonly SemaphoreSlim _sessionLock = new(1, 1);
    private readonly SemaphoreSlim _tokenLock = new(1, 1);
    private string? _basic;
    private string? _session;
    private BearerToken? _token;

    public QualysCredentials(QualysClientOptions options, QualysPlatformUrls urls, ICredentialTransport transport, TimeProvider time, ILogger logger)
    {
        _options = options;
        _urls = urls;
        _transport = transport;
        _time = time;
        _logger = logger;
    }

    /// <summary>Whether a refusal of <paramref name="scheme"/> may mean a lapsed credential, worth one fresh try (a session or a JWT).</summary>
    public static bool IsRenewable(QualysAuthSchemes scheme) => scheme is QualysAuthSchemes.Bearer or QualysAuthSchemes.Session;

    /// <summary>The scheme for <paramref name="request"/>: the preferred one when the endpoint accepts it, else the first accepted one that is allowed.</summary>
    public QualysAuthSchemes ChooseScheme(QualysRequest request)
    {
        if (request.AuthSchemes == QualysAuthSchemes.None || request.Host == QualysHost.Custom)
        {
            // Qualys credentials go to Qualys hosts only; a third-party endpoint authenticates through a handler of its own.
            return QualysAuthSchemes.None;
        }

        var usable = request.AuthSchemes & _options.AllowedAuthSchemes;
        if (IsSingleScheme(_options.PreferredAuthScheme) && (usable & _options.PreferredAuthScheme) != 0)
        {
            return _options.PreferredAuthScheme;
        }

        foreach (var scheme in FallbackOrder)
        {
            if ((usable & scheme) != 0)
            {
                return scheme;
            }
        }

        throw new InvalidOperationException(
            $"{QualysCallInfo.From(request)} accepts {request.AuthSchemes} authentication, but QualysClientOptions.AllowedAuthSchemes is {_options.AllowedAuthSchemes}.");
    }

    /// <summary>The credential for one attempt of <paramref name="request"/>, logging in or fetching a token first when needed.</summary>
    public async ValueTask<AuthTicket> GetTicketAsync(QualysRequest request, CancellationToken cancellationToken)
    {
        var scheme = ChooseScheme(request);
        switch (scheme)
        {
            case QualysAuthSchemes.None:
                return new AuthTicket(QualysAuthSchemes.None, null);
            case QualysAuthSchemes.Basic:
                RequireCredentials(request);
                _basic ??= Convert.ToBase64String(Encoding.UTF8.GetBytes(_options.UserName + ":" + _options.Password));
                return new AuthTicket(scheme, _basic);
            case QualysAuthSchemes.Session:
                return new AuthTicket(scheme, await GetSessionAsync(request, cancellationToken).ConfigureAwait(false));
            default:
                return new AuthTicket(scheme, await GetTokenAsync(request, cancellationToken).ConfigureAwait(false));
        }
    }

    /// <summary>Puts <paramref name="ticket"/> on <paramref name="message"/>: the <c>Authorization</c> header, or the session cookie.</summary>
    public static void Apply(HttpRequestMessage message, AuthTicket ticket)
    {
        switch (ticket.Scheme)
        {
            case QualysAuthSchemes.Basic:
                message.Headers.Authorization = new AuthenticationHeaderValue("Basic", ticket.Value);
                break;
            case QualysAuthSchemes.Bearer:
                message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ticket.Value);
                break;
            case QualysAuthSchemes.Session:
                // Sent by hand, to the API server only: the handler keeps no cookies.
                message.Headers.TryAddWithoutValidation("Cookie", SessionCookieName + "=" + ticket.Value);
                break;
        }
    }

    /// <summary>Forgets the session or token of <paramref name="ticket"/> after Qualys refused it (unless another caller already replaced it).</summary>
    public void Invalidate(AuthTicket ticket)
    {
        switch (ticket.Scheme)
        {
            case QualysAuthSchemes.Session:
                Interlocked.CompareExchange(ref _session, null, ticket.Value);
                break;
            case QualysAuthSchemes.Bearer:
                var current = Volatile.Read(ref _token);
                if (current is not null && current.Value == ticket.Value)
                {
                    Interlocked.CompareExchange(ref _token, null, current);
                }

                break;
        }
    }

    /// <summary>Logs the v2 session out, if there is one; the next session call logs in again.</summary>
    public async Task EndSessionAsync(CancellationToken cancellationToken)
    {
        await _sessionLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Interlocked.Exchange(ref _session, null) is not { } cookie)
            {
                return;
            }

            // Sent with the cookie by hand: the logout must use the session it ends, and must not log in to do it.
            var logout = CredentialRequest("SessionLogout", "2.0", SessionPath, QualysHost.ApiServer, [new("action", "logout")]);
            await _transport.SendAsync(logout, QualysAuthSchemes.Session, new AuthTicket(QualysAuthSchemes.Session, cookie), cancellationToken).ConfigureAwait(false);
            Log.SessionEnded(_logger, _urls.ApiServer.Authority);
        }
        finally
        {
            _sessionLock.Release();
        }
    }

    /// <summary>The value of the <c>QualysSession</c> cookie among <paramref name="setCookies"/>, or null.</summary>
    public static string? FindSessionCookie(IEnumerable<string> setCookies)
    {
        foreach (var cookie in setCookies)
        {
            var end = cookie.IndexOf(';');
            var pair = end < 0 ? cookie : cookie.Substring(0, end);
            var equals = pair.IndexOf('=');
            if (equals > 0 && pair.AsSpan(0, equals).Trim().SequenceEqual(SessionCookieName))
            {
                var value = pair.Substring(equals + 1).Trim();
                return value.Length == 0 ? null : value;
            }
        }

        return null;
    }

    private static bool IsSingleScheme(QualysAuthSchemes scheme) => scheme is QualysAuthSchemes.Basic or QualysAuthSchemes.Session or QualysAuthSchemes.Bearer;

    private void RequireCredentials(QualysRequest request)
    {
        if (string.IsNullOrEmpty(_options.UserName) || _options.Password is null)
        {
            throw new InvalidOperationException($"{QualysCallInfo.From(request)} needs credentials: set QualysClientOptions.UserName and Password.");
        }
    }

    /// <summary>The v2 session cookie, logging in once for all concurrent callers.</summary>
    private async ValueTask<string> GetSessionAsync(QualysRequest request, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _session) is { } session)
        {
            return session;
        }

        RequireCredentials(request);
        await _sessionLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_session is { } existing)
            {
                return existing;
            }

            var login = CredentialRequest(
                "SessionLogin", "2.0", SessionPath, QualysHost.ApiServer,
                [new("action", "login"), new("username", _options.UserName!), new("password", _options.Password!)]);
            var answer = await _transport.SendAsync(login, QualysAuthSchemes.Session, null, cancellationToken).ConfigureAwait(false);
            var cookie = FindSessionCookie(answer.SetCookies)
                ?? throw new QualysAuthenticationException(QualysCallInfo.From(login), answer.Status, QualysAuthSchemes.Session, null, "The login answer set no QualysSession cookie.");

            Volatile.Write(ref _session, cookie);
            Log.SessionStarted(_logger, _urls.ApiServer.Authority);
            return cookie;
        }
        finally
        {
            _sessionLock.Release();
        }
    }

    /// <summary>A JWT from the gateway, requested once for all concurrent callers and reused until shortly before it expires.</summary>
    private async ValueTask<string> GetTokenAsync(QualysRequest request, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _token) is { } token && _time.GetUtcNow() < token.RefreshAt)
        {
            return token.Value;
        }

        RequireCredentials(request);
        await _tokenLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_token is { } current && _time.GetUtcNow() < current.RefreshAt)
            {
                return current.Value;
            }

            var auth = CredentialRequest(
                "GatewayAuth", "1.0", TokenPath, QualysHost.Gateway,
                [new("username", _options.UserName!), new("password", _options.Password!), new("token", "true")]);
            var answer = await _transport.SendAsync(auth, QualysAuthSchemes.Bearer, null, cancellationToken).ConfigureAwait(false);
            var value = answer.Body.Trim();
            if (value.Length == 0 || value.StartsWith('<') || value.StartsWith('{'))
            {
                throw new QualysAuthenticationException(QualysCallInfo.From(auth), answer.Status, QualysAuthSchemes.Bearer, null, "The gateway's answer is not a token.");
            }

            var now = _time.GetUtcNow();
            var expires = JwtExpiry.Read(value) ?? now + _options.TokenLifetime;
            var refreshAt = expires - _options.TokenRefreshMargin;
            if (refreshAt <= now)
            {
                // A lifetime shorter than the margin: use the token for half of what is left.
                refreshAt = now + TimeSpan.FromTicks((expires - now).Ticks / 2);
            }

            Volatile.Write(ref _token, new BearerToken(value, refreshAt));
            Log.TokenAcquired(_logger, _urls.Gateway.Authority, expires);
            return value;
        }
        finally
        {
            _tokenLock.Release();
        }
    }

    /// <summary>A request for a credential: sent without auth, repeatable, its answer read whole as text, its form (with the password) never logged.</summary>
    private static QualysRequest<string> CredentialRequest(string endpoint, string version, string path, QualysHost host, KeyValuePair<string, string>[] form)
        => new(endpoint, version, HttpMethod.Post, path, Array.Empty<KeyValuePair<string, string>>(), QualysBodyKind.Form, form, default, null, QualysAuthSchemes.None, host, isRetrySafe: true, ReadTextAsync);

    private static async ValueTask<string> ReadTextAsync(Stream stream, QualysXmlOptions? options, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
    }

    private sealed class BearerToken
    {
        public BearerToken(string value, DateTimeOffset refreshAt)
        {
            Value = value;
            RefreshAt = refreshAt;
        }

        public string Value { get; }

        public DateTimeOffset RefreshAt { get; }

        public override string ToString() => $"JWT (refresh at {RefreshAt:u})";
    }
}
