using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using QualysGen.Generator.Diagnostics;
using QualysGen.Generator.Model;
using QualysGen.Generator.Parsing.Json;

namespace QualysGen.Generator.Parsing.Endpoints;

/// <summary>Endpoints and their versions: what they state for themselves (method, path, auth, host, body, response...) and the base URLs.</summary>
internal sealed partial class EndpointSpecReader
{
    private static readonly string[] Methods = ["GET", "POST", "PUT", "DELETE", "PATCH"];

    private static readonly string[] SettingsKeys = ["description", "method", "path", "action", "auth", "host", "body", "response", "retrySafe", "fixedParameters"];

    private EndpointDeclaration? ReadEndpoint(JsonProperty endpoint)
    {
        if (endpoint.Value is not JsonObject body)
        {
            Bad(endpoint.Value, $"Endpoint '{endpoint.Name}' must be an object");
            return null;
        }

        string? summary = null;
        var use = new List<NameReference>();
        var parameters = EquatableArray<ParameterDeclaration>.Empty;
        var rules = EquatableArray<RuleDeclaration>.Empty;
        var versions = new List<EndpointVersionDeclaration>();
        var complete = Members("an endpoint")
            .On("summary", property => summary = Text(property))
            .On("use", property => use.AddRange(References(property, "a parameter group name")))
            .On("parameters", property => parameters = ReadParameters(property, $"endpoint '{endpoint.Name}'"))
            .On("rules", property => rules = ReadRules(property))
            .On("versions", property => versions.AddRange(ReadVersions(endpoint.Name, property)))
            .Skip(SettingsKeys)
            .Required("versions", endpoint.NamePosition, $"Endpoint '{endpoint.Name}' needs 'versions': an object whose keys are the API versions (\"2.0\", \"3.0\")")
            .Read(body);
        if (!complete)
        {
            return null;
        }

        return new EndpointDeclaration(endpoint.Name, At(endpoint.NamePosition), summary, ReadSettings(body, At(endpoint.NamePosition)), use.ToEquatableArray(), parameters, rules, versions.ToEquatableArray());
    }

    private List<EndpointVersionDeclaration> ReadVersions(string endpointName, JsonProperty property)
    {
        if (property.Value is not JsonObject map || map.Properties.Count == 0)
        {
            Bad(property.Value, "'versions' must be a non-empty object whose keys are the API versions (\"2.0\", \"3.0\")");
            return new List<EndpointVersionDeclaration>();
        }

        return ReadEntries(
            map,
            version => Report(EndpointDiagnosticDescriptors.DuplicateVersion, version.NamePosition, version.Name, endpointName),
            version =>
            {
                if (version.Name.Length > 0 && version.Name.All(c => char.IsLetterOrDigit(c) || c == '.'))
                {
                    return true;
                }

                Bad(version, $"'{version.Name}' is not a version; write it as the path does (\"2.0\", \"3.0\", \"1\")");
                return false;
            },
            version => ReadVersion(endpointName, version));
    }

    private EndpointVersionDeclaration? ReadVersion(string endpointName, JsonProperty version)
    {
        if (version.Value is not JsonObject body)
        {
            Bad(version.Value, $"Version '{version.Name}' must be an object (it may be empty: {{}})");
            return null;
        }

        EndpointDateDeclaration? eos = null, eol = null;
        NameReference? replacedBy = null;
        var parameters = EquatableArray<ParameterDeclaration>.Empty;
        var drop = new List<NameReference>();
        var rules = EquatableArray<RuleDeclaration>.Empty;
        Members("a version")
            .On("eos", item => eos = ReadDate(item))
            .On("eol", item => eol = ReadDate(item))
            .On("replacedBy", item => replacedBy = Reference(item, "'replacedBy' must be a version of this endpoint"))
            .On("parameters", item => parameters = ReadParameters(item, $"version '{version.Name}' of '{endpointName}'"))
            .On("dropParameters", item => drop.AddRange(References(item, "a parameter name")))
            .On("rules", item => rules = ReadRules(item))
            .Skip(SettingsKeys)
            .Read(body);

        if (eol is not null && body.Find("eos") is null)
        {
            Bad(version, $"Version '{version.Name}' has an 'eol' but no 'eos'");
        }

        return new EndpointVersionDeclaration(
            version.Name, At(version.NamePosition), ReadSettings(body, At(version.NamePosition)), eos, eol, replacedBy, parameters, drop.ToEquatableArray(), rules);
    }

