using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using QualysGen.Tests;

namespace QualysGen.Runtime.Tests.Infrastructure;

/// <summary>
/// An <see cref="HttpMessageHandler"/> that answers with recorded Qualys responses, in order: each body with the HTTP status and
/// headers it was recorded with (from its <c>.meta.json</c>). Keeps the requests it received, bodies included. The bodies are
/// those of the reference material (<see cref="ReferenceFiles"/>), read in place.
/// </summary>
internal sealed class ReplayHandler : HttpMessageHandler
{
    private readonly ConcurrentQueue<Canned> _responses = new();

    public List<(HttpMethod Method, Uri Uri, string Body, HttpRequestMessage Message)> Requests { get; } = new();

    /// <summary>Queues <c>samples/recorded/{name}.xml</c> with the status and headers of its <c>.meta.json</c>.</summary>
    public ReplayHandler Recorded(string name)
    {
        using var meta = JsonDocument.Parse(ReferenceFiles.ReadAllText("samples/recorded/" + name + ".meta.json"));
        var response = meta.RootElement.GetProperty("response");
        var headers = response.GetProperty("headers").EnumerateObject().Select(p => new KeyValuePair<string, string>(p.Name, p.Value.GetString()!)).ToList();
        _responses.Enqueue(new Canned(response.GetProperty("status").GetInt32(), File.ReadAllBytes(ReferenceFiles.PathOf("samples/recorded/" + name + ".xml")), headers));
        return this;
    }

    /// <summary>Queues a body of <c>samples/fixtures/</c> (which carries no status) with <paramref name="status"/>.</summary>
    public ReplayHandler Fixture(string file, int status, params KeyValuePair<string, string>[] headers)
    {
        _responses.Enqueue(new Canned(status, File.ReadAllBytes(ReferenceFiles.PathOf("samples/fixtures/" + file)), [new("content-type", "text/xml"), .. headers]));
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        lock (Requests)
        {
            Requests.Add((request.Method, request.RequestUri!, body, request));
        }

        if (!_responses.TryDequeue(out var recorded))
        {
            throw new InvalidOperationException("No recorded response left for " + request.RequestUri);
        }

        var response = new HttpResponseMessage((HttpStatusCode)recorded.Status) { RequestMessage = request, Content = new ByteArrayContent(recorded.Body) };
        foreach (var (name, value) in recorded.Headers)
        {
            if (name.StartsWith("content-", StringComparison.OrdinalIgnoreCase))
            {
                response.Content.Headers.TryAddWithoutValidation(name, value);
            }
            else if (name is not ("transfer-encoding" or "connection"))
            {
                response.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return response;
    }

    private sealed record Canned(int Status, byte[] Body, List<KeyValuePair<string, string>> Headers);
}
