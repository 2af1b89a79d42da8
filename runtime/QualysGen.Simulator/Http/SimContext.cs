using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace QualysGen.Simulator.Http;

/// <summary>One request in flight: its parameters (query and form merged, the last occurrence winning, as Qualys documents), and the ways to answer.</summary>
internal sealed class SimContext
{
    public SimContext(QualysSimulator simulator, HttpContext http, SimulatedRequest entry, Dictionary<string, string> parameters, string body)
    {
        Simulator = simulator;
        Http = http;
        Entry = entry;
        Parameters = parameters;
        Body = body;
    }

    public QualysSimulator Simulator { get; }

    public HttpContext Http { get; }

    public SimulatedRequest Entry { get; }

    public Dictionary<string, string> Parameters { get; }

    /// <summary>The body when it is not a form (an XML <c>ServiceRequest</c>, a template export).</summary>
    public string Body { get; }

    public string Path => Http.Request.Path.Value ?? "/";

    public string Method => Http.Request.Method;

    public bool IsPost => HttpMethods.IsPost(Method);

    /// <summary>The <c>N.0</c> of an <c>/api/N.0/</c> path.</summary>
    public string Version { get; set; } = "2.0";

    /// <summary>A fault that acts after the request was carried out (drop the connection, hold the body).</summary>
    public QualysFault? LateFault { get; set; }

    public DateTimeOffset Now => Simulator.Now;

    public string ApiBase => Simulator.ApiBase;

    public string? this[string name] => Parameters.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    public Task SimpleReturnAsync(int status, string text, params KeyValuePair<string, string>[] items)
        => WriteAsync(status, "text/xml", QualysXml.SimpleReturn(ApiBase, Version, Now, null, text, items));

    public Task ErrorAsync(int status, int code, string text, params KeyValuePair<string, string>[] items)
        => WriteAsync(status, "text/xml", QualysXml.SimpleReturn(ApiBase, Version, Now, code.ToString(CultureInfo.InvariantCulture), text, items));

    /// <summary>1903: a required parameter is missing (HTTP 400).</summary>
    public Task MissingAsync(params string[] names) => ErrorAsync(400, 1903, "Missing required parameter(s): " + string.Join(", ", names));

    /// <summary>1905: a parameter has an invalid value (HTTP 400).</summary>
    public Task InvalidAsync(string name, string? value, string? why = null)
        => ErrorAsync(400, 1905, $"parameter {name} has invalid value: {value}" + (why is null ? "" : $" ({why})"));

    public Task ServiceErrorAsync(string xsd, string responseCode, string message, string? resolution)
        => WriteAsync(200, "application/xml", QualysXml.ServiceError(ApiBase, xsd, responseCode, message, resolution));

    /// <summary>Writes a whole response, unless a fault says to cut the connection instead.</summary>
    public async Task WriteAsync(int status, string contentType, string body)
    {
        if (LateFault?.Kind == FaultKind.DropAfterProcessing)
        {
            Drop();
            return;
        }

        Http.Response.StatusCode = status;
        Http.Response.ContentType = contentType;
        var bytes = Encoding.UTF8.GetBytes(body);
        Http.Response.ContentLength = bytes.Length;
        await Http.Response.Body.WriteAsync(bytes, Http.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes a list response piece by piece, flushing after each record so that a client sees records as they are produced.
    /// With a hold fault, stops after the first record and the start tag of the second until the fault's task completes.
    /// </summary>
    public async Task StreamAsync(int status, string contentType, string head, IReadOnlyList<string> records, string tail)
    {
        if (LateFault?.Kind == FaultKind.DropAfterProcessing)
        {
            Drop();
            return;
        }

        var response = Http.Response;
        response.StatusCode = status;
        response.ContentType = contentType;
        var aborted = Http.RequestAborted;
        await Write(head).ConfigureAwait(false);
        for (var i = 0; i < records.Count; i++)
        {
            if (i == 1 && LateFault?.Kind == FaultKind.HoldAfterFirstRecord)
            {
                var startTagEnd = records[1].IndexOf('>') + 1;
                await Write(records[1].Substring(0, startTagEnd)).ConfigureAwait(false);
                await LateFault.Release!.WaitAsync(aborted).ConfigureAwait(false);
                await Write(records[1].Substring(startTagEnd)).ConfigureAwait(false);
                continue;
            }

            await Write(records[i]).ConfigureAwait(false);
        }

        await Write(tail).ConfigureAwait(false);

        async Task Write(string text)
        {
            await response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), aborted).ConfigureAwait(false);
            await response.Body.FlushAsync(aborted).ConfigureAwait(false);
        }
    }

    public void Drop()
    {
        Entry.Dropped = true;
        Http.Abort();
    }
}
