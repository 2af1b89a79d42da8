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
internal sealed record SchemaOverlaySpec(
    string SchemaFile,
    SourceLocationSpec Location,
    EquatableArray<RootOverlaySpec> Roots,
    EquatableArray<TypeOverlaySpec> Types,
    EquatableArray<OptionalOverlaySpec> Optional);

/// <summary>
/// One entry of an <c>optional</c> list: <c>"CHILD"</c> (wherever it is a required child), <c>"PARENT/CHILD"</c> (in that parent
/// only) or <c>"ELEMENT@attribute"</c> — a requirement of the schema that the data does not keep, relaxed so that the member
/// becomes nullable instead of a deviation.
/// </summary>
internal sealed record OptionalOverlaySpec(string? Parent, string Element, string? Attribute, SourceLocationSpec Location);

/// <summary>An element the spec names as a root.</summary>
internal sealed record RootOverlaySpec(string Element, SourceLocationSpec Location);

/// <summary>
/// One entry of a <c>types</c> map: <c>"ELEMENT": "long"</c> or <c>"ELEMENT@attribute": { "enum": [...] }</c>.
/// </summary>
/// <param name="Element">The element name.</param>
/// <param name="Attribute">The attribute name, or null when the entry types the element's text.</param>
/// <param name="Type">The value type.</param>
/// <param name="EnumValues">For <see cref="XmlValueType.Enum"/>: the values in spec order.</param>
/// <param name="EnumName">For <see cref="XmlValueType.Enum"/>: the C# enum name the spec chose, or null to derive it.</param>
/// <param name="Location">Where the entry's key is in the JSON.</param>
internal sealed record TypeOverlaySpec(
    string Element,
    string? Attribute,
    XmlValueType Type,
    EquatableArray<string> EnumValues,
    string? EnumName,
    SourceLocationSpec Location);
