using System;
using Microsoft.Extensions.Logging;

namespace QualysGen.Client;

/// <summary>
/// Every message the client logs. Arguments are endpoint names, versions, methods, paths without their query, status codes,
/// codes, counts and delays — never a parameter value, a body, a header, a user name, a password, a token or a cookie.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Debug, "Sending {Endpoint} v{Version}: {Method} {Path} (attempt {Attempt}, auth {Scheme})")]
    public static partial void Sending(ILogger logger, string endpoint, string version, string method, string path, int attempt, string scheme);

    [LoggerMessage(2, LogLevel.Debug, "{Endpoint} v{Version} answered HTTP {Status} with {Root} after {ElapsedMs} ms")]
    public static partial void Answered(ILogger logger, string endpoint, string version, int status, string root, long elapsedMs);

    [LoggerMessage(3, LogLevel.Warning, "{Endpoint} v{Version} was blocked by the Qualys {Kind} limit (code {Code}, HTTP {Status}); waiting {DelayMs} ms before attempt {NextAttempt}")]
    public static partial void LimitWait(ILogger logger, string endpoint, string version, string kind, int? code, int status, long delayMs, int nextAttempt);

    [LoggerMessage(4, LogLevel.Warning, "{Endpoint} v{Version} failed ({Failure}); it is safe to repeat, retrying in {DelayMs} ms (attempt {NextAttempt})")]
    public static partial void TransientRetry(ILogger logger, string endpoint, string version, string failure, long delayMs, int nextAttempt);

    [LoggerMessage(5, LogLevel.Error, "{Endpoint} v{Version} failed ({Failure}) after the request may have reached Qualys; it is not safe to repeat, so it is not retried")]
    public static partial void NotRetried(ILogger logger, string endpoint, string version, string failure);

    [LoggerMessage(6, LogLevel.Information, "Logged in to the v2 session API at {Server}")]
    public static partial void SessionStarted(ILogger logger, string server);

    [LoggerMessage(7, LogLevel.Information, "Logged out of the v2 session at {Server}")]
    public static partial void SessionEnded(ILogger logger, string server);

    [LoggerMessage(8, LogLevel.Information, "Got a JWT from {Gateway}, valid until {Expires:u}")]
    public static partial void TokenAcquired(ILogger logger, string gateway, DateTimeOffset expires);

    [LoggerMessage(9, LogLevel.Information, "{Endpoint} v{Version} was refused with {Scheme} auth (HTTP {Status}); getting a new credential and trying once more")]
    public static partial void RefreshingCredential(ILogger logger, string endpoint, string version, string scheme, int status);

    [LoggerMessage(10, LogLevel.Debug, "Qualys allows {Limit} concurrent call(s) to {Key}; the client's gate follows")]
    public static partial void ConcurrencyLimitChanged(ILogger logger, string key, int limit);

    [LoggerMessage(11, LogLevel.Debug, "{Endpoint} v{Version}: fetching page {Page} ({How})")]
    public static partial void NextPage(ILogger logger, string endpoint, string version, int page, string how);

    [LoggerMessage(12, LogLevel.Warning, "Logging out of the v2 session failed; the session will expire on its own")]
    public static partial void LogoutFailed(ILogger logger, Exception exception);

    [LoggerMessage(13, LogLevel.Debug, "{Key}: the rate window is used up; the next call waits {DelayMs} ms")]
    public static partial void RateWindowWait(ILogger logger, string key, long delayMs);

    [LoggerMessage(14, LogLevel.Warning, "{Endpoint} v{Version}: the truncation WARNING points at host {Host}, not the configured API server; the next page is requested from the configured server")]
    public static partial void ForeignNextPageHost(ILogger logger, string endpoint, string version, string host);

    [LoggerMessage(15, LogLevel.Warning, "{Endpoint} v{Version}: the response breaks its schema, so {Omitted} was left out: {Deviation}")]
    public static partial void XmlDeviation(ILogger logger, string endpoint, string version, string omitted, QualysXmlDeviation deviation);

    [LoggerMessage(16, LogLevel.Warning, "{Endpoint} v{Version}: the response has what its schema does not declare (time to fetch the new schema and regenerate?): {Drift}")]
    public static partial void XmlDrift(ILogger logger, string endpoint, string version, QualysXmlDrift drift);
}
