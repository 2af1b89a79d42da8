using System;

namespace QualysGen.Xml;

/// <summary>
/// Maps lines and columns that <see cref="System.Xml.XmlReader"/> reports in a response read without its indentation
/// (<see cref="IndentationRemover.RemoveFromDocument"/>) back to the response's own, counted as the reader counts them (see
/// <see cref="XmlLineCounter"/>): CR LF, a lone CR and an LF are each one line break; a column counts UTF-16 code units
/// (a byte each in a single-byte encoding); a UTF-8 byte order mark is no character. Exact for the positions of what the
/// reader reports (a tag, an attribute, a value), which never lie inside a run taken out.
/// </summary>
/// <remarks>
/// The copy is the response with whole runs of whitespace deleted, each run just before a '&lt;', so the bytes from a copy's
/// '&lt;' to the next one are the response's from its '&lt;' of the same number. A position is found in the copy from its
/// line and column, then in the response by counting '&lt;' in both, then given the response's line and column. Positions
/// are mapped in order (<see cref="Map"/> must be called with ascending positions), each count going on from the last, so
/// that all of them together cost a few vectorized passes over the two documents however many there are.
/// </remarks>
internal sealed class CompactPositions
{
    private readonly ArraySegment<byte> _original;
    private readonly ReadOnlyMemory<byte> _compact;
    private readonly bool _oneBytePerCharacter;
    private readonly XmlLineCounter _lines;   // the response's lines, counted on from one position to the next

    // The copy: the line reached and where it starts; how many '<' lie before _copyAt.
    private int _copyLine = 1;
    private int _copyLineStart;
    private int _copyAt;
    private int _copyAngles;

    // The response: how many '<' lie before _responseAt (the byte after the last one counted).
    private int _responseAt;
    private int _responseAngles;

    public CompactPositions(ArraySegment<byte> original, ReadOnlyMemory<byte> compact, bool oneBytePerCharacter)
    {
        _original = original;
        _compact = compact;
        _oneBytePerCharacter = oneBytePerCharacter;
        var start = original.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;   // line 1 begins after a byte order mark
        _copyLineStart = start;   // the copy keeps what precedes the root as it came
        _lines = new XmlLineCounter { OneBytePerCharacter = oneBytePerCharacter };
        _lines.ContinueAt(original.Offset + start);
    }

    /// <summary>The response's line and column of <paramref name="line"/> and <paramref name="column"/> in the copy; (0, 0) and positions out of order or past the copy stay as they are.</summary>
    public (int Line, int Column) Map(int line, int column)
    {
        if (line <= 0 || column <= 0 || line < _copyLine)
        {
            return (line, column);
        }

        var copy = _compact.Span;
        var response = _original.AsSpan();

        while (_copyLine < line)
        {
            var found = copy.Slice(_copyLineStart).IndexOfAny((byte)'\r', (byte)'\n');
            if (found < 0)
            {
                return (line, column);
            }

            var next = _copyLineStart + found + 1;
            if (copy[next - 1] == '\r' && next < copy.Length && copy[next] == '\n')
            {
                next++;
            }

            _copyLine++;
            _copyLineStart = next;
        }

        var at = Advance(copy, _copyLineStart, column - 1);
        if (at < _copyAt)
        {
            return (line, column);
        }

        // The '<' up to and with the copy's byte at the position, and the same '<' in the response.
        var upTo = Math.Min(at + 1, copy.Length);
        _copyAngles += copy.Slice(_copyAt, upTo - _copyAt).Count((byte)'<');
        _copyAt = upTo;
        int offset;
        if (_copyAngles == 0)
        {
            offset = at;   // before the root: the same bytes
        }
        else
        {
            if (!FindAngle(response, _copyAngles))
            {
                return (line, column);
            }

            offset = _responseAt - 1 + (at - copy.Slice(0, upTo).LastIndexOf((byte)'<'));
        }

        // The response's line and column there.
        if (_original.Offset + offset < _lines.Offset)
        {
            return (line, column);
        }

        _lines.CountTo(_original.Array!, _original.Offset + offset);
        return (_lines.Line, _lines.Column);
    }

    /// <summary>Moves <see cref="_responseAt"/> past the response's '&lt;' number <paramref name="number"/>; false if it has fewer.</summary>
    private bool FindAngle(ReadOnlySpan<byte> response, int number)
    {
        while (_responseAngles < number)
        {
            var rest = response.Slice(_responseAt);
            if (rest.IsEmpty)
            {
                return false;
            }

            var block = rest.Slice(0, Math.Min(1024, rest.Length));
            var count = block.Count((byte)'<');
            if (_responseAngles + count < number)
            {
                _responseAngles += count;
                _responseAt += block.Length;
                continue;
            }

            while (_responseAngles < number)
            {
                _responseAt += response.Slice(_responseAt).IndexOf((byte)'<') + 1;
                _responseAngles++;
            }
        }

        return true;
    }

    /// <summary>The offset <paramref name="characters"/> characters (UTF-16 code units) on from <paramref name="offset"/>.</summary>
    private int Advance(ReadOnlySpan<byte> document, int offset, int characters)
    {
        while (characters > 0 && offset < document.Length)
        {
            var b = document[offset];
            var length = _oneBytePerCharacter || b < 0xC0 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
            characters -= !_oneBytePerCharacter && length == 4 ? 2 : 1;
            offset += length;
        }

        return offset;
    }
}
