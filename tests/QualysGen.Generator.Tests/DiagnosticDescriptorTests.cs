using System;
using System.IO;
using System.Linq;
using QualysGen.Generator.Diagnostics;

namespace QualysGen.Generator.Tests;

/// <summary>The analyzer release files list every diagnostic the generator can report, with its severity and title.</summary>
public sealed class DiagnosticDescriptorTests
{
    [Fact]
    public void Every_descriptor_is_in_the_analyzer_releases_with_its_severity_and_title()
    {
        var releases = string.Join("\n", new[] { "AnalyzerReleases.Shipped.md", "AnalyzerReleases.Unshipped.md" }
            .Select(name => File.ReadAllText(Path.Combine(RepositoryRoot(), "generator", "QualysGen.Generator", name)).Replace("\r\n", "\n")));
        var rows = releases.Split('\n').Where(line => line.StartsWith("QG", StringComparison.Ordinal)).Select(line => line.Split('|').Select(c => c.Trim()).ToArray()).ToList();

        var descriptors = DiagnosticDescriptors.All.Concat(EndpointDiagnosticDescriptors.All).ToList();
        Assert.Equal(descriptors.Select(d => d.Id).Order(), rows.Select(r => r[0]).Order());
        Assert.All(descriptors, d =>
        {
            var row = rows.Single(r => r[0] == d.Id);
            Assert.Equal((d.Id, "QualysGen", d.DefaultSeverity.ToString(), d.Title.ToString()), (row[0], row[1], row[2], row[3]));
        });
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "QualysGen.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("No QualysGen.sln above " + AppContext.BaseDirectory);
    }
}
