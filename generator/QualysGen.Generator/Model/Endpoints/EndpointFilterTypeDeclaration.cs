namespace QualysGen.Generator.Model;

/// <summary>
/// A QPS filter type (a key of <c>filterTypes</c>): the C# value its fields take and the operators it allows, e.g.
/// <c>"integer": { "value": "long", "operators": ["EQUALS", "NOT EQUALS", "GREATER", "LESSER", "IN"] }</c>.
/// </summary>
/// <param name="Name">The type's name, which fields refer to.</param>
/// <param name="Location">Where its key is.</param>
/// <param name="Value">The value kind: string, int, long, bool, datetime or enum.</param>
/// <param name="Operators">The operators as QPS spells them, with where each is written.</param>
internal sealed record EndpointFilterTypeDeclaration(
    string Name,
    SourceLocationSpec Location,
    ParameterTypeKind Value,
    EquatableArray<NameReference> Operators);
