using System;
using System.Globalization;
using System.Text;

namespace QualysGen.Benchmarks.Inputs;

/// <summary>
/// Writes XML the way the QPS REST API (<c>/qps/rest/3.0/...</c>) serves it, as in the recorded responses of
/// shared/reference/samples/recorded: an XML declaration, no DOCTYPE, the root with <c>xmlns:xsi</c> and
/// <c>xsi:noNamespaceSchemaLocation</c> naming the XSD, two-space indentation, free text in a CDATA section inline
/// (<c>&lt;name&gt;&lt;![CDATA[...]]&gt;&lt;/name&gt;</c>), flags as <c>true</c>/<c>false</c>, date-times in UTC with the <c>Z</c>.
/// </summary>
internal sealed class QpsXmlWriter
{
    private readonly StringBuilder _builder = new();
    private readonly string _root;
    private int _depth;

    public QpsXmlWriter(string root, string schemaUrl)
    {
        _root = root;
        _builder.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        _builder.Append('<').Append(root)
            .Append(" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:noNamespaceSchemaLocation=\"")
            .Append(schemaUrl).Append("\">\n");
        _depth = 1;
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

    /// <summary>A text element, escaped; nothing when <paramref name="value"/> is null.</summary>
    public void Text(string name, string? value)
    {
        if (value is null)
        {
            return;
        }

        Indent().Append('<').Append(name).Append('>');
        Escape(value);
        _builder.Append("</").Append(name).Append(">\n");
    }

    public void Text(string name, long? value) => Text(name, value?.ToString(CultureInfo.InvariantCulture));

    public void Text(string name, int? value) => Text(name, value?.ToString(CultureInfo.InvariantCulture));

    /// <summary>An <c>xs:boolean</c> as QPS writes it: <c>true</c> or <c>false</c>.</summary>
    public void Flag(string name, bool? value) => Text(name, value is null ? null : value.Value ? "true" : "false");

    /// <summary>An <c>xs:dateTime</c> as QPS writes it: UTC, whole seconds, with the <c>Z</c>.</summary>
    public void Utc(string name, DateTimeOffset? value)
        => Text(name, value?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));

    /// <summary>A <c>Cdata</c>-typed element: the text in a CDATA section on the element's line.</summary>
    public void Cdata(string name, string? value, string? attribute = null, string? attributeValue = null)
    {
        if (value is null)
        {
            return;
        }

        if (value.Contains("]]>", StringComparison.Ordinal))
        {
            throw new ArgumentException("A CDATA section cannot hold ']]>'.", nameof(value));
        }

        Indent().Append('<').Append(name);
        if (attribute is not null && attributeValue is not null)
        {
            _builder.Append(' ').Append(attribute).Append("=\"").Append(attributeValue).Append('"');
        }

        _builder.Append("><![CDATA[").Append(value).Append("]]></").Append(name).Append(">\n");
    }

    public byte[] ToUtf8()
    {
        _builder.Append("</").Append(_root).Append(">\n");
        return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(_builder.ToString());
    }

    private StringBuilder Indent() => _builder.Append(' ', _depth * 2);

    private void Escape(string value)
    {
        foreach (var c in value)
        {
            _ = c switch
            {
                '&' => _builder.Append("&amp;"),
                '<' => _builder.Append("&lt;"),
                '>' => _builder.Append("&gt;"),
                _ => _builder.Append(c),
            };
        }
    }
}
