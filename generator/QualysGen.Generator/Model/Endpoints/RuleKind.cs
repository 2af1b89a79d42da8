namespace QualysGen.Generator.Model;

/// <summary>The rules between parameters that the Qualys documentation states, and the spec can say.</summary>
internal enum RuleKind
{
    /// <summary><c>oneOfRequired</c>: at least one of the parameters must be given (<c>option_id</c> or <c>option_title</c>).</summary>
    OneOfRequired,

    /// <summary><c>mutuallyExclusive</c>: at most one of them may be given (<c>client_id</c> / <c>client_name</c>).</summary>
    MutuallyExclusive,

    /// <summary>
    /// <c>together</c>: without <c>with</c>, all of the parameters or none; with <c>with</c>, each of the parameters only together with
    /// all of <c>with</c> (<c>end_after_mins</c> needs <c>end_after</c>).
    /// </summary>
    Together,

    /// <summary><c>validOnlyWhen</c>: the parameters may be given only when the condition holds (<c>tag_set_include</c> only when <c>target_from=tags</c>).</summary>
    ValidOnlyWhen,

    /// <summary><c>requiredWhen</c>: the parameters must be given when the condition holds (<c>frequency_days</c> when <c>occurrence=daily</c>).</summary>
    RequiredWhen,
}
