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
    public static XmlReaderSettings CreateSettings(XmlNameTable nameTable) => new()
    {
        NameTable = nameTable,
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

    /// <summary>Positions a reader on the document element, checks that it is <paramref name="expectedRoot"/>, and starts the
    /// parse's paths and depths there.</summary>
    public static void MoveToRoot(XmlReader reader, string expectedRoot, XmlParseContext context)
    {
        MoveToRoot(reader, expectedRoot);
        context.Start(reader);
    }

    /// <summary>
    /// Whether an exception from inside <see cref="XmlReader"/> means the bytes are not a readable XML document: the reader
    /// reports most such input as <see cref="XmlException"/>, but some (an invalid byte sequence in the XML declaration, bad
    /// UTF-8 after a byte order mark) escape it as an argument, decoder or state error. I/O failures of the stream and
    /// cancellation are not faults of the document and are left alone.
    /// </summary>
    public static bool IsDocumentFault(Exception exception)
        => exception is XmlException or ArgumentException or InvalidOperationException or FormatException or IndexOutOfRangeException
            && exception is not ObjectDisposedException;

    /// <summary>The <see cref="QualysXmlException"/> for a document the reader could not read (see <see cref="IsDocumentFault"/>).</summary>
    public static QualysXmlException Malformed(Exception exception)
        => exception is XmlException xml
            ? Malformed(xml)
            : new QualysXmlException(QualysXmlErrorKind.Malformed, "The response is not readable XML: " + exception.Message, 0, 0, exception);

    /// <summary>
    /// After the root element: reads what follows it to the end of the document, so that a document with anything but
    /// comments, processing instructions and whitespace after its root fails here as it fails every other reader.
    /// </summary>
    public static void ReadToEnd(XmlReader reader)
    {
        try
        {
            while (reader.Read())
            {
                if (reader.NodeType is not (XmlNodeType.Whitespace or XmlNodeType.Comment or XmlNodeType.ProcessingInstruction or XmlNodeType.SignificantWhitespace))
                {
                    throw Error(reader, QualysXmlErrorKind.Malformed, $"The response is not well-formed XML: unexpected {reader.NodeType} after the root element");
                }
            }
        }
        catch (XmlException exception)
        {
            throw Malformed(exception);
        }
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

    /// <summary>
    /// Reads the text of the current element as sent and moves past it. Data is never altered: the text and every CDATA
    /// section are kept byte for byte (a tab-separated table in CDATA keeps its empty cells); only a text node of whitespace
    /// alone, such as the indentation Qualys puts between the tags and a CDATA section, is layout and left out.
    /// </summary>
    /// <param name="reader">The reader, on the element's start tag.</param>
    /// <param name="whenEmpty">The schema's default for the element, used when it is present but empty (XSD <c>default</c>).</param>
    /// <param name="stopAtEndTag">Stay on the element's end tag (or on it, when empty) instead of moving past it: for an element
    /// reader's own text, which moves past its end tag itself (<see cref="XmlParseContext.ReadEnd"/>).</param>
    public static string ReadString(XmlReader reader, string? whenEmpty = null, bool stopAtEndTag = false)
    {
        var text = ReadContent(reader, stopAtEndTag);
        return text.Length == 0 && whenEmpty is not null ? whenEmpty : text;
    }

    /// <summary>
    /// The text of a text-only element, positioned after it. Faster than <see cref="XmlReader.ReadElementContentAsString()"/>
    /// for the usual case of one text or CDATA node: adjacent text and CDATA nodes are joined, whitespace-only text nodes are
    /// layout, a child element is a bad value (read past, then reported).
    /// </summary>
    private static string ReadContent(XmlReader reader, bool stopAtEndTag)
    {
        if (reader.IsEmptyElement)
        {
            if (!stopAtEndTag)
            {
                reader.Read();
            }

            return "";
        }

        var depth = reader.Depth;
        reader.Read();
        string? first = null;
        StringBuilder? joined = null;
        while (true)
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Whitespace:
                    reader.Read();
                    break;
                case XmlNodeType.Text:
                case XmlNodeType.CDATA:
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
                    if (!stopAtEndTag)
                    {
                        reader.Read();
                    }

                    return joined?.ToString() ?? first ?? "";
                case XmlNodeType.Comment:
                case XmlNodeType.ProcessingInstruction:
                    reader.Read();
                    break;
                default:
                    throw OnlyText(reader, depth, stopAtEndTag);
            }
        }
    }

    /// <summary>
    /// For an element where the schema allows only text but something else came: an element (a deviation, read past so that
    /// the element can be left out whole), or the end of a fragment (not well-formed).
    /// </summary>
    private static Exception OnlyText(XmlReader reader, int depth, bool stopAtEndTag)
    {
        var info = reader as IXmlLineInfo;
        var (line, position) = (info?.LineNumber ?? 0, info?.LinePosition ?? 0);
        if (reader.NodeType != XmlNodeType.Element)
        {
            return new XmlException("Unexpected end of the document.", null, line, position);
        }

        var found = reader.LocalName;
        while (reader.Depth > depth && reader.Read())
        {
        }

        var name = reader.LocalName;
        if (!stopAtEndTag)
        {
            reader.Read();
        }

        return new QualysXmlException(QualysXmlErrorKind.InvalidValue, $"Found <{found}> where only text is allowed", line, position)
        {
            ConsumedDepth = stopAtEndTag ? -1 : depth,
        }.PrependPath(name);
    }

    private const int MaxCachedValueChars = 1024;

    [ThreadStatic]
    private static char[]? t_valueChars;

    /// <summary>
    /// The trimmed text of a text-only element whose value is parsed, not kept (numbers, flags, dates), positioned after it.
    /// The characters are copied with <see cref="XmlReader.ReadValueChunk"/> into a buffer reused on the thread, so no string
    /// is made for them; the span is valid until the next call on the thread. Same rules as <see cref="ReadContent"/>.
    /// </summary>
    private static ReadOnlySpan<char> ReadValue(XmlReader reader, string? whenEmpty, bool stopAtEndTag)
    {
        if (!reader.CanReadValueChunk)
        {
            var text = ReadContent(reader, stopAtEndTag).AsSpan().Trim();
            return text.IsEmpty && whenEmpty is not null ? whenEmpty.AsSpan() : text;
        }

        if (reader.IsEmptyElement)
        {
            if (!stopAtEndTag)
            {
                reader.Read();
            }

            return whenEmpty.AsSpan();
        }

        var depth = reader.Depth;
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
                    if (!stopAtEndTag)
                    {
                        reader.Read();
                    }

                    var value = buffer.AsSpan(0, length).Trim();
                    return value.IsEmpty && whenEmpty is not null ? whenEmpty.AsSpan() : value;
                case XmlNodeType.Comment:
                case XmlNodeType.ProcessingInstruction:
                    reader.Read();
                    break;
                default:
                    throw OnlyText(reader, depth, stopAtEndTag);
            }
        }
    }

    // Each typed read comes in two forms: Read* for a value that must be there (empty is a bad value) and ReadOptional* for an
    // optional element, where an empty element means no value (null). A bad value is thrown after the element has been read.

    /// <summary>Reads the text of the current element as an <see cref="int"/>.</summary>
    public static int ReadInt32(XmlReader reader, string? whenEmpty = null, bool stopAtEndTag = false)
    {
        var site = Where(reader, stopAtEndTag);
        return ParseInt32(ReadValue(reader, whenEmpty, stopAtEndTag), site);
    }

    /// <summary>Reads the text of the current element as an <see cref="int"/>, or null when it is empty.</summary>
    public static int? ReadOptionalInt32(XmlReader reader, string? whenEmpty = null, bool stopAtEndTag = false)
    {
        var site = Where(reader, stopAtEndTag);
        var text = ReadValue(reader, whenEmpty, stopAtEndTag);
        return text.IsEmpty ? null : ParseInt32(text, site);
    }

    /// <summary>Reads the text of the current element as a <see cref="long"/>.</summary>
    public static long ReadInt64(XmlReader reader, string? whenEmpty = null, bool stopAtEndTag = false)
    {
        var site = Where(reader, stopAtEndTag);
        return ParseInt64(ReadValue(reader, whenEmpty, stopAtEndTag), site);
    }

    /// <summary>Reads the text of the current element as a <see cref="long"/>, or null when it is empty.</summary>
    public static long? ReadOptionalInt64(XmlReader reader, string? whenEmpty = null, bool stopAtEndTag = false)
    {
        var site = Where(reader, stopAtEndTag);
        var text = ReadValue(reader, whenEmpty, stopAtEndTag);
        return text.IsEmpty ? null : ParseInt64(text, site);
    }

    /// <summary>Reads the text of the current element as a <see cref="decimal"/>.</summary>
    public static decimal ReadDecimal(XmlReader reader, string? whenEmpty = null, bool stopAtEndTag = false)
    {
        var site = Where(reader, stopAtEndTag);
        return ParseDecimal(ReadValue(reader, whenEmpty, stopAtEndTag), site);
    }

    /// <summary>Reads the text of the current element as a <see cref="decimal"/>, or null when it is empty.</summary>
    public static decimal? ReadOptionalDecimal(XmlReader reader, string? whenEmpty = null, bool stopAtEndTag = false)
    {
        var site = Where(reader, stopAtEndTag);
        var text = ReadValue(reader, whenEmpty, stopAtEndTag);
        return text.IsEmpty ? null : ParseDecimal(text, site);
    }

    /// <summary>Reads the text of the current element as a flag: <c>1</c>/<c>0</c> (classic API) or <c>true</c>/<c>false</c> (QPS).</summary>
    public static bool ReadBoolean(XmlReader reader, string? whenEmpty = null, bool stopAtEndTag = false)
    {
        var site = Where(reader, stopAtEndTag);
        return ParseBoolean(ReadValue(reader, whenEmpty, stopAtEndTag), site);
    }

    /// <summary>Reads the text of the current element as a flag, or null when it is empty.</summary>
    public static bool? ReadOptionalBoolean(XmlReader reader, string? whenEmpty = null, bool stopAtEndTag = false)
    {
        var site = Where(reader, stopAtEndTag);
        var text = ReadValue(reader, whenEmpty, stopAtEndTag);
        return text.IsEmpty ? null : ParseBoolean(text, site);
    }

    /// <summary>Reads the text of the current element as a UTC date and time, with or without the <c>Z</c>.</summary>
    public static DateTimeOffset ReadDateTimeOffset(XmlReader reader, string? whenEmpty = null, bool stopAtEndTag = false)
    {
        var site = Where(reader, stopAtEndTag);
        return ParseDateTimeOffset(ReadValue(reader, whenEmpty, stopAtEndTag), site);
    }

    /// <summary>Reads the text of the current element as a UTC date and time, or null when it is empty
    /// (<c>&lt;LAST_ERROR_DATE&gt;&lt;/LAST_ERROR_DATE&gt;</c>).</summary>
    public static DateTimeOffset? ReadOptionalDateTimeOffset(XmlReader reader, string? whenEmpty = null, bool stopAtEndTag = false)
    {
        var site = Where(reader, stopAtEndTag);
        var text = ReadValue(reader, whenEmpty, stopAtEndTag);
        return text.IsEmpty ? null : ParseDateTimeOffset(text, site);
    }

    /// <summary>Parses the value of the attribute the reader is on as an <see cref="int"/>.</summary>
    public static int AttributeInt32(XmlReader reader) => ParseInt32(reader.Value.AsSpan(), AttributeSite(reader));

    /// <summary>Parses the value of the attribute the reader is on as a <see cref="long"/>.</summary>
    public static long AttributeInt64(XmlReader reader) => ParseInt64(reader.Value.AsSpan(), AttributeSite(reader));

    /// <summary>Parses the value of the attribute the reader is on as a <see cref="decimal"/>.</summary>
    public static decimal AttributeDecimal(XmlReader reader) => ParseDecimal(reader.Value.AsSpan(), AttributeSite(reader));

    /// <summary>Parses the value of the attribute the reader is on as a flag.</summary>
    public static bool AttributeBoolean(XmlReader reader) => ParseBoolean(reader.Value.AsSpan(), AttributeSite(reader));

    /// <summary>Parses the value of the attribute the reader is on as a UTC date and time.</summary>
    public static DateTimeOffset AttributeDateTimeOffset(XmlReader reader) => ParseDateTimeOffset(reader.Value.AsSpan(), AttributeSite(reader));

    /// <summary>Whether the attribute the reader is on is empty or blank: an optional attribute sent empty has no value.</summary>
    public static bool IsBlank(XmlReader reader) => reader.Value.AsSpan().Trim().IsEmpty;

    /// <summary>The exception for a required child element that did not come.</summary>
    public static QualysXmlException MissingElement(XmlReader reader, string element)
        => Error(reader, QualysXmlErrorKind.MissingElement, $"The required element <{element}> is missing");

    /// <summary>The exception for a required choice of which no branch came.</summary>
    public static QualysXmlException MissingChoice(XmlReader reader, string elements)
        => Error(reader, QualysXmlErrorKind.MissingElement, $"One of the elements {elements} is required but none is present");

    /// <summary>The exception for a required attribute that is absent.</summary>
    public static QualysXmlException MissingAttribute(XmlReader reader, string attribute)
        => Error(reader, QualysXmlErrorKind.MissingAttribute, $"The required attribute '{attribute}' is missing");

    /// <summary>The exception for a required element missing from the item of a repeated group that began at <paramref name="position"/>
    /// (<see cref="XmlParseContext.Position"/>).</summary>
    public static QualysXmlException MissingElement(long position, string element)
        => new(QualysXmlErrorKind.MissingElement, $"The required element <{element}> is missing", (int)(position >> 32), (int)(position & 0xFFFFFFFF));

    /// <summary>The exception for a required choice of which no branch came, in the item of a repeated group that began at
    /// <paramref name="position"/>.</summary>
    public static QualysXmlException MissingChoice(long position, string elements)
        => new(QualysXmlErrorKind.MissingElement, $"One of the elements {elements} is required but none is present", (int)(position >> 32), (int)(position & 0xFFFFFFFF));

    private static QualysXmlException Error(XmlReader reader, QualysXmlErrorKind kind, string detail)
    {
        var info = reader as IXmlLineInfo;
        return new QualysXmlException(kind, detail, info?.LineNumber ?? 0, info?.LinePosition ?? 0);
    }

    /// <summary>Where a value is read from, captured before it is read so that an error points at the element, not past it.</summary>
    private readonly record struct ValueSite(string Name, int Line, int Position, int Depth);

    /// <summary>A text value's site; with <paramref name="stopAtEndTag"/> the element is not read past, so not consumed.</summary>
    private static ValueSite Where(XmlReader reader, bool stopAtEndTag)
    {
        var info = reader as IXmlLineInfo;
        return new ValueSite(reader.LocalName, info?.LineNumber ?? 0, info?.LinePosition ?? 0, stopAtEndTag ? -1 : reader.Depth);
    }

    /// <summary>An attribute's value: its element is not read past when the value is bad.</summary>
    private static ValueSite AttributeSite(XmlReader reader)
    {
        var info = reader as IXmlLineInfo;
        return new ValueSite("@" + reader.LocalName, info?.LineNumber ?? 0, info?.LinePosition ?? 0, -1);
    }

    private static int ParseInt32(ReadOnlySpan<char> text, ValueSite site)
        => int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw InvalidValue(text, "a 32-bit integer", site);

    private static long ParseInt64(ReadOnlySpan<char> text, ValueSite site)
        => long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw InvalidValue(text, "a 64-bit integer", site);

    private static decimal ParseDecimal(ReadOnlySpan<char> text, ValueSite site)
        => decimal.TryParse(text.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw InvalidValue(text, "a decimal number", site);

    private static bool ParseBoolean(ReadOnlySpan<char> text, ValueSite site)
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

        throw InvalidValue(text, "a flag (0|1 or true|false)", site);
    }

    private static DateTimeOffset ParseDateTimeOffset(ReadOnlySpan<char> text, ValueSite site)
        => TryParseUtcFast(text.Trim(), out var fast)
            ? fast
            : DateTimeOffset.TryParseExact(
            text.Trim(),
            DateTimeFormats,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out var value)
            ? value
            : throw InvalidValue(text, "a date and time (yyyy-MM-ddTHH:mm:ss, UTC)", site);

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

    private static QualysXmlException InvalidValue(ReadOnlySpan<char> text, string expected, ValueSite site)
    {
        var shown = text.Length > 64 ? string.Concat(text.Slice(0, 64), "…") : text.ToString();
        var detail = text.IsEmpty ? $"An empty value is not {expected}" : $"'{shown}' is not {expected}";
        return new QualysXmlException(QualysXmlErrorKind.InvalidValue, detail, site.Line, site.Position) { ConsumedDepth = site.Depth }
            .PrependPath(site.Name);
    }

    /// <summary>
    /// The stream for a whole-document parse: filled whole at every read (<see cref="WholeReadStream"/>), so that the reader
    /// reads a network stream as it reads the response in memory — same errors at the same places. An
    /// <see cref="XmlDocumentBuffer"/> already reads that way. A <see cref="MemoryStream"/> is wrapped too: over a seekable
    /// stream <see cref="XmlReader"/> sizes its buffer to the input, and then reports some faults elsewhere (a response cut
    /// inside an empty-element tag, <c>&lt;A/</c>, at column 56 of a 13-character line, where over a network it says 13).
    /// </summary>
    public static Stream WholeReads(Stream stream) => stream is XmlDocumentBuffer ? stream : new WholeReadStream(stream);
}
