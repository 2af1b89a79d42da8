using System;
using System.Buffers;
using System.Collections.Generic;
using System.ComponentModel;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace QualysGen.Xml;

/// <summary>
/// A whole response read asynchronously into pooled segments, then read synchronously by the parser: how <c>ParseAsync</c>
/// waits for I/O without an asynchronous twin of every element reader (System.Text.Json reads the same way). Each segment
/// goes back to the pool as soon as the parser has read past it, so the response is held once, never copied whole, and the
/// parsed graph grows as the buffered bytes shrink. Also the first bytes of a response that a synchronous <c>Parse</c> reads
/// to learn whether it is large (<see cref="Peek"/>), followed by the rest, unread. Not meant to be used by hand.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class XmlDocumentBuffer : ForwardReadStream
{
    private const int SegmentSize = 64 * 1024;
    private const int LargestSegment = 1024 * 1024;

    private readonly Queue<(byte[] Array, int Length)> _segments = new();
    private int _offset;
    private long _remaining;
    private WholeReadStream? _rest;   // what follows the segments, unread (Peek), in whole reads as over a response in memory
    private bool _disposed;

    private XmlDocumentBuffer()
    {
    }

    /// <summary>
    /// The size of the next segment of a response of which <paramref name="total"/> bytes have arrived: 64 KiB, growing with
    /// the response to a quarter of it, up to 1 MiB. A large response is held in few arrays on the large object heap, which
    /// the GC does not copy; held in 64 KiB arrays, every one was copied as it survived each young collection during the
    /// parse (100,000 SCAN: 334-340 ms of GC pause a call, 257-280 ms with segments that grow).
    /// </summary>
    private static int SegmentFor(long total) => (int)Math.Clamp(total / 4, SegmentSize, LargestSegment);

    /// <summary>
    /// Reads <paramref name="source"/> to its end without blocking, then parses what it holds with <paramref name="parse"/>
    /// (a generated synchronous <c>Parse</c>). The source is not disposed.
    /// </summary>
    public static async ValueTask<T> ParseAsync<T>(Stream source, QualysXmlOptions? options, Func<Stream, QualysXmlOptions?, T> parse, CancellationToken cancellationToken)
    {
        var buffered = await ReadAsync(source, options, cancellationToken).ConfigureAwait(false);
        try
        {
            return parse(buffered, options);
        }
        finally
        {
            if (!ReferenceEquals(buffered, source))
            {
                buffered.Dispose();
            }
        }
    }

    /// <summary>
    /// Reads <paramref name="source"/> to its end without blocking. A <see cref="MemoryStream"/> is already in memory and is
    /// returned as it is. More than <see cref="QualysXmlOptions.MaxBufferedBytes"/> throws <see cref="QualysXmlException"/>.
    /// </summary>
    public static async ValueTask<Stream> ReadAsync(Stream source, QualysXmlOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source is MemoryStream)
        {
            return source;
        }

        var limit = (options ?? QualysXmlOptions.Default).MaxBufferedBytes;
        var whole = new WholeReadStream(source);
        var buffer = new XmlDocumentBuffer();
        try
        {
            while (true)
            {
                var segment = ArrayPool<byte>.Shared.Rent(SegmentFor(buffer._remaining));
                int length;
                try
                {
                    length = await whole.ReadAsync(segment, cancellationToken).ConfigureAwait(false);
                }
                catch
                {
                    ArrayPool<byte>.Shared.Return(segment);
                    throw;
                }

                var ended = buffer.Append(segment, length);
                if (buffer._remaining > limit)
                {
                    throw new QualysXmlException(
                        QualysXmlErrorKind.LimitExceeded,
                        $"The response is larger than {limit:N0} bytes (QualysXmlOptions.MaxBufferedBytes)",
                        0,
                        0);
                }

                if (ended)
                {
                    return buffer;
                }
            }
        }
        catch
        {
            buffer.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Reads the first <paramref name="bytes"/> of <paramref name="source"/> (fewer if it ends first) into pooled segments,
    /// blocking, and returns a stream of them followed by the rest of <paramref name="source"/>, read only when they are
    /// used up. Its <see cref="Remaining"/> is known if the source ended within them. The source is not disposed.
    /// <paramref name="segmentSize"/> bytes at most a segment (64 KiB unless told).
    /// </summary>
    internal static XmlDocumentBuffer Peek(Stream source, long bytes, int segmentSize = SegmentSize)
    {
        var rest = new WholeReadStream(source);
        var buffer = new XmlDocumentBuffer { _rest = rest };
        try
        {
            while (buffer._rest is not null && buffer._remaining < bytes)
            {
                var segment = ArrayPool<byte>.Shared.Rent((int)Math.Min(segmentSize, bytes - buffer._remaining));
                int length;
                try
                {
                    length = rest.Read(segment);
                }
                catch
                {
                    ArrayPool<byte>.Shared.Return(segment);
                    throw;
                }

                if (buffer.Append(segment, length))
                {
                    buffer._rest = null;
                }
            }

            return buffer;
        }
        catch
        {
            buffer.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Adds a segment that a whole read filled <paramref name="length"/> bytes of (giving it back if none), and returns whether
    /// the source ended in it: the read stopped short.
    /// </summary>
    private bool Append(byte[] segment, int length)
    {
        if (length == 0)
        {
            ArrayPool<byte>.Shared.Return(segment);
        }
        else
        {
            _segments.Enqueue((segment, length));
            _remaining += length;
        }

        return length < segment.Length;
    }

    /// <summary>
    /// The whole response, when it is all held and none of it has been read yet: its one segment, or the segments copied into
    /// <paramref name="rented"/> (from <see cref="ArrayPool{T}.Shared"/>, to give back). False otherwise.
    /// </summary>
    internal bool TryGetWhole(out ArraySegment<byte> whole, out byte[]? rented)
    {
        rented = null;
        whole = default;
        if (_disposed || _rest is not null || _offset != 0 || _segments.Count == 0 || _remaining > Array.MaxLength)
        {
            return false;
        }

        if (_segments.Count == 1)
        {
            var (array, length) = _segments.Peek();
            whole = new ArraySegment<byte>(array, 0, length);
            return true;
        }

        rented = ArrayPool<byte>.Shared.Rent((int)_remaining);
        var copied = 0;
        foreach (var (array, length) in _segments)
        {
            array.AsSpan(0, length).CopyTo(rented.AsSpan(copied));
            copied += length;
        }

        whole = new ArraySegment<byte>(rented, 0, copied);
        return true;
    }

    /// <summary>Gives back every segment, as a read to the end would have: what is held has been parsed another way.</summary>
    internal void Discard()
    {
        while (_segments.Count > 0)
        {
            ArrayPool<byte>.Shared.Return(_segments.Dequeue().Array);
        }

        _offset = 0;
        _remaining = 0;
    }

    /// <summary>The bytes not read yet; -1 when that is not known (a <see cref="Peek"/> that did not reach the source's end).</summary>
    internal long Remaining => _rest is null ? _remaining : -1;

    /// <inheritdoc />
    public override int Read(Span<byte> buffer)
    {
        var copied = ReadSegments(buffer);
        return _rest is null || copied == buffer.Length ? copied : copied + _rest.Read(buffer.Slice(copied));
    }

    private int ReadSegments(Span<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var copied = 0;
        while (copied < buffer.Length && _segments.Count > 0)
        {
            var (array, length) = _segments.Peek();
            var count = Math.Min(length - _offset, buffer.Length - copied);
            array.AsSpan(_offset, count).CopyTo(buffer.Slice(copied));
            copied += count;
            _offset += count;
            _remaining -= count;
            if (_offset == length)
            {
                _segments.Dequeue();
                ArrayPool<byte>.Shared.Return(array);
                _offset = 0;
            }
        }

        return copied;
    }

    /// <inheritdoc />
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var copied = ReadSegments(buffer.Span);
        return _rest is null || copied == buffer.Length
            ? new(copied)   // everything is in memory already
            : ReadRestAsync(buffer, copied, cancellationToken);
    }

    private async ValueTask<int> ReadRestAsync(Memory<byte> buffer, int copied, CancellationToken cancellationToken)
        => copied + await _rest!.ReadAsync(buffer.Slice(copied), cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public override int ReadByte()
    {
        Span<byte> one = stackalloc byte[1];
        return Read(one) == 1 ? one[0] : -1;
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (!_disposed)
        {
            _disposed = true;
            Discard();
        }

        base.Dispose(disposing);
    }
}
