using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using System.Xml;
using System.Xml.Linq;
using QualysGen.Simulator.Http;

namespace QualysGen.Simulator.Endpoints;

/// <summary>
/// The QPS REST endpoints: WAS scan search and delete (by ID or by filters, seed 001), web app search, and the portal version.
/// Requests are <c>ServiceRequest</c> documents; filters follow the WAS field types and operators; searches page by
/// <c>limitResults</c> and answer <c>hasMoreRecords</c>/<c>lastId</c>.
/// </summary>
internal static class Qps
{
    private const string WasScanXsd = "3.0/was/wasscan.xsd";
    private const string WebAppXsd = "3.0/was/webapp.xsd";

    private enum FieldType
    {
        Long,
        Text,
        Date,
        Keyword,
        Boolean,
    }

    private sealed record Field<T>(FieldType Type, Func<T, object> Get, string[]? Keywords = null);

    private static readonly Dictionary<string, Field<SimulatedWasScan>> WasScanFields = new(StringComparer.Ordinal)
    {
        ["id"] = new(FieldType.Long, s => s.Id),
        ["name"] = new(FieldType.Text, s => s.Name),
        ["webApp.name"] = new(FieldType.Text, s => s.WebAppName),
        ["webApp.id"] = new(FieldType.Long, s => s.WebAppId),
        ["reference"] = new(FieldType.Text, s => s.Reference),
        ["launchedDate"] = new(FieldType.Date, s => s.LaunchedDate),
        ["type"] = new(FieldType.Keyword, s => s.Type, ["VULNERABILITY", "DISCOVERY"]),
        ["mode"] = new(FieldType.Keyword, s => s.Mode, ["ONDEMAND", "SCHEDULED", "API"]),
        ["status"] = new(FieldType.Keyword, s => s.Status, ["SUBMITTED", "RUNNING", "FINISHED", "ERROR", "CANCELED", "PROCESSING"]),
    };

    private static readonly Dictionary<string, Field<SimulatedWebApp>> WebAppFields = new(StringComparer.Ordinal)
    {
        ["id"] = new(FieldType.Long, a => a.Id),
        ["name"] = new(FieldType.Text, a => a.Name),
        ["url"] = new(FieldType.Text, a => a.Url),
        ["createdDate"] = new(FieldType.Date, a => a.CreatedDate),
        ["updatedDate"] = new(FieldType.Date, a => a.UpdatedDate),
        ["isScanned"] = new(FieldType.Boolean, a => a.IsScanned),
    };

    public static Task PortalVersionAsync(SimContext context)
    {
        var body = new StringBuilder(QualysXml.ServiceResponseStart(context.ApiBase, "version.xsd"))
            .Append("  <responseCode>SUCCESS</responseCode>\n  <count>1</count>\n  <data>\n    <Portal-Version>\n")
            .Append("      <PortalApplication-VERSION>3.11.0.0-3 QualysGen simulator</PortalApplication-VERSION>\n")
            .Append("      <WAS-VERSION>1.1.0.0-2</WAS-VERSION>\n    </Portal-Version>\n  </data>\n</ServiceResponse>\n");
        return context.WriteAsync(200, "application/xml", body.ToString());
    }

    public static Task SearchWasScansAsync(SimContext context)
        => SearchAsync(context, WasScanXsd, WasScanFields, () => context.Simulator.State.WasScans, s => s.Id, WasScanRecord);

    public static Task SearchWebAppsAsync(SimContext context)
        => SearchAsync(context, WebAppXsd, WebAppFields, () => context.Simulator.State.WebApps, a => a.Id, WebAppRecord);

