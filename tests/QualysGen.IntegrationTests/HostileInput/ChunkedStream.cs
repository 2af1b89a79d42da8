using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace QualysGen.IntegrationTests.HostileInput;

/// <summary>
/// Serves bytes in pieces of 1 to <c>largestPiece</c> bytes (random, from a seed), as a network does. With
/// <c>asyncOnly</c> a synchronous read throws, so a reader that should only read asynchronously is caught. An asynchronous
/// read completes later (the bytes are still arriving), or, for the first <c>atHand</c> bytes, as it is begun (they have
/// arrived): <see cref="int.MaxValue"/> for all of them.
/// </summary>
internal sealed class ChunkedStream(byte[] data, int largestPiece, int seed, bool asyncOnly = false, int atHand = 0) : QualysGen.Xml.ForwardReadStream
{
    private readonly Random _random = new(seed);
    private int _position;

    public override int Read(Span<byte> buffer)
    {
        if (asyncOnly)
        {
            throw new NotSupportedException("This source must be read asynchronously.");
        }

        return Piece(buffer);
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        => _position < atHand ? new(Piece(buffer.Span)) : Later(buffer);

    private async ValueTask<int> Later(Memory<byte> buffer)
    {
        await Task.Yield();
        return Piece(buffer.Span);
    }

    private int Piece(Span<byte> buffer)
    {
        var count = Math.Min(Math.Min(buffer.Length, _random.Next(1, largestPiece + 1)), data.Length - _position);
        data.AsSpan(_position, count).CopyTo(buffer);
        _position += count;
        return count;
    }
}
