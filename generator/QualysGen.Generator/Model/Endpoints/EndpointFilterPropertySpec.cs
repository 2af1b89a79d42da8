namespace QualysGen.Generator.Model;

/// <summary>A bound filterable field: a static property of its filter set class whose struct offers the allowed operators.</summary>
/// <param name="Field">The field as QPS spells it.</param>
/// <param name="PropertyName">The static property.</param>
/// <param name="StructName">The nested struct with one method per operator.</param>
/// <param name="Value">The value kind.</param>
/// <param name="EnumTypeName">For enums: the <c>global::</c>-qualified enum type.</param>
/// <param name="Operators">The runtime's <c>QpsOperator</c> member names allowed, in spec order.</param>
/// <param name="TypeName">The filter type's name (documentation).</param>
/// <param name="Description">The documentation.</param>
internal sealed record EndpointFilterPropertySpec(
    string Field,
    string PropertyName,
    string StructName,
    ParameterTypeKind Value,
    string? EnumTypeName,
    EquatableArray<string> Operators,
    string TypeName,
    string? Description);
