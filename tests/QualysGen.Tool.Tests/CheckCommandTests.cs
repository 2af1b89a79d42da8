using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using QualysGen.Tool.Tests.Infrastructure;

namespace QualysGen.Tool.Tests;

/// <summary><c>qualysgen check</c>: drift and deviations of recorded responses, one file and a folder.</summary>
public sealed class CheckCommandTests
{
    private const string Scan = "/COMPLIANCE_SCHEDULE_SCAN_LIST_OUTPUT/RESPONSE/COMPLIANCE_SCHEDULE_SCAN_LIST/SCAN";

    // Line numbers matter: the report names them.
    private const string Drifted = """
        <?xml version="1.0" encoding="UTF-8" ?>
        <!DOCTYPE COMPLIANCE_SCHEDULE_SCAN_LIST_OUTPUT SYSTEM "https://qualysapi.qualys.com/api/2.0/fo/schedule/scan/compliance/compliance_schedule_scan_list_output.dtd">
        <COMPLIANCE_SCHEDULE_SCAN_LIST_OUTPUT>
          <RESPONSE>
            <DATETIME>2019-11-19T10:10:58Z</DATETIME>
            <COMPLIANCE_SCHEDULE_SCAN_LIST>
              <SCAN>
                <ID>abc</ID>
                <ACTIVE>1</ACTIVE>
                <TARGET>10.0.0.1</TARGET>
                <NETWORK_ID></NETWORK_ID>
                <SCAN_PRIORITY>high</SCAN_PRIORITY>
                <SCHEDULE>
                  <MONTHLY frequency_months="1" day_of_week="9" color="red"/>
                  <START_DATE_UTC></START_DATE_UTC>
                  <START_HOUR>14</START_HOUR>
                  <START_MINUTE>0</START_MINUTE>
                  <TIME_ZONE><TIME_ZONE_CODE>US-CA</TIME_ZONE_CODE><TIME_ZONE_DETAILS>x</TIME_ZONE_DETAILS></TIME_ZONE>
                  <DST_SELECTED>1</DST_SELECTED>
                </SCHEDULE>
              </SCAN>
              <SCAN>
                <ID>12</ID>
                <ACTIVE>0</ACTIVE>
                <USER_LOGIN>u</USER_LOGIN>
                <TARGET>10.0.0.2</TARGET>
                <SCAN_PRIORITY>low</SCAN_PRIORITY>
                <SCHEDULE>
                  <DAILY/>
                  <START_DATE_UTC>2019-11-19T10:10:58Z</START_DATE_UTC>
                  <START_HOUR>14</START_HOUR>
                  <START_MINUTE>0</START_MINUTE>
                  <TIME_ZONE><TIME_ZONE_CODE>US-CA</TIME_ZONE_CODE><TIME_ZONE_DETAILS>x</TIME_ZONE_DETAILS></TIME_ZONE>
                  <DST_SELECTED>1</DST_SELECTED>
                </SCHEDULE>
              </SCAN>
            </COMPLIANCE_SCHEDULE_SCAN_LIST>
          </RESPONSE>
        </COMPLIANCE_SCHEDULE_SCAN_LIST_OUTPUT>
        """;

    private const string Clean = """
        <?xml version="1.0" encoding="UTF-8" ?>
        <!DOCTYPE SIMPLE_RETURN SYSTEM "https://qualysapi.qualys.com/api/2.0/simple_return.dtd">
        <SIMPLE_RETURN>
          <RESPONSE>
            <DATETIME>2025-01-02T03:04:05Z</DATETIME>
            <TEXT>Report canceled</TEXT>
            <ITEM_LIST><ITEM><KEY>ID</KEY><VALUE>6627719</VALUE></ITEM></ITEM_LIST>
          </RESPONSE>
        </SIMPLE_RETURN>
        """;

