namespace QualysGen;

/// <summary>
/// Something a response has that its schema does not declare, summed over one parse: each distinct path (and, for an
/// enumeration, each distinct value) once, with the first place it came and how often. The data was skipped (elements and
/// attributes) or kept as text with the <c>Unknown</c> member (enumerations); drift means the schema is older than the
/// response, and it is time to fetch the new one and regenerate.
/// </summary>
/// <param name="Kind">What kind of thing is undeclared.</param>
/// <param name="Path">The path from the root: <c>/KNOWLEDGE_BASE_VULN_LIST_OUTPUT/RESPONSE/VULN_LIST/VULN/THREAT_INTELLIGENCE</c>;
/// an attribute ends in <c>/@name</c>.</param>
/// <param name="FirstLineNumber">The 1-based line where it first came, or 0 when unknown.</param>
/// <param name="FirstLinePosition">The 1-based position in that line, or 0.</param>
/// <param name="Count">How many times it came in the parse.</param>
/// <param name="Value">For <see cref="QualysXmlDriftKind.UnknownEnumValue"/>, the value as sent; otherwise null.</param>
public sealed record QualysXmlDrift(
    QualysXmlDriftKind Kind,
    string Path,
    int FirstLineNumber,
    int FirstLinePosition,
    int Count,
    string? Value)
{
    /// <inheritdoc />
    public override string ToString()
        => Value is null
            ? $"{Kind}: {Path} ({Count}x, first at line {FirstLineNumber}, position {FirstLinePosition})"
            : $"{Kind}: '{Value}' at {Path} ({Count}x, first at line {FirstLineNumber}, position {FirstLinePosition})";
}
