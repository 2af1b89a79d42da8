using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace QualysGen.Generator.Tests.Infrastructure;

/// <summary>Runs <see cref="QualysGenerator"/> the way the compiler does, over in-memory inputs, with step tracking on.</summary>
internal static class GeneratorHarness
{
    public const string Namespace = "Tests.Qualys";

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    {
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return trusted
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
            .Append(typeof(QualysXmlException).Assembly.Location)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
    });

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.CSharp12);

    public static string SpecsDirectory => Path.Combine(AppContext.BaseDirectory, "specs");

    /// <summary>The checked-in specs, as the generator sees them in a consumer project.</summary>
    public static IReadOnlyList<AdditionalText> Specs()
        => Directory.GetFiles(SpecsDirectory)
            .Where(p => p.EndsWith(".dtd", StringComparison.Ordinal) || p.EndsWith(".xsd", StringComparison.Ordinal) || p.EndsWith(".endpoints.json", StringComparison.Ordinal))
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => (AdditionalText)new InMemoryAdditionalText("/specs/" + Path.GetFileName(p), File.ReadAllText(p)))
            .ToList();

    public static CSharpCompilation Compilation(params string[] sources)
        => CSharpCompilation.Create(
            "Consumer",
            sources.Select(s => CSharpSyntaxTree.ParseText(s, ParseOptions)),
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                // As the .NET SDK does: reference-unification notices (the runtime targets net8.0, the tests run on net10.0).
                .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress }));

    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText> files, IReadOnlyDictionary<string, string>? properties = null)
        => CSharpGeneratorDriver.Create(
            new[] { new QualysGenerator().AsSourceGenerator() },
            files,
            ParseOptions,
            new TestOptionsProvider(properties ?? new Dictionary<string, string> { ["build_property.QualysGenNamespace"] = Namespace }),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator once; returns the result and the compilation with the generated code added.</summary>
    public static (GeneratorDriverRunResult Result, Compilation Output) Run(IEnumerable<AdditionalText> files, params string[] sources)
    {
        var driver = CreateDriver(files).RunGeneratorsAndUpdateCompilation(Compilation(sources), out var output, out _);
        var result = driver.GetRunResult();
        foreach (var source in result.Results.SelectMany(r => r.GeneratedSources))
        {
            AssertLaidOut(source.HintName, source.SourceText.ToString());
        }

        return (result, output);
    }

    /// <summary>
    /// The emitters lay text out as they write it (no pass cleans it afterwards): no doubled blank line, no blank line right after
    /// an opening or before a closing brace, no trailing whitespace.
    /// </summary>
    public static void AssertLaidOut(string hintName, string source)
    {
        var lines = source.Split('\n');
        for (var i = 1; i < lines.Length - 1; i++)
        {
            var line = lines[i].TrimStart();
            var blank = lines[i].Length == 0;
            Assert.False(lines[i].Length > 0 && line.Length == 0 || lines[i].EndsWith(' '), $"{hintName}:{i + 1}: trailing whitespace");
            Assert.False(blank && lines[i - 1].Length == 0, $"{hintName}:{i + 1}: two blank lines");
            Assert.False(blank && lines[i - 1].TrimStart() == "{", $"{hintName}:{i + 1}: a blank line after an opening brace");
            Assert.False(blank && lines[i + 1].TrimStart() is "}" or "};", $"{hintName}:{i + 1}: a blank line before a closing brace");
        }
    }

    /// <summary>Compiler errors and warnings of the output compilation (the generated code must have none).</summary>
    public static IReadOnlyList<Diagnostic> CompileProblems(Compilation output)
        => output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();

    /// <summary>Emits the output compilation and loads it into a collectible context, to run the generated parsers.</summary>
    public static Assembly Load(Compilation compilation)
    {
        using var image = new MemoryStream();
        var emit = compilation.Emit(image);
        if (!emit.Success)
        {
            throw new InvalidOperationException(string.Join("\n", emit.Diagnostics));
        }

        image.Position = 0;
        return new AssemblyLoadContext("generated", isCollectible: true).LoadFromStream(image);
    }
}
