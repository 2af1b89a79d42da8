namespace QualysGen.Generator.Model;

/// <summary>What a schema reader returns: the schema (null when the file could not be read at all) and its diagnostics.</summary>
internal sealed record SchemaReadResult(SchemaSpec? Schema, EquatableArray<DiagnosticSpec> Diagnostics);
