using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using QualysGen.Generator.Diagnostics;
using QualysGen.Generator.Model;
using QualysGen.Generator.Parsing.Json;

namespace QualysGen.Generator.Parsing.Endpoints;

/// <summary>
/// Reads an endpoint spec file (<c>*.endpoints.json</c>): the <c>schemas</c> section (for each schema file, the C# types of element
/// texts and attributes and the roots) and the endpoints half (<c>family</c>, <c>endpoints</c> with their versions, parameters and rules,
/// <c>parameterGroups</c>, <c>filterTypes</c>, <c>filterSets</c>, <c>jsonTypes</c>, <c>baseUrls</c>). Every mistake is a diagnostic at its
/// JSON line and column; references between parts are resolved later, by the binders. One file per section: this one reads the file
/// and its sections' maps; <c>.SchemaOverlays</c>, <c>.Endpoints</c>, <c>.Parameters</c>, <c>.Filters</c>, <c>.JsonTypes</c> read the
/// sections, <c>.Values</c> the values they share.
/// </summary>
internal sealed partial class EndpointSpecReader
{
    /// <summary>The keys of a spec file, in ordinal order (the order the "unknown property" message lists them in).</summary>
    private static readonly string[] TopLevelKeys =
    [
        "$schema", "baseUrls", "description", "endpoints", "family", "filterSets", "filterTypes", "jsonTypes", "parameterGroups", "schemas",
    ];

    private readonly string _filePath;
    private readonly List<DiagnosticSpec> _diagnostics = new();
    private readonly List<DiagnosticSpec> _endpointDiagnostics = new();

    private EndpointSpecReader(string filePath) => _filePath = filePath;

    public static EndpointSpecReadResult Read(string filePath, string text, CancellationToken cancellationToken)
    {
        var reader = new EndpointSpecReader(filePath);
        var overlays = reader.ReadFile(text, cancellationToken, out var root);
        var endpoints = root is null ? null : reader.ReadEndpointDocument(root, cancellationToken);
        return new EndpointSpecReadResult(
            filePath, overlays.ToEquatableArray(), reader._diagnostics.ToEquatableArray(), endpoints, reader._endpointDiagnostics.ToEquatableArray());
    }

    private List<SchemaOverlayDeclaration> ReadFile(string text, CancellationToken cancellationToken, out JsonObject? rootObject)
    {
        rootObject = null;
        var parsed = JsonParser.Parse(text);
        if (parsed.Error is { } error)
        {
            _diagnostics.Add(DiagnosticSpec.Create(DiagnosticDescriptors.JsonSyntaxError.Id, At(error.Position), error.Message));
            return new List<SchemaOverlayDeclaration>();
        }

        if (parsed.Root is not JsonObject root)
        {
            Invalid(parsed.Root!, "A spec file must be a JSON object");
            return new List<SchemaOverlayDeclaration>();
        }

        rootObject = root;
        new JsonObjectReader(Invalid, (property, known) => Invalid(property, $"Unknown property '{property.Name}'; a spec file has: {string.Join(", ", known)}"))
            .Skip(TopLevelKeys)
            .Read(root);
        return ReadSchemaOverlays(root, cancellationToken);
    }

    // ---------------------------------------------------------------------------------------------------------------------
    // The endpoints half: family, endpoints, parameterGroups, filterTypes, filterSets, jsonTypes, baseUrls.
    // Structure is checked here; references between parts (parameters in rules, groups, schemas, versions) by EndpointBinder.
    // ---------------------------------------------------------------------------------------------------------------------

