using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using System.Xml;

namespace QualysGen.Responses;

/// <summary>
/// Looks at the start of a response body to find its root element — the only reliable signal, since Qualys sends errors with
/// HTTP 200 and 400 alike — and hands back a stream that replays what was looked at followed by the rest of the network stream.
/// </summary>
/// <remarks>
/// <para>Only as much is read as the decision needs. For an endpoint's own root (<c>COMPLIANCE_SCHEDULE_SCAN_LIST_OUTPUT</c>...) that is
/// the prolog and the start tag, so records still stream to the parser as they arrive. A QPS <c>ServiceResponse</c> is read up to
/// <c>data</c>: <c>responseCode</c>, <c>count</c>, <c>hasMoreRecords</c> and <c>lastId</c> come first. A <c>SIMPLE_RETURN</c> is read
/// whole (it is a short status document, capped at <see cref="MaxEnvelopeBytes"/>) because its <c>CODE</c> comes after the request echo.</para>
/// <para>The inspecting reader ignores the DOCTYPE and resolves nothing, like the generated parsers.</para>
/// </remarks>
internal sealed class ResponseEnvelope
{
    /// <summary>The most that is buffered to read a <c>SIMPLE_RETURN</c> or the head of a <c>ServiceResponse</c>.</summary>
    public const int MaxEnvelopeBytes = 4 * 1024 * 1024;

    private const int MaxPrologBytes = 64 * 1024;

    private static readonly XmlReaderSettings Settings = new()
    {
        Async = true,
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        IgnoreWhitespace = true,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = false,
        MaxCharactersFromEntities = 0,
    };

    private ResponseEnvelope(ResponseRoot root, string? rootName, Stream body)
    {
        Root = root;
        RootName = rootName;
        Body = body;
    }

    public ResponseRoot Root { get; }

    /// <summary>The root element's local name, when the body is XML.</summary>
    public string? RootName { get; }

    /// <summary>The whole body, from its first byte. Owns the network stream.</summary>
    public Stream Body { get; }

    public SimpleReturnInfo? SimpleReturn { get; private set; }

    public ServiceResponseInfo? Service { get; private set; }

