using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text;
using System.Xml;

namespace QualysGen;

/// <summary>What went wrong in a <see cref="QualysXmlException"/>.</summary>
public enum QualysXmlErrorKind
{
    /// <summary>The document is not well-formed XML (or uses an entity or DTD feature that is never processed).</summary>
    Malformed,

    /// <summary>The root element is not the one the parser reads.</summary>
    UnexpectedRoot,

    /// <summary>An element that the schema requires is missing.</summary>
    MissingElement,

    /// <summary>An attribute that the schema requires is missing.</summary>
    MissingAttribute,

    /// <summary>A text or attribute value does not parse as its declared type, or is empty where a value is required.</summary>
    InvalidValue,

    /// <summary>The document exceeds a limit of <see cref="QualysXmlOptions"/>: nesting deeper than <see cref="QualysXmlOptions.MaxDepth"/>,
    /// more bytes held at once than <see cref="QualysXmlOptions.MaxBufferedBytes"/> (<c>ParseAsync</c>) or
    /// <see cref="QualysXmlOptions.MaxRecordBytes"/> (a record stream).</summary>
    LimitExceeded,
}

/// <summary>
/// The one exception the generated Qualys parsers throw for a response they cannot read: not
/// well-formed XML, a wrong root, a missing required element or attribute, or a value that does
/// not parse as its type. It says where: the element path and the line and position in the document.
/// </summary>
public sealed class QualysXmlException : Exception
{
    private readonly List<string> _path;
    private readonly string _detail;

    /// <summary>Creates the exception; generated parsers use the factory methods instead.</summary>
    /// <param name="kind">What went wrong.</param>
    /// <param name="detail">The problem in one sentence, without the location.</param>
    /// <param name="lineNumber">The 1-based line in the document, or 0 when unknown.</param>
    /// <param name="linePosition">The 1-based position in the line, or 0 when unknown.</param>
    /// <param name="innerException">The underlying exception, if any.</param>
    public QualysXmlException(QualysXmlErrorKind kind, string detail, int lineNumber, int linePosition, Exception? innerException = null)
        : base(detail, innerException)
    {
        Kind = kind;
        _detail = detail;
        LineNumber = lineNumber;
        LinePosition = linePosition;
        _path = new List<string>(8);
    }

    /// <summary>What went wrong.</summary>
    public QualysXmlErrorKind Kind { get; }

    /// <summary>The 1-based line of the problem in the document, or 0 when the reader gave no line information.</summary>
    public int LineNumber { get; }

    /// <summary>The 1-based position in that line, or 0 when unknown.</summary>
    public int LinePosition { get; }

    /// <summary>The problem without its location.</summary>
    public string Detail => _detail;

    /// <summary>
    /// The reader depth of an element that the parser had already read to its end when this was thrown (a text value that
    /// does not parse), or -1. An element left out for this deviation needs no skipping when it is that element.
    /// </summary>
    internal int ConsumedDepth { get; set; } = -1;

    /// <summary>The outermost element of <see cref="ElementPath"/> so far, or null.</summary>
    internal string? OutermostSegment => _path.Count == 0 ? null : _path[_path.Count - 1];

    /// <summary>The path of the element where the problem is, from the root: <c>/ROOT/RESPONSE/LIST/ITEM/CODE</c>; attributes end in <c>/@name</c>.</summary>
    public string ElementPath
    {
        get
        {
            if (_path.Count == 0)
            {
                return "/";
            }

            var builder = new StringBuilder();
            for (var i = _path.Count - 1; i >= 0; i--)
            {
                builder.Append('/').Append(_path[i]);
            }

            return builder.ToString();
        }
    }

    /// <inheritdoc />
    public override string Message => LineNumber > 0
        ? $"{_detail} (at {ElementPath}, line {LineNumber}, position {LinePosition})"
        : $"{_detail} (at {ElementPath})";

    /// <summary>
    /// Adds the enclosing element's name in front of the path. Generated parsers call it as the exception
    /// leaves each element, so the happy path pays nothing for path tracking.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public QualysXmlException PrependPath(string segment)
    {
        // Segments are collected innermost first and reversed when read.
        _path.Add(segment);
        return this;
    }

    /// <summary>Wraps a reader error (not well-formed XML) that happened inside <paramref name="element"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static QualysXmlException Malformed(XmlException exception, string element)
    {
        var result = new QualysXmlException(
            QualysXmlErrorKind.Malformed,
            "The response is not well-formed XML: " + exception.Message,
            exception.LineNumber,
            exception.LinePosition,
            exception);
        return result.PrependPath(element);
    }
}
