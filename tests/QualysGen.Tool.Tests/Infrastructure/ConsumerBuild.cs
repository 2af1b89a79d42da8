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
using QualysGen.Generator;

namespace QualysGen.Tool.Tests.Infrastructure;

/// <summary>
/// Builds a consumer project in-process, as <c>dotnet build</c> would with the QualysGen package: every <c>*.dtd</c>, <c>*.xsd</c> and
/// <c>*.endpoints.json</c> in its folder is an input of the generator, and the consumer's code is compiled with the generated code.
/// </summary>
internal static class ConsumerBuild
{
    public const string Namespace = "Consumer.Qualys";

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
            .Append(typeof(QualysXmlException).Assembly.Location)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray());

    /// <summary>The errors and warnings of building <paramref name="source"/> against the inputs in <paramref name="projectDirectory"/>.</summary>
    public static IReadOnlyList<Diagnostic> Build(string projectDirectory, string source)
    {
        var inputs = Directory.EnumerateFiles(projectDirectory, "*", SearchOption.AllDirectories)
            .Where(p => p.EndsWith(".dtd", StringComparison.Ordinal) || p.EndsWith(".xsd", StringComparison.Ordinal) || p.EndsWith(".endpoints.json", StringComparison.Ordinal))
            .Select(p => (AdditionalText)new FileText(p))
            .ToList();
        var parse = new CSharpParseOptions(LanguageVersion.CSharp12);
        var compilation = CSharpCompilation.Create(
            "Consumer",
            [CSharpSyntaxTree.ParseText(source, parse, path: "Consumer.cs")],
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress }));
        CSharpGeneratorDriver.Create([new QualysGenerator().AsSourceGenerator()], inputs, parse, new Options())
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        return generatorDiagnostics.Concat(output.GetDiagnostics()).Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
    }

    private sealed class FileText(string path) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(File.ReadAllText(Path));
    }

    private sealed class Options : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Values();

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Values();

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Values();
    }

    private sealed class Values : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, out string value)
        {
            value = key == "build_property.QualysGenNamespace" ? Namespace : "";
            return key == "build_property.QualysGenNamespace";
        }
    }
}
