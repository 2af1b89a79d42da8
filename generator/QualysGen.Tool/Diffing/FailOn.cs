namespace QualysGen.Tool.Diffing;

/// <summary>Which changes make <c>diff</c> and <c>fetch</c> exit with 1.</summary>
internal enum FailOn
{
    Breaking,
    Any,
    None,
}
