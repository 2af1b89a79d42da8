using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace QualysGen.Responses;

/// <summary>
/// Passes reads through and keeps the last <c>capacity</c> bytes in a ring, so that once a parser has taken the records it wants,
/// the end of the document (where a classic-API list puts its truncation <c>WARNING</c>) can be examined without keeping the body.
/// Owns the inner stream.
/// </summary>
internal sealed class TailWindowStream : QualysGen.Xml.ForwardReadStream
{
    private readonly Stream _inner;
    private readonly byte[] _ring;
    private long _total;

    public TailWindowStream(Stream inner, int capacity)
    {
        _inner = inner;
        _ring = new byte[capacity];
    }

    /// <summary>Reads what is left of the inner stream into the window, up to <paramref name="maxBytes"/>; false when more was left.</summary>
    public async ValueTask<bool> DrainAsync(long maxBytes, CancellationToken cancellationToken)
    {
        var buffer = new byte[8192];
        long drained = 0;
        while (drained <= maxBytes)
        {
            var read = await ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return true;
            }

            drained += read;
        }

        return false;
    }

    /// <summary>The last bytes read, oldest first.</summary>
    public byte[] GetTail()
    {
        var length = (int)Math.Min(_total, _ring.Length);
        var result = new byte[length];
        var start = (int)((_total - length) % _ring.Length);
        var first = Math.Min(length, _ring.Length - start);
        Array.Copy(_ring, start, result, 0, first);
        Array.Copy(_ring, 0, result, first, length - first);
        return result;
    }

    public override int Read(Span<byte> buffer)
    {
        var read = _inner.Read(buffer);
        Keep(buffer.Slice(0, read));
        return read;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        Keep(buffer.Span.Slice(0, read));
        return read;
    }

    private void Keep(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > _ring.Length)
        {
            // Only the last ring's worth can be kept; account for the bytes that pass straight through.
            _total += bytes.Length - _ring.Length;
            bytes = bytes.Slice(bytes.Length - _ring.Length);
        }

        var position = (int)(_total % _ring.Length);
        var first = Math.Min(bytes.Length, _ring.Length - position);
        bytes.Slice(0, first).CopyTo(_ring.AsSpan(position));
        bytes.Slice(first).CopyTo(_ring);
        _total += bytes.Length;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
