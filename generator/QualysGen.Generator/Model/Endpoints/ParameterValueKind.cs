namespace QualysGen.Generator.Model;

/// <summary>The JSON kind of a scalar value written in a spec (a default, a condition's value).</summary>
internal enum ParameterValueKind
{
    String,
    Number,
    Boolean,
}
