using System;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using QualysGen.Generator.Binding;
using QualysGen.Generator.Binding.Endpoints;
using QualysGen.Generator.Diagnostics;
using QualysGen.Generator.Emitters;
using QualysGen.Generator.Model;

namespace QualysGen.Generator;

public sealed partial class QualysGenerator
{
    /// <summary>
    /// The endpoint half: each spec file's endpoints are bound with the response schemas (their namespaces and roots only, so that an
    /// edit inside a DTD leaves this half cached) and emitted as request builders and JSON readers. Diagnostics are outputs of their own.
    /// </summary>
    static partial void InitializeEndpoints(
        IncrementalGeneratorInitializationContext context,
        IncrementalValuesProvider<EndpointSpecReadResult> specs,
        IncrementalValueProvider<GeneratorOptionsSpec> options,
        IncrementalValuesProvider<ParserSpec> parserSpecs,
        IncrementalValueProvider<EquatableArray<HintNameSpec>> hintNames)
    {
        var responseSchemas = parserSpecs
            .Select(static (spec, _) => new EndpointSchemaSpec(spec.SourceFile, spec.Namespace, spec.Roots.Select(r => new EndpointSchemaRootSpec(r.XmlName, r.TypeName)).ToEquatableArray()))
            .Collect()
            .Select(static (all, _) => all.OrderBy(s => s.SourceFile, StringComparer.Ordinal).ToEquatableArray())
            .WithTrackingName(EndpointTrackingNames.ResponseSchemas);

        var endpointDocuments = specs
            .Select(static (result, _) => result.Endpoints)
            .Where(static file => file is not null)
            .Select(static (file, _) => file!)
            .WithTrackingName(EndpointTrackingNames.EndpointDocument);

        var bound = endpointDocuments
            .Combine(responseSchemas)
            .Combine(options)
            .Select(static (input, cancellationToken) => BindEndpoints(input.Left.Left, input.Left.Right, input.Right, cancellationToken))
            .WithTrackingName(EndpointTrackingNames.BindEndpoints);

        var sources = bound
            .Select(static (result, _) => result.Source)
            .Where(static source => source is not null)
            .Select(static (source, _) => source!)
            .WithTrackingName(EndpointTrackingNames.EndpointSource);

        // Named after the bound source, so that adding a file elsewhere re-emits only a source whose hint name changed.
        var outputs = sources
            .Combine(hintNames)
            .Select(static (input, _) => input.Left with { HintName = HintNames.Of(input.Right, input.Left.FilePath, input.Left.SourceFile) })
            .WithTrackingName(EndpointTrackingNames.EndpointOutput);

        context.RegisterSourceOutput(outputs, static (spc, source) => EmitEndpoints(spc, source));
        context.RegisterSourceOutput(specs.Select(static (r, _) => r.EndpointDiagnostics), static (spc, d) => ReportEndpoints(spc, d));
        context.RegisterSourceOutput(bound.Select(static (r, _) => r.Diagnostics), static (spc, d) => ReportEndpoints(spc, d));

        var families = endpointDocuments
            .Select(static (file, _) => new EndpointFamilySpec(file.Family, file.FilePath, file.FamilyLocation))
            .Collect()
            .WithTrackingName(EndpointTrackingNames.Families);
        context.RegisterSourceOutput(families, static (spc, all) => ReportEndpoints(spc, DuplicateFamilies(all)));
    }

    private static EndpointBindResult BindEndpoints(EndpointDocument file, EquatableArray<EndpointSchemaSpec> schemas, GeneratorOptionsSpec options, CancellationToken cancellationToken)
    {
        try
        {
            return EndpointBinder.Bind(file, schemas, options, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return new EndpointBindResult(null, Internal(file.FilePath, exception));
        }
    }

    private static void EmitEndpoints(SourceProductionContext context, EndpointSourceSpec source)
    {
        string requests;
        string? json = null;
        try
        {
            requests = RequestEmitter.Emit(source);
            if (source.JsonTypes.Count > 0)
            {
                json = JsonResponseEmitter.Emit(source);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            ReportEndpoints(context, Internal(source.SourceFile, exception));
            return;
        }

        var hint = source.HintName;
        context.AddSource(hint + ".Requests.g.cs", SourceText.From(requests, Encoding.UTF8));
        if (json is not null)
        {
            context.AddSource(hint + ".JsonResponses.g.cs", SourceText.From(json, Encoding.UTF8));
        }
    }

    /// <summary>
    /// The second and later files that declare a family (in path order, so the report does not depend on input order). The first
    /// file is named by its file name, with the folders that tell it apart when the other has the same name.
    /// </summary>
    private static EquatableArray<DiagnosticSpec> DuplicateFamilies(ImmutableArray<EndpointFamilySpec> families)
        => families
            .GroupBy(f => f.Family, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .SelectMany(g =>
            {
                var ordered = g.OrderBy(f => f.FilePath, StringComparer.Ordinal).ToList();
                return ordered.Skip(1).Select(f => DiagnosticSpec.Create(
                    EndpointDiagnosticDescriptors.DuplicateFamily.Id, f.Location, f.Family, HintNames.DisplayNames([ordered[0].FilePath, f.FilePath])[ordered[0].FilePath]));
            })
            .ToEquatableArray();

    private static void ReportEndpoints(SourceProductionContext context, EquatableArray<DiagnosticSpec> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            var location = diagnostic.Location is { } l
                ? Location.Create(l.FilePath, new TextSpan(l.Start, l.Length), new LinePositionSpan(new LinePosition(l.Line, l.Column), new LinePosition(l.EndLine, l.EndColumn)))
                : Location.None;
            context.ReportDiagnostic(Diagnostic.Create(EndpointDiagnosticDescriptors.Get(diagnostic.Id), location, diagnostic.MessageArgs.Cast<object>().ToArray()));
        }
    }
}
