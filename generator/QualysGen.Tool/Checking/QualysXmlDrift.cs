namespace QualysGen.Tool.Checking;

// Stand-in for the runtime's QualysGen.QualysXmlDrift (same name, members and meaning) until the runtime has it.

/// <summary>
/// Something a response has that its schema does not declare, summed over one response: each distinct path (and, for an
/// enumeration, each distinct value) once, with the first place it came and how often.
/// </summary>
/// <param name="Kind">What kind of thing is undeclared.</param>
/// <param name="Path">The path from the root; an attribute ends in <c>/@name</c>.</param>
/// <param name="FirstLineNumber">The 1-based line where it first came, or 0.</param>
/// <param name="FirstLinePosition">The 1-based position in that line, or 0.</param>
/// <param name="Count">How many times it came.</param>
/// <param name="Value">For <see cref="QualysXmlDriftKind.UnknownEnumValue"/>, the value as sent; otherwise null.</param>
internal sealed record QualysXmlDrift(QualysXmlDriftKind Kind, string Path, int FirstLineNumber, int FirstLinePosition, int Count, string? Value);
