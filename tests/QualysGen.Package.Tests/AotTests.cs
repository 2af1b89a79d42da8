using System.Linq;
using System.Text.Json;
using QualysGen.Package.Tests.Infrastructure;

namespace QualysGen.Package.Tests;

/// <summary>
/// The demo as a Native AOT app. Every build of it runs the trim and AOT analyzers with warnings as errors (so a green
/// solution build means they report nothing); the publish itself (.ci/aot-publish: 2 to 4 minutes on two cores) runs in CI.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class AotTests
{
    private const string DemoProject = "samples/QualysGen.Demo/QualysGen.Demo.csproj";

    [Fact]
    public void Demo_build_runs_the_trim_and_aot_analyzers_with_warnings_as_errors()
    {
        string[] names = ["PublishAot", "EnableTrimAnalyzer", "EnableAotAnalyzer", "EnableSingleFileAnalyzer", "TreatWarningsAsErrors"];
        var result = Command.DotnetOk(Repository.Root, TimeSpan.FromMinutes(1), ["msbuild", Repository.PathOf(DemoProject), .. names.Select(n => "-getProperty:" + n)]);
        using var document = JsonDocument.Parse(result.Output[result.Output.IndexOf('{', StringComparison.Ordinal)..]);
        var properties = document.RootElement.GetProperty("Properties");

        Assert.All(names, name => Assert.True(
            string.Equals(properties.GetProperty(name).GetString(), "true", StringComparison.OrdinalIgnoreCase),
            $"{name} = '{properties.GetProperty(name).GetString()}' in {DemoProject}"));
    }

    [AotPublishFact]
    public void Demo_publishes_as_native_aot_with_zero_warnings_and_runs_its_workflow()
    {
        var output = Command.NewTempDirectory("qualysgen-aot");
        try
        {
            var result = Command.Run("bash", [Repository.PathOf(".ci/aot-publish"), output], Repository.Root, TimeSpan.FromMinutes(20));

            Assert.True(result.ExitCode == 0, result.Describe());
            Assert.Contains("aot-publish: 0 warnings", result.Output, StringComparison.Ordinal);
        }
        finally
        {
            if (Environment.GetEnvironmentVariable("QUALYSGEN_KEEP_TEST_DIRS") != "1")
            {
                System.IO.Directory.Delete(output, recursive: true);
            }
        }
    }
}

/// <summary>
/// A fact that runs in CI (CI=true) or when QUALYSGEN_AOT_PUBLISH=1, and is reported as skipped otherwise: the Native AOT
/// publish takes minutes, too long for every local test run.
/// </summary>
public sealed class AotPublishFactAttribute : FactAttribute
{
    public AotPublishFactAttribute()
    {
        var enabled = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
            || Environment.GetEnvironmentVariable("QUALYSGEN_AOT_PUBLISH") == "1";
        if (!enabled)
        {
            Skip = "Native AOT publish runs in CI; locally run .ci/aot-publish, or set QUALYSGEN_AOT_PUBLISH=1.";
        }
    }
}
