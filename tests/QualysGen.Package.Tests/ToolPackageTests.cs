using System.Collections.Generic;
using System.IO;
using QualysGen.Package.Tests.Infrastructure;

namespace QualysGen.Package.Tests;

/// <summary>
/// The package README's quick start with the packed tool: <c>dotnet tool install QualysGen.Tool</c> from the feed, <c>qualysgen add
/// Reports</c> in a user's project that references the packed QualysGen, build, call.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class ToolPackageTests(PackageFeed feed)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);

    [Fact]
    public void The_installed_tool_adds_a_family_that_the_package_builds_into_typed_requests()
    {
        var pack = Command.Run(
            "dotnet",
            [
                "pack", Repository.PathOf("generator/QualysGen.Tool/QualysGen.Tool.csproj"), "-c", Repository.Configuration, "--no-build",
                "-o", feed.FeedDirectory, $"-p:VersionSuffix={feed.VersionSuffix}",
                $"-p:NuspecOutputPath={Path.Combine(feed.RootDirectory, "nuspec-tool")}{Path.DirectorySeparatorChar}",
            ],
            Repository.Root,
            Timeout);
        Assert.True(pack.ExitCode == 0, pack.Describe());

        var tools = Path.Combine(feed.RootDirectory, "tools");
        Command.DotnetOk(feed.RootDirectory, Timeout, "tool", "install", "QualysGen.Tool", "--tool-path", tools, "--version", feed.Version);
        var qualysgen = Path.Combine(tools, OperatingSystem.IsWindows() ? "qualysgen.exe" : "qualysgen");

        var project = ConsumerProject.Create(feed, "ToolQuickStart");
        var added = Command.Run(qualysgen, ["add", "Reports", "--dir", "qualys"], project.Directory, TimeSpan.FromMinutes(1));
        Assert.True(added.ExitCode == 0, added.Describe());
        Assert.True(File.Exists(project.PathOf("qualys/report.endpoints.json")), added.Describe());

        project.Write("Program.cs", """
            using Consumer.Reports;

            var request = new CancelReportRequest { Id = 6627719 }.Build();
            Console.WriteLine(request);
            """);
        project.BuildOk();
        var run = project.RunOk();
        Assert.Contains("POST /api/3.0/fo/report/", run.Output);
        Assert.Contains("(CancelReport v3.0)", run.Output);

        var help = Command.Run(qualysgen, ["diff", "--help"], project.Directory, TimeSpan.FromMinutes(1));
        Assert.True(help.ExitCode == 0, help.Describe());
        Assert.Contains("Usage: qualysgen diff OLD NEW", help.Output);
    }
}
