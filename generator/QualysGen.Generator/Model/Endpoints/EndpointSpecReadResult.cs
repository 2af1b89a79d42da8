namespace QualysGen.Generator.Model;

/// <summary>
/// What reading one <c>*.endpoints.json</c> file returns: the schema overlays it declares and their diagnostics, and its endpoints
/// (null when it declares none) with theirs. The two diagnostic lists are apart because the endpoint diagnostics (QG0210–QG0249) are
/// reported by the endpoint pipeline.
/// </summary>
internal sealed record EndpointSpecReadResult(
    string FilePath,
    EquatableArray<SchemaOverlayDeclaration> Overlays,
    EquatableArray<DiagnosticSpec> Diagnostics,
    EndpointDocument? Endpoints = null,
    EquatableArray<DiagnosticSpec> EndpointDiagnostics = default);
