namespace QualysGen.Generator.Model;

/// <summary>
/// One entry of an <c>optional</c> list: <c>"CHILD"</c> (wherever it is a required child), <c>"PARENT/CHILD"</c> (in that parent
/// only) or <c>"ELEMENT@attribute"</c> — a requirement of the schema that the data does not keep, relaxed so that the member
/// becomes nullable instead of a deviation.
/// </summary>
internal sealed record OptionalOverlayDeclaration(string? Parent, string Element, string? Attribute, SourceLocationSpec Location);
