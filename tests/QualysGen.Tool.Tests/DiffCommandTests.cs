using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using QualysGen.Tool.Tests.Infrastructure;

namespace QualysGen.Tool.Tests;

/// <summary><c>qualysgen diff</c> on endpoint specs, XSDs and DTDs, its formats, --fail-on, and its errors.</summary>
public sealed class DiffCommandTests
{
    [Fact]
    public async Task A_new_spec_version_reports_lifecycle_entry_moves_and_parameters()
    {
        using var dir = new TempDirectory();
        Specs.CopyTo(dir, "report.endpoints.json", "simple_return.dtd", "fo.endpoints.json");
        var spec = JsonNode.Parse(Specs.Read("report.endpoints.json"))!;
        var cancel = spec["endpoints"]!["CancelReport"]!;
        cancel["versions"]!["3.0"]!["eos"] = "2026-12";
        cancel["versions"]!["3.0"]!["eol"] = "2027-06";
        cancel["versions"]!["4.0"] = JsonNode.Parse("""{ "auth": ["basic"], "body": "query" }""");
        cancel["parameters"]!.AsObject().Remove("echo_request");
        cancel["parameters"]!["output_format"] = JsonNode.Parse("""{ "type": { "enum": ["xml", "csv"] }, "description": "The format." }""");
        cancel["versions"]!["4.0"]!["parameters"] = JsonNode.Parse("""{ "reason": { "type": "string", "required": true } }""");
        var newVersion = dir.Write("new/report.endpoints.json", spec.ToJsonString());

        var run = await ToolRun.RunAsync(dir.Path, "diff", "report.endpoints.json", newVersion);

        Assert.True(run.ExitCode == 1, run.ToString());
        var lines = run.Out.Split('\n');
        void Has(string severity, string kind, string member, string detail = "")
            => Assert.True(lines.Any(l => l.TrimStart().StartsWith(severity + " ", StringComparison.Ordinal) && l.Contains(" " + kind + " ", StringComparison.Ordinal)
                                          && l.Contains(" " + member + ":", StringComparison.Ordinal) && l.Contains(detail, StringComparison.Ordinal)),
                $"no '{severity} {kind} {member} ...{detail}' in:\n{run.Out}");
        Has("breaking", "entry-moved", "Reports.CancelReportRequest", "now sends v4.0 (Reports.CancelReportV4Request), was v3.0 (Reports.CancelReportV3Request)");
        Has("breaking", "end-of-support", "Reports.CancelReportV3Request", "end of support (EOS) December 2026");
        Has("breaking", "end-of-life", "Reports.CancelReportV3Request", "end of life (EOL) June 2027");
        Has("breaking", "removed", "Reports.CancelReportV3Request.EchoRequest", "(echo_request)");
        Has("breaking", "removed", "Reports.CancelReportV2Request.EchoRequest");
        Has("additive", "added", "Reports.CancelReportV4Request", "new version 4.0 of CancelReport");
        Has("additive", "added", "Reports.CancelReportV3Request.OutputFormat", "new Reports.");
        // The unversioned entry now mirrors v4.0, which requires a parameter v3.0 did not have.
        Has("breaking", "added", "Reports.CancelReportRequest.Reason", "new required string (reason)");
        Assert.DoesNotContain(lines, l => l.Contains("CreateScanReportTemplate", StringComparison.Ordinal));

        var markdown = await ToolRun.RunAsync(dir.Path, "diff", "report.endpoints.json", newVersion, "--format", "markdown", "--fail-on", "none");
        Assert.Equal(0, markdown.ExitCode);
        Assert.Contains("| ❌ breaking | entry-moved request | `Reports.CancelReportRequest` |", markdown.Out);
        Assert.Contains("| ➕ additive | added request | `Reports.CancelReportV4Request` |", markdown.Out);
    }

