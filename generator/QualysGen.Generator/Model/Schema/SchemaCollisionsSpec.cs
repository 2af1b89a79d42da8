namespace QualysGen.Generator.Model;

/// <summary>
/// Schema files whose code would duplicate another file's types: the ones left out (every one after the first in path order,
/// per namespace) and a diagnostic for each.
/// </summary>
/// <param name="NotGenerated">The paths of the files whose code is not generated, in ordinal order.</param>
/// <param name="Diagnostics">One QG0902 per file left out, at the start of that file.</param>
internal sealed record SchemaCollisionsSpec(EquatableArray<string> NotGenerated, EquatableArray<DiagnosticSpec> Diagnostics);
