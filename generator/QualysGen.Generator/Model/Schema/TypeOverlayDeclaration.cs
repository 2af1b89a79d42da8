namespace QualysGen.Generator.Model;

/// <summary>
/// One entry of a <c>types</c> map: <c>"ELEMENT": "long"</c> or <c>"ELEMENT@attribute": { "enum": [...] }</c>.
/// </summary>
/// <param name="Element">The element name.</param>
/// <param name="Attribute">The attribute name, or null when the entry types the element's text.</param>
/// <param name="Type">The value type.</param>
/// <param name="EnumValues">For <see cref="XmlValueType.Enum"/>: the values in spec order.</param>
/// <param name="EnumName">For <see cref="XmlValueType.Enum"/>: the C# enum name the spec chose, or null to derive it.</param>
/// <param name="Location">Where the entry's key is in the JSON.</param>
internal sealed record TypeOverlayDeclaration(
    string Element,
    string? Attribute,
    XmlValueType Type,
    EquatableArray<string> EnumValues,
    string? EnumName,
    SourceLocationSpec Location);
