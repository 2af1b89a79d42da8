using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security;
using System.Text;
using System.Text.RegularExpressions;

namespace QualysGen.Package.Tests.Infrastructure;

/// <summary>
/// The QualysGen package packed once per test run into a local feed in a temporary folder outside the repository, with a
/// version of its own (so no NuGet cache can serve an older build under the same number), plus a NuGet.config in that
/// folder for the consumers made under it: the local feed first, then the package sources this machine is configured
/// with; a global packages folder of its own, with the machine's as a read-only fallback for the other packages.
/// </summary>
public sealed partial class PackageFeed : IDisposable
{
    /// <summary>A fixed timestamp for the package's entries (SOURCE_DATE_EPOCH), so that packing twice gives the same bytes.</summary>
    public const string SourceDateEpoch = "1767225600";

    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(4);

    private readonly Dictionary<string, object> _shared = new(StringComparer.Ordinal);

    public PackageFeed()
    {
        RootDirectory = Command.NewTempDirectory("qualysgen-package-tests");
        FeedDirectory = Path.Combine(RootDirectory, "feed");
        PackagesDirectory = Path.Combine(RootDirectory, "packages");
        VersionSuffix = $"e2e.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";

        PackageFile = Pack(FeedDirectory);
        Version = Path.GetFileNameWithoutExtension(PackageFile)["QualysGen.".Length..];

        var sources = MachinePackageSources(RootDirectory);
        File.WriteAllText(Path.Combine(RootDirectory, "NuGet.config"), NuGetConfig(FeedDirectory, sources, PackagesDirectory, MachinePackagesFolder()));

        // A user's project sees no build logic of this repository; these keep any Directory.Build.* above the temp folder away too.
        File.WriteAllText(Path.Combine(RootDirectory, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(RootDirectory, "Directory.Build.targets"), "<Project />\n");
    }

    /// <summary>The temporary folder that holds the feed, the NuGet.config, the packages folder and the consumer projects.</summary>
    public string RootDirectory { get; }

    public string FeedDirectory { get; }

    public string PackagesDirectory { get; }

    public string VersionSuffix { get; }

    /// <summary>The .nupkg in the feed.</summary>
    public string PackageFile { get; }

    /// <summary>The package's version, for example 0.1.0-e2e.20260101000000.1234.</summary>
    public string Version { get; }

    /// <summary>Packs the runtime project (and so the generator and build logic) as built by the solution, into <paramref name="outputDirectory"/>.</summary>
    public string Pack(string outputDirectory)
    {
        string[] arguments =
        [
            "pack", Repository.PathOf("runtime/QualysGen.Runtime/QualysGen.Runtime.csproj"), "-c", Repository.Configuration, "--no-build",
            "-o", outputDirectory,
            $"-p:VersionSuffix={VersionSuffix}",
            $"-p:NuspecOutputPath={Path.Combine(RootDirectory, "nuspec")}{Path.DirectorySeparatorChar}", // not into the repository's obj/
        ];
        var result = Command.Run("dotnet", arguments, Repository.Root, PackTimeout, new Dictionary<string, string> { ["SOURCE_DATE_EPOCH"] = SourceDateEpoch });
        Assert.True(result.ExitCode == 0, result.Describe());
        var packages = Directory.GetFiles(outputDirectory, "QualysGen.*.nupkg");
        Assert.True(packages.Length == 1, $"Expected one QualysGen package in {outputDirectory}, found: {string.Join(", ", packages)}\n{result.Describe()}");
        return packages[0];
    }

    /// <summary>One value per key for the whole run (for example a consumer project several tests only evaluate).</summary>
    public T Shared<T>(string key, Func<T> create)
        where T : class
    {
        lock (_shared)
        {
            if (!_shared.TryGetValue(key, out var value))
            {
                value = create();
                _shared[key] = value;
            }

            return (T)value;
        }
    }

    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("QUALYSGEN_KEEP_TEST_DIRS") != "1")
        {
            try
            {
                Directory.Delete(RootDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A process that still holds a file there; the OS cleans the temp folder.
            }
        }
    }

    /// <summary>The enabled package sources of this machine's NuGet configuration, as seen from a folder outside the repository.</summary>
    private static IReadOnlyList<(string Name, string Url)> MachinePackageSources(string directory)
    {
        var result = Command.Dotnet(directory, TimeSpan.FromMinutes(1), "nuget", "list", "source", "--format", "detailed");
        Assert.True(result.ExitCode == 0, result.Describe());

        // "  1.  nuget.org [Enabled]" followed by a line with the URL.
        var sources = new List<(string, string)>();
        var lines = result.Output.Split('\n').Select(l => l.Trim()).ToArray();
        for (var i = 0; i + 1 < lines.Length; i++)
        {
            var match = SourceLine().Match(lines[i]);
            if (match.Success && match.Groups["state"].Value == "Enabled")
            {
                sources.Add((match.Groups["name"].Value, lines[i + 1]));
            }
        }

        return sources;
    }

    /// <summary>The machine's global packages folder (NUGET_PACKAGES, else NuGet's configuration).</summary>
    private static string MachinePackagesFolder()
    {
        if (Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } fromEnvironment)
        {
            return fromEnvironment;
        }

        var result = Command.Dotnet(Path.GetTempPath(), TimeSpan.FromMinutes(1), "nuget", "locals", "global-packages", "--list");
        Assert.True(result.ExitCode == 0, result.Describe());
        var line = result.Output.Split('\n').Single(l => l.StartsWith("global-packages:", StringComparison.Ordinal));
        return line["global-packages:".Length..].Trim();
    }

    private static string NuGetConfig(string feed, IReadOnlyList<(string Name, string Url)> sources, string packagesFolder, string fallbackFolder)
    {
        var config = new StringBuilder();
        config.AppendLine("""<?xml version="1.0" encoding="utf-8"?>""");
        config.AppendLine("<configuration>");
        config.AppendLine("  <config>");
        config.AppendLine($"""    <add key="globalPackagesFolder" value="{SecurityElement.Escape(packagesFolder)}" />""");
        config.AppendLine("  </config>");
        config.AppendLine("  <packageSources>");
        config.AppendLine("    <clear />");
        config.AppendLine($"""    <add key="qualysgen-local" value="{SecurityElement.Escape(feed)}" />""");
        foreach (var (name, url) in sources)
        {
            config.AppendLine($"""    <add key="{SecurityElement.Escape(name)}" value="{SecurityElement.Escape(url)}" />""");
        }

        config.AppendLine("  </packageSources>");
        config.AppendLine("  <fallbackPackageFolders>");
        config.AppendLine("    <clear />");
        config.AppendLine($"""    <add key="machine" value="{SecurityElement.Escape(fallbackFolder)}" />""");
        config.AppendLine("  </fallbackPackageFolders>");
        config.AppendLine("</configuration>");
        return config.ToString();
    }

    [GeneratedRegex(@"^\d+\.\s+(?<name>.+?)\s+\[(?<state>Enabled|Disabled)\]$")]
    private static partial Regex SourceLine();
}

/// <summary>The tests that start dotnet child processes share one packed feed and run one at a time (the machine has two cores).</summary>
[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackageFeed>
{
    public const string Name = "package";
}
