using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using QualysGen.Client;
using QualysGen.Tool.Catalog;
using QualysGen.Tool.Cli;
using QualysGen.Tool.Diffing;
using QualysGen.Tool.Fetching;
using QualysGen.Tool.Generator;

namespace QualysGen.Tool.Commands;

/// <summary><c>qualysgen fetch</c>: downloads the current version of every schema the project uses, shows what it changes, writes it on request.</summary>
internal static class FetchCommand
{
    public const string Help = """
        Usage: qualysgen fetch (--platform P | --url URL) [--dir D] [--write] [--format text|json|markdown]
                               [--fail-on breaking|any|none] [--namespace NS] [--timeout SECONDS]

        Downloads the current version of every schema the project uses - the DTD/XSD files in D (subfolders included, bin and
        obj left out) and those its *.endpoints.json name - from the path the platform serves it at: the one Qualys names in
        the DOCTYPE (or xsi:noNamespaceSchemaLocation) of its responses, recorded in the catalog (qualysgen.catalog.json; a
        project's own qualysgen.catalog.json beside its specs adds or overrides paths). For each, it shows what the new
        version changes in the generated C# API (as qualysgen diff does). It writes nothing unless --write is given.

        Credentials: when the platform asks for them, set QUALYS_USERNAME and QUALYS_PASSWORD (sent as HTTP Basic; never
        printed).

        Options:
          --platform P    US1, US2, US3, US4, EU1, EU2, EU3, IN1, CA1, AE1, UK1, AU1, KSA1 (the platform's API server)
          --url URL       another API server (a private cloud, a proxy, the QualysGen simulator)
          --dir D         the project folder (default: the current folder)
          --write         write the new versions over the project's files (and add the ones it lacks)
          --format F      text (default), json or markdown, for the changes
          --fail-on L     without --write: breaking (default), any or none - which changes make it exit 1
          --namespace NS  the project's QualysGenNamespace, to show full C# names
          --timeout S     seconds to wait for each download (default 60)

        Exit codes: 0 done (or written), 1 a failing change (without --write), 2 a usage or input error (a download that
        is not a usable schema included), 3 a download failure (network, HTTP status, timeout).
        """;

