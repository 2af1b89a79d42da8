namespace QualysGen.Generator.Model;

/// <summary>Clauses that must all hold: one JSON object of a condition, whose keys are parameters.</summary>
internal sealed record RuleConjunctionDeclaration(EquatableArray<RuleClauseDeclaration> AllOf);
