using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using QualysGen.Generator.Tests.Infrastructure;

namespace QualysGen.Generator.Tests;

/// <summary>An edit re-runs only what it touches; pipeline values hold no compiler objects.</summary>
public sealed class IncrementalityTests
{
    private static readonly string[] AllSteps =
    [
        TrackingNames.Options, TrackingNames.ReadDtd, TrackingNames.Schema, TrackingNames.ReadSpec,
        TrackingNames.Overlays, TrackingNames.SchemaFiles, TrackingNames.Bind, TrackingNames.ParserSpec,
        TrackingNames.XsdFiles, TrackingNames.ReadXsd, TrackingNames.XsdSchema, TrackingNames.XsdBind,
        TrackingNames.HintNames, TrackingNames.SchemaCollisions, TrackingNames.SchemaOutput,
    ];

    [Fact]
    public void A_second_run_with_the_same_inputs_is_all_cached()
    {
        var compilation = GeneratorHarness.Compilation("class Program { }");
        var driver = GeneratorHarness.CreateDriver(GeneratorHarness.Specs()).RunGenerators(compilation);

        var second = driver.RunGenerators(compilation.Clone()).GetRunResult().Results.Single();

        AssertAllCachedOrUnchanged(second);
    }

    [Fact]
    public void Adding_an_unrelated_source_file_re_emits_nothing()
    {
        var compilation = GeneratorHarness.Compilation("class Program { }");
        var driver = GeneratorHarness.CreateDriver(GeneratorHarness.Specs()).RunGenerators(compilation);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Unrelated { int X => 1; }", GeneratorHarness.ParseOptions));
        var second = driver.RunGenerators(edited).GetRunResult().Results.Single();

        AssertAllCachedOrUnchanged(second);
    }

