using System.Collections.Generic;
using System.Globalization;
using System.Threading.Tasks;
using QualysGen.Simulator.Http;

namespace QualysGen.Simulator.Endpoints;

/// <summary>
/// <c>POST /api/2.0/fo/scan/cloud/perimeter/job/</c>: <c>create</c> and <c>update</c> of a Cloud Perimeter scan job with the
/// parameters seed 003 shows (<c>module</c>, <c>active</c>, <c>schedule</c>, <c>option_title</c>, <c>connector_uuid</c>,
/// <c>include_micro_nano_instances</c>, <c>include_lb_from_connector</c>, ...). The seed prints no response; the simulator answers
/// with a <c>SIMPLE_RETURN</c> carrying the job's ID, like the other create and update APIs.
/// </summary>
internal static class CloudPerimeterJobs
{
    public static async Task HandleAsync(SimContext context)
    {
        var action = context["action"];
        if (action is null)
        {
            await context.MissingAsync("action").ConfigureAwait(false);
            return;
        }

        if (action is not ("create" or "update"))
        {
            await context.InvalidAsync("action", action).ConfigureAwait(false);
            return;
        }

        if (!context.IsPost)
        {
            await context.ErrorAsync(400, 1908, $"Request method (GET or POST) is incompatible with specified parameter(s): action={action}").ConfigureAwait(false);
            return;
        }

        foreach (var flag in new[] { "active", "include_micro_nano_instances", "include_lb_from_connector" })
        {
            if (context[flag] is { } value && value is not ("0" or "1"))
            {
                await context.InvalidAsync(flag, value).ConfigureAwait(false);
                return;
            }
        }

        var state = context.Simulator.State;
        var parameters = new Dictionary<string, string>(context.Parameters);
        parameters.Remove("action");
        if (action == "create")
        {
            if (context["module"] is null)
            {
                await context.MissingAsync("module").ConfigureAwait(false);
                return;
            }

            var id = state.Locked(() =>
            {
                var newId = state.NewScanId();
                state.PerimeterJobTable[newId] = new SimulatedCloudPerimeterJob { Id = newId, Parameters = parameters };
                return newId;
            });
            await context.SimpleReturnAsync(200, "Cloud Perimeter scan job created successfully", new KeyValuePair<string, string>("ID", id.ToString(CultureInfo.InvariantCulture))).ConfigureAwait(false);
            return;
        }

        if (context["id"] is not { } idText)
        {
            await context.MissingAsync("id").ConfigureAwait(false);
            return;
        }

        var updated = long.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var jobId) && state.Locked(() =>
        {
            if (!state.PerimeterJobTable.TryGetValue(jobId, out var job))
            {
                return false;
            }

            foreach (var (key, value) in parameters)
            {
                job.Parameters[key] = value;
            }

            return true;
        });
        if (!updated)
        {
            await context.InvalidAsync("id", idText, "no Cloud Perimeter scan job with this ID").ConfigureAwait(false);
            return;
        }

        await context.SimpleReturnAsync(200, "Cloud Perimeter scan job updated successfully", new KeyValuePair<string, string>("ID", idText)).ConfigureAwait(false);
    }
}
