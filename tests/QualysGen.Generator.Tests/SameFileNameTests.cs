using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using QualysGen.Generator.Tests.Infrastructure;

namespace QualysGen.Generator.Tests;

/// <summary>
/// Inputs with the same file name in different folders: the generator never crashes on a duplicate hint name, the hint names stay
/// unique and deterministic, and two schema files that would define the same types are one located QG0902, not a broken build.
/// </summary>
public sealed class SameFileNameTests
{
    private const string Root = "/home/dev/app/contracts/";

    private const string DtdA = """
        <!ELEMENT REPORT (TITLE)>
        <!ELEMENT TITLE (#PCDATA)>
        """;

    private const string DtdB = """
        <!ELEMENT REPORT (TITLE, OWNER?)>
        <!ELEMENT TITLE (#PCDATA)>
        <!ELEMENT OWNER (#PCDATA)>
        """;

    [Fact]
    public void Same_named_dtds_in_two_folders_generate_the_first_and_report_the_second_at_its_file()
    {
        var (result, output) = GeneratorHarness.Run([Text("a/report.dtd", DtdA), Text("b/report.dtd", DtdB)]);

        var run = result.Results.Single();
        Assert.Null(run.Exception);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("QG0902", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(Root + "b/report.dtd", diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(0, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        var message = diagnostic.GetMessage();
        Assert.Contains("'b/report.dtd'", message, StringComparison.Ordinal);
        Assert.Contains("'a/report.dtd'", message, StringComparison.Ordinal);
        Assert.Contains("'" + GeneratorHarness.Namespace + ".ReportDtd'", message, StringComparison.Ordinal);
        Assert.Contains("rename one of the two files", message, StringComparison.Ordinal);

        // Only the first file in path order is generated, under a hint name with the folder that tells it apart and nothing above it.
        Assert.Equal(["a.report.dtd.Models.g.cs", "a.report.dtd.Parsers.g.cs"], run.GeneratedSources.Select(s => s.HintName).Order());
        Assert.DoesNotContain("Owner", run.GeneratedSources.Single(s => s.HintName.EndsWith(".Models.g.cs", StringComparison.Ordinal)).SourceText.ToString(), StringComparison.Ordinal);
        Assert.Empty(GeneratorHarness.CompileProblems(output));
    }

    [Fact]
    public void Same_named_dtds_give_the_same_output_and_diagnostics_whatever_the_input_order()
    {
        AdditionalText[] files = [Text("a/report.dtd", DtdA), Text("b/report.dtd", DtdB), Text("a/other.dtd", DtdB)];

        var first = Describe(GeneratorHarness.Run(files).Result);
        var second = Describe(GeneratorHarness.Run(files.Reverse()).Result);

        AssertSame(first, second);
        Assert.Contains("other.dtd.Models.g.cs", first.Sources.Select(s => s.HintName)); // a unique name keeps its hint name
    }

    [Fact]
    public void Two_file_names_that_make_one_namespace_are_reported_too()
    {
        var (result, output) = GeneratorHarness.Run([Text("simple_report.dtd", DtdA), Text("SimpleReport.dtd", DtdB)]);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("QG0902", diagnostic.Id);
        Assert.Equal(Root + "simple_report.dtd", diagnostic.Location.GetLineSpan().Path); // "SimpleReport.dtd" comes first in ordinal order
        Assert.Contains("'simple_report.dtd' would generate the same types as 'SimpleReport.dtd'", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(["SimpleReport.dtd.Models.g.cs", "SimpleReport.dtd.Parsers.g.cs"], result.Results.Single().GeneratedSources.Select(s => s.HintName).Order());
        Assert.Empty(GeneratorHarness.CompileProblems(output));
    }

    [Fact]
    public void A_same_named_dtd_beside_the_checked_in_specs_leaves_the_other_files_hint_names_alone()
    {
        var copy = File.ReadAllText(Path.Combine(GeneratorHarness.SpecsDirectory, "simple_return.dtd"));
        var files = GeneratorHarness.Specs().Append(new InMemoryAdditionalText("/vendor/simple_return.dtd", copy)).ToList();
        var (result, _) = GeneratorHarness.Run(files);

        Assert.Null(result.Results.Single().Exception);
        Assert.Equal("QG0902", Assert.Single(result.Diagnostics).Id);
        var hints = result.Results.Single().GeneratedSources.Select(s => s.HintName).ToList();
        Assert.Contains("compliance_schedule_scan_list_output.dtd.Models.g.cs", hints);
        Assert.Contains("wasscan.xsd.Writers.g.cs", hints);
        Assert.Contains("scan.endpoints.json.Requests.g.cs", hints);
        Assert.Single(hints, h => h.EndsWith("simple_return.dtd.Models.g.cs", StringComparison.Ordinal));
        Assert.Equal(hints.Count, hints.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void Same_named_endpoint_specs_with_their_own_families_both_generate_and_compile()
    {
        AdditionalText[] files = [.. Schemas(), Text("a/ping.endpoints.json", PingSpec("PingA")), Text("b/ping.endpoints.json", PingSpec("PingB"))];

        var (result, output) = GeneratorHarness.Run(files);

        Assert.Null(result.Results.Single().Exception);
        Assert.Empty(result.Diagnostics);
        Assert.Empty(GeneratorHarness.CompileProblems(output));
        var hints = result.Results.Single().GeneratedSources.Select(s => s.HintName).Where(h => h.Contains(".endpoints.json.", StringComparison.Ordinal)).Order();
        Assert.Equal(["a.ping.endpoints.json.Requests.g.cs", "b.ping.endpoints.json.Requests.g.cs"], hints);
        AssertSame(Describe(result), Describe(GeneratorHarness.Run(files.Reverse()).Result));
    }

    [Fact]
    public void Same_named_endpoint_specs_of_one_family_are_QG0229_naming_the_other_folder()
    {
        AdditionalText[] files = [.. Schemas(), Text("a/ping.endpoints.json", PingSpec(null)), Text("b/ping.endpoints.json", PingSpec(null))];

        var (result, _) = GeneratorHarness.Run(files);

        Assert.Null(result.Results.Single().Exception);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("QG0229", diagnostic.Id);
        Assert.Equal(Root + "b/ping.endpoints.json", diagnostic.Location.GetLineSpan().Path);
        Assert.Contains("also declared by 'a/ping.endpoints.json'", diagnostic.GetMessage(), StringComparison.Ordinal);
        var hints = result.Results.Single().GeneratedSources.Select(s => s.HintName).Where(h => h.Contains(".endpoints.json.", StringComparison.Ordinal)).Order();
        Assert.Equal(["a.ping.endpoints.json.Requests.g.cs", "b.ping.endpoints.json.Requests.g.cs"], hints);
    }

    [Fact]
    public void Same_named_included_xsds_resolve_to_one_file_whatever_the_input_order()
    {
        const string Main = """
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
              <xs:include schemaLocation="common.xsd"/>
              <xs:element name="Thing" type="Thing"/>
            </xs:schema>
            """;
        static string Common(string member) => $"""
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
              <xs:complexType name="Thing"><xs:sequence><xs:element name="{member}" type="xs:string"/></xs:sequence></xs:complexType>
            </xs:schema>
            """;
        AdditionalText[] files = [Text("main.xsd", Main), Text("a/common.xsd", Common("alpha")), Text("b/common.xsd", Common("beta"))];

        var first = Describe(GeneratorHarness.Run(files).Result);
        var second = Describe(GeneratorHarness.Run(files.Reverse()).Result);

        Assert.Empty(first.Diagnostics);
        AssertSame(first, second);
    }

    private static InMemoryAdditionalText Text(string relativePath, string text) => new(Root + relativePath, text);

    private static IEnumerable<AdditionalText> Schemas() => GeneratorHarness.Specs().Where(s => !s.Path.EndsWith(".endpoints.json", StringComparison.Ordinal));

    private static string PingSpec(string? family) => (family is null ? "{" : "{ \"family\": \"" + family + "\",") + """
         "endpoints": {
            "Ping": {
              "summary": "Ping.", "method": "POST", "path": "/api/{version}/fo/ping/", "action": "ping",
              "response": { "schema": "simple_return.dtd", "root": "SIMPLE_RETURN" },
              "versions": { "2.0": {} }
            }
          }
        }
        """;

    /// <summary>What a run produced, comparable across runs: hint names with their text, and diagnostics with where and what.</summary>
    private static (List<(string HintName, string Text)> Sources, List<string> Diagnostics) Describe(GeneratorDriverRunResult result)
        => (result.Results.Single().GeneratedSources.Select(s => (s.HintName, s.SourceText.ToString())).OrderBy(s => s.HintName, StringComparer.Ordinal).ToList(),
            result.Diagnostics.Select(d => d.Id + " " + d.Location.GetLineSpan() + " " + d.GetMessage()).Order(StringComparer.Ordinal).ToList());

    private static void AssertSame((List<(string HintName, string Text)> Sources, List<string> Diagnostics) expected, (List<(string HintName, string Text)> Sources, List<string> Diagnostics) actual)
    {
        Assert.Equal(expected.Sources, actual.Sources);
        Assert.Equal(expected.Diagnostics, actual.Diagnostics);
    }
}
