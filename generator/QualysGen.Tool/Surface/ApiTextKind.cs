namespace QualysGen.Tool.Surface;

/// <summary>How a model class keeps its element's own text.</summary>
internal enum ApiTextKind
{
    /// <summary>Element content only.</summary>
    None,

    /// <summary>A typed <c>Value</c> (a text element with attributes).</summary>
    Value,

    /// <summary>Mixed content: <c>Text</c> beside the element lists.</summary>
    Mixed,

    /// <summary><c>ANY</c>: the inner XML as a string.</summary>
    Any,
}
