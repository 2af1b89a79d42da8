using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml;
using QualysGen.Tool.Surface;
using QualysGen.Xml;

namespace QualysGen.Tool.Checking;

/// <summary>
/// Walks a recorded response with an <see cref="XmlReader"/> (DTD processing ignored, no resolver) against the API its schema
/// generates, the way the generated parsers read it: elements by local name in any order, values through the runtime's own
/// <see cref="XmlParsing"/> conversions, enums by their text as sent. It reports drift (undeclared elements and attributes,
/// unknown enum values, repeats of single elements) and deviations (missing required elements and attributes, values that do not
/// parse), each with its path from the root and its line, and for a deviation the nearest enclosing element a parser would leave out.
/// </summary>
internal sealed class ResponseChecker
{
    private const string SchemaInstance = "http://www.w3.org/2001/XMLSchema-instance";
    private const string XmlNamespaces = "http://www.w3.org/2000/xmlns/";

    private readonly Dictionary<string, ApiType> _types;
    private readonly List<(QualysXmlDriftKind Kind, string Path, string? Value)> _driftOrder = new();
    private readonly Dictionary<(QualysXmlDriftKind Kind, string Path, string? Value), (int Line, int Position, int Count)> _drift = new();
    private readonly List<QualysXmlDeviation> _deviations = new();
    private readonly XmlReader _reader;

    private ResponseChecker(ApiSurface schema, XmlReader reader)
    {
        _types = schema.Types.ToDictionary(t => t.Name, StringComparer.Ordinal);
        _reader = reader;
    }

    private int Line => (_reader as IXmlLineInfo)?.LineNumber ?? 0;

    private int Position => (_reader as IXmlLineInfo)?.LinePosition ?? 0;

