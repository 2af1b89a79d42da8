using System.Collections.Generic;

namespace QualysGen.Generator.Parsing.Dtd;

/// <summary>
/// Maps offsets in a text to zero-based line and column (UTF-16 code units). <c>\r\n</c>, <c>\n</c>
/// and a lone <c>\r</c> each end a line. Built on first use, since only diagnostics need it.
/// </summary>
internal sealed class DtdLineMap
{
    private readonly int[] _lineStarts;

    public DtdLineMap(string text)
    {
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

    /// <summary>The zero-based line and column of <paramref name="offset"/>.</summary>
    public (int Line, int Column) GetPosition(int offset)
    {
        int low = 0, high = _lineStarts.Length - 1;
        while (low < high)
        {
            var mid = low + ((high - low + 1) / 2);
            if (_lineStarts[mid] <= offset)
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }

        return (low, offset - _lineStarts[low]);
    }
}
