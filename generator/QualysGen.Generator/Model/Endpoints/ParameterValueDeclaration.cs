namespace QualysGen.Generator.Model;

/// <summary>A scalar value written in a spec (a parameter's default, the value a rule's condition compares with), before it is checked against the parameter's type.</summary>
/// <param name="Text">The value as text: a string's content, a number as written, <c>true</c>/<c>false</c>.</param>
/// <param name="Kind">The JSON kind it was written as.</param>
/// <param name="Location">Where it is.</param>
internal sealed record ParameterValueDeclaration(string Text, ParameterValueKind Kind, SourceLocationSpec Location);
