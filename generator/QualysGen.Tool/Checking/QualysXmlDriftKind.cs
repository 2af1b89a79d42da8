namespace QualysGen.Tool.Checking;

// Stand-in for the runtime's QualysGen.QualysXmlDriftKind (the parsers' drift report), with its names and members, until the
// runtime has it: then this file goes and the name resolves to the runtime's type unchanged.

/// <summary>What a <see cref="QualysXmlDrift"/> is about.</summary>
internal enum QualysXmlDriftKind
{
    /// <summary>An element the schema does not declare at that place.</summary>
    UndeclaredElement,

    /// <summary>An attribute the schema does not declare on its element.</summary>
    UndeclaredAttribute,

    /// <summary>A value of an enumeration that the schema does not list.</summary>
    UnknownEnumValue,

    /// <summary>A second occurrence of an element the schema allows once in its parent.</summary>
    RepeatedElement,
}