    [Fact]
    public void Editing_a_comment_in_a_dtd_re_reads_that_file_and_stops_there()
    {
        var specs = GeneratorHarness.Specs().ToList();
        var compilation = GeneratorHarness.Compilation("class Program { }");
        var driver = GeneratorHarness.CreateDriver(specs).RunGenerators(compilation);

        var original = specs.Single(s => s.Path.EndsWith("simple_return.dtd", StringComparison.Ordinal));
        var edited = new InMemoryAdditionalText(original.Path, original.GetText()!.ToString() + "\n<!-- a comment added at the end -->\n");
        var second = driver.ReplaceAdditionalText(original, edited).RunGenerators(compilation).GetRunResult().Results.Single();

        // The file is read again and yields an equal result, so nothing after it runs.
        Assert.Contains(IncrementalStepRunReason.Unchanged, Reasons(second, TrackingNames.ReadDtd));
        Assert.All(Reasons(second, TrackingNames.Schema), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, r.ToString()));
        Assert.All(second.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).Select(o => o.Reason),
            r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, r.ToString()));
    }

    [Fact]
    public void Changing_one_dtd_re_emits_only_that_files_output()
    {
        var specs = GeneratorHarness.Specs().ToList();
        var compilation = GeneratorHarness.Compilation("class Program { }");
        var driver = GeneratorHarness.CreateDriver(specs).RunGenerators(compilation);

        var original = specs.Single(s => s.Path.EndsWith("simple_return.dtd", StringComparison.Ordinal));
        var text = original.GetText()!.ToString().Replace("<!ELEMENT TEXT (#PCDATA)>", "<!ELEMENT TEXT (#PCDATA)>\n<!ATTLIST TEXT lang CDATA #IMPLIED>");
        var second = driver.ReplaceAdditionalText(original, new InMemoryAdditionalText(original.Path, text)).RunGenerators(compilation).GetRunResult().Results.Single();

        var parserSpecs = second.TrackedSteps[TrackingNames.ParserSpec].SelectMany(s => s.Outputs).ToList();
        var changed = parserSpecs.Where(o => o.Reason == IncrementalStepRunReason.Modified).Select(o => ((Model.ParserSpec)o.Value).SourceFile).ToList();
        Assert.Equal(["simple_return.dtd"], changed);
        Assert.All(parserSpecs.Where(o => ((Model.ParserSpec)o.Value).SourceFile != "simple_return.dtd"),
            o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
        Assert.Contains(second.GeneratedSources, s => s.HintName == "simple_return.dtd.Models.g.cs" && s.SourceText.ToString().Contains("Lang"));
    }

    [Fact]
    public void Adding_a_schema_file_emits_it_and_re_emits_no_other_files_output()
    {
        var compilation = GeneratorHarness.Compilation("class Program { }");
        var driver = GeneratorHarness.CreateDriver(GeneratorHarness.Specs()).RunGenerators(compilation);

        var added = new InMemoryAdditionalText("/elsewhere/extra.dtd", "<!ELEMENT EXTRA (ITEM*)>\n<!ELEMENT ITEM (#PCDATA)>");
        var second = driver.AddAdditionalTexts([added]).RunGenerators(compilation).GetRunResult().Results.Single();

        // Every file's hint name is looked up again, and is the same: only the new file is emitted.
        var outputs = second.TrackedSteps[TrackingNames.SchemaOutput].SelectMany(s => s.Outputs).ToList();
        Assert.Equal(["extra.dtd"], outputs.Where(o => o.Reason == IncrementalStepRunReason.New).Select(o => ((Model.ParserSpec)o.Value).SourceFile));
        Assert.All(outputs.Where(o => ((Model.ParserSpec)o.Value).SourceFile != "extra.dtd"),
            o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
        Assert.All(second.TrackedSteps[EndpointTrackingNames.EndpointOutput].SelectMany(s => s.Outputs),
            o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
        Assert.Contains(second.GeneratedSources, s => s.HintName == "extra.dtd.Models.g.cs");
    }

    [Fact]
    public void With_same_named_files_in_two_folders_an_unrelated_edit_re_emits_nothing()
    {
        var files = GeneratorHarness.Specs()
            .Append(new InMemoryAdditionalText("/other/simple_return.dtd", "<!ELEMENT SIMPLE_RETURN (#PCDATA)>"))
            .Append(new InMemoryAdditionalText("/other/scan.endpoints.json", "{ \"family\": \"OtherScan\" }"))
            .ToList();
        var compilation = GeneratorHarness.Compilation("class Program { }");
        var driver = GeneratorHarness.CreateDriver(files).RunGenerators(compilation);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Unrelated { int X => 1; }", GeneratorHarness.ParseOptions));
        var second = driver.RunGenerators(edited).GetRunResult().Results.Single();

        Assert.Null(second.Exception);
        AssertAllCachedOrUnchanged(second);
    }

    [Fact]
    public void Pipeline_values_hold_no_symbols_syntax_compilations_or_locations()
    {
        var result = GeneratorHarness.CreateDriver(GeneratorHarness.Specs())
            .RunGenerators(GeneratorHarness.Compilation("class Program { }"))
            .GetRunResult().Results.Single();

        Assert.All(AllSteps, name => Assert.True(result.TrackedSteps.ContainsKey(name), $"step '{name}' is not tracked"));

        // Every step of ours, including ones added later, not just the list above (Roslyn's own input steps hold what they must).
        foreach (var (name, steps) in result.TrackedSteps.Where(s => OurStepNames.Contains(s.Key)))
        {
            foreach (var output in steps.SelectMany(s => s.Outputs))
            {
                AssertNoCompilerObjects(output.Value, name, new HashSet<object>(ReferenceEqualityComparer.Instance));
            }
        }
    }

    /// <summary>The tracking names the generator declares: the constants of its <c>*TrackingNames</c> classes.</summary>
    private static readonly HashSet<string> OurStepNames = typeof(TrackingNames).Assembly.GetTypes()
        .Where(t => t.Name.EndsWith("TrackingNames", StringComparison.Ordinal))
        .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!))
        .ToHashSet();

    private static IEnumerable<IncrementalStepRunReason> Reasons(GeneratorRunResult result, string step)
        => result.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason);

    private static void AssertAllCachedOrUnchanged(GeneratorRunResult result)
    {
        foreach (var name in result.TrackedSteps.Keys.Where(OurStepNames.Contains))
        {
            Assert.All(Reasons(result, name), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{name}: {r}"));
        }

        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    private static void AssertNoCompilerObjects(object? value, string step, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value))
        {
            return;
        }

        var type = value.GetType();
        Assert.False(
            value is ISymbol or SyntaxNode or Compilation or Location or AdditionalText or SemanticModel or SyntaxTree,
            $"step '{step}' holds a {type.Name}");
        Assert.True(type.Namespace?.StartsWith("QualysGen", StringComparison.Ordinal) != false || type.Namespace.StartsWith("System", StringComparison.Ordinal),
            $"step '{step}' holds a {type.FullName}");

        if (value is IEnumerable items)
        {
            foreach (var item in items)
            {
                AssertNoCompilerObjects(item, step, seen);
            }

            return;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
        {
            AssertNoCompilerObjects(property.GetValue(value), step, seen);
        }
    }
}
