using System.Linq;
using QualysGen.Generator.Tests.Infrastructure;

namespace QualysGen.Generator.Tests;

/// <summary>
/// The generated source for the checked-in specs, compared with the approved files under <c>Snapshots/</c>.
/// Review a change there like any other code; set <c>QUALYSGEN_UPDATE_SNAPSHOTS=1</c> to accept it.
/// </summary>
public sealed class SnapshotTests
{
    [Theory]
    [InlineData("simple_return.dtd.Models.g.cs")]
    [InlineData("simple_return.dtd.Parsers.g.cs")]
    [InlineData("compliance_schedule_scan_list_output.dtd.Models.g.cs")]
    [InlineData("compliance_schedule_scan_list_output.dtd.Parsers.g.cs")]
    [InlineData("wasscan.xsd.Models.g.cs")]
    [InlineData("wasscan.xsd.Parsers.g.cs")]
    [InlineData("wasscan.xsd.Writers.g.cs")]
    public void Generated_source_matches_the_approved_snapshot(string hintName)
    {
        var (result, _) = GeneratorHarness.Run(GeneratorHarness.Specs());

        var source = result.Results.Single().GeneratedSources.Single(s => s.HintName == hintName);
        Snapshot.Match(hintName, source.SourceText.ToString());
    }

    [Fact]
    public void The_specs_generate_without_diagnostics_and_the_output_compiles_cleanly()
    {
        var (result, output) = GeneratorHarness.Run(GeneratorHarness.Specs());

        Assert.Empty(result.Diagnostics);
        Assert.Empty(GeneratorHarness.CompileProblems(output));
        var hints = result.Results.Single().GeneratedSources.Select(s => s.HintName).ToList();
        Assert.Contains("simple_return.dtd.Parsers.g.cs", hints);
        Assert.Contains("compliance_schedule_scan_list_output.dtd.Models.g.cs", hints);
        Assert.Contains("wasscan.xsd.Writers.g.cs", hints);
        Assert.Contains("webapp.xsd.Parsers.g.cs", hints);
        Assert.DoesNotContain("simple_return.dtd.Writers.g.cs", hints); // writers are for QPS request bodies only
    }

    [Fact]
    public void Generation_is_deterministic()
    {
        var first = GeneratorHarness.Run(GeneratorHarness.Specs()).Result.Results.Single().GeneratedSources.Select(s => s.SourceText.ToString());
        var second = GeneratorHarness.Run(GeneratorHarness.Specs().Reverse()).Result.Results.Single().GeneratedSources.Select(s => s.SourceText.ToString());
        Assert.Equal(first.Order(), second.Order());
    }
}