    /// <summary>Deletes one scan by ID, or every scan the filters match; running scans are never deleted.</summary>
    public static async Task DeleteWasScansAsync(SimContext context, string? idText)
    {
        if (!context.IsPost)
        {
            await context.ServiceErrorAsync(WasScanXsd, "OPERATION_NOT_SUPPORTED", "The request method " + context.Method + " is not supported; use POST.", null).ConfigureAwait(false);
            return;
        }

        var state = context.Simulator.State;
        List<long> deleted;
        if (idText is not null)
        {
            if (!long.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                await context.ServiceErrorAsync(WasScanXsd, "INVALID_REQUEST", $"Invalid id ({idText}).", "Specify the id as Long.").ConfigureAwait(false);
                return;
            }

            var outcome = state.Locked(() =>
            {
                if (!state.WasScanTable.TryGetValue(id, out var scan))
                {
                    return "NOT_FOUND";
                }

                if (scan.Status == "RUNNING")
                {
                    return "RUNNING";
                }

                state.WasScanTable.Remove(id);
                return "";
            });
            if (outcome == "NOT_FOUND")
            {
                await context.ServiceErrorAsync(WasScanXsd, "NOT_FOUND", $"WasScan with id {id} not found.", null).ConfigureAwait(false);
                return;
            }

            if (outcome == "RUNNING")
            {
                await context.ServiceErrorAsync(WasScanXsd, "INVALID_REQUEST", $"WasScan {id} is running and cannot be deleted.", "Cancel the scan first, or wait until it has finished.").ConfigureAwait(false);
                return;
            }

            deleted = [id];
        }
        else
        {
            if (!TryParseRequest(context, WasScanFields, out var filter, out var _, out var error))
            {
                await context.ServiceErrorAsync(WasScanXsd, error!.Value.Code, error.Value.Message, error.Value.Resolution).ConfigureAwait(false);
                return;
            }

            deleted = state.Locked(() =>
            {
                var ids = state.WasScanTable.Values.Where(s => s.Status != "RUNNING" && filter(s)).Select(s => s.Id).ToList();
                foreach (var id in ids)
                {
                    state.WasScanTable.Remove(id);
                }

                return ids;
            });
        }

        var records = deleted.Select(id => QualysXml.Fragment(w =>
        {
            w.WriteStartElement("WasScan");
            w.WriteElementString("id", QualysXml.Number(id));
            w.WriteEndElement();
        })).ToList();
        await WriteServiceResponseAsync(context, WasScanXsd, records, hasMore: false, lastId: null).ConfigureAwait(false);
    }

    private static async Task SearchAsync<T>(SimContext context, string xsd, Dictionary<string, Field<T>> fields, Func<IReadOnlyList<T>> all, Func<T, long> id, Func<T, string> record)
    {
        if (!context.IsPost && context.Body.Length > 0)
        {
            await context.ServiceErrorAsync(xsd, "OPERATION_NOT_SUPPORTED", "A search with criteria must be POSTed.", null).ConfigureAwait(false);
            return;
        }

        if (!TryParseRequest(context, fields, out var filter, out var preferences, out var error))
        {
            await context.ServiceErrorAsync(xsd, error!.Value.Code, error.Value.Message, error.Value.Resolution).ConfigureAwait(false);
            return;
        }

        var limit = preferences.Limit ?? context.Simulator.Options.QpsPageSize;
        var matches = all().Where(filter).OrderBy(id).ToList();
        if (preferences.StartFromId is { } startId)
        {
            matches = matches.Where(m => id(m) >= startId).ToList();
        }

        if (preferences.StartFromOffset is { } offset)
        {
            matches = matches.Skip(Math.Max(0, offset - 1)).ToList();
        }

        var page = matches.Take(limit).ToList();
        var hasMore = matches.Count > page.Count;
        await WriteServiceResponseAsync(context, xsd, page.Select(record).ToList(), hasMore, hasMore && page.Count > 0 ? id(page[^1]) : null).ConfigureAwait(false);
    }

