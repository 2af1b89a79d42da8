namespace QualysGen.Generator.Model;

/// <summary>What binding one spec file's endpoints returns: what to emit (null when there is nothing) and the diagnostics.</summary>
internal sealed record EndpointBindResult(EndpointSourceSpec? Source, EquatableArray<DiagnosticSpec> Diagnostics);
