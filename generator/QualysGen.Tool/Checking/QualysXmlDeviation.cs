namespace QualysGen.Tool.Checking;

// Stand-in for the runtime's QualysGen.QualysXmlDeviation (same name, members and meaning) until the runtime has it.

/// <summary>A place where a response breaks its schema, and what a parser leaves out for it.</summary>
/// <param name="Kind"><see cref="QualysXmlErrorKind.MissingElement"/>, <see cref="QualysXmlErrorKind.MissingAttribute"/> or
/// <see cref="QualysXmlErrorKind.InvalidValue"/>.</param>
/// <param name="Detail">The problem in one sentence.</param>
/// <param name="ElementPath">Where the problem is, from the root; an attribute ends in <c>/@name</c>.</param>
/// <param name="LineNumber">The 1-based line, or 0.</param>
/// <param name="LinePosition">The 1-based position, or 0.</param>
/// <param name="OmittedPath">The nearest enclosing element the schema lets be absent, which a parser leaves out.</param>
/// <param name="RawXml">Not kept by <c>check</c> (null): the response file is at hand.</param>
internal sealed record QualysXmlDeviation(QualysXmlErrorKind Kind, string Detail, string ElementPath, int LineNumber, int LinePosition, string OmittedPath, string? RawXml);
