using System;
using System.Collections.Generic;

namespace QualysGen.Xml;

/// <summary>
/// Maps a line and column that <see cref="System.Xml.XmlReader"/> reports in a response read without its indentation
/// (<see cref="IndentationRemover.RemoveFromDocument"/>) back to the response's own, counted as the reader counts them (see
/// <see cref="XmlLineCounter"/>): CR LF, a lone CR and an LF are each one line break; a column counts UTF-16 code units
/// (a byte each in a single-byte encoding); a UTF-8 byte order mark is no character. Exact for the positions of what the
/// reader reports (a tag, an attribute, a value), which never lie inside a run taken out: the copy is the response with
/// whole runs of whitespace deleted, each between a '&gt;' and a '&lt;'. Built on first use, from the two documents.
/// </summary>
internal sealed class CompactPositions(ReadOnlyMemory<byte> original, ReadOnlyMemory<byte> compact, bool oneBytePerCharacter)
{
    private int[]? _originalLines;
    private int[]? _compactLines;
    private List<(int At, int Removed)>? _removals;   // where in the copy a run was taken out, and all bytes taken out up to it

    /// <summary>The response's line and column of <paramref name="line"/> and <paramref name="column"/> in the copy; (0, 0) stays so.</summary>
    public (int Line, int Column) Map(int line, int column)
    {
        if (line <= 0 || column <= 0)
        {
            return (line, column);
        }

        var copy = compact.Span;
        _compactLines ??= LineStarts(copy);
        if (line > _compactLines.Length)
        {
            return (line, column);   // not a position in the copy: left as it is
        }

        var offset = Advance(copy, _compactLines[line - 1], column - 1);
        offset += RemovedUpTo(offset);

        var response = original.Span;
        _originalLines ??= LineStarts(response);
        var index = Array.BinarySearch(_originalLines, offset);
        var lineIndex = index >= 0 ? index : ~index - 1;
        return (lineIndex + 1, 1 + Characters(response.Slice(_originalLines[lineIndex], offset - _originalLines[lineIndex])));
    }

    /// <summary>The bytes taken out before the copy's byte at <paramref name="offset"/> (a run taken out just before it included).</summary>
    private int RemovedUpTo(int offset)
    {
        _removals ??= Removals(original.Span, compact.Span);
        int low = 0, high = _removals.Count - 1, removed = 0;
        while (low <= high)
        {
            var middle = (low + high) >> 1;
            if (_removals[middle].At <= offset)
            {
                removed = _removals[middle].Removed;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return removed;
    }

    /// <summary>
    /// The runs taken out, found by walking the two documents side by side: where they differ, the response holds a run of
    /// whitespace that the copy does not (after such a run the copy goes on with a '&lt;', never with whitespace).
    /// </summary>
    private static List<(int At, int Removed)> Removals(ReadOnlySpan<byte> response, ReadOnlySpan<byte> copy)
    {
        var removals = new List<(int, int)>();
        int i = 0, j = 0, removed = 0;
        while (j < copy.Length && i < response.Length)
        {
            var same = response.Slice(i).CommonPrefixLength(copy.Slice(j));
            i += same;
            j += same;
            if (j >= copy.Length || i >= response.Length)
            {
                break;
            }

            var run = response.Slice(i).IndexOfAnyExcept(" \t\r\n"u8);
            run = run < 0 ? response.Length - i : Math.Max(run, 1);
            i += run;
            removed += run;
            removals.Add((j, removed));
        }

        return removals;
    }

    /// <summary>Where each line begins (line 1 after a UTF-8 byte order mark).</summary>
    private static int[] LineStarts(ReadOnlySpan<byte> document)
    {
        var starts = new List<int> { document.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0 };
        var at = 0;
        while (true)
        {
            var found = document.Slice(at).IndexOfAny((byte)'\r', (byte)'\n');
            if (found < 0)
            {
                return starts.ToArray();
            }

            at += found + 1;
            if (document[at - 1] == '\r' && at < document.Length && document[at] == '\n')
            {
                at++;
            }

            starts.Add(at);
        }
    }

    /// <summary>The offset <paramref name="characters"/> characters (UTF-16 code units) on from <paramref name="offset"/>.</summary>
    private int Advance(ReadOnlySpan<byte> document, int offset, int characters)
    {
        while (characters > 0 && offset < document.Length)
        {
            var b = document[offset];
            var length = oneBytePerCharacter || b < 0xC0 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
            characters -= !oneBytePerCharacter && length == 4 ? 2 : 1;
            offset += length;
        }

        return offset;
    }

    /// <summary>The characters (UTF-16 code units) of <paramref name="bytes"/>.</summary>
    private int Characters(ReadOnlySpan<byte> bytes)
    {
        if (oneBytePerCharacter)
        {
            return bytes.Length;
        }

        var count = 0;
        foreach (var b in bytes)
        {
            if ((b & 0xC0) != 0x80)
            {
                count += b >= 0xF0 ? 2 : 1;
            }
        }

        return count;
    }
}
