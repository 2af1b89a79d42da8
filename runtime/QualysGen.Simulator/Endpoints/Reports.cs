using System.Collections.Generic;
using System.Globalization;
using System.Threading.Tasks;
using QualysGen.Simulator.Http;

namespace QualysGen.Simulator.Endpoints;

/// <summary><c>POST /api/{2.0,3.0}/fo/report/?action=cancel&amp;id=</c>: cancels a running report ("Report canceled", seed 000).</summary>
internal static class Reports
{
    public static async Task CancelAsync(SimContext context)
    {
        if (context["action"] is not { } action)
        {
            await context.MissingAsync("action").ConfigureAwait(false);
            return;
        }

        if (action != "cancel")
        {
            await context.InvalidAsync("action", action).ConfigureAwait(false);
            return;
        }

        if (!context.IsPost)
        {
            await context.ErrorAsync(400, 1908, "Request method (GET or POST) is incompatible with specified parameter(s): action=cancel").ConfigureAwait(false);
            return;
        }

        if (context["id"] is not { } idText)
        {
            await context.MissingAsync("id").ConfigureAwait(false);
            return;
        }

        if (!long.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            await context.InvalidAsync("id", idText).ConfigureAwait(false);
            return;
        }

        var canceled = context.Simulator.State.Locked(() =>
        {
            if (context.Simulator.State.ReportTable.TryGetValue(id, out var report) && report.State == "Running")
            {
                report.State = "Canceled";
                return true;
            }

            return false;
        });

        if (!canceled)
        {
            await context.InvalidAsync("id", idText, "no running report with this ID").ConfigureAwait(false);
            return;
        }

        await context.SimpleReturnAsync(200, "Report canceled", new KeyValuePair<string, string>("ID", idText)).ConfigureAwait(false);
    }
}