    [Fact]
    public async Task An_xsd_change_names_enum_members_and_fail_on_decides_the_exit_code()
    {
        using var dir = new TempDirectory();
        Specs.CopyTo(dir, "wasscan.xsd", "webapp.xsd", "was.endpoints.json");
        var xsd = Specs.Read("wasscan.xsd");
        var first = xsd.IndexOf("<xs:enumeration value=", StringComparison.Ordinal);
        Assert.True(first > 0);
        var added = dir.Write("added/wasscan.xsd", xsd.Insert(first, "<xs:enumeration value=\"BRAND_NEW\"/>"));

        var additiveOnly = await ToolRun.RunAsync(dir.Path, "diff", "wasscan.xsd", added);
        Assert.True(additiveOnly.ExitCode == 0, additiveOnly.ToString());
        Assert.Contains("0 breaking, 1 additive", additiveOnly.Out);
        Assert.Contains("new value \"BRAND_NEW\"", additiveOnly.Out);
        Assert.Equal(1, (await ToolRun.RunAsync(dir.Path, "diff", "wasscan.xsd", added, "--fail-on", "any")).ExitCode);

        // The other way round the same member is removed: breaking.
        var removed = await ToolRun.RunAsync(dir.Path, "diff", added, "wasscan.xsd", "--format", "json");
        Assert.True(removed.ExitCode == 1, removed.ToString());
        var change = JsonNode.Parse(removed.Out)!["files"]![0]!["changes"]![0]!;
        Assert.Equal("breaking", (string?)change["severity"]);
        Assert.Equal("removed", (string?)change["change"]);
        Assert.Equal("enum member", (string?)change["subject"]);
        Assert.StartsWith("WasscanXsd.", (string?)change["member"]);
    }

    [Fact]
    public async Task Filter_fields_and_json_properties_are_compared_too()
    {
        using var dir = new TempDirectory();
        Specs.CopyTo(dir, "was.endpoints.json", "wasscan.xsd", "webapp.xsd", "zuora.endpoints.json");
        var was = JsonNode.Parse(Specs.Read("was.endpoints.json"))!;
        was["filterSets"]!["WasScanFilter"]!["fields"]!.AsObject().Remove("reference");
        var zuora = JsonNode.Parse(Specs.Read("zuora.endpoints.json"))!;
        zuora["jsonTypes"]!["CancelReportRunResult"]!["properties"]!["response"]!["required"] = true;

        var filters = await ToolRun.RunAsync(dir.Path, "diff", "was.endpoints.json", dir.Write("new/was.endpoints.json", was.ToJsonString()));
        Assert.True(filters.ExitCode == 1, filters.ToString());
        Assert.Contains("breaking  removed         property Was.WasScanFilter.Reference:", filters.Out);

        var json = await ToolRun.RunAsync(dir.Path, "diff", "zuora.endpoints.json", dir.Write("new/zuora.endpoints.json", zuora.ToJsonString()));
        Assert.True(json.ExitCode == 1, json.ToString());
        Assert.Contains("breaking  made-required   property Zuora.CancelReportRunResult.Response:", json.Out);
    }

