namespace QualysGen.Generator.Model;

/// <summary>What reading one <c>*.endpoints.json</c> file returns: the schema overlays it declares and its diagnostics.</summary>
internal sealed record SpecFileResult(string FilePath, EquatableArray<SchemaOverlaySpec> Overlays, EquatableArray<DiagnosticSpec> Diagnostics);
