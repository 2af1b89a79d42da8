using System.IO;
using System.Threading.Tasks;
using QualysGen.Tool.Tests.Infrastructure;

namespace QualysGen.Tool.Tests;

/// <summary><c>qualysgen add</c>: the catalog, copying a family, and never overwriting a changed file without --force.</summary>
public sealed class AddCommandTests
{
    [Fact]
    public async Task List_shows_every_family_with_its_endpoints_versions_and_files()
    {
        var run = await ToolRun.RunAsync(Path.GetTempPath(), "add", "--list");
        Assert.True(run.ExitCode == 0, run.ToString());
        foreach (var family in new[] { "Assets  (asset.endpoints.json)", "KnowledgeBase", "Reports  (report.endpoints.json)", "Scans", "Was  (was.endpoints.json)", "Zuora" })
        {
            Assert.Contains(family, run.Out);
        }

        Assert.Contains("CreateScanReportTemplate", run.Out);
        Assert.Contains("v7.0, v4.0 (EOS December 2026)", run.Out);
        Assert.Contains("files: was.endpoints.json, wasscan.xsd", run.Out);
        Assert.DoesNotContain("fo.endpoints.json)", run.Out);
    }

    [Fact]
    public async Task Add_copies_a_family_that_builds_and_is_called_as_typed_requests()
    {
        using var project = new TempDirectory();
        var run = await ToolRun.RunAsync(project.Path, "add", "Reports", "--dir", "qualys");
        Assert.True(run.ExitCode == 0, run.ToString());
        // fo.endpoints.json types simple_return.dtd and the compliance schedule DTD, so both come (else the build reports QG0202).
        foreach (var file in new[] { "report.endpoints.json", "simple_return.dtd", "fo.endpoints.json", "compliance_schedule_scan_list_output.dtd", "qualysgen.spec.schema.json" })
        {
            Assert.Equal(Specs.Read(file), File.ReadAllText(project.File("qualys/" + file)));
            Assert.Contains("added        " + file, run.Out);
        }

        Assert.False(File.Exists(project.File("qualys/scan.endpoints.json")));
        var problems = ConsumerBuild.Build(project.Path, """
            using Consumer.Qualys.Reports;

            public static class Calls
            {
                public static object Cancel() => new CancelReportRequest { Id = 6627719 }.Build();
            }
            """);
        Assert.Empty(problems);

        // Again: nothing changed, nothing written.
        var again = await ToolRun.RunAsync(project.Path, "add", "reports", "--dir", "qualys");
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("unchanged    simple_return.dtd", again.Out);
    }

    [Fact]
    public async Task A_changed_file_is_overwritten_only_with_force()
    {
        using var project = new TempDirectory();
        project.Write("simple_return.dtd", "<!-- mine -->\n" + Specs.Read("simple_return.dtd"));

        var refused = await ToolRun.RunAsync(project.Path, "add", "KnowledgeBase");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("simple_return.dtd already exists", refused.Error);
        Assert.Contains("nothing was written", refused.Error);
        Assert.StartsWith("<!-- mine -->", File.ReadAllText(project.File("simple_return.dtd")));
        Assert.False(File.Exists(project.File("knowledge_base.endpoints.json")));

        var forced = await ToolRun.RunAsync(project.Path, "add", "KnowledgeBase", "--force");
        Assert.True(forced.ExitCode == 0, forced.ToString());
        Assert.Contains("overwritten  simple_return.dtd", forced.Out);
        Assert.Equal(Specs.Read("simple_return.dtd"), File.ReadAllText(project.File("simple_return.dtd")));
    }

    [Fact]
    public async Task An_unknown_family_names_the_known_ones()
    {
        var run = await ToolRun.RunAsync(Path.GetTempPath(), "add", "Vulns");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("The catalog has no family 'Vulns'. Families: Assets, KnowledgeBase, Reports, Scans, Was, Zuora", run.Error);
        run.AssertNoStackTrace();
    }
}
