namespace QualysGen.Generator.Model;

/// <summary>How a parameter's value is written on the wire, which decides its C# type.</summary>
internal enum ParameterTypeKind
{
    /// <summary><c>string</c>: sent as given.</summary>
    String,

    /// <summary><c>int</c>: an <see cref="int"/>, invariant culture.</summary>
    Int32,

    /// <summary><c>long</c>: a <see cref="long"/>, invariant culture.</summary>
    Int64,

    /// <summary><c>flag</c>: <c>0|1</c> → <see cref="bool"/>.</summary>
    Flag,

    /// <summary><c>yesno</c>: <c>yes|no</c> → <see cref="bool"/>.</summary>
    YesNo,

    /// <summary><c>bool</c>: <c>true|false</c> → <see cref="bool"/>.</summary>
    Boolean,

    /// <summary><c>{ "enum": [...] }</c>: one of the listed values → a C# enum.</summary>
    Enum,

    /// <summary><c>date</c>: <c>mm/dd/yyyy</c> → <c>DateOnly</c>.</summary>
    Date,

    /// <summary><c>datetime</c>: UTC <c>YYYY-MM-DDTHH:MM:SSZ</c> → <c>DateTimeOffset</c>.</summary>
    DateTime,
}
