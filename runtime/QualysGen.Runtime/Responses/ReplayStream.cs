using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace QualysGen.Responses;

/// <summary>
/// A read-only stream that gives back bytes already read from the network (a prefix) and then continues with the network
/// stream itself, so that a response can be inspected before the parser sees it without buffering the whole body.
/// Reads from the inner stream always observe the call's token, even when the reader (an <see cref="System.Xml.XmlReader"/>) passes none.
/// </summary>
internal sealed class ReplayStream : QualysGen.Xml.ForwardReadStream
{
    private readonly Stream _inner;
    private readonly CancellationToken _token;
    private ReadOnlyMemory<byte> _prefix;
    private bool _disposed;

    public ReplayStream(ReadOnlyMemory<byte> prefix, Stream inner, CancellationToken token)
    {
        _prefix = prefix;
        _inner = inner;
        _token = token;
    }

    public override bool CanRead => !_disposed;

    public override int Read(Span<byte> buffer)
    {
        if (TakePrefix(buffer) is var taken and > 0)
        {
            return taken;
        }

        _token.ThrowIfCancellationRequested();
        return _inner.Read(buffer);
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (TakePrefix(buffer.Span) is var taken and > 0)
        {
            return new ValueTask<int>(taken);
        }

        return ReadInnerAsync(buffer, cancellationToken);
    }

    private async ValueTask<int> ReadInnerAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        if (!cancellationToken.CanBeCanceled || cancellationToken == _token)
        {
            return await _inner.ReadAsync(buffer, _token).ConfigureAwait(false);
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _token);
        return await _inner.ReadAsync(buffer, linked.Token).ConfigureAwait(false);
    }

    private int TakePrefix(Span<byte> destination)
    {
        if (_prefix.IsEmpty || destination.IsEmpty)
        {
            return 0;
        }

        var count = Math.Min(destination.Length, _prefix.Length);
        _prefix.Span.Slice(0, count).CopyTo(destination);
        _prefix = _prefix.Slice(count);
        return count;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
