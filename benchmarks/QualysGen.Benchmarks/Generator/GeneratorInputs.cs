using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace QualysGen.Benchmarks.Generator;

/// <summary>What the compiler hands the generator in a consumer project: every file of <c>specs/</c> and the namespace option.</summary>
internal static class GeneratorInputs
{
    public const string Namespace = "Bench.Qualys";

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.CSharp12);

    /// <summary>The <c>specs/</c> folder copied beside the assembly, or the repository's when run from elsewhere.</summary>
    public static string SpecsDirectory()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "specs");
        if (Directory.Exists(beside))
        {
            return beside;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var specs = Path.Combine(dir.FullName, "specs");
            if (File.Exists(Path.Combine(specs, "simple_return.dtd")))
            {
                return specs;
            }
        }

        throw new DirectoryNotFoundException("No specs/ folder beside " + AppContext.BaseDirectory + " or above it.");
    }

    /// <summary>All schemas and endpoint specs (what the README's consumer project lists as AdditionalFiles), read into memory.</summary>
    public static ImmutableArray<AdditionalText> Specs()
        => Directory.GetFiles(SpecsDirectory())
            .Where(p => p.EndsWith(".dtd", StringComparison.Ordinal) || p.EndsWith(".xsd", StringComparison.Ordinal) || p.EndsWith(".endpoints.json", StringComparison.Ordinal))
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => (AdditionalText)new MemoryText(p, File.ReadAllText(p)))
            .ToImmutableArray();

    public static CSharpCompilation Compilation(string source)
    {
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var references = trusted
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
            .Append(typeof(QualysXmlException).Assembly.Location)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p));
        return CSharpCompilation.Create(
            "Consumer",
            [CSharpSyntaxTree.ParseText(source, ParseOptions)],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    public static GeneratorDriver CreateDriver(ImmutableArray<AdditionalText> specs, bool trackSteps)
        => CSharpGeneratorDriver.Create(
            [new QualysGen.Generator.QualysGenerator().AsSourceGenerator()],
            specs,
            ParseOptions,
            new Options(new Dictionary<string, string> { ["build_property.QualysGenNamespace"] = Namespace }),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    private sealed class MemoryText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class Options(IReadOnlyDictionary<string, string> global) : AnalyzerConfigOptionsProvider
    {
        private static readonly AnalyzerConfigOptions Empty = new Values(new Dictionary<string, string>());

        public override AnalyzerConfigOptions GlobalOptions { get; } = new Values(global);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Empty;

        private sealed class Values(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
                => values.TryGetValue(key, out value);
        }
    }
}
