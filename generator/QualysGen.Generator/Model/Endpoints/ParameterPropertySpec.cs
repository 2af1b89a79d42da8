namespace QualysGen.Generator.Model;

/// <summary>A parameter of a request class, bound: its C# property and everything its checks and its wire form need.</summary>
/// <param name="WireName">The name on the wire.</param>
/// <param name="PropertyName">The C# property.</param>
/// <param name="Kind">The value kind (of the items, for a list).</param>
/// <param name="IsList">Whether it is a comma-separated list.</param>
/// <param name="EnumTypeName">For enums: the <c>global::</c>-qualified enum type.</param>
/// <param name="Required">Whether it must be given (a <c>required</c> property).</param>
/// <param name="InPath">Whether it fills a <c>{name}</c> in the path.</param>
/// <param name="Min">The smallest value allowed, or null.</param>
/// <param name="Max">The largest value allowed, or null.</param>
/// <param name="MaxLength">The most characters allowed, or null.</param>
/// <param name="DefaultLiteral">The service's default as a C# expression of the property's value type, or null.</param>
/// <param name="DefaultText">The service's default as sent, for the documentation, or null.</param>
/// <param name="Description">The documentation, or null.</param>
internal sealed record ParameterPropertySpec(
    string WireName,
    string PropertyName,
    ParameterTypeKind Kind,
    bool IsList,
    string? EnumTypeName,
    bool Required,
    bool InPath,
    long? Min,
    long? Max,
    int? MaxLength,
    string? DefaultLiteral,
    string? DefaultText,
    string? Description);
