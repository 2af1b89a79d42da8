namespace QualysGen.Generator.Model;

/// <summary>A named set of parameters and rules (<c>parameterGroups</c>) that endpoints pull in with <c>use</c>.</summary>
internal sealed record ParameterGroupDeclaration(
    string Name,
    SourceLocationSpec Location,
    string? Description,
    EquatableArray<ParameterDeclaration> Parameters,
    EquatableArray<RuleDeclaration> Rules);
