namespace QualysGen.Generator.Model;

/// <summary>What binding one schema returns: the parser spec (null when nothing can be generated) and diagnostics.</summary>
internal sealed record BindResult(ParserSpec? Spec, EquatableArray<DiagnosticSpec> Diagnostics);
