namespace QualysGen.Generator.Model;

/// <summary>A rule's <c>when</c>: one object of clauses (all must hold), or <c>{ "anyOf": [objects] }</c> (one of them must hold).</summary>
internal sealed record RuleConditionDeclaration(EquatableArray<RuleConjunctionDeclaration> AnyOf, SourceLocationSpec Location);
