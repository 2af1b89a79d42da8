using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using QualysGen.IntegrationTests.Qualys.WasscanXsd;

namespace QualysGen.IntegrationTests;

/// <summary>The generated ServiceRequest writer produces the XML the seed shows, and the parser reads back what it wrote.</summary>
public sealed class QpsRequestWriterTests
{
    [Fact]
    public void The_seed_delete_by_filter_request_is_written_exactly()
    {
        var request = new ServiceRequest
        {
            Filters = [new Criteria { Field = "name", Operator = CriteriaOperator.Contains, Value = "VULN" }],
        };

        var expected = XDocument.Load(Path.Combine(AppContext.BaseDirectory, "Samples", "qps", "seed001_delete_scans_by_filter.request.xml"));
        Assert.True(XNode.DeepEquals(Normalize(expected.Root!), Normalize(XElement.Parse(request.ToXml()))), request.ToXml());
    }

    [Fact]
    public void An_operator_with_a_space_is_written_as_Qualys_spells_it()
    {
        var request = new ServiceRequest { Filters = [new Criteria { Field = "status", Operator = CriteriaOperator.NotEquals, Value = "RUNNING" }] };

        Assert.Equal("<ServiceRequest><filters><Criteria field=\"status\" operator=\"NOT EQUALS\">RUNNING</Criteria></filters></ServiceRequest>", request.ToXml());
    }

    [Fact]
    public void What_the_writer_writes_the_parser_reads_back_equal()
    {
        var request = new ServiceRequest
        {
            Filters =
            [
                new Criteria { Field = "launchedDate", Operator = CriteriaOperator.Greater, Value = "2026-01-01T00:00:00Z" },
                new Criteria { Field = "type", Operator = CriteriaOperator.In, Value = "VULNERABILITY,DISCOVERY" },
            ],
            Preferences = new ServiceRequestPreferences { LimitResults = 100, StartFromOffset = 201, StartFromId = 987654321L },
            Data = new ServiceRequestData
            {
                WasScan = new WasScan
                {
                    Name = "Nightly <VULN> & more",
                    Type = WasScanType.Vulnerability,
                    Mode = WasScanMode.Ondemand,
                    WebApp = new WebApp { Id = 42L },
                    LaunchedDate = new DateTimeOffset(2026, 11, 28, 3, 4, 5, TimeSpan.FromHours(2)),
                    SendMail = true,
                    Multi = false,
                },
            },
        };

        using var stream = new MemoryStream();
        request.WriteTo(stream);
        stream.Position = 0;
        var read = ServiceRequest.Parse(stream);

        Assert.Equal(request.ToXml(), read.ToXml());
        Assert.Equal("Nightly <VULN> & more", read.Data!.WasScan!.Name);
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 1, 4, 5, TimeSpan.Zero), read.Data.WasScan.LaunchedDate);
        Assert.Equal(CriteriaOperator.In, read.Filters[1].Operator);
    }

    [Fact]
    public void Flags_are_written_as_true_and_false()
    {
        var xml = new ServiceRequest { Data = new ServiceRequestData { WasScan = new WasScan { SendMail = true, Multi = false } } }.ToXml();

        Assert.Contains("<multi>false</multi>", xml);
        Assert.Contains("<sendMail>true</sendMail>", xml);
    }

    [Fact]
    public void An_unknown_enum_value_read_from_the_wire_is_written_back_as_it_came()
    {
        var read = ServiceRequest.Parse(Xml.Stream("<ServiceRequest><filters><Criteria field=\"x\" operator=\"STARTS WITH\">a</Criteria></filters></ServiceRequest>"));

        Assert.Equal(CriteriaOperator.Unknown, read.Filters[0].Operator);
        Assert.Contains("operator=\"STARTS WITH\"", read.ToXml());
    }

    private static XElement Normalize(XElement element)
        => new(element.Name,
            element.Attributes().OrderBy(a => a.Name.ToString()),
            element.Elements().Any() ? element.Elements().Select(Normalize) : (object)element.Value.Trim());
}
