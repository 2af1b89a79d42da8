using System.IO;
using System.Linq;
using QualysGen.Package.Tests.Infrastructure;

namespace QualysGen.Package.Tests;

/// <summary>
/// What the package's buildTransitive targets make of a user's project, read from MSBuild's evaluation (no build): which
/// files become generator inputs, the opt-out property, the QualysGen item metadata, and the options the generator sees.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class ConventionTests
{
    private readonly ConsumerProject _consumer;

    public ConventionTests(PackageFeed feed) => _consumer = feed.Shared("conventions", () => CreateConsumer(feed));

    private static ConsumerProject CreateConsumer(PackageFeed feed)
    {
        var consumer = ConsumerProject.Create(
            feed,
            "conventions",
            items: """
                  <ItemGroup>
                    <!-- From outside the project folder, by metadata. -->
                    <None Include="../shared-contracts/*.dtd" QualysGen="true" />
                    <!-- A convention-found file left out, by metadata. -->
                    <None Update="qualys/drafts/next.dtd" QualysGen="false" />
                    <!-- Listed by hand as well (the pre-package recipe): still one input. -->
                    <AdditionalFiles Include="./qualys/simple_return.dtd" />
                  </ItemGroup>

                """);
        foreach (var file in new[] { "qualys/simple_return.dtd", "qualys/drafts/next.dtd", "Api.endpoints.json", "schemas/was.xsd", "bin/Debug/stale.dtd", "obj/stale.xsd", "notes.json" })
        {
            consumer.Write(file, "<!-- placeholder -->");
        }

        Directory.CreateDirectory(Path.Combine(feed.RootDirectory, "shared-contracts"));
        File.WriteAllText(Path.Combine(feed.RootDirectory, "shared-contracts", "asset_group_list_output.dtd"), "<!-- placeholder -->");
        consumer.RestoreOk();
        return consumer;
    }

    [Fact]
    public void Every_dtd_xsd_and_endpoint_spec_of_the_project_is_an_input_plus_files_marked_by_metadata()
    {
        var inputs = Inputs();

        Assert.Equal(
            new[]
            {
                "Api.endpoints.json",
                "qualys/simple_return.dtd",
                "schemas/was.xsd",
                "../shared-contracts/asset_group_list_output.dtd",
            }.Select(Full).Order(),
            inputs.Order());
    }

    [Fact]
    public void QualysGenEnableDefaultItems_false_leaves_only_the_files_listed_explicitly()
    {
        Assert.Equal(
            new[] { "qualys/simple_return.dtd", "../shared-contracts/asset_group_list_output.dtd" }.Select(Full).Order(),
            Inputs("QualysGenEnableDefaultItems=false").Order());

        // EnableDefaultItems=false (the SDK's switch for all globbing) turns the convention off too.
        Assert.Equal(
            new[] { "qualys/simple_return.dtd", "../shared-contracts/asset_group_list_output.dtd" }.Select(Full).Order(),
            Inputs("EnableDefaultItems=false").Order());
    }

    [Fact]
    public void The_generator_options_are_compiler_visible_once()
    {
        var visible = _consumer.EvaluateItems("CompilerVisibleProperty").Select(i => i.Identity).ToList();

        Assert.Single(visible, "QualysGenNamespace");
        Assert.Single(visible, "QualysGenVisibility");
        Assert.Contains("RootNamespace", visible);
    }

    private string[] Inputs(params string[] properties)
        => _consumer.EvaluateItems("AdditionalFiles", properties).Select(i => Path.GetFullPath(i.FullPath)).ToArray();

    private string Full(string relative) => Path.GetFullPath(_consumer.PathOf(relative));
}
