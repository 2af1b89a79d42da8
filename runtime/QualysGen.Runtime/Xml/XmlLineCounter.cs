using System;

namespace QualysGen.Xml;

/// <summary>
/// The line and column of a position in a response's bytes, counted as <see cref="System.Xml.XmlReader"/> counts them: CR LF
/// is one line break, so are a lone CR and an LF; a column counts characters in UTF-16 code units (a character beyond the
/// BMP is two); a byte order mark is no character. <see cref="XmlRecordStream"/> counts where each batch it cuts begins, so
/// that a worker's reader reports the lines and columns one reader over the whole response would. The count runs over the
/// stream's buffer: <see cref="Offset"/> is the buffer offset it has reached, and moves with the buffer's bytes.
/// </summary>
internal sealed class XmlLineCounter
{
    private bool _afterCr;   // the last byte counted was a CR: an LF that follows it is no line break of its own

    /// <summary>The buffer offset up to which lines are counted; <see cref="Line"/> and <see cref="Column"/> are of the byte there.</summary>
    public int Offset { get; private set; }

    /// <summary>The line of the byte at <see cref="Offset"/>, from 1.</summary>
    public int Line { get; private set; } = 1;

    /// <summary>The column of the byte at <see cref="Offset"/>, in characters, from 1.</summary>
    public int Column { get; private set; } = 1;

    /// <summary>
    /// Whether the response's declared encoding is one byte a character (Latin-1, windows-125x, ASCII) rather than UTF-8: set
    /// by <see cref="XmlRecordStream"/> once it has read the XML declaration.
    /// </summary>
    public bool OneBytePerCharacter { get; set; }

    /// <summary>
    /// Goes on counting at <paramref name="offset"/>, with the line and column as they are: at the first byte of line 1 (after
    /// a byte order mark), or where the bytes after a run taken out of the buffer, all counted, now begin.
    /// </summary>
    public void ContinueAt(int offset) => Offset = offset;

    /// <summary>Counts on from <paramref name="offset"/>, the first byte of markup at <paramref name="line"/> and <paramref name="column"/> (known from a reader).</summary>
    public void StartAt(int offset, int line, int column)
    {
        Offset = offset;
        Line = line;
        Column = column;
        _afterCr = false;
    }

    /// <summary>Counts the bytes of <paramref name="buffer"/> from <see cref="Offset"/> to <paramref name="offset"/>.</summary>
    public void CountTo(byte[] buffer, int offset)
    {
        if (offset <= Offset)
        {
            return;
        }

        var bytes = buffer.AsSpan(Offset, offset - Offset);
        Offset = offset;
        if (_afterCr && bytes[0] == '\n')
        {
            bytes = bytes.Slice(1);   // CR LF: one line break
        }

        _afterCr = false;
        if (bytes.IsEmpty)
        {
            return;
        }

        var (breaks, tail) = LineBreaks(bytes);
        if (breaks == 0)
        {
            Column += tail;
            return;
        }

        Line += breaks;
        Column = 1 + tail;
        _afterCr = bytes[^1] == '\r';
    }

    /// <summary>The buffer's first <paramref name="count"/> bytes, all counted, were dropped and the rest moved to its front.</summary>
    public void Shift(int count) => Offset -= count;

    /// <summary>
    /// Moves past <paramref name="length"/> bytes from <see cref="Offset"/> that end with '&gt;' and begin at
    /// <paramref name="line"/> and <paramref name="column"/>, whose <paramref name="breaks"/> and <paramref name="tail"/>
    /// (see <see cref="LineBreaks"/>) are known already: a batch, counted once.
    /// </summary>
    public void Skip(int length, int line, int column, int breaks, int tail)
    {
        Offset += length;
        Line = line + breaks;
        Column = breaks == 0 ? column + tail : 1 + tail;
        _afterCr = false;
    }

    /// <summary>The line breaks in <paramref name="bytes"/> (CR LF, CR and LF each one) and the characters after the last.</summary>
    public (int Breaks, int Tail) LineBreaks(ReadOnlySpan<byte> bytes)
    {
        var last = bytes.LastIndexOfAny((byte)'\n', (byte)'\r');
        if (last < 0)
        {
            return (0, Characters(bytes));
        }

        var lines = bytes.Slice(0, last + 1);
        int breaks;
        if (lines.IndexOf((byte)'\r') < 0)
        {
            breaks = lines.Count((byte)'\n');
        }
        else
        {
            breaks = 0;
            for (var i = 0; i < lines.Length; i++)
            {
                if (lines[i] == '\n' || (lines[i] == '\r' && (i + 1 >= lines.Length || lines[i + 1] != '\n')))
                {
                    breaks++;
                }
            }
        }

        return (breaks, Characters(bytes.Slice(last + 1)));
    }

    /// <summary>How many characters (UTF-16 code units, as the reader counts a column) <paramref name="bytes"/> decode to.</summary>
    public int Characters(ReadOnlySpan<byte> bytes)
    {
        if (OneBytePerCharacter || System.Text.Ascii.IsValid(bytes))
        {
            return bytes.Length;   // one byte a character
        }

        var count = 0;
        foreach (var b in bytes)
        {
            if ((b & 0xC0) != 0x80)
            {
                count += b >= 0xF0 ? 2 : 1;   // a character beyond the BMP is a surrogate pair
            }
        }

        return count;
    }
}
