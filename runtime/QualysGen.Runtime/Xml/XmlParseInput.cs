using System;
using System.Buffers;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Xml;

namespace QualysGen.Xml;

/// <summary>
/// The response a generated synchronous <c>Parse</c> reads, and how many threads it parses the records with: what
/// <see cref="XmlRecordBatches.Open"/> decides. Disposing it gives back what was read ahead to decide, never the caller's
/// stream. Not meant to be used by hand; its shape may change between versions together with the generator.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct XmlParseInput : IDisposable
{
    /// <summary>
    /// The largest response read on one thread without its indentation (<see cref="TryParseWithoutIndentation"/>): one held in
    /// memory anyway, or read into memory first when its length is known. A larger one is read as it comes. Its copies are
    /// rented from <see cref="ArrayPool{T}.Shared"/>, which keeps what it is given back: at 8 MiB, a 2.9 MB response left two
    /// 4 MiB arrays there (<c>InventedNamesMemoryTests</c>).
    /// </summary>
    internal const int WholeLimit = 1024 * 1024;

    /// <summary>How much of a response of unknown length a parse on one thread reads first, to hold it whole if it ends within.</summary>
    internal const int WholePeek = 128 * 1024;

    private readonly bool _owned;

    internal XmlParseInput(Stream stream, int parallelism, bool owned)
    {
        Stream = stream;
        Parallelism = parallelism;
        _owned = owned;
    }

    /// <summary>The response: the caller's stream, or the bytes read to decide followed by the rest of it.</summary>
    public Stream Stream { get; }

    /// <summary>How many threads to parse the records with; 1 for the calling thread alone.</summary>
    public int Parallelism { get; }

    /// <summary>
    /// For a response parsed on one thread and held in memory whole: parses it with <paramref name="read"/> from a copy without
    /// its indentation (<see cref="IndentationRemover.RemoveFromDocument"/>), which <see cref="XmlReader"/> reads in about
    /// two thirds of the time. Its lines and columns are not the response's: its deviations are held until it ends, then
    /// reported with its drift at the response's own lines and columns (<see cref="CompactPositions"/>). On a fault it
    /// returns false having reported and consumed nothing, and the response is to be read as it came, for the fault's
    /// position (which <see cref="XmlReader"/> reports by where its buffer was cut, for some faults). False, without a parse,
    /// for a response on several threads, not held whole, without indentation, in an encoding whose markup is not ASCII's,
    /// or with an internal DTD subset; and always with the AppContext switch <c>QualysGen.Xml.KeepIndentation</c>.
    /// </summary>
    /// <param name="names">The generated names, passed to <paramref name="read"/>.</param>
    /// <param name="settings">The reader settings; the indentation is taken out only when they ignore whitespace and PIs.</param>
    /// <param name="context">The parse's context, set to hold its deviations while the copy is read.</param>
    /// <param name="read">Reads the document (root, content, end) from a reader.</param>
    /// <param name="result">The document read, when true.</param>
    public bool TryParseWithoutIndentation<TNames, T>(TNames names, XmlReaderSettings settings, XmlParseContext context, Func<XmlReader, TNames, XmlParseContext, T> read, [MaybeNullWhen(false)] out T result)
    {
        result = default;
        if (Parallelism != 1 || XmlRecordBatches.KeepIndentation || settings is not { IgnoreWhitespace: true, IgnoreProcessingInstructions: true })
        {
            return false;
        }

        ArraySegment<byte> whole;
        byte[]? copy = null;
        switch (Stream)
        {
            case MemoryStream memory when memory.Length - memory.Position is > 0 and <= WholeLimit && memory.TryGetBuffer(out var buffer):
                whole = buffer.Slice((int)memory.Position);
                break;
            case XmlDocumentBuffer held when held.Remaining is > 0 and <= WholeLimit && held.TryGetWhole(out whole, out copy):
                break;
            default:
                return false;
        }

        try
        {
            if (!CompactDocument.TryCreate(whole, out var compact))
            {
                return false;
            }

            using (compact)
            {
                T parsed;
                context.HoldsReports = true;
                try
                {
                    using var reader = compact.CreateReader(settings);
                    parsed = read(reader, names, context);
                }
                catch (Exception)
                {
                    // A fault: read again as it came, which reports what came before it and throws what this parse would
                    // have thrown, where it is in the response (XmlReader reports some faults where its buffer was cut).
                    context.DropHeld();
                    CompactDocument.CountReadAgain();
                    return false;
                }
                finally
                {
                    context.HoldsReports = false;
                }

                // Deviations and drift, at the response's lines and columns.
                if (context.HasReports)
                {
                    context.ReportHeld(compact.PositionMap());
                }

                CompactDocument.CountRead();
                result = parsed;
            }

            // Consumed, as a parse of the response as it came would have left it.
            if (Stream is MemoryStream consumed)
            {
                consumed.Position = consumed.Length;
            }
            else
            {
                ((XmlDocumentBuffer)Stream).Discard();
            }

            return true;
        }
        finally
        {
            if (copy is not null)
            {
                ArrayPool<byte>.Shared.Return(copy);
            }
        }
    }

    /// <summary>Gives back the bytes read ahead; the caller's stream is left open.</summary>
    public void Dispose()
    {
        if (_owned)
        {
            Stream.Dispose();
        }
    }
}
