using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using QualysGen.Xml;
using Xunit;

namespace QualysGen.Runtime.Tests;

/// <summary>
/// <see cref="XmlDocumentBuffer.Peek"/>: the first bytes of a response of unknown length, read to learn whether it is large,
/// then the rest of it. Every byte comes once, in order, in whole reads; the length is known only if the response ended.
/// </summary>
public sealed class XmlDocumentBufferTests
{
    private static readonly byte[] Bytes = Enumerable.Range(0, 300_000).Select(i => (byte)(i * 7 + i / 251)).ToArray();

    [Theory]
    [InlineData(300_000, 300_001)]    // ends within the bytes peeked
    [InlineData(1_000, 5_000)]
    [InlineData(0, 10)]
    public void A_source_that_ends_within_the_peek_is_held_whole_and_its_length_known(int length, long peek)
    {
        var source = new Pieces(Bytes[..length], 1_000);
        using var buffer = XmlDocumentBuffer.Peek(source, peek);

        Assert.Equal(length, buffer.Remaining);
        Assert.Equal(0, source.Read(new byte[1]));   // all of it was read
        Assert.Equal(Bytes[..length], ReadAll(buffer, 4096));
    }

    [Theory]
    [InlineData(100_000, 4096, false)]
    [InlineData(100_000, 4096, true)]
    [InlineData(262_144, 777, false)]   // four whole segments: nothing read past them
    [InlineData(65_536, 65_536, true)]
    public async Task A_longer_source_is_read_on_after_the_peek_in_whole_reads(long peek, int readSize, bool asynchronously)
    {
        var source = new Pieces(Bytes, 1_000);
        using var buffer = XmlDocumentBuffer.Peek(source, peek);

        Assert.Equal(-1, buffer.Remaining);
        Assert.InRange(source.Position, peek, peek + 64 * 1024);   // no more than a segment past what was asked

        var read = new MemoryStream();
        var chunk = new byte[readSize];
        int count;
        while ((count = asynchronously ? await buffer.ReadAsync(chunk) : buffer.Read(chunk)) > 0)
        {
            // Whole reads, as over a response in memory, though the source hands out 1,000 bytes at most.
            Assert.True(count == readSize || read.Length + count == Bytes.Length, $"a read of {count} bytes at {read.Length}");
            read.Write(chunk, 0, count);
        }

        Assert.Equal(Bytes, read.ToArray());
    }

    /// <summary>A response read whole asynchronously (ParseAsync), in segments that grow with it, comes back as it was sent.</summary>
    [Theory]
    [InlineData(0)]
    [InlineData(65_536)]
    [InlineData(3_000_001)]
    public async Task A_response_read_whole_comes_back_byte_for_byte(int length)
    {
        var bytes = Enumerable.Range(0, length).Select(i => (byte)(i % 251)).ToArray();
        using var buffer = (XmlDocumentBuffer)await XmlDocumentBuffer.ReadAsync(new Pieces(bytes, 7_000), null, CancellationToken.None);

        Assert.Equal(length, buffer.Remaining);
        Assert.Equal(bytes, ReadAll(buffer, 100_000));
        Assert.Equal(0, buffer.Remaining);
    }

    [Fact]
    public async Task A_response_read_whole_stops_at_the_limit()
    {
        var bytes = new byte[3_000_000];
        var exception = await Assert.ThrowsAsync<QualysXmlException>(() => XmlDocumentBuffer.ReadAsync(new Pieces(bytes, 7_000), new QualysXmlOptions { MaxBufferedBytes = 2_000_000 }, CancellationToken.None).AsTask());
        Assert.Equal(QualysXmlErrorKind.LimitExceeded, exception.Kind);
    }

    [Fact]
    public void A_failing_source_fails_the_peek_and_disposing_leaves_the_source_open()
    {
        var failing = new Pieces(Bytes, 1_000) { FailAt = 50_000 };
        Assert.Throws<IOException>(() => XmlDocumentBuffer.Peek(failing, 100_000));

        var source = new Pieces(Bytes, 1_000);
        XmlDocumentBuffer.Peek(source, 10_000).Dispose();
        Assert.False(source.Disposed);
        Assert.NotEqual(0, source.Read(new byte[1]));
    }

    private static byte[] ReadAll(Stream stream, int readSize)
    {
        var read = new MemoryStream();
        var chunk = new byte[readSize];
        int count;
        while ((count = stream.Read(chunk)) > 0)
        {
            read.Write(chunk, 0, count);
        }

        return read.ToArray();
    }

    /// <summary>A source of unknown length that hands out at most <c>largest</c> bytes a read, as a network does.</summary>
    private sealed class Pieces(byte[] bytes, int largest) : ForwardReadStream
    {
        private int _position;

        public int FailAt { get; init; } = int.MaxValue;

        public bool Disposed { get; private set; }

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(Span<byte> buffer)
        {
            ObjectDisposedException.ThrowIf(Disposed, this);
            if (_position >= FailAt)
            {
                throw new IOException("The connection was reset.");
            }

            var count = Math.Min(Math.Min(buffer.Length, largest), bytes.Length - _position);
            bytes.AsSpan(_position, count).CopyTo(buffer);
            _position += count;
            return count;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            return Read(buffer.Span);
        }

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }
}
