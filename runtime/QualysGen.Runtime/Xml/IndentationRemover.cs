using System;
using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;

namespace QualysGen.Xml;

/// <summary>
/// Takes the indentation out of a batch of records before a worker's reader reads it: every run of whitespace that holds a
/// line break, follows the '&gt;' that ends a tag, comment, PI or CDATA section, and comes before a '&lt;'. Half the bytes of an
/// indented Qualys list are such runs, and <see cref="System.Xml.XmlReader"/> decodes and walks each of them only to drop it
/// (the readers ignore whitespace): without them it reads a batch in 60-70 % of the time.
/// </summary>
/// <remarks>
/// <para>
/// What a reader with <see cref="System.Xml.XmlReaderSettings.IgnoreWhitespace"/> reports is unchanged: such a run is a node
/// of its own (whitespace only, never joined to text before a comment, a PI or a CDATA section), and the reader drops it. A
/// run is kept when that is not sure:
/// </para>
/// <list type="bullet">
/// <item>inside a CDATA section or a comment (found whole, from <c>&lt;!</c> to its terminator; any other <c>&lt;!</c>, or one
/// left open, keeps every run);</item>
/// <item>after a '&gt;' that is text: the nearest '&lt;' or '&gt;' before it is a '&gt;' (a '&gt;' inside a quoted attribute
/// value looks so too, and keeps its run). A '&gt;' whose nearest is a '&lt;' ends a tag, or lies in an attribute value or a PI:
/// in a value, the '&lt;' the run comes before is a fault the reader reports either way (and the batch is read again, see
/// below); in a PI, which the readers ignore, the run is part of nothing they report;</item>
/// <item>when it is longer than <see cref="LongestRun"/>: the reader reports it as text;</item>
/// <item>anywhere in a batch that mentions <c>xml:space</c> (whitespace under "preserve" is data), or under records whose
/// ancestors declare it (the caller's check).</item>
/// </list>
/// <para>
/// Lines and columns are not those of the response any more, so a batch read this way is kept only when it reports nothing
/// that carries a position: a deviation, drift or fault makes the caller read the batch again as it came.
/// </para>
/// </remarks>
internal static class IndentationRemover
{
    private static readonly SearchValues<byte> Whitespace = SearchValues.Create(" \t\r\n"u8);

    /// <summary>
    /// The longest run taken out: 4,095 bytes. <see cref="System.Xml.XmlReader"/> looks at most 4,096 characters ahead for the
    /// end of a run of whitespace, and reports a longer one as text, which a reader that ignores whitespace keeps (in a value,
    /// it is part of the value), wherever the run lies in its buffer. The markup and whitespace being ASCII, a run of fewer
    /// bytes is fewer characters.
    /// </summary>
    internal const int LongestRun = 4095;

    /// <summary>
    /// Writes <paramref name="source"/> without its indentation to <paramref name="destination"/> (at least as long) and returns
    /// the length written; -1 when nothing is taken out, or when the batch is one to read as it came.
    /// </summary>
    public static int Remove(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        if (destination.Length < source.Length)
        {
            throw new ArgumentException("The destination is shorter than the source.", nameof(destination));
        }

        if (source.IndexOf("xml:space"u8) >= 0)
        {
            return -1;
        }

        return Vector256.IsHardwareAccelerated && source.Length >= 64 ? RemoveByBlocks(source, destination) : RemoveByLines(source, destination);
    }

    /// <summary>
    /// <see cref="Remove"/> for a whole document: what comes before its root element (a UTF-8 byte order mark, the XML
    /// declaration, a DOCTYPE) is written as it came, its indentation is taken out of the rest. -1 when nothing is taken out,
    /// or when the document is one to read as it came: in an encoding whose markup is not ASCII's (UTF-16, UTF-32, or one the
    /// declaration names and <see cref="Applies"/> refuses), or with a DOCTYPE that holds an internal subset.
    /// </summary>
    /// <param name="document">The response.</param>
    /// <param name="destination">Where the copy goes; at least as long as the response.</param>
    /// <param name="oneBytePerCharacter">Whether the declared encoding is one byte a character (not UTF-8), for counting
    /// columns (<see cref="CompactPositions"/>).</param>
    public static int RemoveFromDocument(ReadOnlySpan<byte> document, Span<byte> destination, out bool oneBytePerCharacter)
    {
        var prolog = PrologLength(document, out oneBytePerCharacter);
        if (prolog < 0 || destination.Length < document.Length)
        {
            return -1;
        }

        var length = Remove(document.Slice(prolog), destination.Slice(prolog));
        if (length < 0)
        {
            return -1;
        }

        document.Slice(0, prolog).CopyTo(destination);
        return prolog + length;
    }

