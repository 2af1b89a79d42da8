namespace QualysGen;

/// <summary>What a <see cref="QualysXmlDrift"/> is about.</summary>
public enum QualysXmlDriftKind
{
    /// <summary>An element the schema does not declare at that place (skipped).</summary>
    UndeclaredElement,

    /// <summary>An attribute the schema does not declare on its element (ignored).</summary>
    UndeclaredAttribute,

    /// <summary>A value of an enumeration that the schema does not list (kept as text; the enum property is <c>Unknown</c>).</summary>
    UnknownEnumValue,

    /// <summary>A second occurrence of an element the schema allows once in its parent: the first is kept, the repeat skipped.</summary>
    RepeatedElement,
}
