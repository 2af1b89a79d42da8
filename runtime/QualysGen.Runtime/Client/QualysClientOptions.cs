using System;
using QualysGen.Requests;

namespace QualysGen.Client;

/// <summary>
/// Where and how <see cref="QualysClient"/> calls Qualys. Set <see cref="Platform"/> (or <see cref="ApiServerUrl"/> for a private
/// cloud or the simulator), <see cref="UserName"/> and <see cref="Password"/>; the rest has working defaults.
/// </summary>
/// <remarks><see cref="ToString"/> never shows the password.</remarks>
public sealed class QualysClientOptions
{
    /// <summary>The platform your account is on; its API server and gateway are used unless the URLs below are set.</summary>
    public QualysPlatform? Platform { get; set; }

    /// <summary>The API server's base URL, overriding <see cref="Platform"/> (a private cloud platform, a proxy, the simulator).</summary>
    public Uri? ApiServerUrl { get; set; }

    /// <summary>The gateway's base URL, overriding <see cref="Platform"/>. When only <see cref="ApiServerUrl"/> is set, the gateway defaults to it.</summary>
    public Uri? GatewayUrl { get; set; }

    /// <summary>
    /// The base URL of endpoints whose spec gives them a host of their own (<see cref="QualysHost.Custom"/>) and whose path is
    /// relative. Absolute paths are used as they are.
    /// </summary>
    public Uri? CustomHostUrl { get; set; }

    /// <summary>The Qualys user name.</summary>
    public string? UserName { get; set; }

    /// <summary>The password. Never logged, never in an exception or in <see cref="ToString"/>.</summary>
    public string? Password { get; set; }

    /// <summary>
    /// The way of authenticating to use when an endpoint version accepts it (default <see cref="QualysAuthSchemes.Basic"/>).
    /// When the endpoint does not accept it, the client falls back to one that the endpoint accepts and
    /// <see cref="AllowedAuthSchemes"/> allows, in the order Basic, Bearer, Session.
    /// </summary>
    public QualysAuthSchemes PreferredAuthScheme { get; set; } = QualysAuthSchemes.Basic;

    /// <summary>The ways of authenticating the client may use at all (default all three). Leave Basic out to never send the password on an API call.</summary>
    public QualysAuthSchemes AllowedAuthSchemes { get; set; } = QualysAuthSchemes.Basic | QualysAuthSchemes.Session | QualysAuthSchemes.Bearer;

    /// <summary>
    /// The <c>X-Requested-With</c> header, sent on every call (Qualys requires it on the classic API to block cross-site request
    /// forgery; any value works). Default <c>QualysGen</c>.
    /// </summary>
    public string RequestedWith { get; set; } = "QualysGen";

    /// <summary>The <c>User-Agent</c> header (default <c>QualysGen/&lt;version&gt;</c>).</summary>
    public string? UserAgent { get; set; }

    /// <summary>How long to wait for a response's headers, per attempt (default 3 minutes). The body is then bounded by <see cref="BodyIdleTimeout"/>; cancel through the token.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>
    /// How long reading a response body may wait on the network without progress (default 2 minutes): at least 16 KiB, or the
    /// end of the body, must arrive within every such span of waiting. A body that stalls or trickles (one byte every 100 ms)
    /// is cut with <see cref="QualysTransportException"/> (<c>IsTimeout</c>, <c>MayHaveRun</c>), and a call that is safe to
    /// repeat is repeated. Only waiting counts: the time your code takes between the records of a list does not.
    /// <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> turns it off.
    /// </summary>
    public TimeSpan BodyIdleTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Retry bounds for limits and failures in transit.</summary>
    public QualysRetryOptions Retry { get; set; } = new();

    /// <summary>
    /// How responses are parsed: lenient (a deviation from the schema leaves out the smallest part that may be absent, and is
    /// reported) or <see cref="QualysXmlOptions.Strict"/>, the limits, and your own <see cref="QualysXmlOptions.Reporter"/>.
    /// The client logs every deviation and drift as a warning (category <c>QualysGen.Client.QualysClient</c>) with the
    /// endpoint, whatever reporter is set.
    /// </summary>
    public QualysXmlOptions Xml { get; set; } = QualysXmlOptions.Default;

    /// <summary>
    /// How many calls to one API (one path) run at once before Qualys tells the client its limit through
    /// <c>X-Concurrency-Limit-Limit</c> (default 2, the Qualys default). The gate then follows the header.
    /// </summary>
    public int DefaultConcurrencyLimit { get; set; } = 2;

    /// <summary>How long a JWT is assumed to live when it does not say (default 4 hours, the Qualys lifetime).</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(4);

    /// <summary>A JWT is replaced this long before it expires (default 5 minutes).</summary>
    public TimeSpan TokenRefreshMargin { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Whether disposing the client logs the v2 session out (default true).</summary>
    public bool LogOutOnDispose { get; set; } = true;

    /// <summary>The clock for token expiry and waits (default <see cref="System.TimeProvider.System"/>); tests substitute their own.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>The platform's hosts as these options resolve them.</summary>
    /// <exception cref="InvalidOperationException">Neither a platform nor an API server URL is set.</exception>
    public QualysPlatformUrls ResolveUrls()
    {
        if (ApiServerUrl is { } apiServer)
        {
            var platformGateway = Platform is { } p ? QualysPlatformUrls.For(p).Gateway : null;
            return new QualysPlatformUrls(WithSlash(apiServer), WithSlash(GatewayUrl ?? platformGateway ?? apiServer));
        }

        if (Platform is { } platform)
        {
            var urls = QualysPlatformUrls.For(platform);
            return GatewayUrl is null ? urls : new QualysPlatformUrls(urls.ApiServer, WithSlash(GatewayUrl));
        }

        throw new InvalidOperationException("Set QualysClientOptions.Platform (US1..US4, EU1..EU3, IN1, CA1, AE1, UK1, AU1, KSA1) or ApiServerUrl.");
    }

    internal QualysClientOptions Clone()
    {
        var copy = (QualysClientOptions)MemberwiseClone();
        copy.Retry = (Retry ?? new QualysRetryOptions()).Clone();
        return copy;
    }

    internal void Validate()
    {
        _ = ResolveUrls();
        if (string.IsNullOrEmpty(RequestedWith))
        {
            throw new InvalidOperationException("QualysClientOptions.RequestedWith must not be empty: Qualys requires the X-Requested-With header.");
        }

        if (DefaultConcurrencyLimit < 1)
        {
            throw new InvalidOperationException("QualysClientOptions.DefaultConcurrencyLimit must be at least 1.");
        }

        if (Timeout <= TimeSpan.Zero && Timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw new InvalidOperationException("QualysClientOptions.Timeout must be positive or infinite.");
        }

        if (BodyIdleTimeout <= TimeSpan.Zero && BodyIdleTimeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw new InvalidOperationException("QualysClientOptions.BodyIdleTimeout must be positive or infinite.");
        }

        Retry.Validate();
    }

    private static Uri WithSlash(Uri uri) => uri.AbsoluteUri.EndsWith("/", StringComparison.Ordinal) ? uri : new Uri(uri.AbsoluteUri + "/");

    /// <summary>The settings without the password.</summary>
    public override string ToString()
    {
        var where = ApiServerUrl?.ToString() ?? Platform?.ToString() ?? "(no platform)";
        return $"QualysClientOptions {{ {where}, user {UserName ?? "(none)"}, password {(string.IsNullOrEmpty(Password) ? "(none)" : "(set)")}, auth {PreferredAuthScheme} }}";
    }
}
