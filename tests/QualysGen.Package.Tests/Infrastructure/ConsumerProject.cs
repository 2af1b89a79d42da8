using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace QualysGen.Package.Tests.Infrastructure;

/// <summary>
/// A console project under the feed's temporary folder that references the QualysGen package the way a user's project
/// does: one PackageReference, nothing else from this repository.
/// </summary>
public sealed class ConsumerProject
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(3);

    private ConsumerProject(string directory) => Directory = directory;

    /// <summary>The project folder.</summary>
    public string Directory { get; }

    public string ProjectFile => Path.Combine(Directory, "Consumer.csproj");

    /// <summary>Makes the project folder with a csproj that references the feed's package; <paramref name="properties"/> and <paramref name="items"/> are added to it.</summary>
    public static ConsumerProject Create(PackageFeed feed, string name, string properties = "", string items = "")
    {
        var directory = Path.Combine(feed.RootDirectory, name);
        System.IO.Directory.CreateDirectory(directory);
        var project = new ConsumerProject(directory);
        project.Write("Consumer.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <!-- The generated code must be trim- and AOT-safe: these analyzers check it in this build. -->
                <EnableTrimAnalyzer>true</EnableTrimAnalyzer>
                <EnableAotAnalyzer>true</EnableAotAnalyzer>
                <EnableSingleFileAnalyzer>true</EnableSingleFileAnalyzer>
            {properties}  </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="QualysGen" Version="{feed.Version}" />
              </ItemGroup>
            {items}</Project>

            """);
        return project;
    }

    /// <summary>Writes a file under the project folder ('/'-separated path), making its folder.</summary>
    public string Write(string relativePath, string content)
    {
        var path = PathOf(relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>Copies a file of the repository (for example specs/simple_return.dtd) into the project folder.</summary>
    public string CopyFromRepository(string repositoryPath, string relativePath)
    {
        var path = PathOf(relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Copy(Repository.PathOf(repositoryPath), path, overwrite: true);
        return path;
    }

    public string PathOf(string relativePath) => Path.Combine(Directory, relativePath.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>dotnet build; the result is returned whatever the exit code.</summary>
    public CommandResult Build() => Command.Dotnet(Directory, BuildTimeout, "build", "-nologo", "-clp:NoSummary");

    /// <summary>dotnet build, failing the test with the whole output unless it succeeds.</summary>
    public CommandResult BuildOk() => Command.DotnetOk(Directory, BuildTimeout, "build", "-nologo");

    /// <summary>dotnet run of the last build, failing the test with the whole output unless the program exits with 0.</summary>
    public CommandResult RunOk(params string[] programArguments)
        => Command.DotnetOk(Directory, TimeSpan.FromMinutes(1), ["run", "--no-build", "--", .. programArguments]);

    /// <summary>dotnet restore, failing the test with the whole output unless it succeeds.</summary>
    public CommandResult RestoreOk() => Command.DotnetOk(Directory, BuildTimeout, "restore");

    /// <summary>The project's items of <paramref name="itemType"/> after evaluation (dotnet msbuild -getItem): identity and full path.</summary>
    public IReadOnlyList<(string Identity, string FullPath)> EvaluateItems(string itemType, params string[] properties)
    {
        var result = Command.DotnetOk(Directory, TimeSpan.FromMinutes(1), ["msbuild", ProjectFile, $"-getItem:{itemType}", .. properties.Select(p => "-p:" + p)]);
        var json = result.Output[result.Output.IndexOf('{', StringComparison.Ordinal)..];
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("Items").TryGetProperty(itemType, out var items)
            ? items.EnumerateArray().Select(i => (i.GetProperty("Identity").GetString()!, i.GetProperty("FullPath").GetString()!)).ToList()
            : [];
    }
}
