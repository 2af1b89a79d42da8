using System;
using System.Buffers;
using System.Collections.Generic;
using System.Xml;

namespace QualysGen.Xml;

/// <summary>
/// A response held whole, and a copy of it without its indentation (<see cref="IndentationRemover.RemoveFromDocument"/>) in
/// a pooled array, for a parse on one thread: <c>Parse</c>'s (<see cref="XmlParseInput.TryParseWithoutIndentation"/>) and a
/// record stream's (<see cref="XmlRecordCursor"/>). Dispose to give the copy back.
/// </summary>
internal readonly struct CompactDocument : IDisposable
{
    private readonly ArraySegment<byte> _original;
    private readonly byte[] _copy;
    private readonly int _length;
    private readonly bool _oneBytePerCharacter;

    private CompactDocument(ArraySegment<byte> original, byte[] copy, int length, bool oneBytePerCharacter)
    {
        _original = original;
        _copy = copy;
        _length = length;
        _oneBytePerCharacter = oneBytePerCharacter;
    }

    /// <summary>The copy of <paramref name="original"/> without its indentation; false when it is to be read as it came.</summary>
    public static bool TryCreate(ArraySegment<byte> original, out CompactDocument document)
    {
        var copy = ArrayPool<byte>.Shared.Rent(Math.Max(original.Count, 1));
        var length = IndentationRemover.RemoveFromDocument(original, copy, out var oneBytePerCharacter);
        if (length < 0)
        {
            ArrayPool<byte>.Shared.Return(copy);
            document = default;
            return false;
        }

        document = new CompactDocument(original, copy, length, oneBytePerCharacter);
        return true;
    }

    /// <summary>A reader over the copy.</summary>
    public XmlReader CreateReader(XmlReaderSettings settings) => XmlReader.Create(new ForwardArrayStream(_copy, 0, _length), settings);

    /// <summary>Maps the copy's lines and columns to the response's, in ascending order (see <see cref="CompactPositions"/>).</summary>
    public Func<int, int, (int Line, int Column)> PositionMap() => new CompactPositions(_original, _copy.AsMemory(0, _length), _oneBytePerCharacter).Map;

    /// <summary>Counts a response read from its copy on <c>qualysgen.xml.documents</c>.</summary>
    public static void CountRead() => Count(RecordBatch.IndentationRemoved);

    /// <summary>Counts a response whose copy faulted, to be read again as it came, on <c>qualysgen.xml.documents</c>.</summary>
    public static void CountReadAgain() => Count(RecordBatch.ReadAgain);

    private static void Count(string indentation) => XmlTelemetry.Documents.Add(1, new KeyValuePair<string, object?>("indentation", indentation));

    public void Dispose()
    {
        if (_copy is not null)
        {
            ArrayPool<byte>.Shared.Return(_copy);
        }
    }
}