    /// <summary>
    /// The length of the document's byte order mark, XML declaration and DOCTYPE (with what lies between them), or -1 when the
    /// document is not one to read without its indentation (see <see cref="RemoveFromDocument"/>).
    /// </summary>
    internal static int PrologLength(ReadOnlySpan<byte> document, out bool oneBytePerCharacter)
    {
        oneBytePerCharacter = false;
        var at = document.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        if (at == 0 && document.Length >= 2 && (document[0] == 0 || document[1] == 0 || document[0] >= 0xFE))
        {
            return -1;   // UTF-16 or UTF-32, with a byte order mark or without
        }

        var rest = document.Slice(at);
        if (rest.StartsWith("<?xml"u8) && rest.Length > 5 && Whitespace.Contains(rest[5]))
        {
            var end = rest.IndexOf("?>"u8);
            if (end < 0 || !DeclaredEncodingApplies(rest.Slice(0, end), out oneBytePerCharacter))
            {
                return -1;
            }

            at += end + 2;
        }

        var next = document.Slice(at).IndexOfAnyExcept(Whitespace);
        if (next < 0 || !document.Slice(at + next).StartsWith("<!DOCTYPE"u8))
        {
            return at;
        }

        // The DOCTYPE ends at the first '>' outside its quoted identifiers; one with an internal subset ('[') is left as it is.
        byte quote = 0;
        for (var i = at + next + 9; i < document.Length; i++)
        {
            var b = document[i];
            if (quote != 0)
            {
                quote = b == quote ? (byte)0 : quote;
            }
            else if (b is (byte)'"' or (byte)'\'')
            {
                quote = b;
            }
            else if (b == '[')
            {
                return -1;
            }
            else if (b == '>')
            {
                return i + 1;
            }
        }

        return -1;
    }

    /// <summary>Whether the encoding an XML declaration names (UTF-8 when it names none) is one <see cref="Applies"/> to.</summary>
    private static bool DeclaredEncodingApplies(ReadOnlySpan<byte> declaration, out bool oneBytePerCharacter)
    {
        oneBytePerCharacter = false;
        var at = declaration.IndexOf("encoding"u8);
        if (at < 0)
        {
            return true;
        }

        var value = declaration.Slice(at + 8).TrimStart(" \t\r\n"u8);
        if (value.IsEmpty || value[0] != '=')
        {
            return false;
        }

        value = value.Slice(1).TrimStart(" \t\r\n"u8);
        if (value.IsEmpty || value[0] is not ((byte)'"' or (byte)'\''))
        {
            return false;
        }

        var close = value.Slice(1).IndexOf(value[0]);
        if (close < 0 || close > 64)
        {
            return false;
        }

        try
        {
            var encoding = Encoding.GetEncoding(Encoding.ASCII.GetString(value.Slice(1, close)));
            oneBytePerCharacter = encoding.IsSingleByte;
            return Applies(encoding);
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException)
        {
            return false;   // a name this process does not know: the reader reports it, or knows it from a provider
        }
    }

