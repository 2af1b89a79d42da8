using System;
using System.Buffers;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace QualysGen.Responses;

/// <summary>
/// Passes reads through to a stream and keeps a copy of every byte read, up to a cap, so that what an inspecting
/// <see cref="System.Xml.XmlReader"/> consumed (including its read-ahead) can be replayed to the real parser.
/// It does not own the inner stream.
/// </summary>
internal sealed class RecordingStream : QualysGen.Xml.ForwardReadStream
{
    private readonly Stream _inner;
    private readonly int _maxBytes;
    private readonly ArrayBufferWriter<byte> _recorded = new(4096);

    public RecordingStream(Stream inner, int maxBytes)
    {
        _inner = inner;
        _maxBytes = maxBytes;
    }

    /// <summary>The bytes read so far.</summary>
    public ReadOnlyMemory<byte> Recorded => _recorded.WrittenMemory;

    public override int Read(Span<byte> buffer)
    {
        var read = _inner.Read(buffer);
        Record(buffer.Slice(0, read));
        return read;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        Record(buffer.Span.Slice(0, read));
        return read;
    }

    private void Record(ReadOnlySpan<byte> bytes)
    {
        if (_recorded.WrittenCount + bytes.Length > _maxBytes)
        {
            throw new InvalidDataException($"The response's error envelope is larger than {_maxBytes} bytes.");
        }

        _recorded.Write(bytes);
    }
}
