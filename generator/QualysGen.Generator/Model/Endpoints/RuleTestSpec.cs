namespace QualysGen.Generator.Model;

/// <summary>One bound clause of a condition, ready to be written as a C# test.</summary>
/// <param name="Operand">The parameter tested.</param>
/// <param name="Operator">The test.</param>
/// <param name="Literals">The values compared with, as C# constant expressions of the property's value type.</param>
/// <param name="DefaultLiteral">The parameter's default as a C# expression (the value assumed when it is not given), or null.</param>
internal sealed record RuleTestSpec(RuleOperandSpec Operand, RuleClauseOperator Operator, EquatableArray<string> Literals, string? DefaultLiteral);
