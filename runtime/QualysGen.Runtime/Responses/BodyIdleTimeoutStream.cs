using System;
using System.Buffers;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace QualysGen.Responses;

/// <summary>
/// A response body from the network that must keep making progress: while a reader waits on it, at least
/// <see cref="ProgressBytes"/> (or the end of the body) must arrive within every <c>timeout</c> spent waiting. A body that stalls,
/// or trickles more slowly than that, is cut with an <see cref="IOException"/> whose inner exception is a
/// <see cref="TimeoutException"/> (<see cref="IsTimeout"/>).
/// </summary>
/// <remarks>
/// Only time spent inside reads counts: a caller that takes minutes over each record of a list it enumerates holds the
/// connection, but the body is not to blame for that. A pure idle timeout (no byte for so long) would not cut a server that
/// sends one byte every 100 ms, hence the amount: 16 KiB is the size of one read of the record stream.
/// </remarks>
internal sealed class BodyIdleTimeoutStream : QualysGen.Xml.ForwardReadStream
{
    /// <summary>What counts as progress: this many bytes since the last progress.</summary>
    public const int ProgressBytes = 16 * 1024;

    private readonly Stream _inner;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _time;
    private TimeSpan _waited;
    private long _sinceProgress;

    public BodyIdleTimeoutStream(Stream inner, TimeSpan timeout, TimeProvider time)
    {
        _inner = inner;
        _timeout = timeout;
        _time = time;
    }

    public override bool CanRead => _inner.CanRead;

    /// <summary>Whether <paramref name="exception"/> is this stream cutting a body that made no progress.</summary>
    public static bool IsTimeout(Exception exception) => exception is IOException { InnerException: TimeoutException };

    // Synchronous reads are rare (the record stream's fallback when its scan is outwitted); they wait the same way.
    public override int Read(Span<byte> buffer)
    {
        var rented = ArrayPool<byte>.Shared.Rent(buffer.Length);
        try
        {
            var read = ReadAsync(rented.AsMemory(0, buffer.Length), CancellationToken.None).AsTask().GetAwaiter().GetResult();
            rented.AsSpan(0, read).CopyTo(buffer);
            return read;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        => _timeout == Timeout.InfiniteTimeSpan ? _inner.ReadAsync(buffer, cancellationToken) : ReadWithinTimeoutAsync(buffer, cancellationToken);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private async ValueTask<int> ReadWithinTimeoutAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var left = _timeout - _waited;
        if (left <= TimeSpan.Zero)
        {
            throw NoProgress(null);
        }

        using var timer = new CancellationTokenSource(left, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        var started = _time.GetTimestamp();
        int read;
        try
        {
            read = await _inner.ReadAsync(buffer, linked.Token).ConfigureAwait(false);
        }
        // HttpClient cancels a read on the connection by disposing it: the read may then fail as an ObjectDisposedException
        // rather than be cancelled (HostileNetworkTests saw it once in a CI run, on a busy machine).
        catch (Exception exception) when (exception is OperationCanceledException or IOException or ObjectDisposedException && timer.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw NoProgress(exception);
        }
        finally
        {
            _waited += _time.GetElapsedTime(started);
        }

        _sinceProgress += read;
        if (read == 0 || _sinceProgress >= ProgressBytes)
        {
            _waited = TimeSpan.Zero;
            _sinceProgress = 0;
        }

        return read;
    }

    private IOException NoProgress(Exception? cancellation)
        => new($"The response body made no progress (less than {ProgressBytes / 1024} KiB in {_timeout.TotalSeconds:0.###} s of waiting): the connection was cut.", new TimeoutException(cancellation?.Message, cancellation));
}
