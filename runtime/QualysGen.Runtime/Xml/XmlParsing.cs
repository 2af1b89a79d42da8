using System;
using System.ComponentModel;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using System.Xml;

namespace QualysGen.Xml;

/// <summary>
/// The reader settings and value conversions that generated parsers share. Not meant to be called by hand;
/// its shape may change between versions together with the generator.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class XmlParsing
{
    private static readonly string[] DateTimeFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd",
    ];

    /// <summary>
    /// Settings for reading a Qualys response: a DOCTYPE is skipped and never resolved, no resolver is
    /// set so no external resource is ever read, and whitespace, comments and processing instructions
    /// between elements are not reported.
    /// </summary>
    public static XmlReaderSettings CreateSettings(XmlNameTable nameTable, bool async) => new()
    {
        NameTable = nameTable,
        Async = async,
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        IgnoreWhitespace = true,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = false,
        MaxCharactersFromEntities = 0,
    };

    /// <summary>Positions a reader on the document element and checks that it is <paramref name="expectedRoot"/>.</summary>
    public static void MoveToRoot(XmlReader reader, string expectedRoot)
    {
        XmlNodeType nodeType;
        try
        {
            nodeType = reader.MoveToContent();
        }
        catch (XmlException exception)
        {
            throw Malformed(exception);
        }

        CheckRoot(reader, nodeType, expectedRoot);
    }

    /// <summary>The asynchronous form of <see cref="MoveToRoot"/>.</summary>
    public static async ValueTask MoveToRootAsync(XmlReader reader, string expectedRoot)
    {
        XmlNodeType nodeType;
        try
        {
            nodeType = await reader.MoveToContentAsync().ConfigureAwait(false);
        }
        catch (XmlException exception)
        {
            throw Malformed(exception);
        }

        CheckRoot(reader, nodeType, expectedRoot);
    }

    private static void CheckRoot(XmlReader reader, XmlNodeType nodeType, string expectedRoot)
    {
        if (nodeType != XmlNodeType.Element)
        {
            throw Error(reader, QualysXmlErrorKind.Malformed, $"Expected the root element <{expectedRoot}> but the document has no element");
        }

        if (!ReferenceEquals(reader.LocalName, expectedRoot) && reader.LocalName != expectedRoot)
        {
            throw Error(reader, QualysXmlErrorKind.UnexpectedRoot, $"Expected the root element <{expectedRoot}> but found <{reader.LocalName}>")
                .PrependPath(reader.LocalName);
        }
    }

    /// <summary>
    /// From the start tag of a container, moves to the start tag of its first child named <paramref name="name"/>, skipping
    /// other children. Returns false, positioned after the container, when there is none.
    /// </summary>
    public static bool ReadToChild(XmlReader reader, string name)
    {
        try
        {
            var empty = reader.IsEmptyElement;
            reader.Read();
            return !empty && FindSibling(reader, name);
        }
        catch (XmlException exception)
        {
            throw Malformed(exception);
        }
    }

    /// <summary>
    /// From a node inside a container, moves to the next element named <paramref name="name"/> at this level. Returns false,
    /// positioned after the container's end tag, when the container ends first.
    /// </summary>
    public static bool ReadToSibling(XmlReader reader, string name)
    {
        try
        {
            return FindSibling(reader, name);
        }
        catch (XmlException exception)
        {
            throw Malformed(exception);
        }
    }

    /// <summary>Throws when a reader ends inside an element (only a reader over a fragment or a subtree can).</summary>
    public static void EnsureNotAtEnd(XmlReader reader)
    {
        if (reader.NodeType == XmlNodeType.None)
        {
            throw Error(reader, QualysXmlErrorKind.Malformed, "The document ends inside an element");
        }
    }

    private static QualysXmlException Malformed(XmlException exception)
        => new(QualysXmlErrorKind.Malformed, "The response is not well-formed XML: " + exception.Message, exception.LineNumber, exception.LinePosition, exception);

    private static bool FindSibling(XmlReader reader, string name)
    {
        while (true)
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    if (ReferenceEquals(reader.LocalName, name))
                    {
                        return true;
                    }

                    reader.Skip();
                    break;
                case XmlNodeType.EndElement:
                    reader.Read();
                    return false;
                case XmlNodeType.None:
                    return false;
                default:
                    reader.Skip();
                    break;
            }
        }
    }

    /// <summary>
    /// Reads the text of the current element and moves past it. Whitespace at either end is removed: Qualys wraps CDATA
    /// values in indentation and pads some texts, and no value in its schemas has meaningful leading or trailing space.
    /// </summary>
    /// <param name="reader">The reader, on the element's start tag.</param>
    /// <param name="whenEmpty">The schema's default for the element, used when it is present but empty (XSD <c>default</c>).</param>
    public static string ReadString(XmlReader reader, string? whenEmpty = null) => Text(ReadContent(reader), whenEmpty);

    /// <summary>The asynchronous form of <see cref="ReadString"/>.</summary>
    public static async ValueTask<string> ReadStringAsync(XmlReader reader, string? whenEmpty = null)
        => Text(await reader.ReadElementContentAsStringAsync().ConfigureAwait(false), whenEmpty);

    /// <summary>
    /// The text of a text-only element, positioned after it. Faster than <see cref="XmlReader.ReadElementContentAsString()"/>
    /// for the usual case of one text or CDATA node, and the same otherwise: adjacent text nodes are joined, a child element
    /// is an error.
    /// </summary>
    private static string ReadContent(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return "";
        }

        reader.Read();
        string? first = null;
        StringBuilder? joined = null;
        while (true)
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Text:
                case XmlNodeType.CDATA:
                case XmlNodeType.Whitespace:
                case XmlNodeType.SignificantWhitespace:
                    if (first is null)
                    {
                        first = reader.Value;
                    }
                    else
                    {
                        (joined ??= new StringBuilder(first)).Append(reader.Value);
                    }

                    reader.Read();
                    break;
                case XmlNodeType.EndElement:
                    reader.Read();
                    return joined?.ToString() ?? first ?? "";
                case XmlNodeType.Comment:
                case XmlNodeType.ProcessingInstruction:
                    reader.Read();
                    break;
                default:
                    throw OnlyText(reader);
            }
        }
    }

    private static XmlException OnlyText(XmlReader reader)
    {
        var info = reader as IXmlLineInfo;
        return new XmlException(
            reader.NodeType == XmlNodeType.None ? "Unexpected end of the document." : $"Found <{reader.LocalName}> where only text is allowed.",
            null,
            info?.LineNumber ?? 0,
            info?.LinePosition ?? 0);
    }

    private static string Text(string content, string? whenEmpty)
    {
        var text = TrimEnds(content);
        return text.Length == 0 && whenEmpty is not null ? whenEmpty : text;
    }

    private static string TrimEnds(string text)
        => text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[text.Length - 1])) ? text.Trim() : text;

    private const int MaxCachedValueChars = 1024;

    [ThreadStatic]
    private static char[]? t_valueChars;

    /// <summary>
    /// The trimmed text of a text-only element whose value is parsed, not kept (numbers, flags, dates), positioned after it.
    /// The characters are copied with <see cref="XmlReader.ReadValueChunk"/> into a buffer reused on the thread, so no string
    /// is made for them; the span is valid until the next call on the thread. Same rules as <see cref="ReadContent"/>.
    /// </summary>
    private static ReadOnlySpan<char> ReadValue(XmlReader reader, string? whenEmpty)
    {
        if (!reader.CanReadValueChunk)
        {
            return Text(ReadContent(reader), whenEmpty).AsSpan();
        }

        if (reader.IsEmptyElement)
        {
            reader.Read();
            return whenEmpty.AsSpan();
        }

        reader.Read();
        var buffer = t_valueChars ??= new char[128];
        var length = 0;
        while (true)
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Text:
                case XmlNodeType.CDATA:
                case XmlNodeType.Whitespace:
                case XmlNodeType.SignificantWhitespace:
                    int count;
                    while ((count = reader.ReadValueChunk(buffer, length, buffer.Length - length)) > 0)
                    {
                        length += count;
                        if (length == buffer.Length)
                        {
                            Array.Resize(ref buffer, buffer.Length * 2);
                            if (buffer.Length <= MaxCachedValueChars)
                            {
                                t_valueChars = buffer;
                            }
                        }
                    }

                    reader.Read();
                    break;
                case XmlNodeType.EndElement:
                    reader.Read();
                    var value = buffer.AsSpan(0, length).Trim();
                    return value.IsEmpty && whenEmpty is not null ? whenEmpty.AsSpan() : value;
                case XmlNodeType.Comment:
                case XmlNodeType.ProcessingInstruction:
                    reader.Read();
                    break;
                default:
                    throw OnlyText(reader);
            }
        }
    }

    /// <summary>Reads the text of the current element as an <see cref="int"/>.</summary>
    public static int ReadInt32(XmlReader reader, string? whenEmpty = null)
    {
        var (name, line, position) = Where(reader);
        return ParseInt32(ReadValue(reader, whenEmpty), name, line, position);
    }

    /// <summary>Reads the text of the current element as an <see cref="int"/>.</summary>
    public static async ValueTask<int> ReadInt32Async(XmlReader reader, string? whenEmpty = null)
    {
        var (name, line, position) = Where(reader);
        return ParseInt32(Text(await reader.ReadElementContentAsStringAsync().ConfigureAwait(false), whenEmpty).AsSpan(), name, line, position);
    }

    /// <summary>Reads the text of the current element as a <see cref="long"/>.</summary>
    public static long ReadInt64(XmlReader reader, string? whenEmpty = null)
    {
        var (name, line, position) = Where(reader);
        return ParseInt64(ReadValue(reader, whenEmpty), name, line, position);
    }

    /// <summary>Reads the text of the current element as a <see cref="long"/>.</summary>
    public static async ValueTask<long> ReadInt64Async(XmlReader reader, string? whenEmpty = null)
    {
        var (name, line, position) = Where(reader);
        return ParseInt64(Text(await reader.ReadElementContentAsStringAsync().ConfigureAwait(false), whenEmpty).AsSpan(), name, line, position);
    }

    /// <summary>Reads the text of the current element as a <see cref="decimal"/>.</summary>
    public static decimal ReadDecimal(XmlReader reader, string? whenEmpty = null)
    {
        var (name, line, position) = Where(reader);
        return ParseDecimal(ReadValue(reader, whenEmpty), name, line, position);
    }

    /// <summary>Reads the text of the current element as a <see cref="decimal"/>.</summary>
    public static async ValueTask<decimal> ReadDecimalAsync(XmlReader reader, string? whenEmpty = null)
    {
        var (name, line, position) = Where(reader);
        return ParseDecimal(Text(await reader.ReadElementContentAsStringAsync().ConfigureAwait(false), whenEmpty).AsSpan(), name, line, position);
    }

    /// <summary>Reads the text of the current element as a flag: <c>1</c>/<c>0</c> (classic API) or <c>true</c>/<c>false</c> (QPS).</summary>
    public static bool ReadBoolean(XmlReader reader, string? whenEmpty = null)
    {
        var (name, line, position) = Where(reader);
        return ParseBoolean(ReadValue(reader, whenEmpty), name, line, position);
    }

    /// <summary>Reads the text of the current element as a flag.</summary>
    public static async ValueTask<bool> ReadBooleanAsync(XmlReader reader, string? whenEmpty = null)
    {
        var (name, line, position) = Where(reader);
        return ParseBoolean(Text(await reader.ReadElementContentAsStringAsync().ConfigureAwait(false), whenEmpty).AsSpan(), name, line, position);
    }

    /// <summary>Reads the text of the current element as a UTC date and time, with or without the <c>Z</c>.</summary>
    public static DateTimeOffset ReadDateTimeOffset(XmlReader reader, string? whenEmpty = null)
    {
        var (name, line, position) = Where(reader);
        return ParseDateTimeOffset(ReadValue(reader, whenEmpty), name, line, position);
    }

    /// <summary>Reads the text of the current element as a UTC date and time.</summary>
    public static async ValueTask<DateTimeOffset> ReadDateTimeOffsetAsync(XmlReader reader, string? whenEmpty = null)
    {
        var (name, line, position) = Where(reader);
        return ParseDateTimeOffset(Text(await reader.ReadElementContentAsStringAsync().ConfigureAwait(false), whenEmpty).AsSpan(), name, line, position);
    }

    /// <summary>Parses the value of the attribute the reader is on as an <see cref="int"/>.</summary>
    public static int AttributeInt32(XmlReader reader)
    {
        var (name, line, position) = Where(reader);
        return ParseInt32(reader.Value.AsSpan(), "@" + name, line, position);
    }

    /// <summary>Parses the value of the attribute the reader is on as a <see cref="long"/>.</summary>
    public static long AttributeInt64(XmlReader reader)
    {
        var (name, line, position) = Where(reader);
        return ParseInt64(reader.Value.AsSpan(), "@" + name, line, position);
    }

    /// <summary>Parses the value of the attribute the reader is on as a <see cref="decimal"/>.</summary>
    public static decimal AttributeDecimal(XmlReader reader)
    {
        var (name, line, position) = Where(reader);
        return ParseDecimal(reader.Value.AsSpan(), "@" + name, line, position);
    }

    /// <summary>Parses the value of the attribute the reader is on as a flag.</summary>
    public static bool AttributeBoolean(XmlReader reader)
    {
        var (name, line, position) = Where(reader);
        return ParseBoolean(reader.Value.AsSpan(), "@" + name, line, position);
    }

    /// <summary>Parses the value of the attribute the reader is on as a UTC date and time.</summary>
    public static DateTimeOffset AttributeDateTimeOffset(XmlReader reader)
    {
        var (name, line, position) = Where(reader);
        return ParseDateTimeOffset(reader.Value.AsSpan(), "@" + name, line, position);
    }

    /// <summary>The exception for a required child element that did not come.</summary>
    public static QualysXmlException MissingElement(XmlReader reader, string element)
        => Error(reader, QualysXmlErrorKind.MissingElement, $"The required element <{element}> is missing");

    /// <summary>The exception for a required choice of which no branch came.</summary>
    public static QualysXmlException MissingChoice(XmlReader reader, string elements)
        => Error(reader, QualysXmlErrorKind.MissingElement, $"One of the elements {elements} is required but none is present");

    /// <summary>The exception for a required attribute that is absent.</summary>
    public static QualysXmlException MissingAttribute(XmlReader reader, string attribute)
        => Error(reader, QualysXmlErrorKind.MissingAttribute, $"The required attribute '{attribute}' is missing");

    private static QualysXmlException Error(XmlReader reader, QualysXmlErrorKind kind, string detail)
    {
        var info = reader as IXmlLineInfo;
        return new QualysXmlException(kind, detail, info?.LineNumber ?? 0, info?.LinePosition ?? 0);
    }

    private static (string Name, int Line, int Position) Where(XmlReader reader)
    {
        // Captured before the value is read, so that an error points at the element, not past it.
        var info = reader as IXmlLineInfo;
        return (reader.LocalName, info?.LineNumber ?? 0, info?.LinePosition ?? 0);
    }

    private static int ParseInt32(ReadOnlySpan<char> text, string name, int line, int position)
        => int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw InvalidValue(text, "a 32-bit integer", name, line, position);

    private static long ParseInt64(ReadOnlySpan<char> text, string name, int line, int position)
        => long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw InvalidValue(text, "a 64-bit integer", name, line, position);

    private static decimal ParseDecimal(ReadOnlySpan<char> text, string name, int line, int position)
        => decimal.TryParse(text.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw InvalidValue(text, "a decimal number", name, line, position);

    private static bool ParseBoolean(ReadOnlySpan<char> text, string name, int line, int position)
    {
        var span = text.Trim();
        if (span.Length == 1)
        {
            if (span[0] == '1')
            {
                return true;
            }

            if (span[0] == '0')
            {
                return false;
            }
        }
        else if (span.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        else if (span.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        throw InvalidValue(text, "a flag (0|1 or true|false)", name, line, position);
    }

    private static DateTimeOffset ParseDateTimeOffset(ReadOnlySpan<char> text, string name, int line, int position)
        => TryParseUtcFast(text.Trim(), out var fast)
            ? fast
            : DateTimeOffset.TryParseExact(
            text.Trim(),
            DateTimeFormats,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out var value)
            ? value
            : throw InvalidValue(text, "a date and time (yyyy-MM-ddTHH:mm:ss, UTC)", name, line, position);

    /// <summary>
    /// The layout Qualys sends, <c>yyyy-MM-ddTHH:mm:ss</c> with or without a <c>Z</c>, read from the digits: the general
    /// <see cref="DateTimeOffset.TryParseExact(ReadOnlySpan{char}, string[], IFormatProvider, DateTimeStyles, out DateTimeOffset)"/>
    /// costs a culture lookup per value. Anything else (fractions, offsets, dates alone) goes the general way.
    /// </summary>
    private static bool TryParseUtcFast(ReadOnlySpan<char> text, out DateTimeOffset value)
    {
        value = default;
        if (!(text.Length == 19 || (text.Length == 20 && text[19] == 'Z'))
            || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':')
        {
            return false;
        }

        if (!Digits(text, 0, 4, out var year) || !Digits(text, 5, 2, out var month) || !Digits(text, 8, 2, out var day)
            || !Digits(text, 11, 2, out var hour) || !Digits(text, 14, 2, out var minute) || !Digits(text, 17, 2, out var second)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        value = new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero);
        return true;

        static bool Digits(ReadOnlySpan<char> text, int start, int count, out int number)
        {
            number = 0;
            for (var i = start; i < start + count; i++)
            {
                var digit = text[i] - '0';
                if ((uint)digit > 9)
                {
                    return false;
                }

                number = (number * 10) + digit;
            }

            return true;
        }
    }

    private static QualysXmlException InvalidValue(ReadOnlySpan<char> text, string expected, string name, int line, int position)
    {
        var shown = text.Length > 64 ? string.Concat(text.Slice(0, 64), "…") : text.ToString();
        return new QualysXmlException(QualysXmlErrorKind.InvalidValue, $"'{shown}' is not {expected}", line, position).PrependPath(name);
    }

    /// <summary>Creates a reader over a response stream with the given settings (from <see cref="CreateSettings"/>).</summary>
    public static XmlReader CreateReader(Stream stream, XmlReaderSettings settings) => XmlReader.Create(stream, settings);
}
