using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Xml;
using System.Xml.Schema;
using QualysGen.Generator.Model;

namespace QualysGen.Generator.Parsing.Xsd;

/// <summary>
/// Collects the diagnostics of one <see cref="XsdReader"/> run and places them in the file being read. Positions come from
/// XmlReader and XmlSchemaSet (one-based line and position, in the file named by a source URI); a position inside an
/// included file is reported at the <c>xs:include</c> of the main file that (directly or through other includes) loads it,
/// with the included file's name and position at the start of the message, because diagnostics belong to the file being read.
/// </summary>
internal sealed class XsdDiagnostics
{
    /// <summary>The base URI the main file is read with; included files get <c>urn:qualysgen:xsd:1</c>, <c>…:2</c>, …</summary>
    public const string MainUri = UriPrefix + "0";

    private const string UriPrefix = "urn:qualysgen:xsd:";

    private readonly string _filePath;
    private readonly string _text;
    private readonly TextLineMap _lineMap;
    private readonly List<DiagnosticSpec> _diagnostics = new();
    private readonly HashSet<DiagnosticSpec> _seen = new();
    private readonly Dictionary<string, (string FileName, XmlSchemaObject Anchor)> _includedFiles = new(StringComparer.Ordinal);

    public XsdDiagnostics(string filePath, string text)
    {
        _filePath = filePath;
        _text = text;
        _lineMap = new TextLineMap(text);
    }

    /// <summary>Registers an included file: its base URI, its name and the include element of the main file it is reported at.</summary>
    public string RegisterIncludedFile(string fileName, XmlSchemaObject anchor)
    {
        var uri = UriPrefix + (_includedFiles.Count + 1).ToString(CultureInfo.InvariantCulture);
        _includedFiles.Add(uri, (fileName, anchor));
        return uri;
    }

    /// <summary>Reports at a one-based <paramref name="lineNumber"/> and <paramref name="linePosition"/> of the file with <paramref name="sourceUri"/>.</summary>
    public void Report(string id, string? sourceUri, int lineNumber, int linePosition, string message)
    {
        if (sourceUri is not null && _includedFiles.TryGetValue(sourceUri, out var included))
        {
            var where = lineNumber > 0
                ? string.Format(CultureInfo.InvariantCulture, "In '{0}' (line {1}, position {2}): ", included.FileName, lineNumber, linePosition)
                : "In '" + included.FileName + "': ";
            Report(id, included.Anchor, where + message);
            return;
        }

        Add(id, lineNumber > 0 ? Locate(lineNumber, linePosition) : LocateUnknown(message), message);
    }

    /// <summary>Where <paramref name="schemaObject"/>'s start tag is (or the include that loads its file).</summary>
    public SourceLocationSpec LocationOf(XmlSchemaObject schemaObject)
    {
        if (schemaObject.SourceUri is { } uri && _includedFiles.TryGetValue(uri, out var included))
        {
            return LocationOf(included.Anchor);
        }

        return schemaObject.LineNumber > 0 ? Locate(schemaObject.LineNumber, schemaObject.LinePosition) : SourceLocationSpec.At(_filePath, 0, 0, 0, 0);
    }

    /// <summary>Reports at the start tag of <paramref name="schemaObject"/> (or at the include that loads its file).</summary>
    public void Report(string id, XmlSchemaObject schemaObject, string message)
        => Report(id, schemaObject.SourceUri, schemaObject.LineNumber, schemaObject.LinePosition, message);

    /// <summary>Reports a schema exception at its position, or at its schema object's when the exception has none.</summary>
    public void Report(string id, XmlSchemaException exception)
    {
        var message = WithoutPositionSuffix(exception.Message, exception.LineNumber, exception.LinePosition);
        if (exception.LineNumber <= 0 && exception.SourceSchemaObject is { } schemaObject)
        {
            Report(id, schemaObject, message);
        }
        else
        {
            Report(id, exception.SourceUri, exception.LineNumber, exception.LinePosition, message);
        }
    }

    /// <summary>Reports a well-formedness error at its position in the file with <paramref name="sourceUri"/>.</summary>
    public void Report(string id, string? sourceUri, XmlException exception)
        => Report(id, sourceUri, exception.LineNumber, exception.LinePosition, WithoutPositionSuffix(exception.Message, exception.LineNumber, exception.LinePosition));

    public void ReportAtStart(string id, string message) => Add(id, SourceLocationSpec.At(_filePath, 0, 0, 0, 0), message);

    /// <summary>The diagnostics in file order (stable, so diagnostics at one place keep the order they were found in).</summary>
    public EquatableArray<DiagnosticSpec> ToEquatableArray() => _diagnostics.OrderBy(d => d.Location?.Start ?? 0).ToEquatableArray();

    private void Add(string id, SourceLocationSpec location, string message)
    {
        var diagnostic = DiagnosticSpec.Create(id, location, message);
        if (_seen.Add(diagnostic))
        {
            _diagnostics.Add(diagnostic);
        }
    }

    /// <summary>The location of the XML name (a tag or attribute name) at the position, or an empty span when there is none.</summary>
    private SourceLocationSpec Locate(int lineNumber, int linePosition)
    {
        var (offset, line, column) = _lineMap.GetOffset(lineNumber, linePosition);
        var end = offset;
        while (end < _text.Length && (XmlConvert.IsNCNameChar(_text[end]) || _text[end] == ':'))
        {
            end++;
        }

        return SourceLocationSpec.At(_filePath, offset, end - offset, line, column);
    }

    /// <summary>XmlReader reports a prohibited DTD without a position; point at the <c>&lt;!DOCTYPE</c>.</summary>
    private SourceLocationSpec LocateUnknown(string message)
    {
        var doctype = message.IndexOf("DTD", StringComparison.Ordinal) >= 0 ? _text.IndexOf("<!DOCTYPE", StringComparison.Ordinal) : -1;
        if (doctype < 0)
        {
            return SourceLocationSpec.At(_filePath, 0, 0, 0, 0);
        }

        var (line, column) = _lineMap.GetPosition(doctype);
        return SourceLocationSpec.At(_filePath, doctype, "<!DOCTYPE".Length, line, column);
    }

    /// <summary>XmlException messages end with " Line 3, position 7."; the location says that already.</summary>
    private static string WithoutPositionSuffix(string message, int lineNumber, int linePosition)
    {
        var suffix = string.Format(CultureInfo.InvariantCulture, " Line {0}, position {1}.", lineNumber, linePosition);
        return message.EndsWith(suffix, StringComparison.Ordinal) ? message.Substring(0, message.Length - suffix.Length) : message;
    }
}
