namespace QualysGen.Generator.Model;

/// <summary>A named set of parameters and rules (<c>parameterGroups</c>) that endpoints pull in with <c>use</c>.</summary>
internal sealed record ParameterGroupSpec(
    string Name,
    SourceLocationSpec Location,
    string? Description,
    EquatableArray<ParameterSpec> Parameters,
    EquatableArray<RuleSpec> Rules);
