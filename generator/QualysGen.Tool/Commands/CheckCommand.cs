using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using QualysGen.Tool.Catalog;
using QualysGen.Tool.Checking;
using QualysGen.Tool.Cli;
using QualysGen.Tool.Generator;
using QualysGen.Tool.Surface;

namespace QualysGen.Tool.Commands;

/// <summary><c>qualysgen check</c>: a recorded response's drift and deviations against its schema.</summary>
internal static class CheckCommand
{
    public const string Help = """
        Usage: qualysgen check RESPONSE.xml|DIR [--schema X.dtd|X.xsd] [--specs DIR] [--format text|json]

        Reads a recorded response (or every *.xml under a folder) with an XmlReader - DTD processing ignored, nothing resolved -
        against the API its schema generates (the generator's reader and binder, the spec's types), as the generated parsers
        read it, and reports:
          drift       what the response has that the schema does not declare: UndeclaredElement, UndeclaredAttribute,
                      UnknownEnumValue, RepeatedElement (a second one of a single element) - time to fetch the new schema;
          deviations  what the schema requires that the response lacks or breaks: MissingElement, MissingAttribute,
                      InvalidValue (an empty or unparsable typed value) - with what a parser leaves out for it.
        Each with its path from the root and its line. A folder gives each response's findings and a summary per path with counts.

        The schema is --schema, else the file the response's DOCTYPE (or xsi:noNamespaceSchemaLocation) names, looked up in
        --specs, the response's folder, the current folder (subfolders included), then the catalog. The specs that type it are
        the *.endpoints.json beside it.

        Options:
          --schema F   the DTD or XSD to check against
          --specs DIR  where to look for schemas and specs first
          --format F   text (default) or json

        Exit codes: 0 every response matches its schema, 1 drift or deviations found, 2 a usage or input error (in a folder:
        a response that could not be checked - the others still are).
        """;

    private static readonly Regex SchemaReference = new(@"<!DOCTYPE\s+[^\s>]+\s+SYSTEM\s+[""']([^""']+)[""']|noNamespaceSchemaLocation\s*=\s*[""']([^""']+)[""']", RegexOptions.CultureInvariant);

    public static Task<int> RunAsync(ParsedArguments args, ToolConsole console, CancellationToken cancellationToken)
    {
        if (args.Positionals.Count != 1)
        {
            throw new ToolException("check needs one response file or folder: qualysgen check RESPONSE.xml. See 'qualysgen check --help'.");
        }

        var format = args.Value("--format") ?? "text";
        if (format is not ("text" or "json"))
        {
            throw new ToolException($"--format must be text or json, not '{format}'.");
        }

        var target = console.FullPath(args.Positionals[0]);
        var files = Directory.Exists(target)
            ? Directory.EnumerateFiles(target, "*.xml", SearchOption.AllDirectories).Where(p => !ProjectInputs.IsBuildOutput(target, p)).OrderBy(p => p, StringComparer.Ordinal).ToList()
            : File.Exists(target) ? [target] : throw new ToolException($"Not found: {args.Positionals[0]}");
        if (files.Count == 0)
        {
            throw new ToolException($"{args.Positionals[0]} has no *.xml responses.");
        }

        var specsDir = args.Value("--specs") is { } specs ? DiffCommand.Directory(console, specs) : null;
        var fixedSchema = args.Value("--schema") is { } schema ? DiffCommand.Existing(console, schema) : null;
        if (fixedSchema is not null)
        {
            SurfaceLoader.KindOf(fixedSchema);
        }

        var surfaces = new Dictionary<string, ApiSurface>(StringComparer.Ordinal);
        var results = new List<CheckResult>();
        var failed = 0;
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var display = Directory.Exists(target) ? Path.GetRelativePath(target, file) : args.Positionals[0];
            try
            {
                results.Add(Check(file, display, fixedSchema, specsDir, surfaces, console, cancellationToken));
            }
            catch (ToolException exception) when (files.Count > 1)
            {
                // One response that cannot be checked (no schema named, another API's root) does not stop the others.
                console.Error.WriteLine("qualysgen: " + exception.Message);
                failed++;
            }
        }

        if (format == "json")
        {
            CheckReportWriter.WriteJson(console.Out, results);
        }
        else
        {
            CheckReportWriter.WriteText(console.Out, results);
        }

        return Task.FromResult(failed > 0 ? ExitCodes.InputError : results.Any(r => r.Drift.Count + r.Deviations.Count > 0) ? ExitCodes.Findings : ExitCodes.Success);
    }

    private static CheckResult Check(string file, string display, string? fixedSchema, string? specsDir, Dictionary<string, ApiSurface> surfaces, ToolConsole console, CancellationToken cancellationToken)
    {
        var text = File.ReadAllText(file);
        var schemaFile = fixedSchema is not null ? new SourceFile(fixedSchema, File.ReadAllText(fixedSchema)) : FindSchema(text, display, file, specsDir, console);
        if (!surfaces.TryGetValue(schemaFile.Path, out var surface))
        {
            var neighbours = schemaFile.Path.StartsWith(CatalogPrefix, StringComparison.Ordinal)
                ? CatalogInputs()
                : ProjectInputs.In(specsDir ?? Path.GetDirectoryName(schemaFile.Path)!, recursive: false);
            surface = SurfaceLoader.Load(schemaFile, schemaFile.Name, neighbours, null, console.Error, cancellationToken);
            surfaces[schemaFile.Path] = surface;
        }

        return ResponseChecker.Check(surface, display, new StringReader(text));
    }

    private const string CatalogPrefix = "catalog:";

    private static IReadOnlyList<SourceFile> CatalogInputs()
        => ToolCatalog.Embedded.Files.Where(f => GeneratorFacade.IsInput(f.Key)).Select(f => new SourceFile(CatalogPrefix + "/" + f.Key, f.Value)).ToList();

    /// <summary>The schema the response names, from the first place that has it.</summary>
    private static SourceFile FindSchema(string response, string display, string file, string? specsDir, ToolConsole console)
    {
        var match = SchemaReference.Match(response.Length > 8192 ? response.Substring(0, 8192) : response);
        if (!match.Success)
        {
            throw new ToolException($"{display} names no schema (no DOCTYPE SYSTEM or xsi:noNamespaceSchemaLocation): give one with --schema.");
        }

        var reference = match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value;
        var name = Path.GetFileName(reference.Trim().Replace('\\', '/').Split('?')[0]);
        var places = new[] { specsDir, Path.GetDirectoryName(file), console.CurrentDirectory }.Where(p => p is not null).Select(p => p!).Distinct();
        foreach (var place in places)
        {
            var found = Directory.EnumerateFiles(place, name, place == console.CurrentDirectory ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly)
                .Where(p => !ProjectInputs.IsBuildOutput(place, p))
                .OrderBy(p => p.Length)
                .FirstOrDefault();
            if (found is not null)
            {
                return new SourceFile(found, File.ReadAllText(found));
            }
        }

        return ToolCatalog.Embedded.Files.TryGetValue(name, out var text) && GeneratorFacade.IsInput(name)
            ? new SourceFile(CatalogPrefix + "/" + name, text)
            : throw new ToolException($"{display} names the schema {name}, which is neither in the project nor in the catalog: give it with --schema.");
    }
}
