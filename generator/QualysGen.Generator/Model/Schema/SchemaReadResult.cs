namespace QualysGen.Generator.Model;

/// <summary>
/// What a schema reader returns: the schema (null when the file could not be read at all), its diagnostics, and where its
/// declarations are (for the binder's diagnostics, which see only the schema).
/// </summary>
internal sealed record SchemaReadResult(SchemaSpec? Schema, EquatableArray<DiagnosticSpec> Diagnostics, EquatableArray<SchemaLocationSpec> Locations = default);