    public static async Task<int> RunAsync(ParsedArguments args, ToolConsole console, CancellationToken cancellationToken)
    {
        if (args.Positionals.Count > 0)
        {
            throw new ToolException($"fetch takes no file ('{args.Positionals[0]}'). See 'qualysgen fetch --help'.");
        }

        var baseUrl = BaseUrl(args);
        var format = args.Choice("--format", DiffFormat.Text);
        var failOn = args.Choice("--fail-on", FailOn.Breaking);
        var timeout = Timeout(args.Value("--timeout"));
        var directory = DiffCommand.Directory(console, args.Value("--dir") ?? ".");
        var inputs = ProjectInputs.In(directory, recursive: true);
        var locations = LocalCatalogs(directory).Aggregate(ToolCatalog.Embedded.Locations, (all, local) => all.With(local));
        var targets = Targets(inputs, directory, cancellationToken);
        if (targets.Count == 0)
        {
            throw new ToolException($"{directory} has no schema (*.dtd, *.xsd) and no spec (*.endpoints.json) that names one: nothing to fetch. Start with 'qualysgen add'.");
        }

        var fetchable = new List<(FetchTarget Target, string Path)>();
        foreach (var target in targets)
        {
            if (locations.PathsOf(target.FileName) is { Count: > 0 } paths)
            {
                fetchable.Add((target, paths[0]));
            }
            else
            {
                console.Error.WriteLine($"qualysgen: skipped {target.FileName}: where the platform serves it is not known; add it to a {SchemaLocations.FileName} beside your specs.");
            }
        }

        using var downloader = new SchemaDownloader(baseUrl, console, timeout);
        var diffs = new List<ApiDiff>();
        var writes = new List<(FetchTarget Target, string Text)>();
        var ns = args.Value("--namespace");
        for (var i = 0; i < fetchable.Count; i++)
        {
            var (target, path) = fetchable[i];
            var url = downloader.UrlOf(path);
            var text = await downloader.DownloadAsync(path, $"[{i + 1}/{fetchable.Count}]", cancellationToken).ConfigureAwait(false);
            var neighbours = inputs.Where(f => !string.Equals(f.Path, target.LocalPath, StringComparison.Ordinal)).ToList();
            var downloaded = new SourceFile(target.LocalPath, text);
            ApiDiff diff;
            try
            {
                var after = SurfaceLoader.Load(downloaded, target.FileName, neighbours, ns, console.Error, cancellationToken);
                if (!target.Exists)
                {
                    diff = new ApiDiff("(none)", url, ApiDiffer.Compare(new Surface.ApiSurface(target.FileName, [], [], []), after));
                }
                else
                {
                    var local = File.ReadAllText(target.LocalPath);
                    if (local == text)
                    {
                        console.Out.WriteLine($"{Relative(directory, target.LocalPath)}: unchanged");
                        continue;
                    }

                    var before = SurfaceLoader.Load(new SourceFile(target.LocalPath, local), target.FileName, neighbours, ns, console.Error, cancellationToken);
                    diff = new ApiDiff(Relative(directory, target.LocalPath), url, ApiDiffer.Compare(before, after));
                }
            }
            catch (ToolException exception)
            {
                throw new ToolException($"The platform's {target.FileName} ({url}) cannot be used: {exception.Message}");
            }

            diffs.Add(diff);
            writes.Add((target, text));
        }

        DiffReportWriter.Write(console.Out, diffs, format);
        if (!args.Has("--write"))
        {
            if (writes.Count > 0)
            {
                console.Error.WriteLine($"qualysgen: {writes.Count} schema(s) differ from the platform's; nothing was written (use --write).");
            }

            return DiffReportWriter.Fails(diffs, failOn) ? ExitCodes.Findings : ExitCodes.Success;
        }

        foreach (var (target, text) in writes)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target.LocalPath)!);
            File.WriteAllText(target.LocalPath, text);
            console.Out.WriteLine($"wrote {Relative(directory, target.LocalPath)}");
        }

        return ExitCodes.Success;
    }

    private static Uri BaseUrl(ParsedArguments args)
    {
        var platform = args.Value("--platform");
        var url = args.Value("--url");
        if ((platform is null) == (url is null))
        {
            throw new ToolException("fetch needs one of --platform (US1, EU1, ...) or --url. See 'qualysgen fetch --help'.");
        }

        if (platform is not null)
        {
            return Enum.TryParse<QualysPlatform>(platform, ignoreCase: true, out var value) && Enum.IsDefined(value) && !int.TryParse(platform, out _)
                ? QualysPlatformUrls.For(value).ApiServer
                : throw new ToolException($"Unknown platform '{platform}'. Platforms: {string.Join(", ", Enum.GetNames<QualysPlatform>())}.");
        }

        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? new Uri(uri.GetLeftPart(UriPartial.Authority) + "/")
            : throw new ToolException($"--url must be an http(s) URL of an API server, e.g. https://qualysapi.qualys.com.");
    }

    private static TimeSpan Timeout(string? seconds)
    {
        if (seconds is null)
        {
            return TimeSpan.FromSeconds(60);
        }

        return int.TryParse(seconds, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? TimeSpan.FromSeconds(value)
            : throw new ToolException($"--timeout must be a number of seconds, not '{seconds}'.");
    }

    /// <summary>The schema files in the project, then those its specs name but it lacks (they go beside the spec that names them).</summary>
    private static IReadOnlyList<FetchTarget> Targets(IReadOnlyList<SourceFile> inputs, string directory, CancellationToken cancellationToken)
    {
        var targets = ProjectInputs.Schemas(inputs).Select(s => new FetchTarget(s.Name, s.Path, Exists: true)).ToList();
        foreach (var spec in ProjectInputs.Specs(inputs))
        {
            foreach (var schema in GeneratorFacade.DescribeSpec(spec, cancellationToken).SchemaFiles)
            {
                if (!targets.Any(t => string.Equals(t.FileName, schema, StringComparison.OrdinalIgnoreCase)))
                {
                    targets.Add(new FetchTarget(schema, Path.Combine(Path.GetDirectoryName(spec.Path) ?? directory, schema), Exists: false));
                }
            }
        }

        return targets;
    }

    private static IEnumerable<SchemaLocations> LocalCatalogs(string directory)
        => Directory.EnumerateFiles(directory, SchemaLocations.FileName, SearchOption.AllDirectories)
            .Where(p => !ProjectInputs.IsBuildOutput(directory, p))
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => SchemaLocations.Parse(File.ReadAllText(p), Path.GetRelativePath(directory, p)));

    private static string Relative(string directory, string path) => Path.GetRelativePath(directory, path);
}
