using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using QualysGen.Simulator.Http;

namespace QualysGen.Simulator.Endpoints;

/// <summary>
/// <c>/api/2.0/fo/scan/compliance/</c>: <c>launch</c> (POST; an option profile, a target and, with agent targets, a scanner) and
/// <c>list</c> (a <c>SCAN_LIST_OUTPUT</c>, filtered by <c>scan_ref</c>, <c>scan_id</c>, <c>state</c>).
/// </summary>
internal static class ComplianceScans
{
    public static Task HandleAsync(SimContext context) => context["action"] switch
    {
        null => context.MissingAsync("action"),
        "list" => ListAsync(context),
        "launch" when !context.IsPost => context.ErrorAsync(400, 1908, "Request method (GET or POST) is incompatible with specified parameter(s): action=launch"),
        "launch" => LaunchAsync(context),
        var other => context.InvalidAsync("action", other),
    };

    private static async Task LaunchAsync(SimContext context)
    {
        if (context["option_id"] is not null && context["option_title"] is not null)
        {
            await context.ErrorAsync(400, 1904, "Please specify only one of these parameters: option_id, option_title").ConfigureAwait(false);
            return;
        }

        if (context["option_id"] is null && context["option_title"] is null)
        {
            await context.MissingAsync("option_id or option_title").ConfigureAwait(false);
            return;
        }

        if (context["target_from"] != "tags" && context["ip"] is null && context["asset_groups"] is null && context["asset_group_ids"] is null)
        {
            await context.ErrorAsync(400, 1922, "Please specify at least one of the following parameters: ip, asset_groups, asset_group_ids").ConfigureAwait(false);
            return;
        }

        if (context["include_agent_targets"] == "1" && context["iscanner_id"] is null && context["iscanner_name"] is null)
        {
            await context.ErrorAsync(400, 1922, "Please specify at least one of the following parameters: iscanner_id, iscanner_name").ConfigureAwait(false);
            return;
        }

        var state = context.Simulator.State;
        var scan = state.Locked(() =>
        {
            var id = state.NewScanId();
            var created = new SimulatedComplianceScan
            {
                Id = id,
                Reference = $"compliance/{context.Now.ToUnixTimeSeconds()}.{id % 100000}",
                Title = context["scan_title"] ?? "",
                Target = context["ip"] ?? context["asset_groups"] ?? context["asset_group_ids"] ?? "tags",
                UserLogin = context.Simulator.Options.UserName,
                LaunchedAt = context.Now,
            };
            state.ComplianceScanTable[id] = created;
            return created;
        });

        await context.SimpleReturnAsync(
            200,
            "New compliance scan launched",
            new KeyValuePair<string, string>("ID", scan.Id.ToString(CultureInfo.InvariantCulture)),
            new KeyValuePair<string, string>("REFERENCE", scan.Reference)).ConfigureAwait(false);
    }

    private static Task ListAsync(SimContext context)
    {
        var states = context["state"]?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var scans = context.Simulator.State.ComplianceScans
            .Where(s => context["scan_ref"] is not { } reference || s.Reference == reference)
            .Where(s => context["scan_id"] is not { } id || s.Id.ToString(CultureInfo.InvariantCulture) == id)
            .Where(s => states is null || states.Contains(s.State))
            .ToList();
        var head = new StringBuilder(QualysXml.Declaration)
            .Append($"<!DOCTYPE SCAN_LIST_OUTPUT SYSTEM \"{context.ApiBase}/api/2.0/fo/scan/compliance/scan_list_output.dtd\">\n")
            .Append("<SCAN_LIST_OUTPUT>\n  <RESPONSE>\n")
            .Append($"    <DATETIME>{QualysXml.Utc(context.Now)}</DATETIME>\n");
        if (scans.Count > 0)
        {
            head.Append("    <SCAN_LIST>\n");
        }

        var records = scans.Select(s => QualysXml.Fragment(w =>
        {
            w.WriteStartElement("SCAN");
            w.WriteElementString("ID", QualysXml.Number(s.Id));
            w.WriteElementString("REF", s.Reference);
            w.WriteElementString("TYPE", s.Type);
            QualysXml.CData(w, "TITLE", s.Title);
            w.WriteElementString("USER_LOGIN", s.UserLogin);
            w.WriteElementString("LAUNCH_DATETIME", QualysXml.Utc(s.LaunchedAt));
            w.WriteElementString("DURATION", "Pending");
            w.WriteElementString("PROCESSED", "0");
            w.WriteStartElement("STATUS");
            w.WriteElementString("STATE", s.State);
            w.WriteEndElement();
            QualysXml.CData(w, "TARGET", s.Target);
            w.WriteEndElement();
        })).ToList();
        var tail = (scans.Count > 0 ? "    </SCAN_LIST>\n" : "") + "  </RESPONSE>\n</SCAN_LIST_OUTPUT>\n";
        return context.StreamAsync(200, "text/xml", head.ToString(), records, tail);
    }
}
