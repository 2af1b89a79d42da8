namespace QualysGen.Tool.Surface;

/// <summary>The kind of a text or attribute value, which decides how a parser reads it.</summary>
internal enum ApiValueKind
{
    String,
    Int32,
    Int64,
    Boolean,
    DateTimeOffset,
    Decimal,
    Enum,

    /// <summary>A generated class (an element with structure).</summary>
    Object,
}
