using System;
using System.ComponentModel;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace QualysGen.Requests;

/// <summary>
/// What generated JSON response readers need from the runtime: the body's bytes. The readers themselves (a <c>Utf8JsonReader</c>
/// walk, no reflection) are generated with their helpers, so that no <c>System.Text.Json</c> type crosses into the runtime.
/// Not meant to be called by hand; its shape may change between versions together with the generator.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class QualysJson
{
    /// <summary>Reads the whole body (JSON responses are small).</summary>
    public static async ValueTask<ReadOnlyMemory<byte>> ReadAllAsync(Stream stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return new ReadOnlyMemory<byte>(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