    /// <summary>Checks the response in <paramref name="xml"/>; <paramref name="file"/> names it in the result.</summary>
    /// <exception cref="Cli.ToolException">Its root is not a root of the schema.</exception>
    public static CheckResult Check(ApiSurface schema, string file, TextReader xml)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = true,
        };
        using var reader = XmlReader.Create(xml, settings);
        var checker = new ResponseChecker(schema, reader);
        var root = "";
        try
        {
            if (reader.MoveToContent() != XmlNodeType.Element)
            {
                throw new XmlException("The file has no root element.");
            }

            root = reader.LocalName;
            var apiRoot = schema.Roots.FirstOrDefault(r => r.XmlName == root)
                ?? throw new Cli.ToolException($"{file}: <{root}> is not a root of {schema.FileName} (its roots: {string.Join(", ", schema.Roots.Select(r => r.XmlName))}). Give the right one with --schema.");
            checker.Element(checker._types[apiRoot.TypeName], "/" + root, "/" + root);
        }
        catch (XmlException exception)
        {
            checker._deviations.Add(new QualysXmlDeviation(QualysXmlErrorKind.Malformed, "Not well-formed XML: " + exception.Message, "/" + root, exception.LineNumber, exception.LinePosition, "/" + root, null));
        }

        var drift = checker._driftOrder.Select(k =>
        {
            var (line, position, count) = checker._drift[k];
            return new QualysXmlDrift(k.Kind, k.Path, line, position, count, k.Value);
        }).ToList();
        return new CheckResult(file, root, schema.FileName, drift, checker._deviations);
    }

    private void Drift(QualysXmlDriftKind kind, string path, string? value = null)
    {
        var key = (kind, path, value);
        if (_drift.TryGetValue(key, out var seen))
        {
            _drift[key] = (seen.Line, seen.Position, seen.Count + 1);
        }
        else
        {
            _driftOrder.Add(key);
            _drift[key] = (Line, Position, 1);
        }
    }

    private void Deviation(QualysXmlErrorKind kind, string detail, string path, int line, int position, string omittable)
        => _deviations.Add(new QualysXmlDeviation(kind, detail, path, line, position, omittable, null));

    /// <summary>Checks the element the reader is on against <paramref name="type"/> and moves past it.</summary>
    private void Element(ApiType type, string path, string omittable)
    {
        var (line, position) = (Line, Position);
        Attributes(type, path, omittable, line, position);
        if (type.Text == ApiTextKind.Any)
        {
            _reader.Skip();
            return;
        }

        if (type.Text == ApiTextKind.Value && type.Members.FirstOrDefault(m => m.Source == ApiMemberSource.Text) is { } text)
        {
            Value(text, path, omittable);
            return;
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        if (_reader.IsEmptyElement)
        {
            _reader.Read();
        }
        else
        {
            _reader.Read();
            while (_reader.NodeType != XmlNodeType.EndElement && !_reader.EOF)
            {
                if (_reader.NodeType != XmlNodeType.Element)
                {
                    _reader.Read();
                    continue;
                }

                Child(type, path, omittable, seen);
            }

            _reader.Read();
        }

        foreach (var member in type.Members.Where(m => m.Required && m.Source is ApiMemberSource.Child or ApiMemberSource.WrappedList && !seen.ContainsKey(m.Name)))
        {
            Deviation(QualysXmlErrorKind.MissingElement, $"The required element <{member.XmlName}> is missing", path + "/" + member.XmlName, line, position, omittable);
        }

        for (var i = 0; i < type.Choices.Count; i++)
        {
            var index = i;
            if (type.Choices[i].Required && !type.Members.Any(m => m.ChoiceIndex == index && seen.ContainsKey(m.Name)))
            {
                var names = string.Join(", ", type.Choices[i].Branches.SelectMany(b => b.XmlNames).Select(n => $"<{n}>"));
                Deviation(QualysXmlErrorKind.MissingElement, $"One of the elements {names} is required but none is present", path, line, position, omittable);
            }
        }
    }

    private void Attributes(ApiType type, string path, string omittable, int line, int position)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (_reader.MoveToFirstAttribute())
        {
            do
            {
                if (_reader.NamespaceURI is SchemaInstance or XmlNamespaces)
                {
                    continue;
                }

                var attributePath = path + "/@" + _reader.LocalName;
                var member = type.Members.FirstOrDefault(m => m.Source == ApiMemberSource.Attribute && m.XmlName == _reader.LocalName);
                if (member is null)
                {
                    Drift(QualysXmlDriftKind.UndeclaredAttribute, attributePath);
                    continue;
                }

                seen.Add(member.Name);
                try
                {
                    AttributeValue(member, attributePath);
                }
                catch (QualysXmlException exception)
                {
                    Deviation(QualysXmlErrorKind.InvalidValue, exception.Detail, attributePath, Line, Position, omittable);
                }
            }
            while (_reader.MoveToNextAttribute());

            _reader.MoveToElement();
        }

        foreach (var member in type.Members.Where(m => m.Source == ApiMemberSource.Attribute && m.Required && !seen.Contains(m.Name)))
        {
            Deviation(QualysXmlErrorKind.MissingAttribute, $"The required attribute '{member.XmlName}' is missing", path + "/@" + member.XmlName, line, position, omittable);
        }
    }

    private void AttributeValue(ApiMember member, string path)
    {
        // As the parsers: an optional typed attribute sent empty has no value; an enum keeps its text (and empty is unknown).
        if (!member.Required && member.Value != ApiValueKind.Enum && XmlParsing.IsBlank(_reader))
        {
            return;
        }

        switch (member.Value)
        {
            case ApiValueKind.Int32:
                XmlParsing.AttributeInt32(_reader);
                break;
            case ApiValueKind.Int64:
                XmlParsing.AttributeInt64(_reader);
                break;
            case ApiValueKind.Decimal:
                XmlParsing.AttributeDecimal(_reader);
                break;
            case ApiValueKind.Boolean:
                XmlParsing.AttributeBoolean(_reader);
                break;
            case ApiValueKind.DateTimeOffset:
                XmlParsing.AttributeDateTimeOffset(_reader);
                break;
            case ApiValueKind.Enum:
                EnumValue(member, path, _reader.Value);
                break;
        }
    }

    private void Child(ApiType parent, string path, string omittable, Dictionary<string, int> seen)
    {
        var name = _reader.LocalName;
        var childPath = path + "/" + name;
        var member = parent.Members.FirstOrDefault(m => m.Source is ApiMemberSource.Child or ApiMemberSource.Presence or ApiMemberSource.WrappedList && m.XmlName == name);
        if (member is null)
        {
            Drift(QualysXmlDriftKind.UndeclaredElement, childPath);
            _reader.Skip();
            return;
        }

        seen[member.Name] = seen.TryGetValue(member.Name, out var count) ? count + 1 : 1;
        if (seen[member.Name] > 1 && (!member.IsList || member.Source == ApiMemberSource.WrappedList))
        {
            Drift(QualysXmlDriftKind.RepeatedElement, childPath);
            _reader.Skip();
            return;
        }

        // What a parser leaves out when this element breaks the schema: the element itself when the schema lets it be absent
        // (optional, or one item of a list), else what encloses it.
        var childOmittable = member.Required && !member.IsList ? omittable : childPath;
        switch (member.Source)
        {
            case ApiMemberSource.Presence:
                _reader.Skip();
                break;
            case ApiMemberSource.WrappedList:
                Wrapper(member, childPath);
                break;
            default:
                if (member.Value == ApiValueKind.Object)
                {
                    Element(_types[member.ItemType!], childPath, childOmittable);
                }
                else
                {
                    Value(member, childPath, childOmittable);
                }

                break;
        }
    }

    private void Wrapper(ApiMember member, string path)
    {
        if (_reader.MoveToFirstAttribute())
        {
            do
            {
                if (_reader.NamespaceURI is not (SchemaInstance or XmlNamespaces))
                {
                    Drift(QualysXmlDriftKind.UndeclaredAttribute, path + "/@" + _reader.LocalName);
                }
            }
            while (_reader.MoveToNextAttribute());

            _reader.MoveToElement();
        }

        if (_reader.IsEmptyElement)
        {
            _reader.Read();
            return;
        }

        _reader.Read();
        while (_reader.NodeType != XmlNodeType.EndElement && !_reader.EOF)
        {
            if (_reader.NodeType != XmlNodeType.Element)
            {
                _reader.Read();
                continue;
            }

            var itemPath = path + "/" + _reader.LocalName;
            if (_reader.LocalName != member.ItemXmlName)
            {
                Drift(QualysXmlDriftKind.UndeclaredElement, itemPath);
                _reader.Skip();
            }
            else if (member.Value == ApiValueKind.Object)
            {
                Element(_types[member.ItemType!], itemPath, itemPath);
            }
            else
            {
                Value(member, itemPath, itemPath);
            }
        }

        _reader.Read();
    }

    /// <summary>Reads the text of the element the reader is on as the parser would, inside a subtree so a failure cannot lose the place.</summary>
    private void Value(ApiMember member, string path, string omittable)
    {
        using (var element = _reader.ReadSubtree())
        {
            element.Read();
            try
            {
                // As the parsers: an optional typed element sent empty has no value (null); a required one must parse.
                var optional = !member.Required;
                switch (member.Value)
                {
                    case ApiValueKind.Int32:
                        _ = optional ? XmlParsing.ReadOptionalInt32(element) : XmlParsing.ReadInt32(element);
                        break;
                    case ApiValueKind.Int64:
                        _ = optional ? XmlParsing.ReadOptionalInt64(element) : XmlParsing.ReadInt64(element);
                        break;
                    case ApiValueKind.Decimal:
                        _ = optional ? XmlParsing.ReadOptionalDecimal(element) : XmlParsing.ReadDecimal(element);
                        break;
                    case ApiValueKind.Boolean:
                        _ = optional ? XmlParsing.ReadOptionalBoolean(element) : XmlParsing.ReadBoolean(element);
                        break;
                    case ApiValueKind.DateTimeOffset:
                        _ = optional ? XmlParsing.ReadOptionalDateTimeOffset(element) : XmlParsing.ReadDateTimeOffset(element);
                        break;
                    case ApiValueKind.Enum:
                        EnumValue(member, path, XmlParsing.ReadString(element));
                        break;
                    default:
                        XmlParsing.ReadString(element);
                        break;
                }
            }
            catch (QualysXmlException exception)
            {
                Deviation(exception.Kind == QualysXmlErrorKind.Malformed ? QualysXmlErrorKind.InvalidValue : exception.Kind, exception.Detail, path, exception.LineNumber, exception.LinePosition, omittable);
            }
        }

        _reader.Read();
    }

    private void EnumValue(ApiMember member, string path, string value)
    {
        if (_types.TryGetValue(member.ItemType!, out var @enum) && !@enum.EnumMembers.Any(m => m.XmlValue == value))
        {
            Drift(QualysXmlDriftKind.UnknownEnumValue, path, value);
        }
    }
}
