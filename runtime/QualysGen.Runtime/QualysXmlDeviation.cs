namespace QualysGen;

/// <summary>
/// A place where a response breaks its schema and what the parser left out for it. Nothing is invented: the element named by
/// <see cref="OmittedPath"/> is absent from the result (null, or not in its list), and the rest of the document was read.
/// </summary>
/// <param name="Kind">What is wrong: <see cref="QualysXmlErrorKind.MissingElement"/>, <see cref="QualysXmlErrorKind.MissingAttribute"/>
/// or <see cref="QualysXmlErrorKind.InvalidValue"/>.</param>
/// <param name="Detail">The problem in one sentence, with what the schema expected.</param>
/// <param name="ElementPath">Where the problem is, from the root: <c>/HOST_LIST_OUTPUT/RESPONSE/HOST_LIST/HOST/USER_DEF/VALUE_1/@ud_attr</c>.</param>
/// <param name="LineNumber">The 1-based line of the problem, or 0 when the reader gave no line information.</param>
/// <param name="LinePosition">The 1-based position in that line, or 0.</param>
/// <param name="OmittedPath">The element that was left out: the nearest enclosing element the schema lets be absent.</param>
/// <param name="RawXml">The XML of the omitted element as it came, where the parser still had those bytes, else null. A record
/// stream (<c>Enumerate…Async</c>) gives it for a record it leaves out: the text decoded, in the response's encoding, from the
/// bytes of the record's start tag to the end of its end tag, byte for byte (CDATA, line breaks and whitespace inside the
/// record as sent); a record of more than 64 KiB gives its first 64 KiB (cut back to a whole character) followed by "…". Null
/// for a member left out inside a record, for a response the stream reads whole (UTF-16, or a declared encoding that is
/// not ASCII-compatible), and always from <c>Parse</c> and <c>ParseAsync</c>: their bytes are gone once the reader has
/// decoded them.</param>
public sealed record QualysXmlDeviation(
    QualysXmlErrorKind Kind,
    string Detail,
    string ElementPath,
    int LineNumber,
    int LinePosition,
    string OmittedPath,
    string? RawXml)
{
    /// <inheritdoc />
    public override string ToString()
        => $"{Kind}: {Detail} (at {ElementPath}, line {LineNumber}, position {LinePosition}); left out {OmittedPath}";
}
