using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using QualysGen.Generator.Tests.Infrastructure;

namespace QualysGen.Generator.Tests.Endpoints;

/// <summary>
/// The generated request builders and JSON readers for the checked-in specs, compared with the approved files under
/// <c>Endpoints/Snapshots/</c>. Review a change there like any other code; set <c>QUALYSGEN_UPDATE_SNAPSHOTS=1</c> to accept it.
/// </summary>
public sealed class RequestSnapshotTests
{
    [Theory]
    [InlineData("report.endpoints.json.Requests.g.cs")]
    [InlineData("scan.endpoints.json.Requests.g.cs")]
    [InlineData("asset.endpoints.json.Requests.g.cs")]
    [InlineData("knowledge_base.endpoints.json.Requests.g.cs")]
    [InlineData("was.endpoints.json.Requests.g.cs")]
    [InlineData("zuora.endpoints.json.Requests.g.cs")]
    [InlineData("zuora.endpoints.json.JsonResponses.g.cs")]
    public void Generated_source_matches_the_approved_snapshot(string hintName)
    {
        var (result, _) = GeneratorHarness.Run(GeneratorHarness.Specs());

        var source = result.Results.Single().GeneratedSources.Single(s => s.HintName == hintName);
        Snapshot.Match(hintName, source.SourceText.ToString());
    }

    [Fact]
    public void The_endpoint_specs_generate_one_file_each_without_diagnostics()
    {
        var (result, _) = GeneratorHarness.Run(GeneratorHarness.Specs());

        Assert.Empty(result.Diagnostics);
        Assert.Equal(
            [
                "asset.endpoints.json.Requests.g.cs", "knowledge_base.endpoints.json.Requests.g.cs", "report.endpoints.json.Requests.g.cs",
                "scan.endpoints.json.Requests.g.cs", "was.endpoints.json.Requests.g.cs", "zuora.endpoints.json.JsonResponses.g.cs",
                "zuora.endpoints.json.Requests.g.cs",
            ],
            result.Results.Single().GeneratedSources.Select(s => s.HintName).Where(h => h.Contains(".endpoints.json.")).Order());
    }

    [Theory]
    [InlineData("public")]
    [InlineData("internal")]
    public void The_output_compiles_without_a_warning_with_documentation_checks_on(string visibility)
    {
        var options = new Dictionary<string, string> { ["build_property.QualysGenNamespace"] = GeneratorHarness.Namespace, ["build_property.QualysGenVisibility"] = visibility };
        var parse = GeneratorHarness.ParseOptions.WithDocumentationMode(DocumentationMode.Diagnose);
        var compilation = GeneratorHarness.Compilation("/// <summary>A consumer.</summary>\npublic static class Consumer { }")
            .WithOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, generalDiagnosticOption: ReportDiagnostic.Error));
        compilation = compilation.ReplaceSyntaxTree(compilation.SyntaxTrees.Single(), compilation.SyntaxTrees.Single().WithRootAndOptions(compilation.SyntaxTrees.Single().GetRoot(), parse));

        var driver = Microsoft.CodeAnalysis.CSharp.CSharpGeneratorDriver.Create(
            [new QualysGenerator().AsSourceGenerator()], GeneratorHarness.Specs(), parse, new TestOptionsProvider(options));
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);

        Assert.Empty(diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Location.SourceTree?.FilePath.Contains(".endpoints.json.") == true));
    }
}
