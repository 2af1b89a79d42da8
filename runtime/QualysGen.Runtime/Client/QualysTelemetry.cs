using System.Diagnostics;
using System.Reflection;

namespace QualysGen.Client;

/// <summary>
/// The names under which <see cref="QualysClient"/> reports: one <see cref="Activity"/> per call (spanning its retries) and per
/// session login or token request, from the <see cref="ActivitySource"/> named <see cref="ActivitySourceName"/>; logs go to the
/// category <c>QualysGen.Client.QualysClient</c>.
/// </summary>
/// <remarks>
/// Activity tags: <c>qualys.endpoint</c>, <c>qualys.version</c>, <c>http.request.method</c>, <c>url.path</c> (never the query),
/// <c>server.address</c>, <c>http.response.status_code</c>, <c>qualys.auth</c>, <c>qualys.attempts</c>, <c>qualys.code</c> and
/// <c>error.type</c> on failure. No tag holds a credential, a parameter value or a body.
/// </remarks>
public static class QualysTelemetry
{
    /// <summary>The <see cref="ActivitySource"/> name to listen to (for OpenTelemetry: <c>AddSource(QualysTelemetry.ActivitySourceName)</c>).</summary>
    public const string ActivitySourceName = "QualysGen.Client";

    internal static readonly string Version = typeof(QualysTelemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    internal static readonly ActivitySource Source = new(ActivitySourceName, Version);
}
