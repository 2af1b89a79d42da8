using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using QualysGen.Generator.Tests.Infrastructure;

namespace QualysGen.Generator.Tests.Endpoints;

/// <summary>The endpoint half re-runs only what an edit touches, and its step values hold no compiler objects.</summary>
public sealed class EndpointIncrementalityTests
{
    private static readonly string[] Steps =
    [
        EndpointTrackingNames.ResponseSchemas, EndpointTrackingNames.EndpointDocument, EndpointTrackingNames.BindEndpoints,
        EndpointTrackingNames.EndpointSource, EndpointTrackingNames.EndpointOutput, EndpointTrackingNames.Families,
    ];

    [Fact]
    public void An_unrelated_source_edit_leaves_every_endpoint_step_cached()
    {
        var compilation = GeneratorHarness.Compilation("class Program { }");
        var driver = GeneratorHarness.CreateDriver(GeneratorHarness.Specs()).RunGenerators(compilation);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Unrelated { int X => 1; }", GeneratorHarness.ParseOptions));
        var second = driver.RunGenerators(edited).GetRunResult().Results.Single();

        foreach (var step in Steps)
        {
            Assert.All(Reasons(second, step), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {r}"));
        }

        Assert.All(second.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void Editing_a_dtd_inside_leaves_the_endpoints_cached()
    {
        var specs = GeneratorHarness.Specs().ToList();
        var compilation = GeneratorHarness.Compilation("class Program { }");
        var driver = GeneratorHarness.CreateDriver(specs).RunGenerators(compilation);

        // A new attribute changes simple_return.dtd's models, not its roots: the requests that return it are not re-bound.
        var original = specs.Single(s => s.Path.EndsWith("simple_return.dtd", StringComparison.Ordinal));
        var text = original.GetText()!.ToString().Replace("<!ELEMENT TEXT (#PCDATA)>", "<!ELEMENT TEXT (#PCDATA)>\n<!ATTLIST TEXT lang CDATA #IMPLIED>", StringComparison.Ordinal);
        var second = driver.ReplaceAdditionalText(original, new InMemoryAdditionalText(original.Path, text)).RunGenerators(compilation).GetRunResult().Results.Single();

        Assert.All(Reasons(second, EndpointTrackingNames.ResponseSchemas), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, r.ToString()));
        Assert.All(Reasons(second, EndpointTrackingNames.BindEndpoints), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        Assert.All(Reasons(second, EndpointTrackingNames.EndpointSource), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
    }

    [Fact]
    public void Moving_text_in_a_spec_re_reads_and_re_binds_it_but_re_emits_nothing()
    {
        var specs = GeneratorHarness.Specs().ToList();
        var compilation = GeneratorHarness.Compilation("class Program { }");
        var driver = GeneratorHarness.CreateDriver(specs).RunGenerators(compilation);

        var original = specs.Single(s => s.Path.EndsWith("report.endpoints.json", StringComparison.Ordinal));
        var edited = new InMemoryAdditionalText(original.Path, "\n\n" + original.GetText()!.ToString().Replace("\"method\": \"POST\",", "\"method\":   \"POST\",", StringComparison.Ordinal));
        var second = driver.ReplaceAdditionalText(original, edited).RunGenerators(compilation).GetRunResult().Results.Single();

        // Locations moved, so the file is read and bound again; what the emitter gets holds no location and is equal.
        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(second, EndpointTrackingNames.EndpointDocument));
        Assert.All(Reasons(second, EndpointTrackingNames.EndpointSource), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, r.ToString()));
        Assert.All(second.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
    }

    [Fact]
    public void Changing_one_spec_re_emits_only_that_files_requests()
    {
        var specs = GeneratorHarness.Specs().ToList();
        var compilation = GeneratorHarness.Compilation("class Program { }");
        var driver = GeneratorHarness.CreateDriver(specs).RunGenerators(compilation);

        var original = specs.Single(s => s.Path.EndsWith("knowledge_base.endpoints.json", StringComparison.Ordinal));
        var edited = new InMemoryAdditionalText(original.Path, original.GetText()!.ToString().Replace("QID of the vulnerability to be reset.", "The QID to reset.", StringComparison.Ordinal));
        var second = driver.ReplaceAdditionalText(original, edited).RunGenerators(compilation).GetRunResult().Results.Single();

        var sources = second.TrackedSteps[EndpointTrackingNames.EndpointSource].SelectMany(s => s.Outputs).ToList();
        Assert.Equal(["knowledge_base.endpoints.json"], sources.Where(o => o.Reason == IncrementalStepRunReason.Modified).Select(o => ((Model.EndpointSourceSpec)o.Value).SourceFile));
        Assert.Contains(second.GeneratedSources, s => s.HintName == "knowledge_base.endpoints.json.Requests.g.cs" && s.SourceText.ToString().Contains("The QID to reset.", StringComparison.Ordinal));
    }

    [Fact]
    public void Endpoint_step_values_hold_no_symbols_syntax_compilations_or_locations()
    {
        var result = GeneratorHarness.CreateDriver(GeneratorHarness.Specs())
            .RunGenerators(GeneratorHarness.Compilation("class Program { }"))
            .GetRunResult().Results.Single();

        foreach (var step in Steps)
        {
            Assert.True(result.TrackedSteps.ContainsKey(step), $"step '{step}' is not tracked");
            foreach (var output in result.TrackedSteps[step].SelectMany(s => s.Outputs))
            {
                AssertNoCompilerObjects(output.Value, step, new HashSet<object>(ReferenceEqualityComparer.Instance));
            }
        }

        // What the emitters get holds no place in a file either, so that a moved line does not re-emit code.
        foreach (var output in result.TrackedSteps[EndpointTrackingNames.EndpointSource].SelectMany(s => s.Outputs))
        {
            Assert.False(Holds<Model.SourceLocationSpec>(output.Value, new HashSet<object>(ReferenceEqualityComparer.Instance)));
        }
    }

    private static IEnumerable<IncrementalStepRunReason> Reasons(GeneratorRunResult result, string step)
        => result.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason);

    private static void AssertNoCompilerObjects(object? value, string step, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value))
        {
            return;
        }

        Assert.False(value is ISymbol or SyntaxNode or Compilation or Location or AdditionalText or SemanticModel or SyntaxTree, $"step '{step}' holds a {value.GetType().Name}");
        foreach (var child in Children(value))
        {
            AssertNoCompilerObjects(child, step, seen);
        }
    }

    private static bool Holds<T>(object? value, HashSet<object> seen)
        => value is T || (value is not null and not string && !value.GetType().IsPrimitive && !value.GetType().IsEnum && seen.Add(value) && Children(value).Any(c => Holds<T>(c, seen)));

    private static IEnumerable<object?> Children(object value)
        => value is IEnumerable items
            ? items.Cast<object?>()
            : value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0).Select(p => p.GetValue(value));
}
