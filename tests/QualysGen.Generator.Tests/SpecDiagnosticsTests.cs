using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using QualysGen.Generator.Tests.Infrastructure;

namespace QualysGen.Generator.Tests;

/// <summary>Each spec and binding mistake is one diagnostic at its file, line and column; the generator never crashes.</summary>
public sealed class SpecDiagnosticsTests
{
    private const string Dtd = """
        <!ELEMENT ROOT (ITEM*, WHEN?)>
        <!ELEMENT ITEM (#PCDATA)>
        <!ATTLIST ITEM kind (a|b) "a">
        <!ELEMENT WHEN (#PCDATA)>
        """;

    [Fact]
    public void A_json_syntax_error_is_located()
    {
        var diagnostic = Single(Spec("{\n  \"schemas\": {\n    \"x.dtd\": { \"types\": { \"ITEM\": \"long\" } },\n  }\n}"));

        Assert.Equal("QG0200", diagnostic.Id);
        AssertAt(diagnostic, "/p/x.endpoints.json", line: 3, column: 45); // the trailing comma
    }

    [Fact]
    public void An_unknown_schema_file_is_located_at_its_key()
    {
        var diagnostic = Single(Spec("{\n  \"schemas\": {\n    \"missing.dtd\": { \"types\": {} }\n  }\n}"));

        Assert.Equal("QG0202", diagnostic.Id);
        Assert.Contains("missing.dtd", diagnostic.GetMessage());
        AssertAt(diagnostic, "/p/x.endpoints.json", line: 3, column: 5);
    }

    [Fact]
    public void A_mapping_to_an_undeclared_element_is_located()
    {
        var diagnostic = Single(Spec(Types("\"NOPE\": \"long\"")));

        Assert.Equal("QG0203", diagnostic.Id);
        Assert.Contains("NOPE", diagnostic.GetMessage());
        AssertAt(diagnostic, "/p/x.endpoints.json", line: 3, column: 27);
    }

    [Fact]
    public void A_mapping_to_an_undeclared_attribute_is_located()
    {
        var diagnostic = Single(Spec(Types("\"ITEM@nope\": \"int\"")));

        Assert.Equal("QG0203", diagnostic.Id);
        Assert.Contains("attribute 'nope'", diagnostic.GetMessage());
    }

    [Fact]
    public void An_unknown_type_name_is_located_at_the_value()
    {
        var diagnostic = Single(Spec(Types("\"WHEN\": \"datetime\"")));

        Assert.Equal("QG0204", diagnostic.Id);
        AssertAt(diagnostic, "/p/x.endpoints.json", line: 3, column: 35);
    }

    [Fact]
    public void A_duplicate_mapping_is_reported()
    {
        var diagnostic = Single(Spec(Types("\"WHEN\": \"DateTimeOffset\", \"WHEN\": \"string\"")));

        Assert.Equal("QG0205", diagnostic.Id);
    }

    [Fact]
    public void Typing_an_element_that_has_no_text_is_reported()
    {
        var diagnostic = Single(Spec(Types("\"ROOT\": \"int\"")));

        Assert.Equal("QG0206", diagnostic.Id);
    }

    [Fact]
    public void A_malformed_type_entry_is_reported_as_invalid()
    {
        var diagnostics = Run(Spec(Types("\"ITEM\": { \"enum\": [] }, \"@x\": \"int\", \"WHEN\": 3")));

        Assert.Equal(["QG0201", "QG0201", "QG0201"], diagnostics.Select(d => d.Id));
    }

    [Fact]
    public void A_key_given_twice_is_reported_at_the_second_and_only_the_first_is_read()
    {
        var diagnostic = Single(Spec("{\n  \"schemas\": {\n    \"x.dtd\": { \"types\": { \"ITEM\": \"long\" }, \"types\": { \"NOPE\": \"long\" } }\n  }\n}"));

        Assert.Equal("QG0201", diagnostic.Id);
        Assert.Contains("'types' is given more than once", diagnostic.GetMessage());
        AssertAt(diagnostic, "/p/x.endpoints.json", line: 3, column: 45);
    }

    [Fact]
    public void An_unknown_top_level_property_is_reported()
    {
        var diagnostic = Single(Spec("{ \"schemaz\": {} }"));

        Assert.Equal("QG0201", diagnostic.Id);
        Assert.Contains("schemaz", diagnostic.GetMessage());
    }

    [Fact]
    public void A_dtd_where_every_element_is_referenced_has_no_root()
    {
        var diagnostics = Run(new InMemoryAdditionalText("/p/loop.dtd", "<!ELEMENT A (B)>\n<!ELEMENT B (A?)>"));

        Assert.Equal("QG0007", Assert.Single(diagnostics).Id);
    }

    [Fact]
    public void Naming_a_root_in_the_spec_makes_a_parser_for_it()
    {
        var spec = new InMemoryAdditionalText("/p/x.endpoints.json", """{ "schemas": { "loop.dtd": { "roots": ["A"] } } }""");
        var (result, output) = GeneratorHarness.Run([new InMemoryAdditionalText("/p/loop.dtd", "<!ELEMENT A (B)>\n<!ELEMENT B (A?)>"), spec]);

        Assert.Empty(result.Diagnostics);
        Assert.Empty(GeneratorHarness.CompileProblems(output));
        var parsers = result.GeneratedTrees.Select(t => t.ToString()).Single(t => t.Contains("file static class LoopParser"));
        Assert.Contains("public static A Parse(global::System.IO.Stream stream)", parsers);
    }

    [Fact]
    public void A_dtd_error_is_reported_at_its_line_in_the_dtd_and_the_rest_still_generates()
    {
        var (result, output) = GeneratorHarness.Run([new InMemoryAdditionalText("/p/x.dtd", Dtd + "\n<!ELEMENT BROKEN (A,|B)>\n")]);

        var diagnostic = Assert.Single(result.Diagnostics, d => d.Id == "QG0001");
        Assert.Equal("/p/x.dtd", diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(4, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.NotEmpty(result.GeneratedTrees);
        Assert.Empty(GeneratorHarness.CompileProblems(output));
    }

    private static InMemoryAdditionalText Spec(string json) => new("/p/x.endpoints.json", json);

    private static string Types(string entries) => "{\n  \"schemas\": {\n    \"x.dtd\": { \"types\": { " + entries + " } }\n  }\n}";

    private static IReadOnlyList<Diagnostic> Run(params AdditionalText[] files)
    {
        var inputs = files.Any(f => f.Path.EndsWith(".dtd")) ? files : files.Append(new InMemoryAdditionalText("/p/x.dtd", Dtd));
        var (result, _) = GeneratorHarness.Run(inputs);
        return result.Diagnostics.OrderBy(d => d.Location.SourceSpan.Start).ToList();
    }

    private static Diagnostic Single(InMemoryAdditionalText spec) => Assert.Single(Run(spec));

    private static void AssertAt(Diagnostic diagnostic, string path, int line, int column)
    {
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(path, span.Path);
        Assert.Equal((line, column), (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1));
    }
}
