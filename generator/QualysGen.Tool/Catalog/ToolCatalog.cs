using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Threading;
using QualysGen.Tool.Cli;
using QualysGen.Tool.Generator;

namespace QualysGen.Tool.Catalog;

/// <summary>
/// The catalog embedded in the tool: this repository's <c>specs/</c> (every endpoint the seed documents describe), grouped by family,
/// and where each schema is served.
/// </summary>
internal sealed class ToolCatalog
{
    private const string ResourcePrefix = "Catalog/";
    private const string SpecSchema = "qualysgen.spec.schema.json";

    private static readonly Lazy<ToolCatalog> Instance = new(Load);

    private ToolCatalog(IReadOnlyDictionary<string, string> files, IReadOnlyList<CatalogFamily> families, SchemaLocations locations)
    {
        Files = files;
        Families = families;
        Locations = locations;
    }

    public static ToolCatalog Embedded => Instance.Value;

    /// <summary>Every catalog file by name.</summary>
    public IReadOnlyDictionary<string, string> Files { get; }

    public IReadOnlyList<CatalogFamily> Families { get; }

    public SchemaLocations Locations { get; }

    /// <summary>The family named <paramref name="name"/> (its family name or its spec file's name, any case).</summary>
    public CatalogFamily Find(string name)
        => Families.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase)
                                        || string.Equals(f.SpecFile, name, StringComparison.OrdinalIgnoreCase)
                                        || string.Equals(f.SpecFile, name + ".endpoints.json", StringComparison.OrdinalIgnoreCase))
           ?? throw new ToolException($"The catalog has no family '{name}'. Families: {string.Join(", ", Families.Select(f => f.Name))} (qualysgen add --list).");

    private static ToolCatalog Load()
    {
        var assembly = typeof(ToolCatalog).Assembly;
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            files[resource.Substring(ResourcePrefix.Length)] = reader.ReadToEnd();
        }

        var specs = files.Where(f => GeneratorFacade.IsSpec(f.Key))
            .Select(f => GeneratorFacade.DescribeSpec(new SourceFile("/catalog/" + f.Key, f.Value), CancellationToken.None))
            .ToList();
        var families = specs.Where(s => s.Family is not null && s.Endpoints.Count > 0)
            .Select(s => new CatalogFamily(s.Family!, s.FileName, s.Endpoints, FilesOf(s, specs, files)))
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .ToList();
        var locations = files.TryGetValue(SchemaLocations.FileName, out var catalog) ? SchemaLocations.Parse(catalog, SchemaLocations.FileName) : SchemaLocations.Empty;
        return new ToolCatalog(files, families, locations);
    }

    private static IReadOnlyList<string> FilesOf(SpecDescription spec, IReadOnlyList<SpecDescription> specs, IReadOnlyDictionary<string, string> files)
    {
        var result = new List<string> { spec.FileName };
        var pending = new Queue<string>(spec.SchemaFiles);
        while (pending.Count > 0)
        {
            var schema = pending.Dequeue();
            if (result.Contains(schema, StringComparer.OrdinalIgnoreCase) || !files.TryGetValue(schema, out var text))
            {
                continue;
            }

            result.Add(schema);
            foreach (Match include in Regex.Matches(text, "schemaLocation\\s*=\\s*\"([^\"]+)\""))
            {
                pending.Enqueue(Path.GetFileName(include.Groups[1].Value));
            }

            // Specs without endpoints only type schemas (fo.endpoints.json): a family that uses the schema needs them, and they
            // need every schema they type (a `schemas` entry for a file that is not there is an error, QG0202).
            foreach (var typing in specs.Where(s => s.Endpoints.Count == 0 && s.SchemaFiles.Contains(schema, StringComparer.OrdinalIgnoreCase)))
            {
                if (!result.Contains(typing.FileName, StringComparer.OrdinalIgnoreCase))
                {
                    result.Add(typing.FileName);
                    foreach (var typed in typing.SchemaFiles)
                    {
                        pending.Enqueue(typed);
                    }
                }
            }
        }

        if (files.ContainsKey(SpecSchema))
        {
            result.Add(SpecSchema);
        }

        return result;
    }
}
