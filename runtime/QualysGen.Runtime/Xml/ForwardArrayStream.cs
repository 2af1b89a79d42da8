using System;
using System.Threading;
using System.Threading.Tasks;

namespace QualysGen.Xml;

/// <summary>
/// Bytes already in memory, read forward only: a batch of records, or a response without its indentation. Over a seekable
/// stream <see cref="System.Xml.XmlReader"/> sizes its buffers to the input (twice the memory); over this one it reads 4 KB
/// at a time, as over a network.
/// </summary>
internal sealed class ForwardArrayStream(byte[] bytes, int offset, int length) : ForwardReadStream
{
    private readonly int _end = offset + length;
    private int _position = offset;

    public override int Read(Span<byte> buffer)
    {
        var count = Math.Min(buffer.Length, _end - _position);
        bytes.AsSpan(_position, count).CopyTo(buffer);
        _position += count;
        return count;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        => new(Read(buffer.Span));
}
