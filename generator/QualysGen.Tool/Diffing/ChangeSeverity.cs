namespace QualysGen.Tool.Diffing;

/// <summary>What a change means for a consumer's code.</summary>
internal enum ChangeSeverity
{
    /// <summary>Code that compiled before may not compile, or may behave differently.</summary>
    Breaking,

    /// <summary>Something new; code that compiled before compiles and behaves the same.</summary>
    Additive,
}
