namespace QualysGen.Tool.Surface;

/// <summary>A property of a model class, with what a parser reads it from.</summary>
/// <param name="Name">The C# property name.</param>
/// <param name="Source">Where its value comes from.</param>
/// <param name="XmlName">The element or attribute name (for a flattened list: the wrapper).</param>
/// <param name="ItemXmlName">For a flattened list: the repeated element inside the wrapper.</param>
/// <param name="Type">The C# type as a consumer writes it: <c>long</c>, <c>string?</c>, <c>IReadOnlyList&lt;Scan&gt;</c>.</param>
/// <param name="Value">The kind of value of the property or its items.</param>
/// <param name="ItemType">The generated class or enum of the value or items (schema-namespace qualified), or null for a text value.</param>
/// <param name="IsList">Whether it is a list.</param>
/// <param name="Required">Whether a parser requires it (and the property is not nullable).</param>
/// <param name="ChoiceIndex">The choice group it is a branch of, or -1.</param>
internal sealed record ApiMember(
    string Name,
    ApiMemberSource Source,
    string XmlName,
    string? ItemXmlName,
    string Type,
    ApiValueKind Value,
    string? ItemType,
    bool IsList,
    bool Required,
    int ChoiceIndex);
