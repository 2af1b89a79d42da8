using System;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using QualysGen.Benchmarks.Generator;

namespace QualysGen.Benchmarks;

/// <summary>
/// The generator's cost in a build: a run over every file of <c>specs/</c> with nothing cached (a new driver, as in a
/// clean build), and the run after an edit to an unrelated C# file (what the IDE does on every keystroke), which must
/// re-emit nothing.
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private ImmutableArray<AdditionalText> _specs;
    private CSharpCompilation _compilation = null!;
    private CSharpCompilation _edited = null!;
    private GeneratorDriver _warm = null!;

    /// <summary>The first run in this process, JIT included: what a build server pays once. Written to the log.</summary>
    public TimeSpan FirstRun { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        _specs = GeneratorInputs.Specs();
        _compilation = GeneratorInputs.Compilation("namespace Consumer { public static class Program { public static int Main() => 0; } }");
        _edited = _compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Consumer { internal sealed class Unrelated { public int X => 1; } }", GeneratorInputs.ParseOptions));

        var stopwatch = Stopwatch.StartNew();
        _warm = GeneratorInputs.CreateDriver(_specs, trackSteps: false).RunGenerators(_compilation);
        FirstRun = stopwatch.Elapsed;
        Console.WriteLine($"// QualysGen: first generator run in this process (JIT included): {FirstRun.TotalMilliseconds:F1} ms");

        Verify();
    }

    /// <summary>A new driver over all specs: every step runs and every file is emitted.</summary>
    [Benchmark(Baseline = true)]
    public GeneratorDriver Cold() => GeneratorInputs.CreateDriver(_specs, trackSteps: false).RunGenerators(_compilation);

    /// <summary>The driver that has run once, after a C# file that has nothing to do with the specs is added.</summary>
    [Benchmark]
    public GeneratorDriver UnrelatedEdit() => _warm.RunGenerators(_edited);

    /// <summary>
    /// Throws unless the cold run emits source for every schema without an error, and the unrelated-edit run (with step
    /// tracking) finds every step cached or unchanged and so emits nothing new.
    /// </summary>
    public void Verify()
    {
        var cold = Cold().GetRunResult();
        var schemas = _specs.Count(s => s.Path.EndsWith(".dtd", StringComparison.Ordinal) || s.Path.EndsWith(".xsd", StringComparison.Ordinal));
        var errors = cold.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0 || cold.Results.Single().Exception is { } || cold.GeneratedTrees.Length < schemas)
        {
            throw new InvalidOperationException(
                $"The cold run emitted {cold.GeneratedTrees.Length} files for {schemas} schemas, with {errors.Count} errors: {string.Join("; ", errors)}");
        }

        var tracked = GeneratorInputs.CreateDriver(_specs, trackSteps: true).RunGenerators(_compilation).RunGenerators(_edited).GetRunResult().Results.Single();
        var rerun = tracked.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs)
            .Where(o => o.Reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged))
            .ToList();
        if (rerun.Count > 0)
        {
            throw new InvalidOperationException($"After an unrelated edit, {rerun.Count} outputs ran again ({string.Join(", ", rerun.Select(o => o.Reason).Distinct())}).");
        }
    }
}
