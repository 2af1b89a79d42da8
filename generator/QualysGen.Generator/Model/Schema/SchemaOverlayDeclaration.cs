namespace QualysGen.Generator.Model;

/// <summary>
/// What an endpoint spec file says about one schema file in its <c>schemas</c> section: the C# types of
/// element texts and attribute values, and which elements are roots.
/// </summary>
/// <param name="SchemaFile">The schema file name the section is about (e.g. <c>simple_return.dtd</c>).</param>
/// <param name="Location">Where the schema's entry is in the JSON (for "unknown schema file").</param>
/// <param name="Roots">Element names that the spec declares as roots, in addition to those found.</param>
/// <param name="Types">The type mappings.</param>
/// <param name="Optional">Elements and attributes the schema requires that real responses leave out: made optional.</param>
internal sealed record SchemaOverlayDeclaration(
    string SchemaFile,
    SourceLocationSpec Location,
    EquatableArray<RootOverlayDeclaration> Roots,
    EquatableArray<TypeOverlayDeclaration> Types,
    EquatableArray<OptionalOverlayDeclaration> Optional);
