using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using QualysGen.Simulator;
using QualysGen.Simulator.Schemas;
using QualysGen.Tool.Tests.Infrastructure;

namespace QualysGen.Tool.Tests;

/// <summary>
/// The README's "When Qualys publishes a new version" workflow, end to end and offline: the simulator publishes a changed DTD,
/// <c>fetch</c> names the breaking and additive changes and exits 1 without writing, <c>diff</c> says the same, <c>fetch --write</c>
/// takes the new DTD, and the consumer's next build fails where it used the removed member and compiles the new one.
/// </summary>
public sealed class PublishedSchemaWorkflowTests
{
    private const string Dtd = "compliance_schedule_scan_list_output.dtd";

    private const string UsesRemovedMember = """
        using Consumer.Qualys.ComplianceScheduleScanListOutputDtd;

        public static class Report
        {
            public static string Describe(Scan scan)
                => scan.Title + " on " + scan.IscannerName;
        }
        """;

    private const string UsesNewMembers = """
        using Consumer.Qualys.ComplianceScheduleScanListOutputDtd;

        public static class Report
        {
            public static string Describe(Scan scan)
                => scan.Title + " priority " + scan.ScanPriority + " by " + (scan.UserLogin ?? "nobody");

            public static MonthlyDayOfWeek Saturday => MonthlyDayOfWeek.Value7;
        }
        """;

    [Fact]
    public async Task A_published_dtd_change_is_fetched_diffed_written_and_rebuilt()
    {
        using var project = new TempDirectory();
        var added = await ToolRun.RunAsync(project.Path, "add", "Scans");
        Assert.True(added.ExitCode == 0, added.ToString());
        var original = File.ReadAllText(project.File(Dtd));
        Assert.Empty(ConsumerBuild.Build(project.Path, UsesRemovedMember));

        await using var simulator = await QualysSimulator.StartAsync();
        var published = simulator.Schemas.Publish(
            Dtd,
            DtdEdit.AddElement("SCAN", "SCAN_PRIORITY"),
            DtdEdit.RemoveElement("SCAN", "ISCANNER_NAME"),
            DtdEdit.MakeOptional("SCAN", "USER_LOGIN"),
            DtdEdit.AddEnumerationValue("MONTHLY", "day_of_week", "7"));
        var url = simulator.BaseAddress.AbsoluteUri;

        // fetch: downloads every schema the project uses, shows the changes, writes nothing, exits 1 on a breaking change.
        var fetched = await ToolRun.RunAsync(project.Path, "fetch", "--url", url);
        Assert.True(fetched.ExitCode == 1, fetched.ToString());
        Assert.Contains("simple_return.dtd: unchanged", fetched.Out);
        Assert.Contains("2 breaking, 2 additive", fetched.Out);
        AssertLine(fetched.Out, "breaking", "removed", "property ComplianceScheduleScanListOutputDtd.Scan.IscannerName");
        AssertLine(fetched.Out, "breaking", "made-optional", "property ComplianceScheduleScanListOutputDtd.Scan.UserLogin: <USER_LOGIN> is now optional: string -> string?");
        AssertLine(fetched.Out, "additive", "added", "property ComplianceScheduleScanListOutputDtd.Scan.ScanPriority");
        AssertLine(fetched.Out, "additive", "added", "enum member ComplianceScheduleScanListOutputDtd.MonthlyDayOfWeek.Value7: new value \"7\"");
        Assert.Contains("/api/2.0/fo/schedule/scan/compliance/" + Dtd, fetched.Error);
        Assert.Equal(original, File.ReadAllText(project.File(Dtd)));
        Assert.Contains(simulator.Requests, r => r.Path == "/api/2.0/simple_return.dtd" && r.Status == 200);

        // diff: the same facts between two files, as JSON for CI.
        var newVersion = project.Write("incoming/" + Dtd, published);
        var diffed = await ToolRun.RunAsync(project.Path, "diff", Dtd, newVersion, "--format", "json");
        Assert.True(diffed.ExitCode == 1, diffed.ToString());
        using (var json = JsonDocument.Parse(diffed.Out))
        {
            Assert.Equal(2, json.RootElement.GetProperty("breaking").GetInt32());
            Assert.Equal(2, json.RootElement.GetProperty("additive").GetInt32());
            var members = json.RootElement.GetProperty("files")[0].GetProperty("changes").EnumerateArray()
                .Select(c => c.GetProperty("severity").GetString() + " " + c.GetProperty("change").GetString() + " " + c.GetProperty("member").GetString())
                .ToList();
            Assert.Contains("breaking removed ComplianceScheduleScanListOutputDtd.Scan.IscannerName", members);
            Assert.Contains("breaking made-optional ComplianceScheduleScanListOutputDtd.Scan.UserLogin", members);
        }

        Assert.Equal(0, (await ToolRun.RunAsync(project.Path, "diff", Dtd, newVersion, "--fail-on", "none")).ExitCode);

        // fetch --write: the new version replaces the project's; the next build shows what changed.
        Directory.Delete(project.File("incoming"), recursive: true);
        var written = await ToolRun.RunAsync(project.Path, "fetch", "--url", url, "--write");
        Assert.True(written.ExitCode == 0, written.ToString());
        Assert.Contains("wrote " + Dtd, written.Out);
        Assert.Equal(published, File.ReadAllText(project.File(Dtd)));

        var broken = ConsumerBuild.Build(project.Path, UsesRemovedMember);
        var error = Assert.Single(broken);
        Assert.Equal("CS1061", error.Id);
        Assert.Contains("IscannerName", error.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(5, error.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Empty(ConsumerBuild.Build(project.Path, UsesNewMembers));

        // Nothing left to fetch.
        var again = await ToolRun.RunAsync(project.Path, "fetch", "--url", url);
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains(Dtd + ": unchanged", again.Out);
    }

    private static void AssertLine(string output, string severity, string kind, string text)
        => Assert.Contains(output.Split('\n'), line => line.TrimStart().StartsWith(severity, StringComparison.Ordinal)
                                                       && line.Contains(" " + kind + " ", StringComparison.Ordinal)
                                                       && line.Contains(text, StringComparison.Ordinal));
}
