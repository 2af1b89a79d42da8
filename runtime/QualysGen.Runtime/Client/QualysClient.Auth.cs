using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using QualysGen.Auth;
using QualysGen.Requests;

namespace QualysGen.Client;

public sealed partial class QualysClient
{
    private const string SessionCookieName = "QualysSession";
    private const string SessionPath = "/api/2.0/fo/session/";
    private const string TokenPath = "/auth";

    private readonly SemaphoreSlim _sessionLock = new(1, 1);
    private readonly SemaphoreSlim _tokenLock = new(1, 1);
    private string? _basic;
    private string? _session;
    private BearerToken? _token;

    private static readonly QualysAuthSchemes[] FallbackOrder = [QualysAuthSchemes.Basic, QualysAuthSchemes.Bearer, QualysAuthSchemes.Session];

    /// <summary>The scheme for <paramref name="request"/>: the preferred one when the endpoint accepts it, else the first accepted one that is allowed.</summary>
    internal QualysAuthSchemes ChooseScheme(QualysRequest request)
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

    private static bool IsSingleScheme(QualysAuthSchemes scheme) => scheme is QualysAuthSchemes.Basic or QualysAuthSchemes.Session or QualysAuthSchemes.Bearer;

    private async ValueTask<AuthTicket> GetTicketAsync(QualysRequest request, CallState state, CancellationToken cancellationToken)
    {
        var scheme = ChooseScheme(request);
        switch (scheme)
        {
            case QualysAuthSchemes.None:
                return new AuthTicket(QualysAuthSchemes.None, null);
            case QualysAuthSchemes.Basic:
                RequireCredentials(state.Call);
                _basic ??= Convert.ToBase64String(Encoding.UTF8.GetBytes(_options.UserName + ":" + _options.Password));
                return new AuthTicket(scheme, _basic);
            case QualysAuthSchemes.Session:
                return new AuthTicket(scheme, await GetSessionAsync(state.Call, cancellationToken).ConfigureAwait(false));
            default:
                return new AuthTicket(scheme, await GetTokenAsync(state.Call, cancellationToken).ConfigureAwait(false));
        }
    }

    private void RequireCredentials(QualysCallInfo call)
    {
        if (string.IsNullOrEmpty(_options.UserName) || _options.Password is null)
        {
            throw new InvalidOperationException($"{call} needs credentials: set QualysClientOptions.UserName and Password.");
        }
    }

    private void InvalidateCredential(AuthTicket ticket)
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

    /// <summary>The v2 session cookie, logging in once for all concurrent callers.</summary>
    private async ValueTask<string> GetSessionAsync(QualysCallInfo call, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _session) is { } session)
        {
            return session;
        }

        RequireCredentials(call);
        await _sessionLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_session is { } existing)
            {
                return existing;
            }

            var login = CredentialRequest<string?>(
                "SessionLogin",
                "2.0",
                SessionPath,
                QualysHost.ApiServer,
                [new("action", "login"), new("username", _options.UserName!), new("password", _options.Password!)],
                static (_, _, _) => new ValueTask<string?>((string?)null));
            var state = new CallState(login, _options.Retry) { CredentialScheme = QualysAuthSchemes.Session };
            using var activity = StartActivity(login);
            var response = await OpenAsync(login, state, cancellationToken).ConfigureAwait(false);
            await using (response.ConfigureAwait(false))
            {
                var cookie = FindSessionCookie(response.Message);
                if (cookie is null)
                {
                    throw new QualysAuthenticationException(state.Call, response.StatusCode, QualysAuthSchemes.Session, null, "The login answer set no QualysSession cookie.");
                }

                Volatile.Write(ref _session, cookie);
                Log.SessionStarted(_logger, _urls.ApiServer.Authority);
                return cookie;
            }
        }
        finally
        {
            _sessionLock.Release();
        }
    }

    private async Task EndSessionAsync(CancellationToken cancellationToken)
    {
        await _sessionLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Interlocked.Exchange(ref _session, null) is not { } cookie)
            {
                return;
            }

            var logout = CredentialRequest<string?>(
                "SessionLogout",
                "2.0",
                SessionPath,
                QualysHost.ApiServer,
                [new("action", "logout")],
                static (_, _, _) => new ValueTask<string?>((string?)null));
            var state = new CallState(logout, _options.Retry) { CredentialScheme = QualysAuthSchemes.Session, CredentialRefreshed = true };
            using var activity = StartActivity(logout);

            // Sent with the cookie by hand: the logout must use the session it ends, and must not log in to do it.
            var response = await OpenAsync(logout, state, cancellationToken, new AuthTicket(QualysAuthSchemes.Session, cookie)).ConfigureAwait(false);
            await response.DisposeAsync().ConfigureAwait(false);
            Log.SessionEnded(_logger, _urls.ApiServer.Authority);
        }
        finally
        {
            _sessionLock.Release();
        }
    }

    private static string? FindSessionCookie(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var cookies))
        {
            return null;
        }

        foreach (var cookie in cookies)
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

    /// <summary>A JWT from the gateway, requested once for all concurrent callers and reused until shortly before it expires.</summary>
    private async ValueTask<string> GetTokenAsync(QualysCallInfo call, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _token) is { } token && _time.GetUtcNow() < token.RefreshAt)
        {
            return token.Value;
        }

        RequireCredentials(call);
        await _tokenLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = _time.GetUtcNow();
            if (_token is { } current && now < current.RefreshAt)
            {
                return current.Value;
            }

            var request = CredentialRequest(
                "GatewayAuth",
                "1.0",
                TokenPath,
                QualysHost.Gateway,
                [new("username", _options.UserName!), new("password", _options.Password!), new("token", "true")],
                static async (stream, _, ct) =>
                {
                    using var reader = new StreamReader(stream, Encoding.UTF8);
                    return (await reader.ReadToEndAsync(ct).ConfigureAwait(false)).Trim();
                });
            var state = new CallState(request, _options.Retry) { CredentialScheme = QualysAuthSchemes.Bearer };
            using var activity = StartActivity(request);
            var response = await OpenAsync(request, state, cancellationToken).ConfigureAwait(false);
            string value;
            await using (response.ConfigureAwait(false))
            {
                value = await ParseBodyAsync(request, response.Body, cancellationToken).ConfigureAwait(false);
            }

            if (value.Length == 0 || value.StartsWith('<') || value.StartsWith('{'))
            {
                throw new QualysAuthenticationException(state.Call, response.StatusCode, QualysAuthSchemes.Bearer, null, "The gateway's answer is not a token.");
            }

            now = _time.GetUtcNow();
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

    /// <summary>A request for a credential: sent without auth, repeatable, and its form (with the password) never logged.</summary>
    private static QualysRequest<T> CredentialRequest<T>(string endpoint, string version, string path, QualysHost host, KeyValuePair<string, string>[] form, Func<Stream, QualysXmlOptions?, CancellationToken, ValueTask<T>> parse)
        => new(endpoint, version, HttpMethod.Post, path, Array.Empty<KeyValuePair<string, string>>(), QualysBodyKind.Form, form, default, null, QualysAuthSchemes.None, host, isRetrySafe: true, parse);

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