    private EndpointDocument? ReadEndpointDocument(JsonObject root, CancellationToken cancellationToken)
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
            var stem = fileName.EndsWith(".endpoints.json", StringComparison.OrdinalIgnoreCase)
                ? fileName.Substring(0, fileName.Length - ".endpoints.json".Length)
                : System.IO.Path.GetFileNameWithoutExtension(fileName);
            family = Binding.CSharpNames.ToPascalCase(stem, "Api");
            familyLocation = At(root.Properties.Count > 0 ? root.Properties[0].NamePosition : root.Position);
        }

        var endpoints = new List<EndpointDeclaration>();
        if (root.Find("endpoints") is { } endpointsProperty)
        {
            if (endpointsProperty.Value is not JsonObject map)
            {
                Bad(endpointsProperty.Value, "'endpoints' must be an object whose keys are endpoint names");
            }
            else
            {
                endpoints = ReadEntries(
                    map,
                    endpoint => Report(EndpointDiagnosticDescriptors.DuplicateEndpoint, endpoint.NamePosition, endpoint.Name),
                    endpoint =>
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        return IdentifierKey(endpoint);
                    },
                    ReadEndpoint);
            }
        }

        var groups = ReadNamedObjects(root, "parameterGroups", "Parameter group", requireIdentifier: false, ReadGroup);
        var filterTypes = ReadNamedObjects(root, "filterTypes", "Filter type", requireIdentifier: false, ReadFilterType);
        var filterSets = ReadNamedObjects(root, "filterSets", "Filter set", requireIdentifier: true, ReadFilterSet);
        var jsonTypes = ReadNamedObjects(root, "jsonTypes", "JSON type", requireIdentifier: true, ReadJsonType);
        var baseUrls = ReadNamedObjects(root, "baseUrls", "Base URL", requireIdentifier: true, ReadBaseUrl);

        return new EndpointDocument(
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

    // --- maps keyed by name -------------------------------------------------------------------------------------------

    /// <summary>
    /// The entries of a map keyed by name, in order: a name seen before is reported by <paramref name="duplicate"/> and skipped, a name
    /// that <paramref name="validKey"/> refuses (and reports) is skipped, and each other entry is read by <paramref name="read"/>.
    /// </summary>
    private static List<T> ReadEntries<T>(JsonObject map, Action<JsonProperty> duplicate, Func<JsonProperty, bool> validKey, Func<JsonProperty, T?> read)
        where T : class
    {
        var items = new List<T>();
        var seen = new HashSet<string>();
        foreach (var entry in map.Properties)
        {
            if (!seen.Add(entry.Name))
            {
                duplicate(entry);
                continue;
            }

            if (validKey(entry) && read(entry) is { } item)
            {
                items.Add(item);
            }
        }

        return items;
    }

    /// <summary>Reads an object section whose keys are names, reporting duplicate (and, when asked, non-identifier) keys.</summary>
    private List<T> ReadNamedObjects<T>(JsonObject root, string section, string what, bool requireIdentifier, Func<JsonProperty, T?> read)
        where T : class
    {
        if (root.Find(section) is not { } property)
        {
            return new List<T>();
        }

        if (property.Value is not JsonObject map)
        {
            Bad(property.Value, $"'{section}' must be an object whose keys are names");
            return new List<T>();
        }

        return ReadNamedEntries(map, what, requireIdentifier, read);
    }

    /// <summary>The entries of a map keyed by name: a duplicate name is reported and skipped, each entry is read by <paramref name="read"/>.</summary>
    private List<T> ReadNamedEntries<T>(JsonObject map, string what, bool requireIdentifier, Func<JsonProperty, T?> read)
        where T : class
        => ReadEntries(
            map,
            entry => Report(EndpointDiagnosticDescriptors.DuplicateDeclaration, entry.NamePosition, what, entry.Name),
            entry => !requireIdentifier || IdentifierKey(entry),
            read);

    /// <summary>
    /// An object <c>{ "description": "...", "&lt;mapKey&gt;": { name: entry, ... } }</c> — the shape of filter sets and JSON types.
    /// Null when <paramref name="owner"/> is not an object (reported).
    /// </summary>
    private (string? Description, List<T> Entries)? ReadDescribedMap<T>(
        JsonProperty owner, string ownerTitle, string ownerKind, string mapKey, string mapShape, string entryWhat, Func<JsonProperty, T?> read)
        where T : class
    {
        if (owner.Value is not JsonObject body)
        {
            Bad(owner.Value, $"{ownerTitle} '{owner.Name}' must be an object with '{mapKey}'");
            return null;
        }

        string? description = null;
        var entries = new List<T>();
        Members(ownerKind)
            .On("description", property => description = Text(property))
            .On(mapKey, property =>
            {
                if (property.Value is JsonObject map)
                {
                    entries.AddRange(ReadNamedEntries(map, entryWhat, requireIdentifier: false, read));
                }
                else
                {
                    Bad(property.Value, $"'{mapKey}' must be {mapShape}");
                }
            })
            .Read(body);
        return (description, entries);
    }

    /// <summary>Whether a key that names a C# type is an identifier; reports it when not.</summary>
    private bool IdentifierKey(JsonProperty entry)
    {
        if (IsIdentifier(entry.Name))
        {
            return true;
        }

        Report(EndpointDiagnosticDescriptors.InvalidIdentifier, entry.NamePosition, entry.Name);
        return false;
    }

    // --- diagnostics --------------------------------------------------------------------------------------------------

    /// <summary>A reader of one object of the endpoints half: an unknown key is reported, naming the keys <paramref name="what"/> has.</summary>
    private JsonObjectReader Members(string what) => new(Bad, (property, known) => Unknown(property, what, known));

    private void Unknown(JsonProperty property, string what, IEnumerable<string> known)
        => Bad(property, $"Unknown property '{property.Name}' in {what}; it has: {string.Join(", ", known)}");

    private void Bad(JsonNode node, string message) => Bad(node.Position, message);

    private void Bad(JsonProperty property, string message) => Bad(property.NamePosition, message);

    private void Bad(JsonPosition position, string message) => Report(EndpointDiagnosticDescriptors.InvalidEndpointSpec, position, message);

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

    /// <summary>A mistake in the <c>schemas</c> section or the file's shape (QG0201), reported with the schema diagnostics.</summary>
    private void Invalid(JsonNode node, string message) => Invalid(node.Position, message);

    private void Invalid(JsonProperty property, string message) => Invalid(property.NamePosition, message);

    private void Invalid(JsonPosition position, string message)
        => _diagnostics.Add(DiagnosticSpec.Create(DiagnosticDescriptors.SpecInvalidValue.Id, At(position), message));

    private SourceLocationSpec At(JsonPosition position)
        => SourceLocationSpec.At(_filePath, position.Offset, position.Length, position.Line, position.Column);
}