    [Fact]
    public async Task A_dtd_change_names_choices_list_changes_retypes_and_case_renames()
    {
        using var dir = new TempDirectory();
        Specs.CopyTo(dir, "compliance_schedule_scan_list_output.dtd", "fo.endpoints.json", "simple_return.dtd");
        var dtd = Specs.Read("compliance_schedule_scan_list_output.dtd")
            .Replace("((DAILY|WEEKLY|MONTHLY), START_DATE_UTC,", "((DAILY|WEEKLY|MONTHLY|YEARLY), START_DATE_UTC,")
            .Replace("<!ELEMENT DAILY EMPTY>", "<!ELEMENT DAILY EMPTY>\n<!ELEMENT YEARLY EMPTY>\n<!ATTLIST YEARLY month CDATA #REQUIRED>")
            .Replace("<!ELEMENT VPC_LIST (VPC+)>", "<!ELEMENT VPC_LIST (VPC)>")
            .Replace("<!ELEMENT CONNECTOR (ID?, UUID, NAME)>", "<!ELEMENT CONNECTOR (ID?, Uuid, NAME)>\n<!ELEMENT Uuid (#PCDATA)>");
        var fo = Specs.Read("fo.endpoints.json").Replace("\"START_HOUR\": \"int\"", "\"START_HOUR\": \"long\"");
        dir.Write("new/compliance_schedule_scan_list_output.dtd", dtd);
        dir.Write("new/fo.endpoints.json", fo);

        var run = await ToolRun.RunAsync(dir.Path, "diff", "compliance_schedule_scan_list_output.dtd", "new/compliance_schedule_scan_list_output.dtd");

        Assert.True(run.ExitCode == 1, run.ToString());
        const string Ns = "ComplianceScheduleScanListOutputDtd.";
        Assert.Contains($"additive  choice-changed  choice {Ns}Schedule.Choice: new branch {Ns}ScheduleChoice.Yearly (YEARLY)", run.Out);
        Assert.Contains($"additive  added           property {Ns}Schedule.Yearly: new {Ns}Yearly? from <YEARLY>", run.Out);
        // VPC_LIST (VPC+) was flattened into a list; VPC_LIST (VPC) is a class of its own.
        Assert.Contains($"breaking  list-to-single  property {Ns}CloudTarget.Vpcs: <VPC_LIST>/<VPC> is now read into {Ns}CloudTarget.VpcList ({Ns}VpcList?), was Vpcs (IReadOnlyList<{Ns}Vpc>)", run.Out);
        Assert.Contains($"additive  added           type {Ns}VpcList:", run.Out);
        Assert.DoesNotContain("property " + Ns + "CloudTarget.VpcList", run.Out);
        Assert.Contains($"breaking  retyped         property {Ns}Schedule.StartHour: int -> long", run.Out);
        Assert.Contains($"breaking  renamed-case    property {Ns}Connector.Uuid: read from <Uuid>, was <UUID>", run.Out);
    }

    [Fact]
    public async Task Same_schema_twice_is_no_change()
    {
        using var dir = new TempDirectory();
        Specs.CopyTo(dir, "simple_return.dtd", "fo.endpoints.json");
        var copy = dir.Write("copy/simple_return.dtd", Specs.Read("simple_return.dtd").Replace("<!-- QUALYS SIMPLE_RETURN DTD -->", "<!-- reformatted -->\n"));
        var run = await ToolRun.RunAsync(dir.Path, "diff", "simple_return.dtd", copy, "--fail-on", "any");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("no change to the generated API", run.Out);
    }

    [Fact]
    public async Task User_errors_are_one_line_with_exit_code_2()
    {
        using var dir = new TempDirectory();
        Specs.CopyTo(dir, "simple_return.dtd");
        var html = dir.Write("page/simple_return.dtd", "<html><body>Login required</body></html>");
        dir.Write("notes.txt", "x");

        var missing = await ToolRun.RunAsync(dir.Path, "diff", "simple_return.dtd", "nope.dtd");
        Assert.Equal(2, missing.ExitCode);
        Assert.Equal("qualysgen: File not found: nope.dtd", missing.Error.Trim());
        missing.AssertNoStackTrace();

        var notDtd = await ToolRun.RunAsync(dir.Path, "diff", "simple_return.dtd", html);
        Assert.Equal(2, notDtd.ExitCode);
        Assert.Contains("does not generate", notDtd.Error);
        Assert.Contains("error QG0001", notDtd.Error);
        notDtd.AssertNoStackTrace();

        var kinds = await ToolRun.RunAsync(dir.Path, "diff", "simple_return.dtd", "notes.txt");
        Assert.Equal(2, kinds.ExitCode);
        Assert.Contains("is not a DTD (.dtd), an XSD (.xsd) or an endpoint spec", kinds.Error);

        var option = await ToolRun.RunAsync(dir.Path, "diff", "simple_return.dtd", "simple_return.dtd", "--format", "yaml");
        Assert.Equal(2, option.ExitCode);
        Assert.Contains("--format must be one of text, json, markdown", option.Error);

        var unknown = await ToolRun.RunAsync(dir.Path, "diff", "--colour");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("Unknown option '--colour'", unknown.Error);

        var help = await ToolRun.RunAsync(dir.Path, "diff", "--help");
        Assert.Equal(0, help.ExitCode);
        Assert.StartsWith("Usage: qualysgen diff OLD NEW", help.Out);
    }
}
