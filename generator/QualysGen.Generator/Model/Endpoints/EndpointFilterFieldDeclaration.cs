namespace QualysGen.Generator.Model;

/// <summary>A filterable field of a filter set, e.g. <c>"status": { "type": "keyword", "enum": [...], "enumName": "WasScanStatus" }</c>.</summary>
/// <param name="Field">The field as QPS spells it (<c>webApp.name</c>).</param>
/// <param name="Location">Where its key is.</param>
/// <param name="Type">The filter type it has.</param>
/// <param name="EnumValues">For enum-valued types: the values as sent.</param>
/// <param name="EnumName">For enum-valued types: the C# enum name, or null to derive it.</param>
/// <param name="PropertyName">The C# property name, or null to derive it (<c>webApp.name</c> → <c>WebAppName</c>).</param>
/// <param name="Operators">Operators that replace the type's for this field, or null.</param>
/// <param name="Description">Its documentation.</param>
internal sealed record EndpointFilterFieldDeclaration(
    string Field,
    SourceLocationSpec Location,
    NameReference Type,
    EquatableArray<string> EnumValues,
    string? EnumName,
    string? PropertyName,
    EquatableArray<NameReference>? Operators,
    string? Description);