    /// <summary>Reads the keys an endpoint and a version share (the others are read, and unknown keys reported, by the caller).</summary>
    private EndpointSettingsDeclaration ReadSettings(JsonObject body, SourceLocationSpec location)
    {
        string? description = null, method = null, path = null, action = null;
        EquatableArray<string>? auth = null;
        EndpointHostKind? host = null;
        EndpointBodyDeclaration? requestBody = null;
        EndpointResponseDeclaration? response = null;
        bool? retrySafe = null;
        var fixedParameters = new List<EndpointFixedParameterDeclaration>();
        new JsonObjectReader(Bad, unknown: null)
            .On("description", property => description = Text(property))
            .On("method", property =>
            {
                if (property.Value is JsonString m && Methods.FirstOrDefault(x => string.Equals(x, m.Value, StringComparison.OrdinalIgnoreCase)) is { } known)
                {
                    method = known;
                }
                else
                {
                    Bad(property.Value, "'method' must be one of: " + string.Join(", ", Methods));
                }
            })
            .On("path", property =>
            {
                if (property.Value is JsonString { Value.Length: > 0 } p && p.Value[0] == '/' && p.Value.IndexOf('?') < 0)
                {
                    path = p.Value;
                }
                else
                {
                    Bad(property.Value, "'path' must start with '/' and hold no query (put 'action' and 'fixedParameters' apart)");
                }
            })
            .On("action", property => action = property.Value is JsonString { Value.Length: > 0 } a ? a.Value : BadNull<string>(property.Value, "'action' must be a non-empty string"))
            .On("auth", property => auth = ReadAuth(property))
            .On("host", property =>
            {
                host = property.Value is JsonString h ? h.Value switch
                {
                    "apiServer" => EndpointHostKind.ApiServer,
                    "gateway" => EndpointHostKind.Gateway,
                    "custom" => EndpointHostKind.Custom,
                    _ => null,
                } : null;
                if (host is null)
                {
                    Bad(property.Value, "'host' must be one of: apiServer, gateway, custom");
                }
            })
            .On("body", property => requestBody = ReadBody(property))
            .On("response", property => response = ReadResponse(property))
            .On("retrySafe", property => retrySafe = Boolean(property))
            .On("fixedParameters", property => fixedParameters.AddRange(ReadFixedParameters(property)))
            .Read(body);

        return new EndpointSettingsDeclaration(description, method, path, action, auth, host, requestBody, response, retrySafe, fixedParameters.ToEquatableArray(), location);
    }

    private List<EndpointFixedParameterDeclaration> ReadFixedParameters(JsonProperty property)
    {
        var fixedParameters = new List<EndpointFixedParameterDeclaration>();
        if (property.Value is not JsonObject map)
        {
            Bad(property.Value, "'fixedParameters' must be an object of parameter names and the values always sent");
            return fixedParameters;
        }

        foreach (var item in map.Properties)
        {
            if (item.Name.Length > 0 && ScalarText(item.Value) is { } value)
            {
                fixedParameters.Add(new EndpointFixedParameterDeclaration(item.Name, value));
            }
            else
            {
                Bad(item.Value, "A fixed parameter's value must be a string, a number or a boolean");
            }
        }

        return fixedParameters;
    }

    private EquatableArray<string>? ReadAuth(JsonProperty property)
    {
        if (property.Value is not JsonArray array)
        {
            Bad(property.Value, "'auth' must be an array of: basic, session, bearer (empty for none)");
            return null;
        }

        var schemes = new List<string>();
        foreach (var item in array.Items)
        {
            var scheme = item is JsonString s ? s.Value switch
            {
                "basic" => "Basic",
                "session" => "Session",
                "bearer" => "Bearer",
                _ => null,
            } : null;
            if (scheme is null)
            {
                Bad(item, "An auth scheme is one of: basic (HTTP Basic), session (the v2 QualysSession cookie), bearer (a gateway JWT)");
            }
            else if (!schemes.Contains(scheme))
            {
                schemes.Add(scheme);
            }
        }

        return schemes.ToEquatableArray();
    }

    private EndpointBodyDeclaration? ReadBody(JsonProperty property)
    {
        var location = At(property.Value.Position);
        if (property.Value is JsonString shorthand)
        {
            return BodyKind(shorthand) is { } kind ? new EndpointBodyDeclaration(kind, null, null, false, false, location) : null;
        }

        if (property.Value is not JsonObject body)
        {
            Bad(property.Value, "'body' must be a body kind (query, form, xml, json, serviceRequest) or an object with 'kind'");
            return null;
        }

        EndpointBodyKind? bodyKind = null;
        string? description = null;
        NameReference? filters = null;
        bool filtersRequired = false, preferences = false;
        Members("a body")
            .On("kind", item =>
            {
                if (item.Value is JsonString k)
                {
                    bodyKind = BodyKind(k);
                }
                else
                {
                    Bad(item.Value, "'kind' must be one of: query, form, xml, json, serviceRequest");
                    bodyKind = null;
                }
            })
            .On("description", item => description = Text(item))
            .On("filters", item => filters = Reference(item, "'filters' must name a filter set of 'filterSets'"))
            .On("filtersRequired", item => filtersRequired = Boolean(item) ?? false)
            .On("preferences", item => preferences = Boolean(item) ?? false)
            .Required("kind", property.Value.Position, "A body object needs 'kind': query, form, xml, json or serviceRequest")
            .Read(body);

        return bodyKind is { } found ? new EndpointBodyDeclaration(found, description, filters, filtersRequired, preferences, location) : null;
    }

