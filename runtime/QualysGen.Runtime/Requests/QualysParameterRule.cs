namespace QualysGen.Requests;

/// <summary>Which documented rule a request broke, in a <see cref="QualysParameterException"/>.</summary>
public enum QualysParameterRule
{
    /// <summary>A required parameter is missing (or a required text is empty).</summary>
    Required,

    /// <summary>A number is outside its documented range.</summary>
    Range,

    /// <summary>A text is longer than its documented maximum.</summary>
    MaxLength,

    /// <summary>A value cannot be sent as it is: an undefined enum value, a list item with a comma in it, an empty <c>IN</c> list.</summary>
    Value,

    /// <summary>At least one of the parameters must be given.</summary>
    OneOfRequired,

    /// <summary>At most one of the parameters may be given.</summary>
    MutuallyExclusive,

    /// <summary>The parameters must be given together: all of them or none, or one only together with the others.</summary>
    Together,

    /// <summary>A parameter is given where another parameter's value does not allow it.</summary>
    ValidOnlyWhen,

    /// <summary>A parameter is missing where another parameter's value requires it.</summary>
    RequiredWhen,
}
