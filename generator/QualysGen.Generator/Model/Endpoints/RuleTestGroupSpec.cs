namespace QualysGen.Generator.Model;

/// <summary>Bound clauses that must all hold.</summary>
internal sealed record RuleTestGroupSpec(EquatableArray<RuleTestSpec> AllOf);
