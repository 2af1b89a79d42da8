using System;
using System.IO;
using System.Linq;
using QualysGen.Generator.Model;
using QualysGen.Generator.Parsing;

namespace QualysGen.Generator.Tests.Parsing;

/// <summary>The real Qualys DTDs under <c>specs/</c> (copied to the test output directory).</summary>
public class DtdReaderRealFileTests
{
    public const string SimpleReturn = "simple_return.dtd";
    public const string ComplianceScheduleScanList = "compliance_schedule_scan_list_output.dtd";

    public static string SpecPath(string fileName) => Path.Combine(AppContext.BaseDirectory, "specs", fileName);

    private static SchemaSpec ReadSpec(string fileName)
    {
        var path = SpecPath(fileName);
        var result = DtdReader.Read(path, File.ReadAllText(path));
        Assert.True(result.Diagnostics.IsEmpty, "Unexpected diagnostics:\n" + DtdTestHelpers.Describe(result));
        Assert.NotNull(result.Schema);
        Assert.Equal(path, result.Schema!.FilePath);
        Assert.Equal(fileName, result.Schema.FileName);
        return result.Schema;
    }

    private static ParticleSpec E(string name, Occurrence occurs = Occurrence.One) => ParticleSpec.Element(name, occurs);

    [Fact]
    public void Simple_return()
    {
        var schema = ReadSpec(SimpleReturn);

        Assert.Equal(15, schema.Elements.Count);
        Assert.Equal("SIMPLE_RETURN", schema.Elements[0].Name);

        var root = schema.Element("SIMPLE_RETURN");
        Assert.Equal(ContentKind.Children, root.Content);
        Assert.Equal(
            ParticleSpec.Group(ParticleKind.Sequence, Occurrence.One, E("REQUEST", Occurrence.Optional), E("RESPONSE")),
            root.Particle);
        Assert.Equal("QUALYS SIMPLE_RETURN DTD", root.Documentation);

        Assert.Equal(
            ParticleSpec.Group(
                ParticleKind.Sequence,
                Occurrence.One,
                E("DATETIME"),
                E("USER_LOGIN"),
                E("RESOURCE"),
                E("PARAM_LIST", Occurrence.Optional),
                E("POST_DATA", Occurrence.Optional)),
            schema.Element("REQUEST").Particle);
        Assert.Equal(
            ParticleSpec.Group(ParticleKind.Sequence, Occurrence.One, E("KEY"), E("VALUE", Occurrence.ZeroOrMore)),
            schema.Element("ITEM").Particle);
        Assert.Equal(ContentKind.Text, schema.Element("POST_DATA").Content);
        Assert.Equal("If specified, POST_DATA will be urlencoded", schema.Element("POST_DATA").Documentation);
        Assert.Null(schema.Element("CODE").Documentation);
        Assert.All(schema.Elements, e => Assert.True(e.Attributes.IsEmpty));
    }

    [Fact]
    public void Compliance_schedule_scan_list_output()
    {
        var schema = ReadSpec(ComplianceScheduleScanList);

        Assert.Equal(81, schema.Elements.Count);
        Assert.Equal("COMPLIANCE_SCHEDULE_SCAN_LIST_OUTPUT", schema.Elements[0].Name);
        Assert.Null(schema.Elements[0].Documentation); // the comment right before it is the $Revision$ line

        var schedule = schema.Element("SCHEDULE");
        Assert.Equal(ContentKind.Children, schedule.Content);
        Assert.Equal(ParticleKind.Sequence, schedule.Particle!.Kind);
        Assert.Equal(
            ParticleSpec.Group(ParticleKind.Choice, Occurrence.One, E("DAILY"), E("WEEKLY"), E("MONTHLY")),
            schedule.Particle.Children[0]);
        Assert.Equal(E("START_DATE_UTC"), schedule.Particle.Children[1]);
        Assert.Equal(E("MAX_OCCURRENCE", Occurrence.Optional), schedule.Particle.Children.Last());
        Assert.Equal(14, schedule.Particle.Children.Count);

        var monthly = schema.Element("MONTHLY");
        Assert.Equal(ContentKind.Empty, monthly.Content);
        Assert.Equal("either day of month, or (day of week and week of month) must be provided", monthly.Documentation);
        Assert.Equal(
            new[]
            {
                new AttributeSpec("frequency_months", AttributeType.CData, EquatableArray<string>.Empty, AttributePresence.Required, null),
                new AttributeSpec("day_of_month", AttributeType.CData, EquatableArray<string>.Empty, AttributePresence.Implied, null),
                new AttributeSpec(
                    "day_of_week",
                    AttributeType.Enumeration,
                    new[] { "0", "1", "2", "3", "4", "5", "6" }.ToEquatableArray(),
                    AttributePresence.Implied,
                    null),
                new AttributeSpec(
                    "week_of_month",
                    AttributeType.Enumeration,
                    new[] { "1", "2", "3", "4", "5" }.ToEquatableArray(),
                    AttributePresence.Implied,
                    null),
            },
            monthly.Attributes.ToArray());

        Assert.Equal(
            new[] { "frequency_weeks", "weekdays" },
            schema.Element("WEEKLY").Attributes.Select(a => a.Name));
        Assert.Equal("weekdays is comma-separated list of weekdays e.g. 0,1,4,5", schema.Element("WEEKLY").Documentation);
        Assert.Equal(
            "timezone details like (GMT-0800) United States (California): Los Angeles, Sacramento, San Diego, San Francisco",
            schema.Element("TIME_ZONE_DETAILS").Documentation);
        Assert.Equal(ContentKind.Text, schema.Element("TIME_ZONE_DETAILS").Content);
        Assert.Equal(
            ParticleSpec.Group(ParticleKind.Sequence, Occurrence.One, E("SCAN", Occurrence.OneOrMore)),
            schema.Element("COMPLIANCE_SCHEDULE_SCAN_LIST").Particle);
    }
}