    private EndpointBodyKind? BodyKind(JsonString kind)
    {
        EndpointBodyKind? result = kind.Value switch
        {
            "query" => EndpointBodyKind.Query,
            "form" => EndpointBodyKind.Form,
            "xml" => EndpointBodyKind.Xml,
            "json" => EndpointBodyKind.Json,
            "serviceRequest" => EndpointBodyKind.ServiceRequest,
            _ => null,
        };
        if (result is null)
        {
            Bad(kind, $"'{kind.Value}' is not a body kind; use one of: query, form, xml, json, serviceRequest");
        }

        return result;
    }

    private EndpointResponseDeclaration? ReadResponse(JsonProperty property)
    {
        var location = At(property.Value.Position);
        if (property.Value is JsonString { Value: "raw" })
        {
            return new EndpointResponseDeclaration(EndpointResponseKind.Raw, null, null, null, location);
        }

        if (property.Value is not JsonObject body)
        {
            Bad(property.Value, "'response' must be { \"schema\": file, \"root\": element }, { \"json\": type } or \"raw\"");
            return null;
        }

        NameReference? schema = null, root = null, json = null;
        Members("a response")
            .On("schema", item => schema = Reference(item, "'schema' must be a schema file name (a .dtd or .xsd among the AdditionalFiles)"))
            .On("root", item => root = Reference(item, "'root' must be an element name"))
            .On("json", item => json = Reference(item, "'json' must name a type of 'jsonTypes'"))
            .Read(body);

        if (json is not null && schema is null && root is null)
        {
            return new EndpointResponseDeclaration(EndpointResponseKind.Json, null, null, json, location);
        }

        if (json is null && schema is not null && root is not null)
        {
            return new EndpointResponseDeclaration(EndpointResponseKind.Schema, schema, root, null, location);
        }

        if (json is null && (schema is not null || root is not null) || json is not null)
        {
            Bad(property.Value, "A response is either { \"schema\": file, \"root\": element } (both) or { \"json\": type }");
        }

        return null;
    }

    private EndpointDateDeclaration? ReadDate(JsonProperty property)
    {
        if (property.Value is JsonString text)
        {
            var parts = text.Value.Split('-');
            if (parts.Length is 2 or 3
                && parts[0].Length == 4 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
                && parts[1].Length == 2 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var month)
                && month is >= 1 and <= 12)
            {
                if (parts.Length == 2)
                {
                    return new EndpointDateDeclaration(year, month, 0);
                }

                if (parts[2].Length == 2 && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var day)
                    && day >= 1 && day <= DateTime.DaysInMonth(year, month))
                {
                    return new EndpointDateDeclaration(year, month, day);
                }
            }
        }

        Report(EndpointDiagnosticDescriptors.InvalidDate, property.Value.Position, ScalarText(property.Value) ?? property.Value.Kind.ToString());
        return null;
    }

    private EndpointBaseUrlDeclaration? ReadBaseUrl(JsonProperty entry)
    {
        JsonNode? urlNode = entry.Value is JsonString ? entry.Value : null;
        string? description = null;
        if (entry.Value is JsonObject body)
        {
            Members("a base URL")
                .On("url", property => urlNode = property.Value)
                .On("description", property => description = Text(property))
                .Read(body);
        }

        // An origin only: a request's path is from the host's root, so a path prefix belongs in the endpoint's path.
        if (urlNode is JsonString url && Uri.TryCreate(url.Value, UriKind.Absolute, out var uri) && (uri.Scheme == "https" || uri.Scheme == "http")
            && uri.AbsolutePath == "/" && uri.Query.Length == 0 && uri.Fragment.Length == 0 && uri.UserInfo.Length == 0)
        {
            return new EndpointBaseUrlDeclaration(entry.Name, url.Value.TrimEnd('/'), description);
        }

        Bad(urlNode ?? entry.Value, $"Base URL '{entry.Name}' must be an http(s) origin such as \"https://api.example.com\" (no path: it goes in the endpoints' paths), or {{ \"url\": ..., \"description\": ... }}");
        return null;
    }
}
