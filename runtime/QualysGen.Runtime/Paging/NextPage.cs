using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using QualysGen.Requests;

namespace QualysGen.Paging;

/// <summary>Builds the request for the next page of a list, from what the last page said.</summary>
internal static class NextPage
{
    /// <summary>
    /// Classic API: the <c>WARNING</c>'s URL holds the parameters of the next batch (typically the original ones plus <c>id_min</c>).
    /// Only its query is used: the request goes to the same endpoint on the configured API server, never to the host the URL names,
    /// and travels the way the original did (query string, or form body for a form POST).
    /// </summary>
    public static QualysRequest<TResponse> FromWarningUrl<TResponse>(QualysRequest<TResponse> request, string url, out string? urlHost)
    {
        string query;
        urlHost = null;
        if (Uri.TryCreate(url, UriKind.Absolute, out var absolute))
        {
            urlHost = absolute.Host;
            query = absolute.Query;
        }
        else
        {
            var mark = url.IndexOf('?');
            query = mark < 0 ? "" : url.Substring(mark);
        }

        var parameters = ParseQuery(query);
        var empty = Array.Empty<KeyValuePair<string, string>>();
        var asForm = request.BodyKind == QualysBodyKind.Form;
        return new QualysRequest<TResponse>(
            request.Endpoint,
            request.Version,
            request.Method,
            request.Path,
            asForm ? empty : parameters,
            request.BodyKind,
            asForm ? parameters : request.Form,
            request.Body,
            request.ContentType,
            request.AuthSchemes,
            request.Host,
            request.IsRetrySafe,
            request.ParseResponseAsync);
    }

    /// <summary>
    /// QPS: the same <c>ServiceRequest</c> with <c>&lt;Criteria field="id" operator="GREATER"&gt;lastId&lt;/Criteria&gt;</c> in its
    /// filters (replacing an earlier one) and without <c>startFromOffset</c>/<c>startFromId</c>, as the QPS documentation prescribes.
    /// </summary>
    public static QualysRequest<TResponse>? FromLastId<TResponse>(QualysRequest<TResponse> request, string lastId)
    {
        if (request.BodyKind != QualysBodyKind.Xml)
        {
            return null;
        }

        XDocument document;
        if (request.Body.IsEmpty)
        {
            document = new XDocument(new XElement("ServiceRequest"));
        }
        else
        {
            using var input = new MemoryStream(request.Body.ToArray());
            using var reader = XmlReader.Create(input, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            document = XDocument.Load(reader);
        }

        var root = document.Root!;
        var filters = root.Element("filters");
        if (filters is null)
        {
            filters = new XElement("filters");
            root.AddFirst(filters);
        }

        filters.Elements("Criteria")
            .Where(c => (string?)c.Attribute("field") == "id" && (string?)c.Attribute("operator") == "GREATER")
            .Remove();
        filters.Add(new XElement("Criteria", new XAttribute("field", "id"), new XAttribute("operator", "GREATER"), lastId));
        root.Element("preferences")?.Elements().Where(e => e.Name.LocalName is "startFromOffset" or "startFromId").Remove();

        using var output = new MemoryStream();
        using (var writer = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false), OmitXmlDeclaration = true }))
        {
            document.Save(writer);
        }

        return new QualysRequest<TResponse>(
            request.Endpoint,
            request.Version,
            request.Method,
            request.Path,
            request.Query,
            request.BodyKind,
            request.Form,
            output.ToArray(),
            request.ContentType,
            request.AuthSchemes,
            request.Host,
            request.IsRetrySafe,
            request.ParseResponseAsync);
    }

    internal static KeyValuePair<string, string>[] ParseQuery(string query)
    {
        if (query.StartsWith('?'))
        {
            query = query.Substring(1);
        }

        var result = new List<KeyValuePair<string, string>>();
        foreach (var part in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=');
            var key = equals < 0 ? part : part.Substring(0, equals);
            var value = equals < 0 ? "" : part.Substring(equals + 1);
            result.Add(new KeyValuePair<string, string>(Unescape(key), Unescape(value)));
        }

        return result.ToArray();
    }

    private static string Unescape(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
