using System.Collections.Generic;
using System.Linq;
using System.Threading;
using QualysGen.Generator.Diagnostics;
using QualysGen.Generator.Model;
using QualysGen.Generator.Parsing.Json;

namespace QualysGen.Generator.Parsing;

/// <summary>
/// Reads an endpoint spec file (<c>*.endpoints.json</c>): the <c>schemas</c> section (for each schema file, the C# types of element
/// texts and attributes and the roots) and the endpoints half (<c>family</c>, <c>endpoints</c> with their versions, parameters and rules,
/// <c>parameterGroups</c>, <c>filterTypes</c>, <c>filterSets</c>, <c>jsonTypes</c>, <c>baseUrls</c>). Every mistake is a diagnostic at its
/// JSON line and column; references between parts are resolved later, by the binders.
/// </summary>
internal sealed class EndpointSpecReader
{
    private static readonly Dictionary<string, XmlValueType> TypeNames = new()
    {
        ["string"] = XmlValueType.String,
        ["int"] = XmlValueType.Int32,
        ["long"] = XmlValueType.Int64,
        ["bool"] = XmlValueType.Boolean,
        ["DateTimeOffset"] = XmlValueType.DateTimeOffset,
        ["decimal"] = XmlValueType.Decimal,
    };

    private static readonly HashSet<string> KnownTopLevel = new()
    {
        "$schema", "schemas", "endpoints", "family", "description", "parameterGroups", "filterTypes", "filterSets", "jsonTypes", "baseUrls",
    };

    private readonly string _filePath;
    private readonly List<DiagnosticSpec> _diagnostics = new();
    private readonly List<DiagnosticSpec> _endpointDiagnostics = new();

    private EndpointSpecReader(string filePath) => _filePath = filePath;

    public static SpecFileResult Read(string filePath, string text, CancellationToken cancellationToken)
    {
        var reader = new EndpointSpecReader(filePath);
        var overlays = reader.ReadFile(text, cancellationToken, out var root);
        var endpoints = root is null ? null : reader.ReadEndpointFile(root, cancellationToken);
        return new SpecFileResult(
            filePath, overlays.ToEquatableArray(), reader._diagnostics.ToEquatableArray(), endpoints, reader._endpointDiagnostics.ToEquatableArray());
    }

    private List<SchemaOverlaySpec> ReadFile(string text, CancellationToken cancellationToken, out JsonObject? rootObject)
    {
        rootObject = null;
        var overlays = new List<SchemaOverlaySpec>();
        var parsed = JsonParser.Parse(text);
        if (parsed.Error is { } error)
        {
            _diagnostics.Add(DiagnosticSpec.Create(DiagnosticDescriptors.JsonSyntaxError.Id, At(error.Position), error.Message));
            return overlays;
        }

        if (parsed.Root is not JsonObject root)
        {
            Invalid(parsed.Root!, "A spec file must be a JSON object");
            return overlays;
        }

        rootObject = root;

        foreach (var property in root.Properties)
        {
            if (!KnownTopLevel.Contains(property.Name))
            {
                Invalid(property, $"Unknown property '{property.Name}'; a spec file has: {string.Join(", ", KnownTopLevel.OrderBy(n => n, System.StringComparer.Ordinal))}");
            }
        }

        if (root.Find("schemas") is not { } schemas)
        {
            return overlays;
        }

        if (schemas.Value is not JsonObject schemaMap)
        {
            Invalid(schemas.Value, "'schemas' must be an object whose keys are schema file names");
            return overlays;
        }

        var seenFiles = new HashSet<string>();
        foreach (var schema in schemaMap.Properties)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!seenFiles.Add(schema.Name))
            {
                Invalid(schema, $"Schema file '{schema.Name}' appears twice in 'schemas'");
                continue;
            }

