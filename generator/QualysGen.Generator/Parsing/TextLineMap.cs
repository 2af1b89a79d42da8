using System;
using System.Collections.Generic;

namespace QualysGen.Generator.Parsing;

/// <summary>
/// Maps offsets in an input file to zero-based lines and columns, and the one-based line and position that
/// <see cref="System.Xml.XmlReader"/> reports back to an offset. Lines end with <c>\r\n</c>, <c>\n</c> or a lone <c>\r</c>;
/// columns count UTF-16 code units. Readers build it only when they have a diagnostic to place.
/// </summary>
internal sealed class TextLineMap
{
    private readonly string _text;
    private readonly int[] _lineStarts;

    public TextLineMap(string text)
    {
        _text = text;
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                starts.Add(i + 1);
            }
            else if (c == '\n')
            {
                starts.Add(i + 1);
            }
        }

        _lineStarts = starts.ToArray();
    }

    /// <summary>
    /// The offset and zero-based line and column of a one-based <paramref name="lineNumber"/> and <paramref name="linePosition"/>,
    /// clamped to the text. A position past the end of its line (XmlReader reports "unexpected end of file" one past the last
    /// character) lands on the line's end.
    /// </summary>
    public (int Offset, int Line, int Column) GetOffset(int lineNumber, int linePosition)
    {
        var line = Math.Min(Math.Max(lineNumber, 1), _lineStarts.Length) - 1;
        var lineStart = _lineStarts[line];
        var lineEnd = line + 1 < _lineStarts.Length ? _lineStarts[line + 1] : _text.Length;
        while (lineEnd > lineStart && _text[lineEnd - 1] is '\r' or '\n')
        {
            lineEnd--;
        }

        var offset = Math.Min(lineStart + Math.Max(linePosition - 1, 0), lineEnd);
        return (offset, line, offset - lineStart);
    }

    /// <summary>The zero-based line and column of <paramref name="offset"/>.</summary>
    public (int Line, int Column) GetPosition(int offset)
    {
        var index = Array.BinarySearch(_lineStarts, Math.Min(Math.Max(offset, 0), _text.Length));
        var line = index >= 0 ? index : ~index - 1;
        return (line, offset - _lineStarts[line]);
    }
}
