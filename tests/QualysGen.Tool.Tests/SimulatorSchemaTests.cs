using System;
using System.Net.Http;
using System.Threading.Tasks;
using QualysGen.Simulator;
using QualysGen.Simulator.Schemas;
using QualysGen.Tool.Tests.Infrastructure;

namespace QualysGen.Tool.Tests;

/// <summary>The simulator as the schema publisher: the project's schemas at Qualys' paths, and changed versions on request.</summary>
public sealed class SimulatorSchemaTests
{
    [Fact]
    public async Task It_serves_the_projects_schemas_at_every_catalog_path_without_auth()
    {
        await using var simulator = await QualysSimulator.StartAsync();
        using var http = new HttpClient { BaseAddress = simulator.BaseAddress };
        Assert.Equal(["compliance_schedule_scan_list_output.dtd", "simple_return.dtd", "wasscan.xsd", "webapp.xsd"], simulator.Schemas.Files);
        foreach (var file in simulator.Schemas.Files)
        {
            foreach (var path in simulator.Schemas.PathsOf(file))
            {
                Assert.Equal(Specs.Read(file), await http.GetStringAsync(path));
            }
        }

        Assert.Contains("/api/7.0/simple_return.dtd", simulator.Schemas.PathsOf("simple_return.dtd"));
    }

    [Fact]
    public async Task Edits_change_one_declaration_each_and_reset_restores_the_original()
    {
        await using var simulator = await QualysSimulator.StartAsync();
        var original = simulator.Schemas.Current("simple_return.dtd");

        var text = simulator.Schemas.Publish(
            "simple_return.dtd",
            DtdEdit.RemoveElement("RESPONSE", "ITEM_LIST"),
            DtdEdit.MakeOptional("RESPONSE", "TEXT"),
            DtdEdit.AddElement("RESPONSE", "WARNING_COUNT"));

        Assert.Contains("<!ELEMENT RESPONSE (DATETIME, CODE?, TEXT?, WARNING_COUNT?)>", text);
        Assert.Contains("<!ELEMENT WARNING_COUNT (#PCDATA)>", text);
        // ITEM_LIST is used nowhere else, so its declaration went; ITEM and KEY stay declared (ITEM is now a root of its own).
        Assert.DoesNotContain("<!ELEMENT ITEM_LIST", text);
        Assert.Contains("<!ELEMENT ITEM (KEY, VALUE*)>", text);
        Assert.Equal(text, simulator.Schemas.Current("simple_return.dtd"));

        Assert.Throws<InvalidOperationException>(() => simulator.Schemas.Publish("simple_return.dtd", DtdEdit.MakeOptional("RESPONSE", "CODE")));
        Assert.Throws<InvalidOperationException>(() => simulator.Schemas.Publish("simple_return.dtd", DtdEdit.AddEnumerationValue("RESPONSE", "kind", "x")));
        Assert.Throws<ArgumentException>(() => simulator.Schemas.Publish("nope.dtd", "<!ELEMENT A EMPTY>"));

        simulator.Schemas.Reset();
        Assert.Equal(original, simulator.Schemas.Current("simple_return.dtd"));
    }
}