    private static Task WriteServiceResponseAsync(SimContext context, string xsd, IReadOnlyList<string> records, bool hasMore, long? lastId)
    {
        var head = new StringBuilder(QualysXml.ServiceResponseStart(context.ApiBase, xsd))
            .Append("  <responseCode>SUCCESS</responseCode>\n")
            .Append("  <count>").Append(records.Count.ToString(CultureInfo.InvariantCulture)).Append("</count>\n");
        if (hasMore || context.Path.Contains("/search/", StringComparison.Ordinal))
        {
            head.Append("  <hasMoreRecords>").Append(hasMore ? "true" : "false").Append("</hasMoreRecords>\n");
        }

        if (lastId is { } last)
        {
            head.Append("  <lastId>").Append(QualysXml.Number(last)).Append("</lastId>\n");
        }

        if (records.Count == 0)
        {
            return context.WriteAsync(200, "application/xml", head.Append("</ServiceResponse>\n").ToString());
        }

        head.Append("  <data>\n");
        return context.StreamAsync(200, "application/xml", head.ToString(), records, "  </data>\n</ServiceResponse>\n");
    }

    private static string WasScanRecord(SimulatedWasScan scan) => QualysXml.Fragment(w =>
    {
        w.WriteStartElement("WasScan");
        w.WriteElementString("id", QualysXml.Number(scan.Id));
        QualysXml.CData(w, "name", scan.Name);
        w.WriteElementString("reference", scan.Reference);
        w.WriteElementString("type", scan.Type);
        w.WriteElementString("mode", scan.Mode);
        w.WriteStartElement("target");
        w.WriteStartElement("webApp");
        w.WriteElementString("id", QualysXml.Number(scan.WebAppId));
        QualysXml.CData(w, "name", scan.WebAppName);
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteElementString("launchedDate", QualysXml.Utc(scan.LaunchedDate));
        w.WriteElementString("status", scan.Status);
        w.WriteEndElement();
    });

    private static string WebAppRecord(SimulatedWebApp app) => QualysXml.Fragment(w =>
    {
        w.WriteStartElement("WebApp");
        w.WriteElementString("id", QualysXml.Number(app.Id));
        QualysXml.CData(w, "name", app.Name);
        QualysXml.CData(w, "url", app.Url);
        w.WriteStartElement("owner");
        w.WriteElementString("id", QualysXml.Number(app.OwnerId));
        w.WriteEndElement();
        w.WriteStartElement("tags");
        w.WriteElementString("count", "0");
        w.WriteEndElement();
        w.WriteElementString("createdDate", QualysXml.Utc(app.CreatedDate));
        w.WriteElementString("updatedDate", QualysXml.Utc(app.UpdatedDate));
        w.WriteEndElement();
    });

    private readonly record struct Preferences(int? Limit, int? StartFromOffset, long? StartFromId);

    private readonly record struct QpsError(string Code, string Message, string? Resolution);

