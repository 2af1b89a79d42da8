namespace QualysGen.Generator.Model;

/// <summary>One test of a condition: <c>"occurrence": "daily"</c>, <c>"before_notify": { "not": 0 }</c>, <c>"asset_groups": { "given": true }</c>.</summary>
internal sealed record RuleClauseDeclaration(NameReference Parameter, RuleClauseOperator Operator, EquatableArray<ParameterValueDeclaration> Values);
