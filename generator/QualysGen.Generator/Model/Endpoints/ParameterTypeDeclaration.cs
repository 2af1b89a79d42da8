namespace QualysGen.Generator.Model;

/// <summary>The type of a parameter as the spec states it: <c>"int"</c>, <c>{ "enum": [...] }</c>, <c>{ "list": "long" }</c>.</summary>
/// <param name="Kind">The value kind (of the items, for a list).</param>
/// <param name="IsList">Whether the value is a comma-separated list of <paramref name="Kind"/> values.</param>
/// <param name="EnumValues">For <see cref="ParameterTypeKind.Enum"/>: the values as sent, in spec order.</param>
/// <param name="EnumName">For <see cref="ParameterTypeKind.Enum"/>: the C# enum name the spec chose, or null to derive it from the parameter.</param>
/// <param name="EnumDescription">For <see cref="ParameterTypeKind.Enum"/>: the enum's documentation, or null.</param>
internal sealed record ParameterTypeDeclaration(
    ParameterTypeKind Kind,
    bool IsList,
    EquatableArray<string> EnumValues,
    string? EnumName,
    string? EnumDescription);
