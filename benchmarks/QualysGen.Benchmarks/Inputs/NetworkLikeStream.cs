using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace QualysGen.Benchmarks.Inputs;

/// <summary>
/// The input as a response body arrives: not seekable, not a <see cref="MemoryStream"/> (which <c>ParseAsync</c> reads in
/// place), at most 16 KB a read, each read completing asynchronously-shaped (a ValueTask) without a real wait, so that the
/// measure is the parser's cost of reading asynchronously, not the network's.
/// </summary>
public sealed class NetworkLikeStream(byte[] data) : Stream
{
    private const int ReadSize = 16 * 1024;
    private int _position;

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        => new(Read(buffer.Span));

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var count = Math.Min(Math.Min(buffer.Length, ReadSize), data.Length - _position);
        data.AsSpan(_position, count).CopyTo(buffer);
        _position += count;
        return count;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
