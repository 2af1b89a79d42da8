using System;
using System.ComponentModel;
using System.IO;

namespace QualysGen.Xml;

/// <summary>
/// The response a generated synchronous <c>Parse</c> reads, and how many threads it parses the records with: what
/// <see cref="XmlRecordBatches.Open"/> decides. Disposing it gives back what was read ahead to decide, never the caller's
/// stream. Not meant to be used by hand; its shape may change between versions together with the generator.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct XmlParseInput : IDisposable
{
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

    /// <summary>Gives back the bytes read ahead; the caller's stream is left open.</summary>
    public void Dispose()
    {
        if (_owned)
        {
            Stream.Dispose();
        }
    }
}
