namespace QualysGen.Tool.Surface;

/// <summary>Where a model property's value comes from in the XML.</summary>
internal enum ApiMemberSource
{
    /// <summary>An attribute of the element.</summary>
    Attribute,

    /// <summary>The element's own text.</summary>
    Text,

    /// <summary>A child element (once, optional or repeated).</summary>
    Child,

    /// <summary>The items of a wrapper child, flattened into one list.</summary>
    WrappedList,

    /// <summary>An empty child without attributes: whether it came.</summary>
    Presence,
}
