using System;
using System.ComponentModel;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace QualysGen.Xml;

/// <summary>
/// A read-only view of a response that fills every read whole unless the response ends first, as a
/// <see cref="MemoryStream"/> does, for an <see cref="System.Xml.XmlReader"/> over a network stream. The reader depends on how
/// its reads are cut: it throws <see cref="ArgumentOutOfRangeException"/> (from its encoding switch) when an XML declaration
/// with a byte ≥ 0x80 in it (<c>version="1.0é"</c>) arrives in pieces, and reports an error such as a response cut off inside
/// a CDATA section a position or two further on. Over this stream it reads as over the whole response in memory.
/// </summary>
/// <remarks>
/// For <c>Parse</c> and <c>ParseAsync</c>, which read the whole response before they return; not for a record stream, which
/// must hand out what has arrived (<see cref="XmlRecordStream"/> keeps the declaration whole itself). Not meant to be used by
/// hand; its shape may change between versions together with the generator.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class WholeReadStream(Stream source) : ForwardReadStream
{
    private readonly Stream _source = source ?? throw new ArgumentNullException(nameof(source));

    /// <inheritdoc/>
    public override int Read(Span<byte> buffer)
    {
        var total = 0;
        int count;
        while (total < buffer.Length && (count = _source.Read(buffer.Slice(total))) > 0)
        {
            total += count;
        }

        return total;
    }

    /// <inheritdoc/>
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var total = 0;
        int count;
        while (total < buffer.Length && (count = await _source.ReadAsync(buffer.Slice(total), cancellationToken).ConfigureAwait(false)) > 0)
        {
            total += count;
        }

        return total;
    }
}
