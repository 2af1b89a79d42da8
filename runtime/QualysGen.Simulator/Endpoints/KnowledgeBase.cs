using System.Collections.Generic;
using System.Globalization;
using System.Threading.Tasks;
using QualysGen.Simulator.Http;

namespace QualysGen.Simulator.Endpoints;

/// <summary><c>POST /api/2.0/fo/knowledge_base/vuln/</c>: <c>action=edit</c> (severity, disable, comments; at least one) and <c>action=reset</c> of a QID (seed 003).</summary>
internal static class KnowledgeBase
{
    private static readonly string[] EditFields = ["severity", "disable", "threat_comment", "impact_comment", "solution_comment"];

    public static async Task HandleAsync(SimContext context)
    {
        var action = context["action"];
        if (action is null)
        {
            await context.MissingAsync("action").ConfigureAwait(false);
            return;
        }

        if (action is not ("edit" or "reset"))
        {
            await context.InvalidAsync("action", action).ConfigureAwait(false);
            return;
        }

        if (!context.IsPost)
        {
            await context.ErrorAsync(400, 1908, $"Request method (GET or POST) is incompatible with specified parameter(s): action={action}").ConfigureAwait(false);
            return;
        }

        if (context["qid"] is not { } qidText)
        {
            await context.MissingAsync("qid").ConfigureAwait(false);
            return;
        }

        if (!long.TryParse(qidText, NumberStyles.None, CultureInfo.InvariantCulture, out var qid))
        {
            await context.InvalidAsync("qid", qidText).ConfigureAwait(false);
            return;
        }

        var state = context.Simulator.State;
        if (action == "reset")
        {
            state.Locked(() => state.VulnEditTable.Remove(qid));
            await context.SimpleReturnAsync(200, "Custom Vuln Data has been reset successfully").ConfigureAwait(false);
            return;
        }

        if (System.Array.TrueForAll(EditFields, f => context[f] is null))
        {
            await context.ErrorAsync(400, 1922, "Please specify at least one of the following parameters: " + string.Join(", ", EditFields)).ConfigureAwait(false);
            return;
        }

        int? severity = null;
        if (context["severity"] is { } severityText)
        {
            if (!int.TryParse(severityText, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value is < 1 or > 5)
            {
                await context.InvalidAsync("severity", severityText, "expected 1-5").ConfigureAwait(false);
                return;
            }

            severity = value;
        }

        if (context["disable"] is { } disable && disable is not ("0" or "1"))
        {
            await context.InvalidAsync("disable", disable).ConfigureAwait(false);
            return;
        }

        state.Locked(() =>
        {
            if (!state.VulnEditTable.TryGetValue(qid, out var edit))
            {
                edit = new SimulatedVulnEdit { Qid = qid };
                state.VulnEditTable[qid] = edit;
            }

            edit.Severity = severity ?? edit.Severity;
            edit.Disabled = context["disable"] is { } d ? d == "1" : edit.Disabled;
            edit.ThreatComment = context["threat_comment"] ?? edit.ThreatComment;
            edit.ImpactComment = context["impact_comment"] ?? edit.ImpactComment;
            edit.SolutionComment = context["solution_comment"] ?? edit.SolutionComment;
        });

        await context.SimpleReturnAsync(200, "Custom Vuln Data has been updated successfully", new KeyValuePair<string, string>("qid", qidText)).ConfigureAwait(false);
    }
}