    /// <summary>
    /// <see cref="Remove"/> 32 bytes at a time: line breaks and <c>&lt;!</c> found by vector compares, the run around a line
    /// break measured and the nearest '&lt;' or '&gt;' before it found with one compare each; the last bytes a line at a
    /// time. The same result as <see cref="RemoveByLines(ReadOnlySpan{byte}, Span{byte})"/> (a test holds them to it), in
    /// about 0.7 of its time here: a search call per line costs more than the line.
    /// </summary>
    internal static int RemoveByBlocks(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        ref var src = ref MemoryMarshal.GetReference(source);
        var length = source.Length;
        var lineFeed = Vector256.Create((byte)'\n');
        var carriageReturn = Vector256.Create((byte)'\r');
        var space = Vector256.Create((byte)' ');
        var tab = Vector256.Create((byte)'\t');
        var lessThan = Vector256.Create((byte)'<');
        var greaterThan = Vector256.Create((byte)'>');
        var bang = Vector256.Create((byte)'!');
        var copied = 0;
        var written = 0;
        var block = 0;

        // A block is [block, block + 32); the byte after it is read too, for a "<!" across the edge.
        while (block + Vector256<byte>.Count + 1 <= length)
        {
            var bytes = Vector256.LoadUnsafe(ref src, (nuint)block);
            var next = Vector256.LoadUnsafe(ref src, (nuint)block + 1);
            var sections = (Vector256.Equals(bytes, lessThan) & Vector256.Equals(next, bang)).ExtractMostSignificantBits();
            var events = Vector256.Equals(bytes, lineFeed).ExtractMostSignificantBits() | sections;
            var resume = block + Vector256<byte>.Count;
            while (events != 0)
            {
                var bit = BitOperations.TrailingZeroCount(events);
                events &= events - 1;
                var at = block + bit;
                if ((sections & (1u << bit)) != 0)
                {
                    // A CDATA section or a comment: on past its end.
                    var end = 0;
                    if (!SectionEnd(source, at, ref end))
                    {
                        return -1;
                    }

                    resume = end;
                    break;
                }

                // A line break: the run around it, back to its first byte (a CR, then spaces and tabs) and on past its end.
                var start = at;
                if (start > 0 && source[start - 1] == (byte)'\r')
                {
                    start--;
                }

                if (start > 0 && source[start - 1] is (byte)' ' or (byte)'\t' or (byte)'\r')
                {
                    while (start > 0 && source[start - 1] is (byte)' ' or (byte)'\t' or (byte)'\r')
                    {
                        start--;
                    }
                }

                if (start == 0 || source[start - 1] != (byte)'>')
                {
                    continue;
                }

                var after = at + 1;
                while (after + Vector256<byte>.Count <= length)
                {
                    var run = Vector256.LoadUnsafe(ref src, (nuint)after);
                    var blank = (Vector256.Equals(run, space) | Vector256.Equals(run, lineFeed) | Vector256.Equals(run, tab) | Vector256.Equals(run, carriageReturn)).ExtractMostSignificantBits();
                    if (blank != uint.MaxValue)
                    {
                        after += BitOperations.TrailingZeroCount(~blank);
                        goto Measured;
                    }

                    after += Vector256<byte>.Count;
                }

                while (after < length && source[after] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
                {
                    after++;
                }

            Measured:
                var removed = after < length && source[after] == (byte)'<' && after - start <= LongestRun && EndsMarkupNear(source, start - 1, lessThan, greaterThan);
                if (removed)
                {
                    var count = start - copied;
                    if (count <= Vector256<byte>.Count && copied + Vector256<byte>.Count <= length && written + Vector256<byte>.Count <= destination.Length)
                    {
                        // A line's worth: one vector store (the bytes past it are written over next, or lie past the result).
                        Vector256.LoadUnsafe(ref src, (nuint)copied).StoreUnsafe(ref MemoryMarshal.GetReference(destination), (nuint)written);
                    }
                    else
                    {
                        source.Slice(copied, count).CopyTo(destination.Slice(written));
                    }

                    written += count;
                    copied = after;
                }

                if (after >= resume)
                {
                    resume = after;   // the run goes on into the next block: the next block starts where it ends
                    break;
                }

                // Line breaks of the same run, later in this block, have the same run.
                while (events != 0 && block + BitOperations.TrailingZeroCount(events) < after)
                {
                    events &= events - 1;
                }
            }

            block = resume;
        }

        // The last bytes, fewer than a block and the byte after it, a line at a time (never inside a section: a block starts
        // past the end of any it met).
        return RemoveByLines(source, destination, block, copied, written);
    }

    /// <summary>As <see cref="EndsMarkup"/>, with one vector compare of the 32 bytes before the '&gt;' when it is far enough in.</summary>
    private static bool EndsMarkupNear(ReadOnlySpan<byte> source, int index, Vector256<byte> lessThan, Vector256<byte> greaterThan)
    {
        if (index >= Vector256<byte>.Count)
        {
            var before = Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(source), (nuint)(index - Vector256<byte>.Count));
            var angles = (Vector256.Equals(before, lessThan) | Vector256.Equals(before, greaterThan)).ExtractMostSignificantBits();
            if (angles != 0)
            {
                return source[index - 1 - BitOperations.LeadingZeroCount(angles)] == (byte)'<';
            }
        }

        return EndsMarkup(source, index);
    }

    /// <summary>
    /// <see cref="Remove"/> a line at a time, with the span searches: for short batches and machines without 256-bit vectors.
    /// </summary>
    internal static int RemoveByLines(ReadOnlySpan<byte> source, Span<byte> destination) => RemoveByLines(source, destination, 0, 0, 0);

