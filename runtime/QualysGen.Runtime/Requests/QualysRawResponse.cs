using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace QualysGen.Requests;

/// <summary>
/// The body of a response that the spec gives no schema for (the endpoint's DTD is not checked in yet), as it came. When the schema is
/// added to the spec, the request's response type becomes its generated model and code using this type stops compiling, on purpose.
/// </summary>
public sealed class QualysRawResponse
{
    /// <summary>Creates a raw response from the body's bytes.</summary>
    public QualysRawResponse(ReadOnlyMemory<byte> content) => Content = content;

    /// <summary>The body's bytes.</summary>
    public ReadOnlyMemory<byte> Content { get; }

    /// <summary>The body as UTF-8 text (Qualys sends UTF-8).</summary>
    public string Text => Encoding.UTF8.GetString(Content.Span);

    /// <summary>Reads the whole body.</summary>
    public static async ValueTask<QualysRawResponse> ReadAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return new QualysRawResponse(buffer.ToArray());
    }

    /// <inheritdoc />
    public override string ToString() => Text;
}
