using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using QualysGen.Tool.Cli;
using QualysGen.Tool.Diffing;
using QualysGen.Tool.Generator;

namespace QualysGen.Tool.Commands;

/// <summary><c>qualysgen diff OLD NEW</c>: what a new version of a schema or spec changes in the generated C# API.</summary>
internal static class DiffCommand
{
    public const string Help = """
        Usage: qualysgen diff OLD NEW [--format text|json|markdown] [--fail-on breaking|any|none] [--specs DIR] [--namespace NS]

        Compares two versions of a DTD, an XSD or an endpoint spec as the generated C# API sees them: both are read and bound by
        the generator's own readers and binder, and the bound API is compared - types, properties (C# name, type, nullability,
        list or single), enums and their members, choices, roots and record streams; request classes, endpoint versions,
        parameters and lifecycle (EOS/EOL, the version the unversioned request sends). Each change is breaking (code that
        compiled may not compile, or may behave differently) or additive, and names the C# member.

        NEW is read as a new version of OLD (under OLD's file name, which decides the namespace and which spec entries type it).
        The specs that type a DTD and the schemas a spec names are the project inputs in each file's folder; what one folder
        lacks is taken from the other's.

        Options:
          --format F      text (default), json (for CI) or markdown (for a pull request)
          --fail-on L     breaking (default): exit 1 when a change is breaking; any: on any change; none: never
          --specs DIR     take the *.endpoints.json (and other schemas) from DIR for both sides
          --namespace NS  the project's QualysGenNamespace, to show full C# names (default: names relative to it)

        Exit codes: 0 no failing change, 1 a failing change, 2 a usage or input error.
        """;

    public static Task<int> RunAsync(ParsedArguments args, ToolConsole console, CancellationToken cancellationToken)
    {
        if (args.Positionals.Count != 2)
        {
            throw new ToolException("diff needs two files: qualysgen diff OLD NEW. See 'qualysgen diff --help'.");
        }

        var format = args.Choice("--format", DiffFormat.Text);
        var failOn = args.Choice("--fail-on", FailOn.Breaking);
        var oldPath = Existing(console, args.Positionals[0]);
        var newPath = Existing(console, args.Positionals[1]);
        var kind = SurfaceLoader.KindOf(oldPath);
        if (SurfaceLoader.KindOf(newPath) != kind)
        {
            throw new ToolException($"{args.Positionals[0]} is a {kind} but {args.Positionals[1]} is a {SurfaceLoader.KindOf(newPath)}: compare two versions of one file.");
        }

        // Each side is read among the inputs of its folder; what one side's folder lacks (NEW downloaded alone, say) is the other's.
        var specsDir = args.Value("--specs") is { } dir ? Directory(console, dir) : null;
        var oldInputs = ProjectInputs.In(specsDir ?? Path.GetDirectoryName(oldPath)!, recursive: false);
        var newInputs = specsDir is null ? ProjectInputs.In(Path.GetDirectoryName(newPath)!, recursive: false) : oldInputs;
        var oldNeighbours = Merge(oldInputs, newInputs);
        var newNeighbours = Merge(newInputs, oldInputs);

        var fileName = Path.GetFileName(oldPath);
        var ns = args.Value("--namespace");
        var before = SurfaceLoader.Load(new SourceFile(oldPath, File.ReadAllText(oldPath)), fileName, Without(oldNeighbours, oldPath), ns, console.Error, cancellationToken);
        var after = SurfaceLoader.Load(new SourceFile(newPath, File.ReadAllText(newPath)), fileName, Without(newNeighbours, newPath), ns, console.Error, cancellationToken);
        var diff = new ApiDiff(args.Positionals[0], args.Positionals[1], ApiDiffer.Compare(before, after));
        DiffReportWriter.Write(console.Out, [diff], format);
        return Task.FromResult(DiffReportWriter.Fails([diff], failOn) ? ExitCodes.Findings : ExitCodes.Success);
    }

    private static IReadOnlyList<SourceFile> Merge(IReadOnlyList<SourceFile> own, IReadOnlyList<SourceFile> other)
        => own.Concat(other.Where(o => !own.Any(f => string.Equals(f.Name, o.Name, StringComparison.OrdinalIgnoreCase)))).ToList();

    private static IReadOnlyList<SourceFile> Without(IEnumerable<SourceFile> files, string path)
        => files.Where(f => !string.Equals(Path.GetFullPath(f.Path), path, StringComparison.Ordinal)).ToList();

    internal static string Existing(ToolConsole console, string path)
    {
        var full = console.FullPath(path);
        if (System.IO.Directory.Exists(full))
        {
            throw new ToolException($"{path} is a folder; give a file.");
        }

        return File.Exists(full) ? full : throw new ToolException($"File not found: {path}");
    }

    internal static string Directory(ToolConsole console, string path)
    {
        var full = console.FullPath(path);
        return System.IO.Directory.Exists(full) ? full : throw new ToolException($"Folder not found: {path}");
    }
}