    [Fact]
    public async Task A_response_gets_its_drift_and_deviations_with_paths_and_lines()
    {
        using var dir = new TempDirectory();
        dir.Write("list.xml", Drifted);

        // No schema in the folder: the DOCTYPE names it, and the catalog has it (typed by its fo.endpoints.json). The empty optional
        // NETWORK_ID (a long) is no deviation: the parsers read it as null.
        var run = await ToolRun.RunAsync(dir.Path, "check", "list.xml", "--format", "json");

        Assert.True(run.ExitCode == 1, run.ToString());
        var response = JsonNode.Parse(run.Out)!["responses"]![0]!;
        Assert.Equal("compliance_schedule_scan_list_output.dtd", (string?)response["schema"]);
        var drift = response["drift"]!.AsArray().Select(d => $"{d!["kind"]} {d["path"]} line {d["line"]} x{d["count"]} {d["value"]}".TrimEnd()).ToList();
        Assert.Equal(
            [
                $"UndeclaredElement {Scan}/SCAN_PRIORITY line 12 x2",
                $"UnknownEnumValue {Scan}/SCHEDULE/MONTHLY/@day_of_week line 14 x1 9",
                $"UndeclaredAttribute {Scan}/SCHEDULE/MONTHLY/@color line 14 x1",
            ],
            drift);
        var deviations = response["deviations"]!.AsArray().Select(d => $"{d!["kind"]} {d["path"]} line {d["line"]} -> {d["omitted"]}").ToList();
        Assert.Equal(
            [
                $"InvalidValue {Scan}/ID line 8 -> {Scan}",
                $"InvalidValue {Scan}/SCHEDULE/START_DATE_UTC line 15 -> {Scan}",
                $"MissingElement {Scan}/USER_LOGIN line 7 -> {Scan}",
                $"MissingAttribute {Scan}/SCHEDULE/DAILY/@frequency_days line 29 -> {Scan}/SCHEDULE/DAILY",
            ],
            deviations);
    }

    [Fact]
    public async Task A_folder_gets_a_summary_per_path_and_a_clean_response_passes()
    {
        using var dir = new TempDirectory();
        Specs.CopyTo(dir, "simple_return.dtd", "fo.endpoints.json");
        dir.Write("responses/ok.xml", Clean);
        var clean = await ToolRun.RunAsync(dir.Path, "check", "responses/ok.xml");
        Assert.True(clean.ExitCode == 0, clean.ToString());
        Assert.Contains("matches the schema", clean.Out);

        dir.Write("responses/a.xml", Drifted);
        dir.Write("responses/b/b.xml", Drifted.Replace("<SCAN_PRIORITY>low</SCAN_PRIORITY>", ""));
        var folder = await ToolRun.RunAsync(dir.Path, "check", "responses");
        Assert.True(folder.ExitCode == 1, folder.ToString());
        Assert.Contains("Summary over 3 responses (2 with findings):", folder.Out);
        Assert.Contains($"drift      UndeclaredElement    {Scan}/SCAN_PRIORITY  3 in 2 responses", folder.Out);
        Assert.Contains($"deviation  MissingElement       {Scan}/USER_LOGIN  2 in 2 responses", folder.Out);
    }

    [Fact]
    public async Task A_given_schema_wins_and_a_wrong_root_is_an_input_error()
    {
        using var dir = new TempDirectory();
        Specs.CopyTo(dir, "simple_return.dtd");
        dir.Write("list.xml", Drifted);
        var run = await ToolRun.RunAsync(dir.Path, "check", "list.xml", "--schema", "simple_return.dtd");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("<COMPLIANCE_SCHEDULE_SCAN_LIST_OUTPUT> is not a root of simple_return.dtd (its roots: SIMPLE_RETURN)", run.Error);
        run.AssertNoStackTrace();

        var missing = await ToolRun.RunAsync(dir.Path, "check", "none.xml");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("Not found: none.xml", missing.Error);
    }
}