    /// <summary>
    /// <see cref="RemoveByLines(ReadOnlySpan{byte}, Span{byte})"/> from <paramref name="at"/> (not inside a section), with the
    /// source read up to <paramref name="copied"/> and <paramref name="written"/> bytes written.
    /// </summary>
    private static int RemoveByLines(ReadOnlySpan<byte> source, Span<byte> destination, int at, int copied, int written)
    {

        var sectionStart = 0;
        var sectionEnd = 0;
        if (!NextSection(source, at, ref sectionStart, ref sectionEnd))
        {
            return -1;
        }

        // The source is written (or taken out) up to copied.
        while (true)
        {
            var lineBreak = source.Slice(at).IndexOf((byte)'\n');
            if (lineBreak < 0)
            {
                break;
            }

            lineBreak += at;
            while (lineBreak >= sectionEnd)
            {
                if (!NextSection(source, sectionEnd, ref sectionStart, ref sectionEnd))
                {
                    return -1;
                }
            }

            if (lineBreak >= sectionStart)
            {
                at = sectionEnd;   // inside a CDATA section or a comment
                continue;
            }

            // The run around the line break: back to its first byte, on to the byte after it.
            var start = lineBreak;
            while (start > 0 && source[start - 1] is (byte)' ' or (byte)'\t' or (byte)'\r')
            {
                start--;
            }

            var after = source.Slice(lineBreak + 1).IndexOfAnyExcept(Whitespace);
            if (after < 0)
            {
                break;
            }

            after += lineBreak + 1;
            at = after;
            if (start == 0 || source[start - 1] != (byte)'>' || source[after] != (byte)'<' || after - start > LongestRun || !EndsMarkup(source, start - 1))
            {
                continue;
            }

            source.Slice(copied, start - copied).CopyTo(destination.Slice(written));
            written += start - copied;
            copied = after;
        }

        // Past the last line break too, any other "<!" (or one left open) means the batch is read as it came, as by blocks.
        while (sectionEnd != int.MaxValue)
        {
            if (!NextSection(source, sectionEnd, ref sectionStart, ref sectionEnd))
            {
                return -1;
            }
        }

        if (copied == 0)
        {
            return -1;
        }

        source.Slice(copied).CopyTo(destination.Slice(written));
        return written + source.Length - copied;
    }

    /// <summary>
    /// Whether a batch in <paramref name="encoding"/> (null: UTF-8) can be read this way: its bytes for the markup and the
    /// whitespace are ASCII's, so that no byte of a character is taken for one of them.
    /// </summary>
    public static bool Applies(Encoding? encoding)
    {
        if (encoding is null || encoding.CodePage == Encoding.UTF8.CodePage)
        {
            return true;
        }

        if (!encoding.IsSingleByte)
        {
            return false;
        }

        const string markup = "<>!-[]CDAT \t\r\nxml:spce";
        Span<byte> bytes = stackalloc byte[markup.Length * 4];
        int count;
        try
        {
            count = encoding.GetBytes(markup, bytes);
        }
        catch (ArgumentException)
        {
            return false;
        }

        if (count != markup.Length)
        {
            return false;
        }

        for (var i = 0; i < count; i++)
        {
            if (bytes[i] != markup[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the '&gt;' at <paramref name="index"/> ends markup: the nearest '&lt;' or '&gt;' before it is a '&lt;'.</summary>
    private static bool EndsMarkup(ReadOnlySpan<byte> source, int index)
    {
        var nearest = source.Slice(0, index).LastIndexOfAny((byte)'<', (byte)'>');
        return nearest >= 0 && source[nearest] == (byte)'<';
    }

    /// <summary>
    /// The next CDATA section or comment at or after <paramref name="from"/>: where it starts and where its terminator ends
    /// (both <see cref="int.MaxValue"/> when none is left). False for any other <c>&lt;!</c>, or one left open.
    /// </summary>
    private static bool NextSection(ReadOnlySpan<byte> source, int from, ref int start, ref int end)
    {
        var found = source.Slice(from).IndexOf("<!"u8);
        if (found < 0)
        {
            start = end = int.MaxValue;
            return true;
        }

        start = found + from;
        return SectionEnd(source, start, ref end);
    }

    /// <summary>Where the CDATA section or comment that starts at <paramref name="start"/> ends (past its terminator); false for any other <c>&lt;!</c>, or one left open.</summary>
    private static bool SectionEnd(ReadOnlySpan<byte> source, int start, ref int end)
    {
        var rest = source.Slice(start);
        var cdata = rest.StartsWith("<![CDATA["u8);
        if (!cdata && !rest.StartsWith("<!--"u8))
        {
            return false;
        }

        var open = cdata ? 9 : 4;
        var found = rest.Slice(open).IndexOf(cdata ? "]]>"u8 : "-->"u8);
        end = start + open + found + 3;
        return found >= 0;
    }
}
