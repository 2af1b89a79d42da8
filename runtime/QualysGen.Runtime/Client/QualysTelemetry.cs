using System;
using System.Diagnostics;
using System.Reflection;
using QualysGen.Requests;

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

    /// <summary>The activity of one call (its retries included) to <paramref name="server"/>, or null when nobody listens.</summary>
    internal static Activity? StartCall(QualysRequest request, string server)
    {
        var activity = Source.StartActivity("Qualys " + request.Endpoint, ActivityKind.Client);
        if (activity is not null)
        {
            activity.SetTag("qualys.endpoint", request.Endpoint);
            activity.SetTag("qualys.version", request.Version);
            activity.SetTag("http.request.method", request.Method.Method);
            activity.SetTag("url.path", QualysCallInfo.PathOnly(request.Path));
            activity.SetTag("server.address", server);
        }

        return activity;
    }

    /// <summary>Marks <paramref name="activity"/> failed with <paramref name="exception"/>: its type, the status and the Qualys code.</summary>
    internal static void Fail(Activity? activity, Exception exception)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
        activity.SetTag("error.type", exception.GetType().FullName);
        if (exception is QualysException { HttpStatus: { } status })
        {
            activity.SetTag("http.response.status_code", (int)status);
        }

        switch (exception)
        {
            case QualysApiException { Code: { } code }:
                activity.SetTag("qualys.code", code);
                break;
            case QualysServiceException service:
                activity.SetTag("qualys.code", service.ResponseCode);
                break;
        }
    }
}
