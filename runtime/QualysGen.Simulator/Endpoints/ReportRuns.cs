using System.Threading.Tasks;
using QualysGen.Simulator.Http;

namespace QualysGen.Simulator.Endpoints;

/// <summary>
/// The Zuora "Cancel a Report Run" endpoint from seed 002 (<c>/api/rest/v1/reportruns/{ReportRunId}</c>), a third-party JSON API that
/// the specs describe as a custom host: answered on the API server port so that a test can point <c>CustomHostUrl</c> at it.
/// </summary>
internal static class ReportRuns
{
    public static Task CancelAsync(SimContext context)
    {
        var id = context.Path.Substring("/api/rest/v1/reportruns/".Length).Trim('/');
        if (id.Length == 0)
        {
            return context.WriteAsync(404, "application/json", "{ \"success\": false, \"response\": \"Not found\" }");
        }

        var first = context.Simulator.State.Locked(() => context.Simulator.State.CanceledReportRuns.Add(id));
        return context.WriteAsync(200, "application/json", first
            ? "{ \"success\": true, \"response\": \"The report run has been canceled\" }"
            : "{ \"success\": true, \"response\": \"The report run was canceled\" }");
    }
}