    /// <summary>Reads the start of <paramref name="response"/>'s body.</summary>
    /// <exception cref="IOException">The connection failed while the start was read.</exception>
    public static async Task<ResponseEnvelope> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
        => await ReadAsync(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

    /// <summary>Reads the start of a response body, <paramref name="network"/>, which the envelope then owns.</summary>
    /// <exception cref="IOException">The connection failed while the start was read.</exception>
    public static async Task<ResponseEnvelope> ReadAsync(Stream network, CancellationToken cancellationToken)
    {

        // Find the first significant character without committing to a reader: the body may be empty, JSON, or a raw token.
        var prolog = new byte[512];
        var length = 0;
        var first = -1;
        while (first < 0 && length < MaxPrologBytes)
        {
            if (length == prolog.Length)
            {
                Array.Resize(ref prolog, prolog.Length * 2);
            }

            var read = await network.ReadAsync(prolog.AsMemory(length), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            length += read;
            first = FirstSignificantByte(prolog.AsSpan(0, length));
        }

        var source = new ReplayStream(prolog.AsMemory(0, length), network, cancellationToken);
        if (first < 0)
        {
            return new ResponseEnvelope(length == 0 ? ResponseRoot.Empty : ResponseRoot.NotXml, null, source);
        }

        if (prolog[first] != (byte)'<')
        {
            return new ResponseEnvelope(ResponseRoot.NotXml, null, source);
        }

        var recording = new RecordingStream(source, MaxEnvelopeBytes);
        string? rootName = null;
        ResponseEnvelope envelope;
        using (var reader = XmlReader.Create(recording, Settings))
        {
            try
            {
                await reader.MoveToContentAsync().ConfigureAwait(false);
                if (reader.NodeType != XmlNodeType.Element)
                {
                    return Replay(ResponseRoot.MalformedXml, null, recording, source, cancellationToken);
                }

                rootName = reader.LocalName;
                switch (rootName)
                {
                    case "SIMPLE_RETURN":
                        var simple = new SimpleReturnParts();
                        try
                        {
                            await ReadSimpleReturnAsync(reader, simple).ConfigureAwait(false);
                        }
                        catch (XmlException) when (simple.Code is not null)
                        {
                            // Cut off after its CODE (a dropped connection, a document "as published"): the error is still the error.
                        }

                        envelope = Replay(ResponseRoot.SimpleReturn, rootName, recording, source, cancellationToken);
                        envelope.SimpleReturn = simple.ToInfo();
                        break;
                    case "ServiceResponse":
                        var service = new ServiceResponseInfo();
                        try
                        {
                            await ReadServiceHeadAsync(reader, service).ConfigureAwait(false);
                        }
                        catch (XmlException) when (service.ResponseCode.Length > 0 && !service.IsSuccess)
                        {
                            // As above: an error code that arrived is reported even if the document then breaks off.
                        }

                        envelope = Replay(ResponseRoot.ServiceResponse, rootName, recording, source, cancellationToken);
                        envelope.Service = service;
                        break;
                    default:
                        envelope = Replay(ResponseRoot.Other, rootName, recording, source, cancellationToken);
                        break;
                }
            }
            catch (XmlException)
            {
                // The parser will say exactly what is wrong, with line and position; here it only means "not a Qualys envelope".
                return Replay(ResponseRoot.MalformedXml, rootName, recording, source, cancellationToken);
            }
        }

        return envelope;
    }

    private static ResponseEnvelope Replay(ResponseRoot root, string? rootName, RecordingStream recording, Stream source, CancellationToken token)
        => new(root, rootName, new ReplayStream(recording.Recorded, source, token));

    private static int FirstSignificantByte(ReadOnlySpan<byte> bytes)
    {
        var start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        for (var i = start; i < bytes.Length; i++)
        {
            if (bytes[i] is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return i;
            }
        }

        return -1;
    }

    private sealed class SimpleReturnParts
    {
        public string? Code { get; set; }

        public string Text { get; set; } = "";

        public List<KeyValuePair<string, IReadOnlyList<string>>> Items { get; } = new();

        public SimpleReturnInfo ToInfo() => new(string.IsNullOrEmpty(Code) ? null : Code, Text, Items);
    }

    private static async Task ReadSimpleReturnAsync(XmlReader reader, SimpleReturnParts parts)
    {
        var items = parts.Items;
        await ForEachChildAsync(reader, async () =>
        {
            if (reader.LocalName != "RESPONSE")
            {
                await reader.SkipAsync().ConfigureAwait(false);
                return;
            }

            await ForEachChildAsync(reader, async () =>
            {
                switch (reader.LocalName)
                {
                    case "CODE":
                        parts.Code = await ReadTextAsync(reader).ConfigureAwait(false);
                        break;
                    case "TEXT":
                        parts.Text = await ReadTextAsync(reader).ConfigureAwait(false);
                        break;
                    case "ITEM_LIST":
                        await ForEachChildAsync(reader, async () =>
                        {
                            if (reader.LocalName != "ITEM")
                            {
                                await reader.SkipAsync().ConfigureAwait(false);
                                return;
                            }

                            string? key = null;
                            var values = new List<string>();
                            await ForEachChildAsync(reader, async () =>
                            {
                                switch (reader.LocalName)
                                {
                                    case "KEY":
                                        key = await ReadTextAsync(reader).ConfigureAwait(false);
                                        break;
                                    case "VALUE":
                                        values.Add(await ReadTextAsync(reader).ConfigureAwait(false));
                                        break;
                                    default:
                                        await reader.SkipAsync().ConfigureAwait(false);
                                        break;
                                }
                            }).ConfigureAwait(false);
                            items.Add(new KeyValuePair<string, IReadOnlyList<string>>(key ?? "", values));
                        }).ConfigureAwait(false);
                        break;
                    default:
                        await reader.SkipAsync().ConfigureAwait(false);
                        break;
                }
            }).ConfigureAwait(false);
        }).ConfigureAwait(false);

        // Read to the end so that a SIMPLE_RETURN that is not well-formed after RESPONSE is not taken for an answer.
        while (await reader.ReadAsync().ConfigureAwait(false))
        {
        }
    }

    private static async Task ReadServiceHeadAsync(XmlReader reader, ServiceResponseInfo info)
    {
        if (reader.IsEmptyElement)
        {
            return;
        }

        await reader.ReadAsync().ConfigureAwait(false);
        while (reader.NodeType != XmlNodeType.EndElement && reader.NodeType != XmlNodeType.None)
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                await reader.SkipAsync().ConfigureAwait(false);
                continue;
            }

            switch (reader.LocalName)
            {
                case "responseCode":
                    info.ResponseCode = await ReadTextAsync(reader).ConfigureAwait(false);
                    break;
                case "count":
                    info.Count = ParseInt(await ReadTextAsync(reader).ConfigureAwait(false));
                    break;
                case "hasMoreRecords":
                    info.HasMoreRecords = await ReadTextAsync(reader).ConfigureAwait(false) is "true" or "1";
                    break;
                case "lastId":
                    info.LastId = await ReadTextAsync(reader).ConfigureAwait(false);
                    break;
                case "responseErrorDetails":
                    await ForEachChildAsync(reader, async () =>
                    {
                        switch (reader.LocalName)
                        {
                            case "errorMessage":
                                info.ErrorMessage = await ReadTextAsync(reader).ConfigureAwait(false);
                                break;
                            case "errorResolution":
                                info.ErrorResolution = await ReadTextAsync(reader).ConfigureAwait(false);
                                break;
                            case "internalErrorCodeId":
                                info.InternalErrorCodeId = ParseInt(await ReadTextAsync(reader).ConfigureAwait(false));
                                break;
                            default:
                                await reader.SkipAsync().ConfigureAwait(false);
                                break;
                        }
                    }).ConfigureAwait(false);
                    break;
                default:
                    // data (the records) or anything after it: the head is complete, the records stay on the wire.
                    return;
            }
        }
    }

    private static async Task ForEachChildAsync(XmlReader reader, Func<Task> onElement)
    {
        if (reader.IsEmptyElement)
        {
            await reader.ReadAsync().ConfigureAwait(false);
            return;
        }

        await reader.ReadAsync().ConfigureAwait(false);
        while (reader.NodeType != XmlNodeType.EndElement)
        {
            if (reader.NodeType == XmlNodeType.None)
            {
                throw new XmlException("The document ends inside an element.");
            }

            if (reader.NodeType == XmlNodeType.Element)
            {
                await onElement().ConfigureAwait(false);
            }
            else
            {
                await reader.SkipAsync().ConfigureAwait(false);
            }
        }

        await reader.ReadAsync().ConfigureAwait(false);
    }

    private static async Task<string> ReadTextAsync(XmlReader reader)
        => (await reader.ReadElementContentAsStringAsync().ConfigureAwait(false)).Trim();

    private static int? ParseInt(string text)
        => int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;
}
