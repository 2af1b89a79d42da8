using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using QualysGen.Generator.Binding;
using QualysGen.Generator.Diagnostics;
using QualysGen.Generator.Emitters;
using QualysGen.Generator.Model;
using QualysGen.Generator.Parsing;
using QualysGen.Generator.Parsing.Endpoints;

namespace QualysGen.Generator;

/// <summary>
/// Turns the Qualys schemas (<c>*.dtd</c>) and endpoint specs (<c>*.endpoints.json</c>) among a project's
/// AdditionalFiles into typed models and streaming parsers. Read → bind → emit, each step value-equatable
/// so that an edit re-runs only what it touches.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed partial class QualysGenerator : IIncrementalGenerator
{
    /// <summary>The namespace generated types go under when neither <c>QualysGenNamespace</c> nor <c>RootNamespace</c> is set.</summary>
    public const string DefaultNamespace = "QualysGen.Generated";

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var options = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) => ReadOptions(provider.GlobalOptions))
            .WithTrackingName(TrackingNames.Options);

        var dtds = context.AdditionalTextsProvider
            .Where(static file => IsDtd(file.Path))
            .Select(static (file, cancellationToken) => ReadSchema(file, cancellationToken))
            .WithTrackingName(TrackingNames.ReadDtd);

        var specs = context.AdditionalTextsProvider
            .Where(static file => IsSpec(file.Path))
            .Select(static (file, cancellationToken) => ReadSpec(file, cancellationToken))
            .WithTrackingName(TrackingNames.ReadSpec);

        var overlays = specs
            .Select(static (result, _) => result.Overlays)
            .Collect()
            .Select(static (all, _) => all.SelectMany(o => o).ToEquatableArray())
            .WithTrackingName(TrackingNames.Overlays);

        // XSDs may include or import each other, so each is read with the texts of all the others at hand (and nothing else).
        var xsdFiles = context.AdditionalTextsProvider
            .Where(static file => IsXsd(file.Path))
            .Select(static (file, cancellationToken) => new SchemaFileSpec(file.Path, file.GetText(cancellationToken)?.ToString() ?? ""))
            .WithTrackingName(TrackingNames.XsdFiles);
        var xsds = xsdFiles
            .Combine(xsdFiles.Collect())
            .Select(static (input, cancellationToken) => ReadXsd(input.Left, input.Right, cancellationToken))
            .WithTrackingName(TrackingNames.ReadXsd);

        // Hint names come from file names; files that share one get the folders that tell them apart. Only the paths are
        // collected, so editing a file's content leaves this step cached.
        var hintNames = context.AdditionalTextsProvider
            .Where(static file => IsDtd(file.Path) || IsXsd(file.Path) || IsSpec(file.Path))
            .Select(static (file, _) => file.Path)
            .Collect()
            .Select(static (paths, _) => HintNames.Assign(paths))
            .WithTrackingName(TrackingNames.HintNames);

        // Only the schema (which holds no locations) flows on, so editing a comment re-reads the file and stops there.
        var dtdParserSpecs = BindSchemas(SchemaOf(dtds, TrackingNames.Schema), overlays, options, TrackingNames.Bind, TrackingNames.ParserSpec, out var dtdBound);
        var xsdParserSpecs = BindSchemas(SchemaOf(xsds, TrackingNames.XsdSchema), overlays, options, TrackingNames.XsdBind, TrackingNames.ParserSpec, out var xsdBound);

        // Two files that generate one namespace would define the same types twice: found on (path, namespace) pairs only.
        var collisions = dtdParserSpecs.Select(static (spec, _) => new SchemaNamespaceSpec(spec.FilePath, spec.Namespace)).Collect()
            .Combine(xsdParserSpecs.Select(static (spec, _) => new SchemaNamespaceSpec(spec.FilePath, spec.Namespace)).Collect())
            .Select(static (all, _) => SchemaCollisions.Find(all.Left.AddRange(all.Right)))
            .WithTrackingName(TrackingNames.SchemaCollisions);
        var notGenerated = collisions.Select(static (c, _) => c.NotGenerated);
        var dtdOutputs = EmitSchemas(context, dtdParserSpecs, hintNames, notGenerated);
        var xsdOutputs = EmitSchemas(context, xsdParserSpecs, hintNames, notGenerated);

        // Diagnostics are outputs of their own: a diagnostic that moves re-reports without re-emitting code.
        context.RegisterSourceOutput(dtds.Select(static (r, _) => r.Diagnostics), static (spc, d) => Report(spc, d));
        context.RegisterSourceOutput(specs.Select(static (r, _) => r.Diagnostics), static (spc, d) => Report(spc, d));
        context.RegisterSourceOutput(xsds.Select(static (r, _) => r.Diagnostics), static (spc, d) => Report(spc, d));
        // The binder's diagnostics are placed at the declarations the readers found (the schema it binds holds no locations).
        context.RegisterSourceOutput(
            dtdBound.Select(static (r, _) => r.Diagnostics).Combine(dtds.Collect()),
            static (spc, input) => Report(spc, SchemaLocations.Place(input.Left, input.Right)));
        context.RegisterSourceOutput(
            xsdBound.Select(static (r, _) => r.Diagnostics).Combine(xsds.Collect()),
            static (spc, input) => Report(spc, SchemaLocations.Place(input.Left, input.Right)));
        context.RegisterSourceOutput(collisions.Select(static (c, _) => c.Diagnostics), static (spc, d) => Report(spc, d));

        var schemaFiles = dtds.Select(static (r, _) => r.Schema?.FileName).Collect()
            .Combine(xsds.Select(static (r, _) => r.Schema?.FileName).Collect())
            .Select(static (names, _) => names.Left.AddRange(names.Right).Where(n => n is not null).Select(n => n!).ToImmutableArray())
            .WithTrackingName(TrackingNames.SchemaFiles);
        context.RegisterSourceOutput(
            overlays.Combine(schemaFiles),
            static (spc, input) => Report(spc, UnknownSchemaFiles(input.Left, input.Right)));

        // The endpoints see the schemas that are generated (one per file name), so a response names one schema whatever the input order.
        var parserSpecs = dtdOutputs.Collect()
            .Combine(xsdOutputs.Collect())
            .SelectMany(static (all, _) => all.Left.AddRange(all.Right))
            .WithTrackingName(TrackingNames.AllParserSpecs);
        InitializeEndpoints(context, specs, options, parserSpecs, hintNames);
    }

    private static bool IsDtd(string path) => path.EndsWith(".dtd", StringComparison.OrdinalIgnoreCase);

    private static bool IsXsd(string path) => path.EndsWith(".xsd", StringComparison.OrdinalIgnoreCase);

    private static bool IsSpec(string path) => path.EndsWith(".endpoints.json", StringComparison.OrdinalIgnoreCase);

    private static IncrementalValuesProvider<SchemaSpec> SchemaOf(IncrementalValuesProvider<SchemaReadResult> results, string trackingName)
        => results
            .Select(static (result, _) => result.Schema)
            .Where(static schema => schema is not null)
            .Select(static (schema, _) => schema!)
            .WithTrackingName(trackingName);

    /// <summary>Binds each schema with its overlays and the options.</summary>
    private static IncrementalValuesProvider<ParserSpec> BindSchemas(
        IncrementalValuesProvider<SchemaSpec> schemas,
        IncrementalValueProvider<EquatableArray<SchemaOverlayDeclaration>> overlays,
        IncrementalValueProvider<GeneratorOptionsSpec> options,
        string bindName,
        string specName,
        out IncrementalValuesProvider<BindResult> bound)
    {
        bound = schemas
            .Combine(overlays)
            .Combine(options)
            .Select(static (input, cancellationToken) => Bind(input.Left.Left, input.Left.Right, input.Right, cancellationToken))
            .WithTrackingName(bindName);

        return bound
            .Select(static (result, _) => result.Spec)
            .Where(static spec => spec is not null)
            .Select(static (spec, _) => spec!)
            .WithTrackingName(specName);
    }

    /// <summary>
    /// Gives each parser spec its unique hint name, leaves out the files whose types another file generates, and emits the rest:
    /// models and parsers (and, for an XSD, writers). Returns what is emitted. When a file is added or removed, each spec is
    /// looked up again, but only a spec whose hint name changed is emitted again.
    /// </summary>
    private static IncrementalValuesProvider<ParserSpec> EmitSchemas(
        IncrementalGeneratorInitializationContext context,
        IncrementalValuesProvider<ParserSpec> parserSpecs,
        IncrementalValueProvider<EquatableArray<HintNameSpec>> hintNames,
        IncrementalValueProvider<EquatableArray<string>> notGenerated)
    {
        var outputs = parserSpecs
            .Combine(hintNames)
            .Combine(notGenerated)
            .Where(static input => !input.Right.Contains(input.Left.Left.FilePath, StringComparer.Ordinal))
            .Select(static (input, _) => input.Left.Left with { HintName = HintNames.Of(input.Left.Right, input.Left.Left.FilePath, input.Left.Left.SourceFile) })
            .WithTrackingName(TrackingNames.SchemaOutput);

        context.RegisterSourceOutput(outputs, static (spc, spec) => Emit(spc, spec));
        return outputs;
    }

    /// <summary>The endpoint half of the pipeline (request builders), in <c>QualysGenerator.Endpoints.cs</c>.</summary>
    static partial void InitializeEndpoints(
        IncrementalGeneratorInitializationContext context,
        IncrementalValuesProvider<EndpointSpecReadResult> specs,
        IncrementalValueProvider<GeneratorOptionsSpec> options,
        IncrementalValuesProvider<ParserSpec> parserSpecs,
        IncrementalValueProvider<EquatableArray<HintNameSpec>> hintNames);

    private static GeneratorOptionsSpec ReadOptions(AnalyzerConfigOptions options)
    {
        var ns = Get(options, "build_property.QualysGenNamespace") ?? Get(options, "build_property.RootNamespace") ?? DefaultNamespace;
        var visibility = Get(options, "build_property.QualysGenVisibility");
        return new GeneratorOptionsSpec(ns, !string.Equals(visibility, "internal", StringComparison.OrdinalIgnoreCase));

        static string? Get(AnalyzerConfigOptions options, string key)
            => options.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
    }

    private static SchemaReadResult ReadSchema(AdditionalText file, CancellationToken cancellationToken)
    {
        try
        {
            var text = file.GetText(cancellationToken)?.ToString() ?? "";
            return DtdReader.Read(file.Path, text, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return new SchemaReadResult(null, Internal(file.Path, exception));
        }
    }

    private static SchemaReadResult ReadXsd(SchemaFileSpec file, ImmutableArray<SchemaFileSpec> all, CancellationToken cancellationToken)
    {
        try
        {
            // Keyed by path: when two others share a file name, the reader picks the ordinally first, whatever the input order.
            var others = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var other in all)
            {
                if (other.Path != file.Path)
                {
                    others[other.Path] = other.Text;
                }
            }

            return XsdReader.Read(file.Path, file.Text, others, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return new SchemaReadResult(null, Internal(file.Path, exception));
        }
    }

    private static EndpointSpecReadResult ReadSpec(AdditionalText file, CancellationToken cancellationToken)
    {
        try
        {
            var text = file.GetText(cancellationToken)?.ToString() ?? "";
            return EndpointSpecReader.Read(file.Path, text, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return new EndpointSpecReadResult(file.Path, EquatableArray<SchemaOverlayDeclaration>.Empty, Internal(file.Path, exception));
        }
    }

    private static BindResult Bind(SchemaSpec schema, EquatableArray<SchemaOverlayDeclaration> overlays, GeneratorOptionsSpec options, CancellationToken cancellationToken)
    {
        try
        {
            var mine = overlays.Where(o => string.Equals(o.SchemaFile, schema.FileName, StringComparison.OrdinalIgnoreCase)).ToEquatableArray();
            return SchemaBinder.Bind(schema, mine, options, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return new BindResult(null, Internal(schema.FilePath, exception));
        }
    }

    private static void Emit(SourceProductionContext context, ParserSpec spec)
    {
        string models, parsers;
        string? writers = null;
        try
        {
            models = ModelEmitter.Emit(spec);
            parsers = ParserEmitter.Emit(spec);
            if (spec.Kind == SchemaKind.Xsd)
            {
                writers = WriterEmitter.Emit(spec);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Report(context, Internal(spec.SourceFile, exception));
            return;
        }

        var hint = spec.HintName;
        context.AddSource(hint + ".Models.g.cs", SourceText.From(models, Encoding.UTF8));
        context.AddSource(hint + ".Parsers.g.cs", SourceText.From(parsers, Encoding.UTF8));
        if (writers is not null)
        {
            context.AddSource(hint + ".Writers.g.cs", SourceText.From(writers, Encoding.UTF8));
        }
    }

    private static EquatableArray<DiagnosticSpec> UnknownSchemaFiles(EquatableArray<SchemaOverlayDeclaration> overlays, ImmutableArray<string> schemaFiles)
        => overlays
            .Where(o => !schemaFiles.Contains(o.SchemaFile, StringComparer.OrdinalIgnoreCase))
            .Select(o => DiagnosticSpec.Create(DiagnosticDescriptors.SpecUnknownSchemaFile.Id, o.Location, o.SchemaFile))
            .ToEquatableArray();

    private static EquatableArray<DiagnosticSpec> Internal(string path, Exception exception)
        => new[] { DiagnosticSpec.Create(DiagnosticDescriptors.InternalError.Id, null, Path.GetFileName(path), exception.GetType().Name + ": " + exception.Message) }.ToEquatableArray();

    private static void Report(SourceProductionContext context, EquatableArray<DiagnosticSpec> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            context.ReportDiagnostic(ToDiagnostic(diagnostic));
        }
    }

    internal static Diagnostic ToDiagnostic(DiagnosticSpec spec)
    {
        var location = spec.Location is { } l
            ? Location.Create(l.FilePath, new TextSpan(l.Start, l.Length), new LinePositionSpan(new LinePosition(l.Line, l.Column), new LinePosition(l.EndLine, l.EndColumn)))
            : Location.None;
        return Diagnostic.Create(DiagnosticDescriptors.Get(spec.Id), location, spec.MessageArgs.Cast<object>().ToArray());
    }
}