    private static bool TryParseRequest<T>(SimContext context, Dictionary<string, Field<T>> fields, out Func<T, bool> filter, out Preferences preferences, out QpsError? error)
    {
        filter = _ => true;
        preferences = default;
        error = null;
        if (string.IsNullOrWhiteSpace(context.Body))
        {
            return true;
        }

        XElement root;
        try
        {
            root = XDocument.Parse(context.Body).Root!;
        }
        catch (XmlException exception)
        {
            error = new QpsError("INVALID_XML", "The request is not well-formed XML: " + exception.Message, null);
            return false;
        }

        if (root.Name.LocalName != "ServiceRequest")
        {
            error = new QpsError("INVALID_XML", "The request's root element must be ServiceRequest.", null);
            return false;
        }

        if (root.Element("preferences") is { } prefs)
        {
            if (!TryInt(prefs, "limitResults", 1, 1000, out var limit, ref error)
                || !TryInt(prefs, "startFromOffset", 1, int.MaxValue, out var offset, ref error))
            {
                return false;
            }

            long? startFromId = null;
            if (prefs.Element("startFromId") is { } startElement)
            {
                if (!long.TryParse(startElement.Value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
                {
                    error = new QpsError("INVALID_REQUEST", $"Invalid value for startFromId ({startElement.Value.Trim()}).", "Specify startFromId as Long.");
                    return false;
                }

                startFromId = value;
            }

            preferences = new Preferences(limit, offset, startFromId);
        }

        var predicates = new List<Func<T, bool>>();
        foreach (var criteria in root.Element("filters")?.Elements("Criteria") ?? Enumerable.Empty<XElement>())
        {
            var name = (string?)criteria.Attribute("field") ?? "";
            var op = (string?)criteria.Attribute("operator") ?? "EQUALS";
            var value = criteria.Value.Trim();
            if (!fields.TryGetValue(name, out var field))
            {
                error = new QpsError("INVALID_REQUEST", $"Criteria: Unknown field '{name}'.", "Fields expected: " + string.Join(", ", fields.Keys) + ".");
                return false;
            }

            var allowed = Operators(field.Type);
            if (Array.IndexOf(allowed, op) < 0)
            {
                error = new QpsError("INVALID_REQUEST", $"Criteria: Invalid operator '{op}' for criteria '{name}'.", "Operators expected: " + string.Join(", ", allowed) + ".");
                return false;
            }

            var values = op == "IN" ? value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : [value];
            var parsed = new List<object>();
            foreach (var item in values)
            {
                if (!TryConvert(field, item, out var converted))
                {
                    error = new QpsError("INVALID_REQUEST", $"Criteria: Invalid value format for criteria '{name}' ({item}).", Expected(field));
                    return false;
                }

                parsed.Add(converted);
            }

            predicates.Add(item => Matches(field.Get(item), op, parsed));
        }

        filter = item => predicates.TrueForAll(p => p(item));
        return true;
    }

    private static bool TryInt(XElement parent, string name, int min, int max, out int? value, ref QpsError? error)
    {
        value = null;
        if (parent.Element(name) is not { } element)
        {
            return true;
        }

        if (!int.TryParse(element.Value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < min || number > max)
        {
            error = new QpsError("INVALID_REQUEST", $"Invalid value for {name} ({element.Value.Trim()}).", $"Specify {name} between {min} and {max}.");
            return false;
        }

        value = number;
        return true;
    }

    private static string[] Operators(FieldType type) => type switch
    {
        FieldType.Long => ["EQUALS", "NOT EQUALS", "GREATER", "LESSER", "IN"],
        FieldType.Text => ["CONTAINS", "EQUALS", "NOT EQUALS"],
        FieldType.Date => ["EQUALS", "NOT EQUALS", "GREATER", "LESSER"],
        FieldType.Keyword => ["EQUALS", "NOT EQUALS", "IN"],
        _ => ["EQUALS", "NOT EQUALS"],
    };

    private static bool TryConvert<T>(Field<T> field, string text, out object value)
    {
        switch (field.Type)
        {
            case FieldType.Long when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number):
                value = number;
                return true;
            case FieldType.Date when DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date):
                value = date;
                return true;
            case FieldType.Boolean when text is "true" or "false":
                value = text == "true";
                return true;
            case FieldType.Keyword when Array.IndexOf(field.Keywords!, text) >= 0:
                value = text;
                return true;
            case FieldType.Text:
                value = text;
                return true;
            default:
                value = text;
                return false;
        }
    }

    private static string Expected<T>(Field<T> field) => field.Type switch
    {
        FieldType.Long => "Specify criteria value(s) as Long.",
        FieldType.Date => "Specify criteria value(s) as a date (YYYY-MM-DDTHH:MM:SSZ).",
        FieldType.Boolean => "Values expected: true, false.",
        FieldType.Keyword => "Values expected: " + string.Join(", ", field.Keywords!) + ".",
        _ => "Specify criteria value(s) as text.",
    };

    private static bool Matches(object actual, string op, List<object> values) => op switch
    {
        "EQUALS" => Compare(actual, values[0]) == 0,
        "NOT EQUALS" => Compare(actual, values[0]) != 0,
        "GREATER" => Compare(actual, values[0]) > 0,
        "LESSER" => Compare(actual, values[0]) < 0,
        "IN" => values.Exists(v => Compare(actual, v) == 0),
        "CONTAINS" => actual.ToString()!.Contains((string)values[0], StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    private static int Compare(object actual, object value) => actual switch
    {
        long number => number.CompareTo((long)value),
        DateTimeOffset date => date.CompareTo((DateTimeOffset)value),
        bool flag => flag.CompareTo((bool)value),
        _ => string.Compare(actual.ToString(), value.ToString(), StringComparison.Ordinal),
    };
}