            if (ReadSchema(schema) is { } overlay)
            {
                overlays.Add(overlay);
            }
        }

        return overlays;
    }

    private SchemaOverlaySpec? ReadSchema(JsonProperty schema)
    {
        if (schema.Value is not JsonObject body)
        {
            Invalid(schema.Value, $"The entry for '{schema.Name}' must be an object with 'types' and/or 'roots'");
            return null;
        }

        var roots = new List<RootOverlaySpec>();
        var types = new List<TypeOverlaySpec>();
        foreach (var property in body.Properties)
        {
            switch (property.Name)
            {
                case "roots":
                    if (property.Value is not JsonArray array)
                    {
                        Invalid(property.Value, "'roots' must be an array of element names");
                        break;
                    }

                    foreach (var item in array.Items)
                    {
                        if (item is JsonString { Value.Length: > 0 } name)
                        {
                            roots.Add(new RootOverlaySpec(name.Value, At(item.Position)));
                        }
                        else
                        {
                            Invalid(item, "A root must be a non-empty element name");
                        }
                    }

                    break;
                case "types":
                    if (property.Value is not JsonObject map)
                    {
                        Invalid(property.Value, "'types' must be an object mapping \"ELEMENT\" or \"ELEMENT@attribute\" to a type");
                        break;
                    }

                    var seen = new HashSet<string>();
                    foreach (var entry in map.Properties)
                    {
                        if (!seen.Add(entry.Name))
                        {
                            _diagnostics.Add(DiagnosticSpec.Create(DiagnosticDescriptors.SpecDuplicateMapping.Id, At(entry.NamePosition), entry.Name, schema.Name));
                            continue;
                        }

                        if (ReadType(entry) is { } type)
                        {
                            types.Add(type);
                        }
                    }

                    break;
                default:
                    Invalid(property, $"Unknown property '{property.Name}' in a schema entry; it has 'types' and 'roots'");
                    break;
            }
        }

        return new SchemaOverlaySpec(schema.Name, At(schema.NamePosition), roots.ToEquatableArray(), types.ToEquatableArray());
    }

    private TypeOverlaySpec? ReadType(JsonProperty entry)
    {
        var at = entry.Name.IndexOf('@');
        var element = at < 0 ? entry.Name : entry.Name.Substring(0, at);
        var attribute = at < 0 ? null : entry.Name.Substring(at + 1);
        if (element.Length == 0 || attribute is { Length: 0 })
        {
            Invalid(entry, $"'{entry.Name}' is not \"ELEMENT\" or \"ELEMENT@attribute\"");
            return null;
        }

        var location = At(entry.NamePosition);
        switch (entry.Value)
        {
            case JsonString name when TypeNames.TryGetValue(name.Value, out var type):
                return new TypeOverlaySpec(element, attribute, type, EquatableArray<string>.Empty, null, location);
            case JsonString name:
                _diagnostics.Add(DiagnosticSpec.Create(DiagnosticDescriptors.SpecUnknownType.Id, At(name.Position), name.Value));
                return null;
            case JsonObject enumObject:
                return ReadEnum(element, attribute, enumObject, location);
            default:
                Invalid(entry.Value, $"The type of '{entry.Name}' must be a type name or {{ \"enum\": [...] }}");
                return null;
        }
    }

    private TypeOverlaySpec? ReadEnum(string element, string? attribute, JsonObject enumObject, SourceLocationSpec location)
    {
        var values = new List<string>();
        string? name = null;
        var ok = true;
        foreach (var property in enumObject.Properties)
        {
            switch (property.Name)
            {
                case "enum" when property.Value is JsonArray array && array.Items.Count > 0:
                    foreach (var item in array.Items)
                    {
                        if (item is JsonString value)
                        {
                            values.Add(value.Value);
                        }
                        else
                        {
                            Invalid(item, "Enum values must be strings");
                            ok = false;
                        }
                    }

                    break;
                case "enum":
                    Invalid(property.Value, "'enum' must be a non-empty array of the values as sent");
                    ok = false;
                    break;
                case "name" when property.Value is JsonString { Value.Length: > 0 } s && IsIdentifier(s.Value):
                    name = s.Value;
                    break;
                case "name":
                    Invalid(property.Value, "'name' must be a C# identifier");
                    ok = false;
                    break;
                default:
                    Invalid(property, $"Unknown property '{property.Name}' in an enum type; it has 'enum' and 'name'");
                    ok = false;
                    break;
            }
        }

        if (values.Count == 0)
        {
            if (ok)
            {
                Invalid(enumObject, "An enum type needs 'enum': [the values as sent]");
            }

            return null;
        }

        return ok ? new TypeOverlaySpec(element, attribute, XmlValueType.Enum, values.ToEquatableArray(), name, location) : null;
    }

    private static bool IsIdentifier(string text)
        => (char.IsLetter(text[0]) || text[0] == '_') && text.All(c => char.IsLetterOrDigit(c) || c == '_') && !Binding.CSharpNames.IsKeyword(text);

    private void Invalid(JsonNode node, string message)
        => _diagnostics.Add(DiagnosticSpec.Create(DiagnosticDescriptors.SpecInvalidValue.Id, At(node.Position), message));

    private void Invalid(JsonProperty property, string message)
        => _diagnostics.Add(DiagnosticSpec.Create(DiagnosticDescriptors.SpecInvalidValue.Id, At(property.NamePosition), message));

    private SourceLocationSpec At(JsonPosition position)
        => SourceLocationSpec.At(_filePath, position.Offset, position.Length, position.Line, position.Column);
    // ---------------------------------------------------------------------------------------------------------------------
    // The endpoints half: family, endpoints, parameterGroups, filterTypes, filterSets, jsonTypes, baseUrls.
    // Structure is checked here; references between parts (parameters in rules, groups, schemas, versions) by EndpointBinder.
    // ---------------------------------------------------------------------------------------------------------------------

    private const string ParameterTypeList = "string, int, long, flag (0|1), yesno (yes|no), bool (true|false), date (mm/dd/yyyy), datetime (UTC), { \"enum\": [...] }, { \"list\": type }";
    private const string JsonTypeList = "string, bool, int, long, decimal, DateTimeOffset";

    private static readonly Dictionary<string, ParameterTypeKind> ParameterTypeNames = new()
    {
        ["string"] = ParameterTypeKind.String,
        ["int"] = ParameterTypeKind.Int32,
        ["long"] = ParameterTypeKind.Int64,
        ["flag"] = ParameterTypeKind.Flag,
        ["yesno"] = ParameterTypeKind.YesNo,
        ["bool"] = ParameterTypeKind.Boolean,
        ["date"] = ParameterTypeKind.Date,
        ["datetime"] = ParameterTypeKind.DateTime,
    };

    private static readonly Dictionary<string, ParameterTypeKind> FilterValueNames = new()
    {
        ["string"] = ParameterTypeKind.String,
        ["int"] = ParameterTypeKind.Int32,
        ["long"] = ParameterTypeKind.Int64,
        ["bool"] = ParameterTypeKind.Boolean,
        ["datetime"] = ParameterTypeKind.DateTime,
        ["enum"] = ParameterTypeKind.Enum,
    };

    private static readonly Dictionary<string, EndpointJsonValueKind> JsonValueNames = new()
    {
        ["string"] = EndpointJsonValueKind.String,
        ["bool"] = EndpointJsonValueKind.Boolean,
        ["int"] = EndpointJsonValueKind.Int32,
        ["long"] = EndpointJsonValueKind.Int64,
        ["decimal"] = EndpointJsonValueKind.Decimal,
        ["DateTimeOffset"] = EndpointJsonValueKind.DateTimeOffset,
    };

    private static readonly Dictionary<string, RuleKind> RuleKeys = new()
    {
        ["oneOfRequired"] = RuleKind.OneOfRequired,
        ["mutuallyExclusive"] = RuleKind.MutuallyExclusive,
        ["together"] = RuleKind.Together,
        ["validOnlyWhen"] = RuleKind.ValidOnlyWhen,
        ["requiredWhen"] = RuleKind.RequiredWhen,
    };

    private static readonly HashSet<string> QpsOperators = new() { "EQUALS", "NOT EQUALS", "CONTAINS", "GREATER", "LESSER", "IN", "NONE" };

    private static readonly string[] Methods = ["GET", "POST", "PUT", "DELETE", "PATCH"];

    private static readonly string[] SettingsKeys = ["description", "method", "path", "action", "auth", "host", "body", "response", "retrySafe", "fixedParameters"];

    private EndpointFileSpec? ReadEndpointFile(JsonObject root, CancellationToken cancellationToken)
    {
        string[] sections = ["family", "endpoints", "parameterGroups", "filterTypes", "filterSets", "jsonTypes", "baseUrls"];
        if (!sections.Any(name => root.Find(name) is not null))
        {
            return null;
        }

        var fileName = System.IO.Path.GetFileName(_filePath);
        string family;
        SourceLocationSpec familyLocation;
        if (root.Find("family") is { } familyProperty)
        {
            familyLocation = At(familyProperty.Value.Position);
            if (familyProperty.Value is JsonString { Value.Length: > 0 } name && IsIdentifier(name.Value))
            {
                family = name.Value;
            }
            else
            {
                Bad(familyProperty.Value, "'family' must be a C# identifier (it names the namespace of the file's request types)");
                return null;
            }
        }
        else
        {
            var stem = fileName.EndsWith(".endpoints.json", System.StringComparison.OrdinalIgnoreCase)
                ? fileName.Substring(0, fileName.Length - ".endpoints.json".Length)
                : System.IO.Path.GetFileNameWithoutExtension(fileName);
            family = Binding.CSharpNames.ToPascalCase(stem, "Api");
            familyLocation = At(root.Properties.Count > 0 ? root.Properties[0].NamePosition : root.Position);
        }

        var endpoints = new List<EndpointSpec>();
        if (root.Find("endpoints") is { } endpointsProperty)
        {
            if (endpointsProperty.Value is not JsonObject map)
            {
                Bad(endpointsProperty.Value, "'endpoints' must be an object whose keys are endpoint names");
            }
            else
            {
                var seen = new HashSet<string>();
                foreach (var endpoint in map.Properties)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (!seen.Add(endpoint.Name))
                    {
                        Report(EndpointDiagnosticDescriptors.DuplicateEndpoint, endpoint.NamePosition, endpoint.Name);
                        continue;
                    }

                    if (!IsIdentifier(endpoint.Name))
                    {
                        Report(EndpointDiagnosticDescriptors.InvalidIdentifier, endpoint.NamePosition, endpoint.Name);
                        continue;
                    }

                    if (ReadEndpoint(endpoint) is { } spec)
                    {
                        endpoints.Add(spec);
                    }
                }
            }
        }

        var groups = ReadNamedObjects(root, "parameterGroups", "Parameter group", requireIdentifier: false, ReadGroup);
        var filterTypes = ReadNamedObjects(root, "filterTypes", "Filter type", requireIdentifier: false, ReadFilterType);
        var filterSets = ReadNamedObjects(root, "filterSets", "Filter set", requireIdentifier: true, ReadFilterSet);
        var jsonTypes = ReadNamedObjects(root, "jsonTypes", "JSON type", requireIdentifier: true, ReadJsonType);
        var baseUrls = ReadNamedObjects(root, "baseUrls", "Base URL", requireIdentifier: true, ReadBaseUrl);

        return new EndpointFileSpec(
            _filePath,
            fileName,
            family,
            familyLocation,
            endpoints.ToEquatableArray(),
            groups.ToEquatableArray(),
            filterTypes.ToEquatableArray(),
            filterSets.ToEquatableArray(),
            jsonTypes.ToEquatableArray(),
            baseUrls.ToEquatableArray());
    }

    /// <summary>Reads an object section whose keys are names, reporting duplicate (and, when asked, non-identifier) keys.</summary>
    private List<T> ReadNamedObjects<T>(JsonObject root, string section, string what, bool requireIdentifier, System.Func<JsonProperty, T?> read)
        where T : class
    {
        var items = new List<T>();
        if (root.Find(section) is not { } property)
        {
            return items;
        }

        if (property.Value is not JsonObject map)
        {
            Bad(property.Value, $"'{section}' must be an object whose keys are names");
            return items;
        }

        return ReadNamedEntries(map, what, requireIdentifier, read);
    }

    /// <summary>The entries of a map keyed by name: a duplicate name is reported and skipped, each entry is read by <paramref name="read"/>.</summary>
    private List<T> ReadNamedEntries<T>(JsonObject map, string what, bool requireIdentifier, System.Func<JsonProperty, T?> read)
        where T : class
    {
        var items = new List<T>();
        var seen = new HashSet<string>();
        foreach (var entry in map.Properties)
        {
            if (!seen.Add(entry.Name))
            {
                Report(EndpointDiagnosticDescriptors.DuplicateDeclaration, entry.NamePosition, what, entry.Name);
                continue;
            }

            if (requireIdentifier && !IsIdentifier(entry.Name))
            {
                Report(EndpointDiagnosticDescriptors.InvalidIdentifier, entry.NamePosition, entry.Name);
                continue;
            }

            if (read(entry) is { } item)
            {
                items.Add(item);
            }
        }

        return items;
    }

    /// <summary>
    /// An object <c>{ "description": "...", "&lt;mapKey&gt;": { name: entry, ... } }</c> — the shape of filter sets and JSON types.
    /// Null when <paramref name="owner"/> is not an object (reported).
    /// </summary>
    private (string? Description, List<T> Entries)? ReadDescribedMap<T>(
        JsonProperty owner, string ownerTitle, string ownerKind, string mapKey, string mapShape, string entryWhat, System.Func<JsonProperty, T?> read)
        where T : class
    {
        if (owner.Value is not JsonObject body)
        {
            Bad(owner.Value, $"{ownerTitle} '{owner.Name}' must be an object with '{mapKey}'");
            return null;
        }

        string? description = null;
        var entries = new List<T>();
        foreach (var property in body.Properties)
        {
            if (property.Name == "description")
            {
                description = Text(property);
            }
            else if (property.Name == mapKey && property.Value is JsonObject map)
            {
                entries.AddRange(ReadNamedEntries(map, entryWhat, requireIdentifier: false, read));
            }
            else if (property.Name == mapKey)
            {
                Bad(property.Value, $"'{mapKey}' must be {mapShape}");
            }
            else
            {
                Unknown(property, ownerKind, ["description", mapKey]);
            }
        }

        return (description, entries);
    }

    private EndpointSpec? ReadEndpoint(JsonProperty endpoint)
    {
        if (endpoint.Value is not JsonObject body)
        {
            Bad(endpoint.Value, $"Endpoint '{endpoint.Name}' must be an object");
            return null;
        }

        string? summary = null;
        var use = new List<ParameterReferenceSpec>();
        var parameters = EquatableArray<ParameterSpec>.Empty;
        var rules = EquatableArray<RuleSpec>.Empty;
        var versions = new List<EndpointVersionSpec>();
        var sawVersions = false;
        foreach (var property in body.Properties)
        {
            switch (property.Name)
            {
                case "summary":
                    summary = Text(property);
                    break;
                case "use":
                    use.AddRange(References(property, "a parameter group name"));
                    break;
                case "parameters":
                    parameters = ReadParameters(property, $"endpoint '{endpoint.Name}'");
                    break;
                case "rules":
                    rules = ReadRules(property);
                    break;
                case "versions":
                    sawVersions = true;
                    versions.AddRange(ReadVersions(endpoint.Name, property));
                    break;
                default:
                    if (System.Array.IndexOf(SettingsKeys, property.Name) < 0)
                    {
                        Unknown(property, "an endpoint", ["summary", "use", "parameters", "rules", "versions", .. SettingsKeys]);
                    }

                    break;
            }
        }

        if (!sawVersions)
        {
            Bad(endpoint, $"Endpoint '{endpoint.Name}' needs 'versions': an object whose keys are the API versions (\"2.0\", \"3.0\")");
            return null;
        }

        return new EndpointSpec(endpoint.Name, At(endpoint.NamePosition), summary, ReadSettings(body, At(endpoint.NamePosition)), use.ToEquatableArray(), parameters, rules, versions.ToEquatableArray());
    }

    private List<EndpointVersionSpec> ReadVersions(string endpointName, JsonProperty property)
    {
        var versions = new List<EndpointVersionSpec>();
        if (property.Value is not JsonObject map || map.Properties.Count == 0)
        {
            Bad(property.Value, "'versions' must be a non-empty object whose keys are the API versions (\"2.0\", \"3.0\")");
            return versions;
        }

        var seen = new HashSet<string>();
        foreach (var version in map.Properties)
        {
            if (!seen.Add(version.Name))
            {
                Report(EndpointDiagnosticDescriptors.DuplicateVersion, version.NamePosition, version.Name, endpointName);
                continue;
            }

            if (version.Name.Length == 0 || !version.Name.All(c => char.IsLetterOrDigit(c) || c == '.'))
            {
                Bad(version, $"'{version.Name}' is not a version; write it as the path does (\"2.0\", \"3.0\", \"1\")");
                continue;
            }

            if (version.Value is not JsonObject body)
            {
                Bad(version.Value, $"Version '{version.Name}' must be an object (it may be empty: {{}})");
                continue;
            }

            EndpointDateSpec? eos = null, eol = null;
            ParameterReferenceSpec? replacedBy = null;
            var parameters = EquatableArray<ParameterSpec>.Empty;
            var drop = new List<ParameterReferenceSpec>();
            var rules = EquatableArray<RuleSpec>.Empty;
            foreach (var item in body.Properties)
            {
                switch (item.Name)
                {
                    case "eos":
                        eos = ReadDate(item);
                        break;
                    case "eol":
                        eol = ReadDate(item);
                        break;
                    case "replacedBy":
                        replacedBy = item.Value is JsonString { Value.Length: > 0 } r ? new ParameterReferenceSpec(r.Value, At(r.Position)) : BadNull<ParameterReferenceSpec>(item.Value, "'replacedBy' must be a version of this endpoint");
                        break;
                    case "parameters":
                        parameters = ReadParameters(item, $"version '{version.Name}' of '{endpointName}'");
                        break;
                    case "dropParameters":
                        drop.AddRange(References(item, "a parameter name"));
                        break;
                    case "rules":
                        rules = ReadRules(item);
                        break;
                    default:
                        if (System.Array.IndexOf(SettingsKeys, item.Name) < 0)
                        {
                            Unknown(item, "a version", ["eos", "eol", "replacedBy", "parameters", "dropParameters", "rules", .. SettingsKeys]);
                        }

                        break;
                }
            }

            if (eol is not null && body.Find("eos") is null)
            {
                Bad(version, $"Version '{version.Name}' has an 'eol' but no 'eos'");
            }

            versions.Add(new EndpointVersionSpec(
                version.Name, At(version.NamePosition), ReadSettings(body, At(version.NamePosition)), eos, eol, replacedBy, parameters, drop.ToEquatableArray(), rules));
        }

        return versions;
    }

    /// <summary>Reads the keys an endpoint and a version share (the others are read by the caller).</summary>
    private EndpointSettingsSpec ReadSettings(JsonObject body, SourceLocationSpec location)
    {
        string? description = null, method = null, path = null, action = null;
        EquatableArray<string>? auth = null;
        EndpointHostKind? host = null;
        EndpointBodySpec? requestBody = null;
        EndpointResponseSpec? response = null;
        bool? retrySafe = null;
        var fixedParameters = new List<EndpointFixedParameterSpec>();
        foreach (var property in body.Properties)
        {
            switch (property.Name)
            {
                case "description":
                    description = Text(property);
                    break;
                case "method":
                    if (property.Value is JsonString m && Methods.FirstOrDefault(x => string.Equals(x, m.Value, System.StringComparison.OrdinalIgnoreCase)) is { } known)
                    {
                        method = known;
                    }
                    else
                    {
                        Bad(property.Value, "'method' must be one of: " + string.Join(", ", Methods));
                    }

                    break;
                case "path":
                    if (property.Value is JsonString { Value.Length: > 0 } p && p.Value[0] == '/' && p.Value.IndexOf('?') < 0)
                    {
                        path = p.Value;
                    }
                    else
                    {
                        Bad(property.Value, "'path' must start with '/' and hold no query (put 'action' and 'fixedParameters' apart)");
                    }

                    break;
                case "action":
                    action = property.Value is JsonString { Value.Length: > 0 } a ? a.Value : BadNull<string>(property.Value, "'action' must be a non-empty string");
                    break;
                case "auth":
                    auth = ReadAuth(property);
                    break;
                case "host":
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

                    break;
                case "body":
                    requestBody = ReadBody(property);
                    break;
                case "response":
                    response = ReadResponse(property);
                    break;
                case "retrySafe":
                    retrySafe = property.Value is JsonLiteral { BooleanValue: { } b } ? b : BadBool(property.Value, "'retrySafe' must be true or false");
                    break;
                case "fixedParameters":
                    if (property.Value is not JsonObject map)
                    {
                        Bad(property.Value, "'fixedParameters' must be an object of parameter names and the values always sent");
                        break;
                    }

                    foreach (var item in map.Properties)
                    {
                        if (item.Name.Length > 0 && ScalarText(item.Value) is { } value)
                        {
                            fixedParameters.Add(new EndpointFixedParameterSpec(item.Name, value));
                        }
                        else
                        {
                            Bad(item.Value, "A fixed parameter's value must be a string, a number or a boolean");
                        }
                    }

                    break;
            }
        }

        return new EndpointSettingsSpec(description, method, path, action, auth, host, requestBody, response, retrySafe, fixedParameters.ToEquatableArray(), location);
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

    private EndpointBodySpec? ReadBody(JsonProperty property)
    {
        var location = At(property.Value.Position);
        if (property.Value is JsonString shorthand)
        {
            return BodyKind(shorthand) is { } kind ? new EndpointBodySpec(kind, null, null, false, false, location) : null;
        }

        if (property.Value is not JsonObject body)
        {
            Bad(property.Value, "'body' must be a body kind (query, form, xml, json, serviceRequest) or an object with 'kind'");
            return null;
        }

        EndpointBodyKind? bodyKind = null;
        string? description = null;
        ParameterReferenceSpec? filters = null;
        bool filtersRequired = false, preferences = false;
        foreach (var item in body.Properties)
        {
            switch (item.Name)
            {
                case "kind":
                    bodyKind = item.Value is JsonString k ? BodyKind(k) : BadKind(item.Value);
                    break;
                case "description":
                    description = Text(item);
                    break;
                case "filters":
                    filters = item.Value is JsonString { Value.Length: > 0 } f ? new ParameterReferenceSpec(f.Value, At(f.Position)) : BadNull<ParameterReferenceSpec>(item.Value, "'filters' must name a filter set of 'filterSets'");
                    break;
                case "filtersRequired":
                    filtersRequired = item.Value is JsonLiteral { BooleanValue: { } fr } ? fr : BadBool(item.Value, "'filtersRequired' must be true or false") ?? false;
                    break;
                case "preferences":
                    preferences = item.Value is JsonLiteral { BooleanValue: { } pr } ? pr : BadBool(item.Value, "'preferences' must be true or false") ?? false;
                    break;
                default:
                    Unknown(item, "a body", ["kind", "description", "filters", "filtersRequired", "preferences"]);
                    break;
            }
        }

        if (bodyKind is null)
        {
            if (body.Find("kind") is null)
            {
                Bad(property.Value, "A body object needs 'kind': query, form, xml, json or serviceRequest");
            }

            return null;
        }

        return new EndpointBodySpec(bodyKind.Value, description, filters, filtersRequired, preferences, location);

        EndpointBodyKind? BadKind(JsonNode node)
        {
            Bad(node, "'kind' must be one of: query, form, xml, json, serviceRequest");
            return null;
        }
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

    private EndpointResponseSpec? ReadResponse(JsonProperty property)
    {
        var location = At(property.Value.Position);
        if (property.Value is JsonString { Value: "raw" })
        {
            return new EndpointResponseSpec(EndpointResponseKind.Raw, null, null, null, location);
        }

        if (property.Value is not JsonObject body)
        {
            Bad(property.Value, "'response' must be { \"schema\": file, \"root\": element }, { \"json\": type } or \"raw\"");
            return null;
        }

        ParameterReferenceSpec? schema = null, root = null, json = null;
        foreach (var item in body.Properties)
        {
            var reference = item.Value is JsonString { Value.Length: > 0 } s ? new ParameterReferenceSpec(s.Value, At(s.Position)) : null;
            switch (item.Name)
            {
                case "schema":
                    schema = reference ?? BadNull<ParameterReferenceSpec>(item.Value, "'schema' must be a schema file name (a .dtd or .xsd among the AdditionalFiles)");
                    break;
                case "root":
                    root = reference ?? BadNull<ParameterReferenceSpec>(item.Value, "'root' must be an element name");
                    break;
                case "json":
                    json = reference ?? BadNull<ParameterReferenceSpec>(item.Value, "'json' must name a type of 'jsonTypes'");
                    break;
                default:
                    Unknown(item, "a response", ["schema", "root", "json"]);
                    break;
            }
        }

        if (json is not null && schema is null && root is null)
        {
            return new EndpointResponseSpec(EndpointResponseKind.Json, null, null, json, location);
        }

        if (json is null && schema is not null && root is not null)
        {
            return new EndpointResponseSpec(EndpointResponseKind.Schema, schema, root, null, location);
        }

        if (json is null && (schema is not null || root is not null) || json is not null)
        {
            Bad(property.Value, "A response is either { \"schema\": file, \"root\": element } (both) or { \"json\": type }");
        }

        return null;
    }

    private EndpointDateSpec? ReadDate(JsonProperty property)
    {
        if (property.Value is JsonString text)
        {
            var parts = text.Value.Split('-');
            if (parts.Length is 2 or 3
                && parts[0].Length == 4 && int.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year)
                && parts[1].Length == 2 && int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var month)
                && month is >= 1 and <= 12)
            {
                if (parts.Length == 2)
                {
                    return new EndpointDateSpec(year, month, 0);
                }

                if (parts[2].Length == 2 && int.TryParse(parts[2], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var day)
                    && day >= 1 && day <= System.DateTime.DaysInMonth(year, month))
                {
                    return new EndpointDateSpec(year, month, day);
                }
            }
        }

        Report(EndpointDiagnosticDescriptors.InvalidDate, property.Value.Position, ScalarText(property.Value) ?? property.Value.Kind.ToString());
        return null;
    }

    private EquatableArray<ParameterSpec> ReadParameters(JsonProperty property, string owner)
    {
        var parameters = new List<ParameterSpec>();
        if (property.Value is not JsonObject map)
        {
            Bad(property.Value, "'parameters' must be an object whose keys are the parameters' names on the wire");
            return EquatableArray<ParameterSpec>.Empty;
        }

        var seen = new HashSet<string>();
        foreach (var parameter in map.Properties)
        {
            if (!seen.Add(parameter.Name))
            {
                Report(EndpointDiagnosticDescriptors.DuplicateParameter, parameter.NamePosition, parameter.Name, owner);
                continue;
            }

            if (parameter.Name.Length == 0 || parameter.Name.Any(c => char.IsWhiteSpace(c) || c is '&' or '=' or '?' or '#' or '/' or '{' or '}'))
            {
                Bad(parameter, $"'{parameter.Name}' is not a parameter name");
                continue;
            }

            if (ReadParameter(parameter) is { } spec)
            {
                parameters.Add(spec);
            }
        }

        return parameters.ToEquatableArray();
    }

    private ParameterSpec? ReadParameter(JsonProperty parameter)
    {
        var location = At(parameter.NamePosition);
        // A parameter whose type or range is wrong is kept as a string without the wrong part (the error is reported), so that the rules
        // naming it do not report it again as unknown.
        var fallback = new ParameterTypeSpec(ParameterTypeKind.String, false, EquatableArray<string>.Empty, null, null);
        if (parameter.Value is JsonString)
        {
            return new ParameterSpec(parameter.Name, location, null, ReadParameterType(parameter.Value, allowList: true) ?? fallback, false, false, null, null, null, null, null);
        }

        if (parameter.Value is not JsonObject body)
        {
            Bad(parameter.Value, $"Parameter '{parameter.Name}' must be a type name or an object with 'type'");
            return null;
        }

        ParameterTypeSpec? type = null;
        string? name = null, description = null;
        bool inPath = false, required = false, sawType = false;
        long? min = null, max = null;
        int? maxLength = null;
        ParameterValueSpec? defaultValue = null;
        foreach (var item in body.Properties)
        {
            switch (item.Name)
            {
                case "type":
                    sawType = true;
                    type = ReadParameterType(item.Value, allowList: true) ?? fallback;
                    break;
                case "name":
                    name = ReadIdentifier(item);
                    break;
                case "in":
                    inPath = item.Value is JsonString { Value: "path" };
                    if (!inPath && item.Value is not JsonString { Value: "query" })
                    {
                        Bad(item.Value, "'in' must be \"path\" (the value fills {name} in the path) or \"query\" (the default: query or form, as the body says)");
                    }

                    break;
                case "required":
                    required = item.Value is JsonLiteral { BooleanValue: { } r } ? r : BadBool(item.Value, "'required' must be true or false") ?? false;
                    break;
                case "min":
                    min = ReadInteger(item);
                    break;
                case "max":
                    max = ReadInteger(item);
                    break;
                case "maxLength":
                    maxLength = ReadInteger(item) is { } length && length is > 0 and <= int.MaxValue ? (int)length : BadInt(item.Value, "'maxLength' must be a positive integer");
                    break;
                case "default":
                    defaultValue = ReadScalar(item.Value);
                    break;
                case "description":
                    description = Text(item);
                    break;
                default:
                    Unknown(item, "a parameter", ["type", "name", "in", "required", "min", "max", "maxLength", "default", "description"]);
                    break;
            }
        }

        if (!sawType)
        {
            Bad(parameter, $"Parameter '{parameter.Name}' needs a 'type'");
        }

        if (min is { } lo && max is { } hi && lo > hi)
        {
            Report(EndpointDiagnosticDescriptors.InvalidValue, parameter.NamePosition, $"Parameter '{parameter.Name}' has 'min' {lo} above 'max' {hi}");
            min = max = null;
        }

        return new ParameterSpec(parameter.Name, location, name, type ?? fallback, inPath, required || inPath, min, max, maxLength, defaultValue, description);
    }

    private ParameterTypeSpec? ReadParameterType(JsonNode node, bool allowList)
    {
        switch (node)
        {
            case JsonString name when ParameterTypeNames.TryGetValue(name.Value, out var kind):
                return new ParameterTypeSpec(kind, false, EquatableArray<string>.Empty, null, null);
            case JsonString name:
                Report(EndpointDiagnosticDescriptors.UnknownParameterType, name.Position, name.Value, "parameter", ParameterTypeList);
                return null;
            case JsonObject body when body.Find("list") is { } list:
                foreach (var item in body.Properties.Where(p => p.Name != "list"))
                {
                    Unknown(item, "a list type", ["list"]);
                }

                if (!allowList)
                {
                    Bad(list, "A list cannot hold lists");
                    return null;
                }

                return ReadParameterType(list.Value, allowList: false) is { } itemType ? itemType with { IsList = true } : null;
            case JsonObject body when body.Find("enum") is not null:
                return ReadEnumType(body) is var (values, enumName, description) ? new ParameterTypeSpec(ParameterTypeKind.Enum, false, values, enumName, description) : null;
            default:
                Bad(node, "A parameter type is a name (" + ParameterTypeList + ")");
                return null;
        }
    }

    /// <summary>Reads <c>{ "enum": [values], "name": "CSharpName", "description": "..." }</c>.</summary>
    private (EquatableArray<string> Values, string? Name, string? Description)? ReadEnumType(JsonObject body)
    {
        var values = new List<string>();
        string? name = null, description = null;
        var ok = true;
        foreach (var property in body.Properties)
        {
            switch (property.Name)
            {
                case "enum" when property.Value is JsonArray { Items.Count: > 0 } array:
                    foreach (var item in array.Items)
                    {
                        if (item is not JsonString { Value.Length: > 0 } value)
                        {
                            Bad(item, "Enum values must be non-empty strings, as sent");
                            ok = false;
                        }
                        else if (values.Contains(value.Value))
                        {
                            Report(EndpointDiagnosticDescriptors.DuplicateDeclaration, item.Position, "Enum value", value.Value);
                            ok = false;
                        }
                        else
                        {
                            values.Add(value.Value);
                        }
                    }

                    break;
                case "enum":
                    Bad(property.Value, "'enum' must be a non-empty array of the values as sent");
                    ok = false;
                    break;
                case "name":
                    name = ReadIdentifier(property);
                    ok &= name is not null;
                    break;
                case "description":
                    description = Text(property);
                    break;
                default:
                    Unknown(property, "an enum type", ["enum", "name", "description"]);
                    break;
            }
        }

        return ok && values.Count > 0 ? (values.ToEquatableArray(), name, description) : null;
    }

    private EquatableArray<RuleSpec> ReadRules(JsonProperty property)
    {
        if (property.Value is not JsonArray array)
        {
            Bad(property.Value, "'rules' must be an array of rules");
            return EquatableArray<RuleSpec>.Empty;
        }

        var rules = new List<RuleSpec>();
        foreach (var item in array.Items)
        {
            if (ReadRule(item) is { } rule)
            {
                rules.Add(rule);
            }
        }

        return rules.ToEquatableArray();
    }

    private RuleSpec? ReadRule(JsonNode node)
    {
        const string Shape = "A rule is an object with one of oneOfRequired, mutuallyExclusive, together, validOnlyWhen, requiredWhen (a list of parameters), and 'with' (together) or 'when'";
        if (node is not JsonObject body)
        {
            Bad(node, Shape);
            return null;
        }

        RuleKind? kind = null;
        JsonProperty? kindProperty = null;
        var parameters = new List<ParameterReferenceSpec>();
        var with = new List<ParameterReferenceSpec>();
        RuleConditionSpec? when = null;
        var ok = true;
        foreach (var property in body.Properties)
        {
            if (RuleKeys.TryGetValue(property.Name, out var k))
            {
                if (kind is not null)
                {
                    Bad(property, "A rule has one kind; write two rules");
                    ok = false;
                    continue;
                }

                kind = k;
                kindProperty = property;
                parameters.AddRange(References(property, "a parameter name"));
                continue;
            }

            switch (property.Name)
            {
                case "with":
                    with.AddRange(References(property, "a parameter name"));
                    break;
                case "when":
                    when = ReadCondition(property.Value);
                    ok &= when is not null;
                    break;
                case "description":
                    break;
                default:
                    Unknown(property, "a rule", [.. RuleKeys.Keys, "with", "when", "description"]);
                    break;
            }
        }

        if (kind is not { } ruleKind || kindProperty is null)
        {
            Bad(node, Shape);
            return null;
        }

        var minimum = ruleKind is RuleKind.OneOfRequired or RuleKind.MutuallyExclusive || (ruleKind == RuleKind.Together && with.Count == 0) ? 2 : 1;
        if (parameters.Count < minimum)
        {
            Bad(kindProperty.Value, $"'{kindProperty.Name}' needs at least {minimum} parameter{(minimum == 1 ? "" : "s")}");
            ok = false;
        }

        if (with.Count > 0 && ruleKind != RuleKind.Together)
        {
            Bad(body.Find("with")!, "'with' belongs to a 'together' rule");
            ok = false;
        }

        if (when is null && ruleKind is RuleKind.ValidOnlyWhen or RuleKind.RequiredWhen && body.Find("when") is null)
        {
            Bad(kindProperty, $"'{kindProperty.Name}' needs 'when': the condition");
            ok = false;
        }

        return ok ? new RuleSpec(ruleKind, parameters.ToEquatableArray(), with.ToEquatableArray(), when, At(kindProperty.NamePosition)) : null;
    }

    private RuleConditionSpec? ReadCondition(JsonNode node)
    {
        const string Shape = "A condition is an object of parameter tests ({ \"occurrence\": \"daily\" }, all must hold) or { \"anyOf\": [such objects] }";
        if (node is not JsonObject body || body.Properties.Count == 0)
        {
            Bad(node, Shape);
            return null;
        }

        var alternatives = new List<RuleConjunctionSpec>();
        if (body.Properties.Count == 1 && body.Properties[0].Name == "anyOf")
        {
            if (body.Properties[0].Value is not JsonArray { Items.Count: > 0 } array)
            {
                Bad(body.Properties[0].Value, "'anyOf' must be a non-empty array of condition objects");
                return null;
            }

            foreach (var item in array.Items)
            {
                if (item is not JsonObject { Properties.Count: > 0 } conjunction)
                {
                    Bad(item, Shape);
                    return null;
                }

                if (ReadConjunction(conjunction) is not { } all)
                {
                    return null;
                }

                alternatives.Add(all);
            }
        }
        else if (ReadConjunction(body) is { } all)
        {
            alternatives.Add(all);
        }
        else
        {
            return null;
        }

        return new RuleConditionSpec(alternatives.ToEquatableArray(), At(node.Position));
    }

    private RuleConjunctionSpec? ReadConjunction(JsonObject body)
    {
        var clauses = new List<RuleClauseSpec>();
        foreach (var property in body.Properties)
        {
            var parameter = new ParameterReferenceSpec(property.Name, At(property.NamePosition));
            if (property.Name == "anyOf")
            {
                Bad(property, "'anyOf' must be the only key of a condition");
                return null;
            }

            if (ReadScalar(property.Value, quiet: true) is { } equal)
            {
                clauses.Add(new RuleClauseSpec(parameter, RuleClauseOperator.EqualTo, new[] { equal }.ToEquatableArray()));
                continue;
            }

            if (property.Value is not JsonObject { Properties.Count: 1 } test)
            {
                Bad(property.Value, "A test is a value (equal to), { \"not\": value }, { \"in\": [values] } or { \"given\": true|false }");
                return null;
            }

            var op = test.Properties[0];
            switch (op.Name)
            {
                case "given" when op.Value is JsonLiteral { BooleanValue: { } given }:
                    clauses.Add(new RuleClauseSpec(parameter, given ? RuleClauseOperator.Given : RuleClauseOperator.NotGiven, EquatableArray<ParameterValueSpec>.Empty));
                    break;
                case "not" when ReadScalar(op.Value) is { } value:
                    clauses.Add(new RuleClauseSpec(parameter, RuleClauseOperator.NotEqualTo, new[] { value }.ToEquatableArray()));
                    break;
                case "in" when op.Value is JsonArray { Items.Count: > 0 } values:
                    var list = new List<ParameterValueSpec>();
                    foreach (var item in values.Items)
                    {
                        if (ReadScalar(item) is not { } v)
                        {
                            return null;
                        }

                        list.Add(v);
                    }

                    clauses.Add(new RuleClauseSpec(parameter, RuleClauseOperator.In, list.ToEquatableArray()));
                    break;
                default:
                    Bad(op.Value, "A test is a value (equal to), { \"not\": value }, { \"in\": [values] } or { \"given\": true|false }");
                    return null;
            }
        }

        return new RuleConjunctionSpec(clauses.ToEquatableArray());
    }

    private ParameterGroupSpec? ReadGroup(JsonProperty group)
    {
        if (group.Value is not JsonObject body)
        {
            Bad(group.Value, $"Parameter group '{group.Name}' must be an object with 'parameters' and/or 'rules'");
            return null;
        }

        string? description = null;
        var parameters = EquatableArray<ParameterSpec>.Empty;
        var rules = EquatableArray<RuleSpec>.Empty;
        foreach (var property in body.Properties)
        {
            switch (property.Name)
            {
                case "description":
                    description = Text(property);
                    break;
                case "parameters":
                    parameters = ReadParameters(property, $"parameter group '{group.Name}'");
                    break;
                case "rules":
                    rules = ReadRules(property);
                    break;
                default:
                    Unknown(property, "a parameter group", ["description", "parameters", "rules"]);
                    break;
            }
        }

        return new ParameterGroupSpec(group.Name, At(group.NamePosition), description, parameters, rules);
    }

    private EndpointFilterTypeSpec? ReadFilterType(JsonProperty type)
    {
        if (type.Value is not JsonObject body)
        {
            Bad(type.Value, $"Filter type '{type.Name}' must be an object with 'value' and 'operators'");
            return null;
        }

        ParameterTypeKind? value = null;
        EquatableArray<ParameterReferenceSpec>? operators = null;
        foreach (var property in body.Properties)
        {
            switch (property.Name)
            {
                case "value":
                    if (property.Value is JsonString s && FilterValueNames.TryGetValue(s.Value, out var kind))
                    {
                        value = kind;
                    }
                    else
                    {
                        Report(EndpointDiagnosticDescriptors.UnknownParameterType, property.Value.Position, ScalarText(property.Value) ?? "", "filter value", "string, int, long, bool, datetime, enum");
                    }

                    break;
                case "operators":
                    operators = ReadOperators(property);
                    break;
                case "description":
                    break;
                default:
                    Unknown(property, "a filter type", ["value", "operators", "description"]);
                    break;
            }
        }

        if (value is null || operators is null)
        {
            if (body.Find("value") is null || body.Find("operators") is null)
            {
                Bad(type, $"Filter type '{type.Name}' needs 'value' and 'operators'");
            }

            return null;
        }

        return new EndpointFilterTypeSpec(type.Name, At(type.NamePosition), value.Value, operators.Value);
    }

    private EquatableArray<ParameterReferenceSpec>? ReadOperators(JsonProperty property)
    {
        if (property.Value is not JsonArray { Items.Count: > 0 } array)
        {
            Bad(property.Value, "'operators' must be a non-empty array of QPS operators");
            return null;
        }

        var operators = new List<ParameterReferenceSpec>();
        var ok = true;
        foreach (var item in array.Items)
        {
            if (item is JsonString s && QpsOperators.Contains(s.Value))
            {
                if (operators.Any(o => o.Name == s.Value))
                {
                    Report(EndpointDiagnosticDescriptors.DuplicateDeclaration, item.Position, "Operator", s.Value);
                    ok = false;
                }
                else
                {
                    operators.Add(new ParameterReferenceSpec(s.Value, At(s.Position)));
                }
            }
            else
            {
                Report(EndpointDiagnosticDescriptors.UnknownOperator, item.Position, ScalarText(item) ?? item.Kind.ToString());
                ok = false;
            }
        }

        return ok ? operators.ToEquatableArray() : null;
    }

    private EndpointFilterSetSpec? ReadFilterSet(JsonProperty set)
        => ReadDescribedMap(set, "Filter set", "a filter set", "fields", "an object whose keys are the fields as QPS spells them", "Filter field", ReadFilterField)
            is { } read
            ? new EndpointFilterSetSpec(set.Name, At(set.NamePosition), read.Description, read.Entries.ToEquatableArray())
            : null;

    private EndpointFilterFieldSpec? ReadFilterField(JsonProperty field)
    {
        if (field.Value is JsonString shorthand)
        {
            return new EndpointFilterFieldSpec(field.Name, At(field.NamePosition), new ParameterReferenceSpec(shorthand.Value, At(shorthand.Position)), EquatableArray<string>.Empty, null, null, null, null);
        }

        if (field.Value is not JsonObject body)
        {
            Bad(field.Value, $"Filter field '{field.Name}' must be a filter type name or an object with 'type'");
            return null;
        }

        ParameterReferenceSpec? type = null;
        string? enumName = null, name = null, description = null;
        EquatableArray<ParameterReferenceSpec>? operators = null;
        var values = EquatableArray<string>.Empty;
        var ok = true;
        foreach (var property in body.Properties)
        {
            switch (property.Name)
            {
                case "type":
                    type = property.Value is JsonString { Value.Length: > 0 } t ? new ParameterReferenceSpec(t.Value, At(t.Position)) : BadNull<ParameterReferenceSpec>(property.Value, "'type' must name a filter type of 'filterTypes'");
                    break;
                case "enum":
                    if (ReadEnumType(new JsonObject(body.Position, [property])) is var (enumValues, _, _))
                    {
                        values = enumValues;
                    }
                    else
                    {
                        ok = false;
                    }

                    break;
                case "enumName":
                    enumName = ReadIdentifier(property);
                    ok &= enumName is not null;
                    break;
                case "name":
                    name = ReadIdentifier(property);
                    ok &= name is not null;
                    break;
                case "operators":
                    operators = ReadOperators(property);
                    ok &= operators is not null;
                    break;
                case "description":
                    description = Text(property);
                    break;
                default:
                    Unknown(property, "a filter field", ["type", "enum", "enumName", "name", "operators", "description"]);
                    break;
            }
        }

        if (type is null)
        {
            if (body.Find("type") is null)
            {
                Bad(field, $"Filter field '{field.Name}' needs a 'type'");
            }

            return null;
        }

        return ok ? new EndpointFilterFieldSpec(field.Name, At(field.NamePosition), type, values, enumName, name, operators, description) : null;
    }

    private EndpointJsonTypeSpec? ReadJsonType(JsonProperty type)
        => ReadDescribedMap(type, "JSON type", "a JSON type", "properties", "an object whose keys are the JSON property names", "JSON property", ReadJsonProperty)
            is { } read
            ? new EndpointJsonTypeSpec(type.Name, At(type.NamePosition), read.Description, read.Entries.ToEquatableArray())
            : null;

    private EndpointJsonPropertySpec? ReadJsonProperty(JsonProperty member)
    {
        JsonNode? typeNode = member.Value is JsonString ? member.Value : null;
        bool required = false, ok = true;
        string? name = null, description = null;
        if (member.Value is JsonObject body)
        {
            foreach (var property in body.Properties)
            {
                switch (property.Name)
                {
                    case "type":
                        typeNode = property.Value;
                        break;
                    case "required":
                        required = property.Value is JsonLiteral { BooleanValue: { } r } ? r : BadBool(property.Value, "'required' must be true or false") ?? false;
                        break;
                    case "name":
                        name = ReadIdentifier(property);
                        ok &= name is not null;
                        break;
                    case "description":
                        description = Text(property);
                        break;
                    default:
                        Unknown(property, "a JSON property", ["type", "required", "name", "description"]);
                        break;
                }
            }
        }
        else if (typeNode is null)
        {
            Bad(member.Value, $"JSON property '{member.Name}' must be a type name or an object with 'type'");
            return null;
        }

        if (typeNode is JsonString t && JsonValueNames.TryGetValue(t.Value, out var kind))
        {
            return ok ? new EndpointJsonPropertySpec(member.Name, At(member.NamePosition), kind, required, name, description) : null;
        }

        if (typeNode is null)
        {
            Bad(member, $"JSON property '{member.Name}' needs a 'type'");
        }
        else
        {
            Report(EndpointDiagnosticDescriptors.UnknownParameterType, typeNode.Position, ScalarText(typeNode) ?? "", "JSON property", JsonTypeList);
        }

        return null;
    }

    private EndpointBaseUrlSpec? ReadBaseUrl(JsonProperty entry)
    {
        JsonNode? urlNode = entry.Value is JsonString ? entry.Value : null;
        string? description = null;
        if (entry.Value is JsonObject body)
        {
            foreach (var property in body.Properties)
            {
                switch (property.Name)
                {
                    case "url":
                        urlNode = property.Value;
                        break;
                    case "description":
                        description = Text(property);
                        break;
                    default:
                        Unknown(property, "a base URL", ["url", "description"]);
                        break;
                }
            }
        }

        // An origin only: a request's path is from the host's root, so a path prefix belongs in the endpoint's path.
        if (urlNode is JsonString url && System.Uri.TryCreate(url.Value, System.UriKind.Absolute, out var uri) && (uri.Scheme == "https" || uri.Scheme == "http")
            && uri.AbsolutePath == "/" && uri.Query.Length == 0 && uri.Fragment.Length == 0 && uri.UserInfo.Length == 0)
        {
            return new EndpointBaseUrlSpec(entry.Name, url.Value.TrimEnd('/'), description);
        }

        Bad(urlNode ?? entry.Value, $"Base URL '{entry.Name}' must be an http(s) origin such as \"https://api.example.com\" (no path: it goes in the endpoints' paths), or {{ \"url\": ..., \"description\": ... }}");
        return null;
    }

    // --- small readers ------------------------------------------------------------------------------------------------

    private List<ParameterReferenceSpec> References(JsonProperty property, string what)
    {
        var references = new List<ParameterReferenceSpec>();
        if (property.Value is not JsonArray array)
        {
            Bad(property.Value, $"'{property.Name}' must be an array; each item is {what}");
            return references;
        }

        foreach (var item in array.Items)
        {
            if (item is JsonString { Value.Length: > 0 } name)
            {
                references.Add(new ParameterReferenceSpec(name.Value, At(name.Position)));
            }
            else
            {
                Bad(item, $"Each item of '{property.Name}' is {what}");
            }
        }

        return references;
    }

    private string? ReadIdentifier(JsonProperty property)
    {
        if (property.Value is JsonString { Value.Length: > 0 } s && IsIdentifier(s.Value))
        {
            return s.Value;
        }

        Report(EndpointDiagnosticDescriptors.InvalidIdentifier, property.Value.Position, ScalarText(property.Value) ?? property.Value.Kind.ToString());
        return null;
    }

    private long? ReadInteger(JsonProperty property)
    {
        if (property.Value is JsonNumber number && number.TryGetInt64(out var value))
        {
            return value;
        }

        Bad(property.Value, $"'{property.Name}' must be an integer");
        return null;
    }

    private ParameterValueSpec? ReadScalar(JsonNode node, bool quiet = false)
    {
        switch (node)
        {
            case JsonString s:
                return new ParameterValueSpec(s.Value, ParameterValueKind.String, At(s.Position));
            case JsonNumber n:
                return new ParameterValueSpec(n.Text, ParameterValueKind.Number, At(n.Position));
            case JsonLiteral { BooleanValue: { } b }:
                return new ParameterValueSpec(b ? "true" : "false", ParameterValueKind.Boolean, At(node.Position));
            default:
                if (!quiet)
                {
                    Bad(node, "Expected a string, a number or true/false");
                }

                return null;
        }
    }

    private static string? ScalarText(JsonNode node) => node switch
    {
        JsonString s => s.Value,
        JsonNumber n => n.Text,
        JsonLiteral { BooleanValue: { } b } => b ? "true" : "false",
        _ => null,
    };

    private string? Text(JsonProperty property)
    {
        if (property.Value is JsonString s)
        {
            return s.Value.Length == 0 ? null : s.Value;
        }

        Bad(property.Value, $"'{property.Name}' must be a string");
        return null;
    }

    private void Unknown(JsonProperty property, string what, IEnumerable<string> known)
        => Bad(property, $"Unknown property '{property.Name}' in {what}; it has: {string.Join(", ", known)}");

    private void Bad(JsonNode node, string message) => Report(EndpointDiagnosticDescriptors.InvalidEndpointSpec, node.Position, message);

    private void Bad(JsonProperty property, string message) => Report(EndpointDiagnosticDescriptors.InvalidEndpointSpec, property.NamePosition, message);

    private T? BadNull<T>(JsonNode node, string message)
        where T : class
    {
        Bad(node, message);
        return null;
    }

    private bool? BadBool(JsonNode node, string message)
    {
        Bad(node, message);
        return null;
    }

    private int? BadInt(JsonNode node, string message)
    {
        Bad(node, message);
        return null;
    }

    private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, JsonPosition position, params string[] args)
        => _endpointDiagnostics.Add(DiagnosticSpec.Create(descriptor.Id, At(position), args));
}
