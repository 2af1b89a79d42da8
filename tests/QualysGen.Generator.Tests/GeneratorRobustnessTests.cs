using System;
using System.Collections;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using QualysGen.Generator.Tests.Infrastructure;

namespace QualysGen.Generator.Tests;

/// <summary>
/// Large and hostile schemas through the whole generator: deep chains, huge enumerations, wide elements, deeply nested
/// anonymous XSD types, and mutated DTD, XSD and spec files. Each gives located diagnostics or code that compiles, never a
/// crash (a stack overflow would take the test process down) or a hang (every run is bounded by a generous timeout). Only
/// the enumeration is compiled at size, because its compile time is what is tested.
/// </summary>
public sealed class GeneratorRobustnessTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    [Fact]
    public void A_chain_of_20000_elements_generates_without_recursing_on_its_depth()
    {
        const int Depth = 20_000;
        var dtd = new StringBuilder("<!ELEMENT E0 (E1, NOTE?)>\n<!ELEMENT NOTE (#PCDATA)>\n");
        for (var i = 1; i < Depth; i++)
        {
            dtd.Append("<!ELEMENT E").Append(i).Append(" (E").Append(i + 1).Append(")>\n");
        }

        dtd.Append("<!ELEMENT E").Append(Depth).Append(" (ITEM*)>\n<!ELEMENT ITEM (ID)>\n<!ELEMENT ID (#PCDATA)>\n");

        var run = Generate(new InMemoryAdditionalText("/p/chain.dtd", dtd.ToString()));

        Assert.Empty(run.Diagnostics);
        var models = run.Source("chain.dtd.Models.g.cs");
        Assert.Contains("public sealed partial class E19999", models, StringComparison.Ordinal);
        // The records 20,000 levels down are parsed, but no stream is offered for them: streams are looked for 16 levels down.
        Assert.DoesNotContain("EnumerateItemsAsync", run.Source("chain.dtd.Parsers.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void Records_in_a_class_up_to_16_levels_below_the_root_get_a_stream_and_deeper_ones_do_not()
    {
        static string Chain(int depth)
        {
            var dtd = new StringBuilder("<!ELEMENT E0 (E1)>\n");
            for (var i = 1; i < depth; i++)
            {
                dtd.Append("<!ELEMENT E").Append(i).Append(" (E").Append(i + 1).Append(")>\n");
            }

            return dtd.Append("<!ELEMENT E").Append(depth).Append(" (ITEM*)>\n<!ELEMENT ITEM (ID)>\n<!ELEMENT ID (#PCDATA)>\n").ToString();
        }

        var (shallow, shallowOutput) = GeneratorHarness.Run([new InMemoryAdditionalText("/p/chain.dtd", Chain(17))]);
        var deep = Generate(new InMemoryAdditionalText("/p/chain.dtd", Chain(18)));

        Assert.Empty(shallow.Diagnostics);
        Assert.Empty(GeneratorHarness.CompileProblems(shallowOutput));
        Assert.Contains("EnumerateItemsAsync", string.Concat(shallow.GeneratedTrees.Select(t => t.ToString())), StringComparison.Ordinal);
        Assert.DoesNotContain("EnumerateItemsAsync", deep.Source("chain.dtd.Parsers.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void An_enumeration_of_50000_values_generates_and_one_of_10000_compiles_in_linear_time_parses_and_writes()
    {
        // 50,000 values: generated (the binder and emitters are linear).
        var huge = Generate(new InMemoryAdditionalText("/p/huge.dtd", EnumDtd(50_000)));
        Assert.Empty(huge.Diagnostics);
        Assert.Contains("\"v49999\"", huge.Source("huge.dtd.Parsers.g.cs"), StringComparison.Ordinal);

        // 10,000 values in an XSD (parsed and written): compiled. As switches this took the compiler more than a minute (8,000:
        // 44 s for the parser's, 32 s with the writer's); as dictionaries it takes seconds, so the bound fails a return to them.
        var xsd = "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\"><xs:element name=\"R\"><xs:complexType><xs:attribute name=\"v\"><xs:simpleType><xs:restriction base=\"xs:string\">"
            + string.Concat(Enumerable.Range(0, 10_000).Select(i => "<xs:enumeration value=\"v" + i + "\"/>"))
            + "</xs:restriction></xs:simpleType></xs:attribute></xs:complexType></xs:element></xs:schema>";
        var stopwatch = Stopwatch.StartNew();
        var (result, output) = Bounded(() => GeneratorHarness.Run([new InMemoryAdditionalText("/p/wide_enum.xsd", xsd)]));
        Assert.Empty(result.Diagnostics);
        var assembly = Bounded(() => Load(output));
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(60), $"Generating and compiling 10,000 enum values took {stopwatch.Elapsed}");

        var root = assembly.GetType(GeneratorHarness.Namespace + ".WideEnumXsd.R", throwOnError: true)!;
        var parse = root.GetMethod("Parse", [typeof(Stream)])!;
        dynamic known = parse.Invoke(null, [Utf8("<R v=\" v9999 \"/>")])!;
        dynamic unknown = parse.Invoke(null, [Utf8("<R v=\"v10000\"/>")])!;
        Assert.Equal("V9999", known.V.ToString());
        Assert.Equal("Unknown", unknown.V.ToString());
        Assert.Equal("v10000", (string)unknown.VRaw);
        Assert.Contains("v=\"v9999\"", (string)known.ToXml(), StringComparison.Ordinal);
        Assert.Contains("v=\"v10000\"", (string)unknown.ToXml(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_enumeration_past_the_limit_is_a_located_warning_and_a_string()
    {
        var dtd = "<!ELEMENT R (#PCDATA)>\n" + EnumDtd(100_001).Replace("<!ELEMENT R EMPTY>\n", "");

        var run = Generate(new InMemoryAdditionalText("/p/too_many.dtd", dtd));

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("QG0009", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Contains("100,001 values", diagnostic.GetMessage(), StringComparison.Ordinal);
        AssertAt(diagnostic, "/p/too_many.dtd", 1, 12);
        Assert.Contains("public string? V { get; init; }", run.Source("too_many.dtd.Models.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void An_element_with_20000_children_is_cut_to_the_limit_with_a_located_warning()
    {
        var run = Generate(new InMemoryAdditionalText("/p/wide.dtd", "<!-- wide -->\n" + WideDtd(20_000)));

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("QG0009", diagnostic.Id);
        Assert.Contains("20,000 child elements", diagnostic.GetMessage(), StringComparison.Ordinal);
        AssertAt(diagnostic, "/p/wide.dtd", 1, 10);
        var models = run.Source("wide.dtd.Models.g.cs");
        Assert.Contains("public string? C999 { get; init; }", models, StringComparison.Ordinal);
        Assert.DoesNotContain("C1000", models, StringComparison.Ordinal);
    }

    [Fact]
    public void An_element_with_as_many_children_as_the_limit_allows_compiles()
    {
        var (result, output) = Bounded(() => GeneratorHarness.Run([new InMemoryAdditionalText("/p/wide.dtd", WideDtd(1000))]));

        Assert.Empty(result.Diagnostics);
        Assert.Empty(Bounded(() => GeneratorHarness.CompileProblems(output)));
    }

    [Fact]
    public void Five_thousand_nested_anonymous_xsd_types_give_output_linear_in_the_schema()
    {
        const int Depth = 5000;
        var xsd = new StringBuilder("<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\">\n");
        for (var i = 0; i < Depth; i++)
        {
            xsd.Append("<xs:element name=\"level").Append(i).Append("\"><xs:complexType><xs:sequence>\n");
        }

        xsd.Append("<xs:element name=\"leaf\" type=\"xs:string\"/>\n");
        for (var i = 0; i < Depth; i++)
        {
            xsd.Append("</xs:sequence></xs:complexType></xs:element>\n");
        }

        xsd.Append("</xs:schema>\n");

        var run = Generate(new InMemoryAdditionalText("/p/nest.xsd", xsd.ToString()));

        Assert.Empty(run.Diagnostics);
        var models = run.Source("nest.xsd.Models.g.cs");
        var classNames = models.Split('\n').Where(l => l.Contains("sealed partial class", StringComparison.Ordinal)).Select(l => l.Trim().Split(' ')[4]).ToList();
        Assert.Equal(Depth, classNames.Count);
        Assert.Equal(Depth, classNames.Distinct().Count());
        Assert.Equal("Level0Level1Level2Level3Level4Level5Level6Level7Level8", classNames[8]);
        Assert.All(classNames, n => Assert.True(n.Length <= 64, n));
        // About 5 KB of models, parsers and writers per type (5,000 types: 27 MB); names growing with depth made it 956 MB.
        Assert.InRange(run.Result.GeneratedTrees.Sum(t => t.Length), 1, 10_000 * Depth);
    }

    [Fact]
    public void Names_past_the_length_limit_are_located_warnings_and_their_csharp_names_are_cut()
    {
        var a = "N" + new string('A', 299);
        var b = "N" + new string('A', 298) + "B";
        var dtd = $"<!ELEMENT R ({a}, {b})>\n<!ELEMENT {a} (#PCDATA)>\n<!ELEMENT {b} (#PCDATA)>\n<!ATTLIST R {a.ToLowerInvariant()} CDATA #IMPLIED>\n";
        var (result, output) = GeneratorHarness.Run([new InMemoryAdditionalText("/p/long.dtd", dtd)]);

        Assert.Equal(["QG0009", "QG0009", "QG0009", "QG0901"], result.Diagnostics.Select(d => d.Id));
        AssertAt(result.Diagnostics[0], "/p/long.dtd", 1, 10);
        AssertAt(result.Diagnostics[1], "/p/long.dtd", 2, 10);
        AssertAt(result.Diagnostics[2], "/p/long.dtd", 3, 12);
        Assert.Empty(GeneratorHarness.CompileProblems(output));
        var models = string.Concat(result.GeneratedTrees.Select(t => t.ToString()));
        var cut = "N" + new string('a', 199);
        // The attribute keeps the cut name; the child of the same name takes the suffix; the other child, cut to the same
        // name, is a collision: numbered, and reported at its place in R's content model.
        Assert.Contains($" {cut} {{ get; init; }}", models, StringComparison.Ordinal);
        Assert.Contains($" {cut}Element {{ get; init; }}", models, StringComparison.Ordinal);
        Assert.Contains($" {cut}2 {{ get; init; }}", models, StringComparison.Ordinal);
        AssertAt(result.Diagnostics[3], "/p/long.dtd", 0, 13 + a.Length + 2);
    }

    [Theory]
    [InlineData("compliance_schedule_scan_list_output.dtd", 20260601)]
    [InlineData("wasscan.xsd", 20260602)]
    [InlineData("fo.endpoints.json", 20260603)]
    public void Mutated_inputs_give_located_diagnostics_or_well_formed_code_never_a_crash(string file, int seed)
    {
        var specs = GeneratorHarness.Specs();
        var original = specs.Single(f => f.Path.EndsWith("/" + file, StringComparison.Ordinal));
        var source = original.GetText()!.ToString();
        var others = file.EndsWith(".json", StringComparison.Ordinal)
            ? specs.Where(f => f != original && !f.Path.EndsWith(".json", StringComparison.Ordinal)).ToList()
            : specs.Where(f => f != original && f.Path.EndsWith(".xsd", StringComparison.Ordinal) == file.EndsWith(".xsd", StringComparison.Ordinal)).ToList();
        var random = new Random(seed);

        for (var iteration = 0; iteration < 25; iteration++)
        {
            var text = TextMutations.Mutate(source, random, Fragments);
            var run = Generate([.. others, new InMemoryAdditionalText(original.Path, text)]);

            var context = $"mutation {iteration} of {file}:\n{text}";
            Assert.True(run.Result.Results.Single().Exception is null, context);
            Assert.DoesNotContain(run.Diagnostics, d => d.Id == "QG0900");
            Assert.All(run.Diagnostics, d => Assert.True(d.Location.IsInSource || d.Location.Kind == LocationKind.ExternalFile, $"{d} has no location; {context}"));
            Assert.All(run.Result.GeneratedTrees, tree => Assert.DoesNotContain(tree.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error));
        }
    }

    /// <summary>
    /// XSD and spec files edited within their grammar (<see cref="StructureMutations"/>: elements and members removed, repeated,
    /// moved; names, types and bounds swapped or made hostile), so that most get past the XML or JSON parser, and the output
    /// compiled with the generated code: every mutant gives located diagnostics, and whatever is generated compiles without an
    /// error or a warning. Longer: <c>QUALYSGEN_GENERATOR_FUZZ_ITERATIONS</c> (150 a file passed when this was written).
    /// </summary>
    [Theory]
    [InlineData("wasscan.xsd", 20261206)]
    [InlineData("webapp.xsd", 20261207)]
    [InlineData("fo.endpoints.json", 20261210)]
    [InlineData("was.endpoints.json", 20261209)]
    [InlineData("scan.endpoints.json", 20261211)]
    public void Schemas_and_specs_edited_within_their_grammar_give_located_diagnostics_and_code_that_compiles(string file, int seed)
    {
        var iterations = int.TryParse(Environment.GetEnvironmentVariable("QUALYSGEN_GENERATOR_FUZZ_ITERATIONS"), out var asked) ? asked : 6;
        var specs = GeneratorHarness.Specs();
        var original = specs.Single(f => f.Path.EndsWith("/" + file, StringComparison.Ordinal));
        var source = original.GetText()!.ToString();
        var json = file.EndsWith(".json", StringComparison.Ordinal);
        var others = specs.Where(f => f != original && f.Path.EndsWith(".json", StringComparison.Ordinal) != json && (json || f.Path.EndsWith(".xsd", StringComparison.Ordinal))).ToList();
        var random = new Random(seed);
        var generated = 0;

        for (var iteration = 0; iteration < iterations; iteration++)
        {
            var text = json ? StructureMutations.MutateJson(source, random) : StructureMutations.MutateXml(source, random);
            var (result, output) = Bounded(() => GeneratorHarness.Run([.. others, new InMemoryAdditionalText(original.Path, text)]));

            var context = $"mutation {iteration} of {file}:\n{text}";
            Assert.True(result.Results.Single().Exception is null, context);
            Assert.DoesNotContain(result.Diagnostics, d => d.Id == "QG0900");
            Assert.All(result.Diagnostics, d => Assert.True(d.Location.IsInSource || d.Location.Kind == LocationKind.ExternalFile, $"{d} has no location; {context}"));
            Assert.True(GeneratorHarness.CompileProblems(output).Count == 0, $"{string.Join("\n", GeneratorHarness.CompileProblems(output).Take(5))}\n{context}");
            generated += result.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error) ? 0 : 1;
        }

        // Not vacuous: some of the mutants were valid schemas or specs, and went through the binders and emitters.
        Assert.True(generated > 0 || iterations == 0, $"none of {iterations} mutants of {file} was free of errors");
    }

    [Theory]
    [InlineData("empty.dtd", "")]
    [InlineData("binary.dtd", "\u0000\u0001\uFFFE<!ELEMENT \uD800 (")]
    [InlineData("self.dtd", "<!ELEMENT A (A)>")]
    [InlineData("unclosed.dtd", "<!ELEMENT A (B, (C | (D, (E")]
    [InlineData("deep_groups.dtd", "<!ELEMENT A ((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((B))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))>")]
    [InlineData("empty.xsd", "")]
    [InlineData("not_xml.xsd", "<xs:schema")]
    [InlineData("dtd_in.xsd", "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\">&e;</xs:schema>")]
    [InlineData("self.xsd", "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\"><xs:element name=\"a\" type=\"T\"/><xs:complexType name=\"T\"><xs:sequence><xs:element name=\"a\" type=\"T\" minOccurs=\"0\"/></xs:sequence></xs:complexType></xs:schema>")]
    [InlineData("x.endpoints.json", "{\"schemas\": {\"x.dtd\": {\"types\": {\"A\": {\"enum\": []}}}}, \"endpoints\": [[[[[[[[[[[[[[[[[[[[")]
    public void Crafted_hostile_inputs_give_diagnostics_not_a_crash(string name, string text)
    {
        var run = Generate(new InMemoryAdditionalText("/p/" + name, text));

        Assert.Null(run.Result.Results.Single().Exception);
        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "QG0900");
        Assert.All(run.Diagnostics, d => Assert.Equal("/p/" + name, d.Location.GetLineSpan().Path));
        Assert.All(run.Result.GeneratedTrees, tree => Assert.DoesNotContain(tree.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error));
    }

    /// <summary>Characters that matter to DTD, XSD and JSON grammars, so that mutations reach interesting paths.</summary>
    private static readonly string[] Fragments =
    [
        "<", ">", "(", ")", "|", ",", "*", "+", "?", "%", ";", "\"", "'", "{", "}", "[", "]", ":", "#PCDATA", "EMPTY",
        "<!ELEMENT X (Y)>", "<!ATTLIST SCAN a (x|y) #IMPLIED>", "<xs:element name=\"x\"/>", "</xs:sequence>", "minOccurs=\"0\"",
        "\"enum\": [\"a\"]", "null", "\u00e9", "\uD83D", "\u0000",
    ];

    private static string WideDtd(int children)
    {
        var dtd = new StringBuilder("<!ELEMENT WIDE (").Append(string.Join(", ", Enumerable.Range(0, children).Select(i => "C" + i + "?"))).Append(")>\n");
        for (var i = 0; i < children; i++)
        {
            dtd.Append("<!ELEMENT C").Append(i).Append(" (#PCDATA)>\n");
        }

        return dtd.ToString();
    }

    private static string EnumDtd(int values)
        => "<!ELEMENT R EMPTY>\n<!ATTLIST R v (" + string.Join("|", Enumerable.Range(0, values).Select(i => "v" + i)) + ") #IMPLIED>\n";

    private static MemoryStream Utf8(string text) => new(Encoding.UTF8.GetBytes(text));

    internal static void AssertAt(Diagnostic diagnostic, string path, int line, int column)
    {
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(path, span.Path);
        Assert.Equal((line, column), (span.StartLinePosition.Line, span.StartLinePosition.Character));
    }

    /// <summary>Runs the generator alone (no compilation of its output), bounded by the timeout.</summary>
    internal static GeneratedRun Generate(params AdditionalText[] files)
        => Bounded(() => new GeneratedRun(GeneratorHarness.CreateDriver(files).RunGenerators(GeneratorHarness.Compilation()).GetRunResult()));

    internal static T Bounded<T>(Func<T> work)
    {
        var task = Task.Run(work);
        Assert.True(task.Wait(Timeout), $"Did not finish within {Timeout}");
        return task.Result;
    }

    private static Assembly Load(Compilation compilation)
    {
        using var image = new MemoryStream();
        var emit = compilation.Emit(image);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics.Take(10)));
        image.Position = 0;
        return new AssemblyLoadContext("robustness", isCollectible: true).LoadFromStream(image);
    }
}
