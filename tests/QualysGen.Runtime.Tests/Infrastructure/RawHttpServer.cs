using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace QualysGen.Runtime.Tests.Infrastructure;

/// <summary>
/// A bare HTTP/1.1 server on a loopback <see cref="TcpListener"/>, for what Kestrel will not do: it reads each request whole
/// (headers and <c>Content-Length</c> body), records it, lets the test write whatever it likes back (nothing, a cut-off answer,
/// a trickle) and then closes the connection.
/// </summary>
internal sealed class RawHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly Func<RawHttpRequest, Stream, CancellationToken, Task> _respond;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<RawHttpRequest> _requests = new();
    private readonly Task _accepting;

    private RawHttpServer(Func<RawHttpRequest, Stream, CancellationToken, Task> respond)
    {
        _respond = respond;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        BaseAddress = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _accepting = AcceptAsync();
    }

    public Uri BaseAddress { get; }

    /// <summary>Every request read in full, in arrival order.</summary>
    public IReadOnlyList<RawHttpRequest> Requests => _requests.ToArray();

    /// <summary>A server that reads each request and closes the connection without answering.</summary>
    public static RawHttpServer DroppingEveryRequest() => new(static (_, _, _) => Task.CompletedTask);

    /// <summary>A server that answers each request with <paramref name="respond"/>, then closes the connection.</summary>
    public static RawHttpServer Start(Func<RawHttpRequest, Stream, CancellationToken, Task> respond) => new(respond);

    /// <summary>Writes a status line and headers (<c>Connection: close</c> added); the body is up to the caller.</summary>
    public static Task WriteHeadAsync(Stream stream, int status, string contentType, long? contentLength, CancellationToken cancellationToken, params (string Name, string Value)[] headers)
    {
        var head = new StringBuilder().Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {status} Status\r\nContent-Type: {contentType}\r\nConnection: close\r\n");
        if (contentLength is { } length)
        {
            head.Append(CultureInfo.InvariantCulture, $"Content-Length: {length}\r\n");
        }

        foreach (var (name, value) in headers)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        return stream.WriteAsync(Encoding.ASCII.GetBytes(head.Append("\r\n").ToString()), cancellationToken).AsTask();
    }

    /// <summary>A whole answer with a body of <paramref name="body"/>'s bytes.</summary>
    public static async Task WriteAsync(Stream stream, int status, string contentType, byte[] body, CancellationToken cancellationToken, params (string Name, string Value)[] headers)
    {
        await WriteHeadAsync(stream, status, contentType, body.Length, cancellationToken, headers);
        await stream.WriteAsync(body, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var socket = await _listener.AcceptSocketAsync(_stop.Token);
            _ = ServeAsync(socket);
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        try
        {
            using var stream = new NetworkStream(socket, ownsSocket: true);
            if (await ReadRequestAsync(stream, _stop.Token) is { } request)
            {
                _requests.Enqueue(request);
                await _respond(request, stream, _stop.Token);
                await stream.FlushAsync(_stop.Token);
            }

            socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away (a timeout under test) or the server is stopping.
        }
    }

    private static async Task<RawHttpRequest?> ReadRequestAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        var length = 0;
        while (length < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken);
            if (read == 0)
            {
                return null;
            }

            length += read;
            var headEnd = buffer.AsSpan(0, length).IndexOf("\r\n\r\n"u8);
            if (headEnd < 0)
            {
                continue;
            }

            var head = Encoding.ASCII.GetString(buffer, 0, headEnd + 2);
            var contentLength = head.Split("\r\n")
                .Where(line => line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                .Select(line => int.Parse(line.AsSpan("Content-Length:".Length).Trim(), CultureInfo.InvariantCulture))
                .FirstOrDefault();
            if (length < headEnd + 4 + contentLength)
            {
                continue;
            }

            var requestLine = head.Substring(0, head.IndexOf("\r\n", StringComparison.Ordinal)).Split(' ');
            var headers = head.Substring(head.IndexOf("\r\n", StringComparison.Ordinal));
            return new RawHttpRequest(requestLine[0], requestLine[1], headers, buffer.AsSpan(headEnd + 4, contentLength).ToArray());
        }

        throw new InvalidDataException("A request larger than 64 KB.");
    }
}
