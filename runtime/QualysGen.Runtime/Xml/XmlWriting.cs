using System;
using System.ComponentModel;
using System.Globalization;
using System.IO;
using System.Text;
using System.Xml;

namespace QualysGen.Xml;

/// <summary>
/// The writer settings and value formats that generated request-body writers share. Not meant to be called by hand;
/// its shape may change between versions together with the generator.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class XmlWriting
{
    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = false,
        CloseOutput = false,
        OmitXmlDeclaration = false,
        NewLineHandling = NewLineHandling.Entitize,
    };

    /// <summary>A writer over <paramref name="stream"/>: UTF-8 without a byte order mark, an XML declaration, no indentation.</summary>
    public static XmlWriter CreateWriter(Stream stream) => XmlWriter.Create(stream, Settings);

    /// <summary>A writer into <paramref name="builder"/>, for <c>ToXml()</c>.</summary>
    public static XmlWriter CreateWriter(StringBuilder builder)
        => XmlWriter.Create(builder, new XmlWriterSettings { Indent = false, OmitXmlDeclaration = true });

    /// <summary>Formats a 32-bit integer.</summary>
    public static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Formats a 64-bit integer.</summary>
    public static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Formats a decimal number.</summary>
    public static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Formats a flag as XML Schema spells it (<c>true</c>/<c>false</c>), which is what the QPS API takes.</summary>
    public static string Format(bool value) => value ? "true" : "false";

    /// <summary>Formats a date and time in UTC, <c>yyyy-MM-ddTHH:mm:ssZ</c> (fractions only when there are any).</summary>
    public static string Format(DateTimeOffset value)
        => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    /// <summary>The exception for an enum value with no text to send (an <c>Unknown</c> without the text it was read from).</summary>
    public static ArgumentException UnknownEnumValue(string property)
        => new($"'{property}' is Unknown and has no raw text to send; set it to a value the schema lists.", property);
}
