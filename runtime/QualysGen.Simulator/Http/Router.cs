using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using QualysGen.Simulator.Endpoints;

namespace QualysGen.Simulator.Http;

/// <summary>Finds the endpoint for a request and applies what every Qualys API call goes through: the header check, auth, and the per-API limits.</summary>
internal static class Router
{
    private static readonly Regex ApiPath = new(@"^/api/(\d+\.0)(/.*)$", RegexOptions.CultureInvariant);

    private delegate Task Handler(SimContext context);

    /// <summary>Classic-API endpoints: path after the version, the versions that exist, the handler.</summary>
    private static readonly Dictionary<string, (string[] Versions, Handler Handle)> ClassicEndpoints = new(StringComparer.Ordinal)
    {
        ["/fo/report/"] = (["2.0", "3.0"], Reports.CancelAsync),
        ["/fo/report/template/scan/"] = (["2.0", "3.0", "4.0", "5.0", "6.0", "7.0"], ReportTemplates.CreateAsync),
        ["/fo/schedule/scan/compliance/"] = (["2.0"], ComplianceSchedules.HandleAsync),
        ["/fo/scan/compliance/"] = (["2.0"], ComplianceScans.HandleAsync),
        ["/fo/scan/cloud/perimeter/job/"] = (["2.0"], CloudPerimeterJobs.HandleAsync),
        ["/fo/asset/vhost/"] = (["2.0"], VirtualHosts.HandleAsync),
        ["/fo/knowledge_base/vuln/"] = (["2.0"], KnowledgeBase.HandleAsync),
    };

    public static async Task RouteAsync(SimContext context, ApiLimits limits)
    {
        var path = context.Path;
        if (path.StartsWith("/api/rest/v1/reportruns/", StringComparison.Ordinal))
        {
            await ReportRuns.CancelAsync(context).ConfigureAwait(false);
        }
        else if (path.StartsWith("/api/", StringComparison.Ordinal))
        {
            await ClassicAsync(context, limits).ConfigureAwait(false);
        }
        else if (path.StartsWith("/qps/", StringComparison.Ordinal))
        {
            await QpsAsync(context).ConfigureAwait(false);
        }
        else
        {
            await NotFoundAsync(context).ConfigureAwait(false);
        }
    }

    private static async Task ClassicAsync(SimContext context, ApiLimits limits)
    {
        var match = ApiPath.Match(context.Path);
        if (!match.Success)
        {
            await NotFoundAsync(context).ConfigureAwait(false);
            return;
        }

        context.Version = match.Groups[1].Value;
        var rest = match.Groups[2].Value;
        if (!rest.EndsWith('/'))
        {
            // Qualys' own samples call ".../compliance?action=list" without the slash.
            rest += "/";
        }

        if (context.Entry.RequestedWith is null)
        {
            // Qualys: "The 'X-Requested-With' header parameter must be included in all API v2 calls". The exact answer is not
            // documented; the simulator refuses with 400 so that a client that forgets it finds out.
            await context.SimpleReturnAsync(400, "The X-Requested-With header is required for this API.").ConfigureAwait(false);
            return;
        }

        if (context.Version == "2.0" && rest == "/fo/session/")
        {
            // The session API needs no auth and is exempt from rate limiting.
            await Session.HandleAsync(context).ConfigureAwait(false);
            return;
        }

        if (!ClassicEndpoints.TryGetValue(rest, out var endpoint) || Array.IndexOf(endpoint.Versions, context.Version) < 0)
        {
            await NotFoundAsync(context).ConfigureAwait(false);
            return;
        }

        if (context.Simulator.Authenticate(context.Http.Request, Auth.AcceptedFor(context.Path)) is null)
        {
            await context.SimpleReturnAsync(401, "Bad Login/Password").ConfigureAwait(false);
            return;
        }

        var key = "/api/" + context.Version + rest;
        var options = context.Simulator.Options;
        var decision = limits.Enter(key, context.Now, options);
        var headers = context.Http.Response.Headers;
        if (decision.RateLimit is { } rate)
        {
            headers["X-RateLimit-Limit"] = rate.ToString(CultureInfo.InvariantCulture);
            headers["X-RateLimit-Window-Sec"] = decision.WindowSeconds.ToString(CultureInfo.InvariantCulture);
            headers["X-RateLimit-Remaining"] = (decision.Remaining ?? 0).ToString(CultureInfo.InvariantCulture);
            headers["X-RateLimit-ToWait-Sec"] = decision.ToWaitSeconds.ToString(CultureInfo.InvariantCulture);
        }

        if (decision.ConcurrencyLimit is { } concurrency)
        {
            headers["X-Concurrency-Limit-Limit"] = concurrency.ToString(CultureInfo.InvariantCulture);
            headers["X-Concurrency-Limit-Running"] = decision.Running.ToString(CultureInfo.InvariantCulture);
        }

        if (!decision.Entered)
        {
            await context.ErrorAsync(409, decision.Code!.Value, decision.Text!, decision.Item!.Value).ConfigureAwait(false);
            return;
        }

        try
        {
            if (options.ProcessingDelay > TimeSpan.Zero)
            {
                await Task.Delay(options.ProcessingDelay, context.Http.RequestAborted).ConfigureAwait(false);
            }

            await endpoint.Handle(context).ConfigureAwait(false);
        }
        finally
        {
            limits.Exit(key);
        }
    }

    private static async Task QpsAsync(SimContext context)
    {
        var path = context.Path.TrimEnd('/');
        if (context.Simulator.Authenticate(context.Http.Request, Auth.AcceptedFor(path)) is null)
        {
            // As recorded from a real platform: INVALID_CREDENTIALS with HTTP 200.
            await context.ServiceErrorAsync("2.0/am/hostasset.xsd", "INVALID_CREDENTIALS", "Authentication failed", "Verify both, user and password credentials.").ConfigureAwait(false);
            return;
        }

        if (context.Simulator.Options.ProcessingDelay > TimeSpan.Zero)
        {
            await Task.Delay(context.Simulator.Options.ProcessingDelay, context.Http.RequestAborted).ConfigureAwait(false);
        }

        const string WasScanDelete = "/qps/rest/3.0/delete/was/wasscan";
        if (path == "/qps/rest/portal/version")
        {
            await Qps.PortalVersionAsync(context).ConfigureAwait(false);
        }
        else if (path == "/qps/rest/3.0/search/was/wasscan")
        {
            await Qps.SearchWasScansAsync(context).ConfigureAwait(false);
        }
        else if (path == "/qps/rest/3.0/search/was/webapp")
        {
            await Qps.SearchWebAppsAsync(context).ConfigureAwait(false);
        }
        else if (path == WasScanDelete)
        {
            await Qps.DeleteWasScansAsync(context, null).ConfigureAwait(false);
        }
        else if (path.StartsWith(WasScanDelete + "/", StringComparison.Ordinal))
        {
            await Qps.DeleteWasScansAsync(context, path.Substring(WasScanDelete.Length + 1)).ConfigureAwait(false);
        }
        else
        {
            await context.ServiceErrorAsync("3.0/was/wasscan.xsd", "INVALID_URL", "The URL " + context.Path + " is not a known API.", null).ConfigureAwait(false);
        }
    }

    private static Task NotFoundAsync(SimContext context)
        => context.WriteAsync(404, "text/html", "<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>");
}
