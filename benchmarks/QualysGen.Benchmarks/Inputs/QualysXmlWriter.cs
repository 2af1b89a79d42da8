using System;
using System.Globalization;
using System.Text;

namespace QualysGen.Benchmarks.Inputs;

/// <summary>
/// Writes XML the way Qualys serves it: an XML declaration and a DOCTYPE naming the DTD, four-space indentation, and
/// free text in CDATA sections on their own indented line (so that the values carry whitespace around them that a
/// parser has to drop). <see cref="System.Xml.XmlWriter"/> cannot be told to lay CDATA out like that.
/// </summary>
internal sealed class QualysXmlWriter
{
    private readonly StringBuilder _builder = new();
    private int _depth;

    public QualysXmlWriter(string root, string dtdUrl)
    {
        _builder.Append("<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n");
        _builder.Append("<!DOCTYPE ").Append(root).Append(" SYSTEM \"").Append(dtdUrl).Append("\">\n");
    }

    public void Start(string name)
    {
        Indent().Append('<').Append(name).Append(">\n");
        _depth++;
    }

    public void End(string name)
    {
        _depth--;
        Indent().Append("</").Append(name).Append(">\n");
    }

    /// <summary>An element without content, with attributes (name, value; a null value is left out).</summary>
    public void Empty(string name, params (string Name, string? Value)[] attributes)
    {
        Indent().Append('<').Append(name);
        foreach (var (attribute, value) in attributes)
        {
            if (value is not null)
            {
                _builder.Append(' ').Append(attribute).Append("=\"");
                Escape(value, attribute: true);
                _builder.Append('"');
            }
        }

        _builder.Append(" />\n");
    }

    public void Text(string name, string? value)
    {
        if (value is null)
        {
            return;
        }

        Indent().Append('<').Append(name).Append('>');
        Escape(value, attribute: false);
        _builder.Append("</").Append(name).Append(">\n");
    }

    public void Text(string name, long? value) => Text(name, value?.ToString(CultureInfo.InvariantCulture));

    public void Text(string name, int? value) => Text(name, value?.ToString(CultureInfo.InvariantCulture));

    /// <summary>A flag as the classic API writes it: <c>0</c> or <c>1</c>.</summary>
    public void Flag(string name, bool? value) => Text(name, value is null ? null : value.Value ? "1" : "0");

    /// <summary>A UTC date-time; <paramref name="withZ"/> false writes it as NEXTLAUNCH_UTC comes, without the zone.</summary>
    public void Utc(string name, DateTimeOffset? value, bool withZ = true)
        => Text(name, value?.UtcDateTime.ToString(withZ ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));

    public void Cdata(string name, string? value)
    {
        if (value is null)
        {
            return;
        }

        Indent().Append('<').Append(name).Append(">\n");
        _depth++;
        Indent().Append("<![CDATA[").Append(value).Append("]]>\n");
        _depth--;
        Indent().Append("</").Append(name).Append(">\n");
    }

    public void Cdata(string name, long? value) => Cdata(name, value?.ToString(CultureInfo.InvariantCulture));

    public byte[] ToUtf8() => new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(_builder.ToString());

    private StringBuilder Indent() => _builder.Append(' ', _depth * 4);

    private void Escape(string value, bool attribute)
    {
        foreach (var c in value)
        {
            _ = c switch
            {
                '&' => _builder.Append("&amp;"),
                '<' => _builder.Append("&lt;"),
                '>' => _builder.Append("&gt;"),
                '"' when attribute => _builder.Append("&quot;"),
                _ => _builder.Append(c),
            };
        }
    }
}
