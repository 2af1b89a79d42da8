namespace QualysGen.Tool.Surface;

/// <summary>An enum member and the text on the wire that means it.</summary>
internal sealed record ApiEnumMember(string Name, string XmlValue);
