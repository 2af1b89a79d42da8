using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using QualysGen.Tool.Catalog;
using QualysGen.Tool.Cli;

namespace QualysGen.Tool.Commands;

/// <summary><c>qualysgen add</c>: copies ready specs and the schemas they use from the catalog into the project.</summary>
internal static class AddCommand
{
    public const string Help = """
        Usage: qualysgen add <family>... [--dir D] [--force]
               qualysgen add --list

        Copies the catalog's endpoint spec of each family (e.g. Reports, Scans), the DTD/XSD files its responses use, the specs
        that type those schemas (fo.endpoints.json) and qualysgen.spec.schema.json into D. They are ordinary project files:
        checked in, editable, diffable; the QualysGen package makes every *.dtd, *.xsd and *.endpoints.json in the project a
        generator input, so the next build has the typed requests, models and parsers.

        A file that is already there with the same content is left alone. A file that differs (you changed it, or it came from
        another version) is never overwritten without --force: nothing is written and the files are listed.

        Options:
          --list    list the families, their endpoints and versions, and the files each one adds
          --dir D   the folder to copy into (default: the current folder; created when missing)
          --force   overwrite files that differ from the catalog

        Exit codes: 0 done, 2 an unknown family, a file that differs (without --force), or a usage error.
        """;

    public static Task<int> RunAsync(ParsedArguments args, ToolConsole console, CancellationToken cancellationToken)
    {
        var catalog = ToolCatalog.Embedded;
        if (args.Has("--list"))
        {
            if (args.Positionals.Count > 0)
            {
                throw new ToolException("add --list takes no family. See 'qualysgen add --help'.");
            }

            List(console.Out, catalog);
            return Task.FromResult(ExitCodes.Success);
        }

        if (args.Positionals.Count == 0)
        {
            throw new ToolException("add needs at least one family, e.g. qualysgen add Reports (qualysgen add --list shows them).");
        }

        var families = args.Positionals.Select(catalog.Find).ToList();
        var directory = console.FullPath(args.Value("--dir") ?? ".");
        var files = families.SelectMany(f => f.Files).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var plan = files.Select(name => (Name: name, Target: Path.Combine(directory, name), Text: catalog.Files[name])).ToList();
        var changed = plan.Where(p => File.Exists(p.Target) && File.ReadAllText(p.Target) != p.Text).ToList();
        if (changed.Count > 0 && !args.Has("--force"))
        {
            throw new ToolException(
                $"{string.Join(", ", changed.Select(c => c.Name))} already {(changed.Count == 1 ? "exists" : "exist")} in {directory} and {(changed.Count == 1 ? "differs" : "differ")} from the catalog; " +
                "nothing was written. Compare them (qualysgen diff), or use --force to overwrite.");
        }

        Directory.CreateDirectory(directory);
        foreach (var (name, target, text) in plan)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var exists = File.Exists(target);
            if (exists && !changed.Any(c => c.Name == name))
            {
                console.Out.WriteLine($"  unchanged    {name}");
                continue;
            }

            File.WriteAllText(target, text);
            console.Out.WriteLine($"  {(exists ? "overwritten" : "added"),-12} {name}");
        }

        console.Out.WriteLine($"Added {string.Join(", ", families.Select(f => f.Name))} to {directory}. Build the project: the requests are in {{QualysGenNamespace}}.{families[0].Name}.");
        return Task.FromResult(ExitCodes.Success);
    }

    private static void List(TextWriter output, ToolCatalog catalog)
    {
        output.WriteLine("Families in the catalog (qualysgen add <family>):");
        foreach (var family in catalog.Families)
        {
            output.WriteLine();
            output.WriteLine($"{family.Name}  ({family.SpecFile})");
            foreach (var endpoint in family.Endpoints)
            {
                output.WriteLine($"  {endpoint.Name,-34} v{string.Join(", v", endpoint.Versions)}");
            }

            output.WriteLine($"  files: {string.Join(", ", family.Files)}");
        }
    }
}
