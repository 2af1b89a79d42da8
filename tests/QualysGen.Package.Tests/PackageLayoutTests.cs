using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;
using System.Xml.Linq;
using QualysGen.Package.Tests.Infrastructure;

namespace QualysGen.Package.Tests;

/// <summary>The packed QualysGen package: one package with the runtime, the generator as an analyzer, and the build logic.</summary>
[Collection(PackageCollection.Name)]
public sealed class PackageLayoutTests(PackageFeed feed)
{
    private const string RuntimeAssembly = "lib/net8.0/QualysGen.Runtime.dll";
    private const string GeneratorAssembly = "analyzers/dotnet/cs/QualysGen.Generator.dll";

    [Fact]
    public void Package_holds_the_runtime_as_lib_the_generator_as_analyzer_and_the_build_logic()
    {
        using var package = ZipFile.OpenRead(feed.PackageFile);
        var files = package.Entries.Select(e => e.FullName)
            .Where(n => !n.StartsWith("_rels/", StringComparison.Ordinal) && !n.StartsWith("package/", StringComparison.Ordinal) && n != "[Content_Types].xml")
            .Order(StringComparer.Ordinal)
            .ToArray();

        Assert.Equal(
            new[]
            {
                "QualysGen.nuspec",
                "README.md",
                GeneratorAssembly,
                "buildTransitive/QualysGen.props",
                "buildTransitive/QualysGen.targets",
                RuntimeAssembly,
                "lib/net8.0/QualysGen.Runtime.xml",
            }.Order(StringComparer.Ordinal),
            files);
    }

    [Fact]
    public void Nuspec_has_the_metadata_a_user_expects_and_depends_on_no_build_only_project()
    {
        using var package = ZipFile.OpenRead(feed.PackageFile);
        var nuspec = XDocument.Load(package.GetEntry("QualysGen.nuspec")!.Open());
        var ns = nuspec.Root!.Name.Namespace;
        var metadata = nuspec.Root.Element(ns + "metadata")!;
        string? Value(string name) => metadata.Element(ns + name)?.Value;

        Assert.Equal("QualysGen", Value("id"));
        Assert.Equal(feed.Version, Value("version"));
        Assert.StartsWith("0.1.0-", feed.Version, StringComparison.Ordinal);
        Assert.Contains("Qualys", Value("description"), StringComparison.Ordinal);
        Assert.Equal("MIT", Value("license"));
        Assert.Equal("expression", metadata.Element(ns + "license")!.Attribute("type")!.Value);
        Assert.Equal("README.md", Value("readme"));
        Assert.StartsWith("https://github.com/", Value("projectUrl"), StringComparison.Ordinal);
        var repository = metadata.Element(ns + "repository")!;
        Assert.Equal("git", repository.Attribute("type")!.Value);
        Assert.StartsWith("https://github.com/", repository.Attribute("url")!.Value, StringComparison.Ordinal);
        Assert.Contains("source-generator", Value("tags")!.Split(' '));

        var dependencies = metadata.Element(ns + "dependencies")!.Elements(ns + "group").ToArray();
        var group = Assert.Single(dependencies);
        Assert.Equal("net8.0", group.Attribute("targetFramework")!.Value);
        var ids = group.Elements(ns + "dependency").Select(d => d.Attribute("id")!.Value).ToArray();
        Assert.Contains("Microsoft.Extensions.Http", ids);
        Assert.DoesNotContain(ids, id => id.Contains("Generator", StringComparison.Ordinal) || id.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) || id == "PolySharp");
    }

    [Theory]
    [InlineData(RuntimeAssembly)]
    [InlineData(GeneratorAssembly)]
    public void Assemblies_are_deterministic_and_carry_their_pdb(string entry)
    {
        using var package = ZipFile.OpenRead(feed.PackageFile);
        using var pe = new PEReader(ReadAll(package, entry));
        var debug = pe.ReadDebugDirectory();

        Assert.Contains(debug, d => d.Type == DebugDirectoryEntryType.EmbeddedPortablePdb);
        Assert.Contains(debug, d => d.Type == DebugDirectoryEntryType.Reproducible);
    }

    [Fact]
    public void Generator_is_netstandard2_0_and_needs_no_newer_Roslyn_than_a_dotnet_8_sdk_has()
    {
        using var package = ZipFile.OpenRead(feed.PackageFile);
        using var pe = new PEReader(ReadAll(package, GeneratorAssembly));
        var metadata = pe.GetMetadataReader();
        var references = metadata.AssemblyReferences.Select(h => metadata.GetAssemblyReference(h)).ToDictionary(r => metadata.GetString(r.Name), r => r.Version);

        Assert.True(references.ContainsKey("netstandard"), string.Join(", ", references.Keys));
        var roslyn = references.Where(r => r.Key.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(roslyn);
        Assert.All(roslyn, r => Assert.True(r.Value <= new Version(4, 8, 0, 0), $"{r.Key} {r.Value}"));
        Assert.DoesNotContain("System.Runtime", references.Keys); // a netcoreapp reference would not load in Visual Studio's .NET Framework compiler
    }

    [Fact]
    public void Packing_the_same_build_again_gives_the_same_bytes()
    {
        var again = Path.Combine(feed.RootDirectory, "feed-again");
        var repacked = feed.Pack(again);

        Assert.Equal(Path.GetFileName(feed.PackageFile), Path.GetFileName(repacked));
        Assert.Equal(Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(feed.PackageFile))), Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(repacked))));
    }

    private static MemoryStream ReadAll(ZipArchive package, string entry)
    {
        var buffer = new MemoryStream();
        using (var stream = package.GetEntry(entry)!.Open())
        {
            stream.CopyTo(buffer);
        }

        buffer.Position = 0;
        return buffer;
    }
}
