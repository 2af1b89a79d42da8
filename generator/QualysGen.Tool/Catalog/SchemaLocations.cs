using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using QualysGen.Tool.Cli;

namespace QualysGen.Tool.Catalog;

/// <summary>
/// Where a platform serves each schema (<c>qualysgen.catalog.json</c>: <c>{ "schemas": { "simple_return.dtd": { "paths": [...] } } }</c>),
/// as a path on the API server; Qualys names it in the DOCTYPE (or <c>xsi:noNamespaceSchemaLocation</c>) of its responses.
/// </summary>
internal sealed class SchemaLocations
{
    public const string FileName = "qualysgen.catalog.json";

    private readonly Dictionary<string, IReadOnlyList<string>> _paths;

    private SchemaLocations(Dictionary<string, IReadOnlyList<string>> paths) => _paths = paths;

    public static SchemaLocations Empty { get; } = new(new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase));

    /// <summary>Reads a catalog file; <paramref name="source"/> names it in errors.</summary>
    public static SchemaLocations Parse(string json, string source)
    {
        var paths = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (document.RootElement.TryGetProperty("schemas", out var schemas) && schemas.ValueKind == JsonValueKind.Object)
            {
                foreach (var schema in schemas.EnumerateObject())
                {
                    if (!schema.Value.TryGetProperty("paths", out var list) || list.ValueKind != JsonValueKind.Array)
                    {
                        throw new ToolException($"{source}: schemas.{schema.Name} needs \"paths\": [\"/api/2.0/...\"].");
                    }

                    var values = list.EnumerateArray().Select(p => p.GetString() ?? "").ToList();
                    if (values.Count == 0 || values.Any(v => !v.StartsWith("/", StringComparison.Ordinal)))
                    {
                        throw new ToolException($"{source}: schemas.{schema.Name}.paths must list paths that start with '/'.");
                    }

                    paths[schema.Name] = values;
                }
            }
        }
        catch (JsonException exception)
        {
            throw new ToolException($"{source} is not valid JSON: {exception.Message}");
        }
        catch (InvalidOperationException exception)
        {
            throw new ToolException($"{source}: {exception.Message}");
        }

        return new SchemaLocations(paths);
    }

    /// <summary>These locations with <paramref name="overrides"/> added; theirs win.</summary>
    public SchemaLocations With(SchemaLocations overrides)
    {
        var merged = new Dictionary<string, IReadOnlyList<string>>(_paths, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, paths) in overrides._paths)
        {
            merged[name] = paths;
        }

        return new SchemaLocations(merged);
    }

    /// <summary>The paths the schema is served at, the one to download from first; empty when unknown.</summary>
    public IReadOnlyList<string> PathsOf(string schemaFile) => _paths.TryGetValue(schemaFile, out var paths) ? paths : [];

    public IEnumerable<string> SchemaFiles => _paths.Keys;
}
