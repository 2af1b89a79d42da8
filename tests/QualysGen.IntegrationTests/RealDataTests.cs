using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using QualysGen.IntegrationTests.Qualys.ComplianceScheduleScanListOutputDtd;
using QualysGen.IntegrationTests.HostileInput;
using static QualysGen.IntegrationTests.ComplianceScheduleListTests;

namespace QualysGen.IntegrationTests;

/// <summary>
/// Real Qualys responses break their own DTDs. A deviation costs the nearest element the schema lets be absent (an optional
/// member or one list item), never the page; it is reported, and the three entry points agree. Data is never altered, and
/// what the schema does not declare is reported as drift.
/// </summary>
public sealed class RealDataTests
{
    private const string Root = "/COMPLIANCE_SCHEDULE_SCAN_LIST_OUTPUT/RESPONSE/COMPLIANCE_SCHEDULE_SCAN_LIST";

    /// <summary>Parses <paramref name="xml"/> through Parse, ParseAsync (in 7-byte reads) and the record stream, checks that the
    /// three give the same scans and the same deviations, and returns Parse's result and report.</summary>
    private static async Task<(IReadOnlyList<Scan> Scans, QualysXmlReport Report)> ParseAllWays(string xml)
    {
        var report = new QualysXmlReport();
        var parsed = ComplianceScheduleScanListOutput.Parse(Xml.Stream(xml), new QualysXmlOptions { Reporter = report });

        var asyncReport = new QualysXmlReport();
        var parsedAsync = await ComplianceScheduleScanListOutput.ParseAsync(new ChunkedStream(Encoding.UTF8.GetBytes(xml), 7, seed: 7, asyncOnly: true), new QualysXmlOptions { Reporter = asyncReport });

        var streamReport = new QualysXmlReport();
        var streamed = new List<Scan>();
        await foreach (var scan in ComplianceScheduleScanListOutput.EnumerateScansAsync(new ChunkedStream(Encoding.UTF8.GetBytes(xml), 5, seed: 5, asyncOnly: true), new QualysXmlOptions { Reporter = streamReport }))
        {
            streamed.Add(scan);
        }

        var scans = parsed.Response.Scans;
        Assert.Equal(scans.Select(s => s.Id), parsedAsync.Response.Scans.Select(s => s.Id));
        Assert.Equal(scans.Select(s => s.Id), streamed.Select(s => s.Id));
        Assert.Equal(report.Deviations.Select(Describe), asyncReport.Deviations.Select(Describe));
        Assert.Equal(report.Deviations.Select(Describe), streamReport.Deviations.Select(Describe));
        return (scans, report);

        static string Describe(QualysXmlDeviation d) => $"{d.Kind} {d.ElementPath} {d.OmittedPath} {d.LineNumber}:{d.LinePosition}";
    }

    [Fact]
    public async Task A_record_missing_a_required_element_is_left_out_and_the_page_comes_through()
    {
        var bad = Scan(2, "<DAILY frequency_days=\"1\" />").Replace("<TARGET>10.0.0.2</TARGET>", "");
        var xml = Document(Scan(1, "<DAILY frequency_days=\"1\" />"), bad, Scan(3, "<DAILY frequency_days=\"1\" />"));

        var (scans, report) = await ParseAllWays(xml);

        Assert.Equal(new long[] { 1, 3 }, scans.Select(s => s.Id));
        var deviation = Assert.Single(report.Deviations);
        Assert.Equal(QualysXmlErrorKind.MissingElement, deviation.Kind);
        Assert.Equal(Root + "/SCAN", deviation.OmittedPath);
        Assert.Equal(Root + "/SCAN", deviation.ElementPath);
        Assert.Contains("<TARGET>", deviation.Detail);
        Assert.True(deviation.LineNumber > 0);
    }

    [Fact]
    public async Task A_missing_required_attribute_costs_its_record_only()
    {
        // DAILY's frequency_days is #REQUIRED; SCHEDULE and DAILY are required, so the nearest absorbing element is the SCAN.
        var xml = Document(Scan(1, "<DAILY />"), Scan(2, "<DAILY frequency_days=\"2\" />"));

        var (scans, report) = await ParseAllWays(xml);

        Assert.Equal(2, Assert.Single(scans).Id);
        var deviation = Assert.Single(report.Deviations);
        Assert.Equal(QualysXmlErrorKind.MissingAttribute, deviation.Kind);
        Assert.Equal(Root + "/SCAN/SCHEDULE/DAILY", deviation.ElementPath);
        Assert.Equal(Root + "/SCAN", deviation.OmittedPath);
    }

    [Fact]
    public async Task A_deviation_inside_an_optional_member_costs_only_that_member()
    {
        // OPTION_PROFILE (TITLE, DEFAULT_FLAG?) is optional in SCAN: without its required TITLE it is left out, the scan kept.
        var scan = Scan(1, "<DAILY frequency_days=\"1\" />").Replace("<TARGET>", "<OPTION_PROFILE><DEFAULT_FLAG>1</DEFAULT_FLAG></OPTION_PROFILE><TARGET>");

        var (scans, report) = await ParseAllWays(Document(scan));

        var kept = Assert.Single(scans);
        Assert.Null(kept.OptionProfile);
        Assert.Equal("10.0.0.1", kept.Target);
        Assert.Equal(Root + "/SCAN/OPTION_PROFILE", Assert.Single(report.Deviations).OmittedPath);
    }

    [Fact]
    public async Task An_unparsable_optional_value_is_left_out_and_reported()
    {
        var scan = Scan(1, "<DAILY frequency_days=\"1\" />").Replace("<TARGET>", "<NETWORK_ID>twelve</NETWORK_ID><TARGET>");

        var (scans, report) = await ParseAllWays(Document(scan));

        Assert.Null(Assert.Single(scans).NetworkId);
        var deviation = Assert.Single(report.Deviations);
        Assert.Equal(QualysXmlErrorKind.InvalidValue, deviation.Kind);
        Assert.Equal(Root + "/SCAN/NETWORK_ID", deviation.OmittedPath);
        Assert.Contains("'twelve'", deviation.Detail);
    }

    [Fact]
    public async Task An_empty_optional_typed_element_is_absent_not_an_error()
    {
        var scan = Scan(1, "<DAILY frequency_days=\"1\" />").Replace("<TARGET>", "<NETWORK_ID></NETWORK_ID><TARGET>");

        var (scans, report) = await ParseAllWays(Document(scan));

        Assert.Null(Assert.Single(scans).NetworkId);
        Assert.Empty(report.Deviations);
    }

    [Fact]
    public async Task An_empty_required_typed_element_is_a_deviation()
    {
        var xml = Document(Scan(1, "<DAILY frequency_days=\"1\" />").Replace("<ACTIVE>1</ACTIVE>", "<ACTIVE></ACTIVE>"), Scan(2, "<DAILY frequency_days=\"1\" />"));

        var (scans, report) = await ParseAllWays(xml);

        Assert.Equal(2, Assert.Single(scans).Id);
        Assert.Equal(Root + "/SCAN/ACTIVE", Assert.Single(report.Deviations).ElementPath);
    }

    [Fact]
    public void Strict_mode_throws_at_the_first_deviation()
    {
        var xml = Document(Scan(1, "<DAILY />"));
        var exception = Assert.Throws<QualysXmlException>(() => ComplianceScheduleScanListOutput.Parse(Xml.Stream(xml), new QualysXmlOptions { Strict = true }));
        Assert.Equal(QualysXmlErrorKind.MissingAttribute, exception.Kind);
    }

    [Fact]
    public void A_deviation_nothing_can_absorb_fails_the_parse()
    {
        // DATETIME is required in RESPONSE, and RESPONSE in the root: nothing up to the root may be absent.
        var xml = Document(Scan(1, "<DAILY frequency_days=\"1\" />")).Replace("<DATETIME>2026-01-01T00:00:00Z</DATETIME>", "");
        var exception = Assert.Throws<QualysXmlException>(() => ComplianceScheduleScanListOutput.Parse(Xml.Stream(xml)));
        Assert.Equal(QualysXmlErrorKind.MissingElement, exception.Kind);
        Assert.Equal("/COMPLIANCE_SCHEDULE_SCAN_LIST_OUTPUT/RESPONSE", exception.ElementPath);
    }

    [Theory]
    [InlineData("Cell 1\tCell 2\n...SUPPORTED\t \t \t \t \t ")]
    [InlineData("\t\tstarts with empty cells")]
    [InlineData("  padded on both ends  ")]
    [InlineData(" ")]
    public async Task Cdata_is_data_byte_for_byte_and_the_indentation_around_it_is_layout(string data)
    {
        var scan = Scan(1, "<DAILY frequency_days=\"1\" />").Replace("<ACTIVE>", $"<TITLE>\n      <![CDATA[{data}]]>\n    </TITLE><ACTIVE>");

        var (scans, _) = await ParseAllWays(Document(scan));

        Assert.Equal(data, Assert.Single(scans).Title);
    }

    [Fact]
    public async Task Plain_text_is_kept_as_sent()
    {
        var scan = Scan(1, "<DAILY frequency_days=\"1\" />").Replace("<ACTIVE>", "<TITLE>  two  spaces </TITLE><ACTIVE>");
        var (scans, _) = await ParseAllWays(Document(scan));
        Assert.Equal("  two  spaces ", Assert.Single(scans).Title);
    }

    [Fact]
    public async Task Undeclared_elements_attributes_and_enumeration_values_are_reported_once_per_path_with_a_count()
    {
        static string WithDrift(long id) => Scan(id, "<DAILY frequency_days=\"1\" />")
            .Replace("<SCAN>", "<SCAN new_attribute=\"x\">")
            .Replace("<TARGET>", "<UNIQUE_VULN_ID>7</UNIQUE_VULN_ID><ASSET_TAGS><TAG_INCLUDE_SELECTOR>some</TAG_INCLUDE_SELECTOR><TAG_SET_INCLUDE>1</TAG_SET_INCLUDE><USE_IP_NT_RANGE_TAGS>0</USE_IP_NT_RANGE_TAGS></ASSET_TAGS><TARGET>");

        var (scans, report) = await ParseAllWays(Document(WithDrift(1), WithDrift(2), WithDrift(3)));

        Assert.Equal(3, scans.Count);
        Assert.Empty(report.Deviations);
        Assert.Equal(TagSelector.Unknown, scans[0].AssetTags!.TagIncludeSelector);
        Assert.Equal("some", scans[0].AssetTags!.TagIncludeSelectorRaw);
        var drift = report.Drift.ToDictionary(d => d.Kind);
        Assert.Equal(3, drift.Count);
        Assert.Equal(Root + "/SCAN/UNIQUE_VULN_ID", drift[QualysXmlDriftKind.UndeclaredElement].Path);
        Assert.Equal(3, drift[QualysXmlDriftKind.UndeclaredElement].Count);
        Assert.Equal(1, drift[QualysXmlDriftKind.UndeclaredElement].FirstLineNumber);
        Assert.Equal(Root + "/SCAN/@new_attribute", drift[QualysXmlDriftKind.UndeclaredAttribute].Path);
        Assert.Equal(Root + "/SCAN/ASSET_TAGS/TAG_INCLUDE_SELECTOR", drift[QualysXmlDriftKind.UnknownEnumValue].Path);
        Assert.Equal("some", drift[QualysXmlDriftKind.UnknownEnumValue].Value);
    }

    [Fact]
    public async Task A_clean_response_reports_nothing()
    {
        var (_, report) = await ParseAllWays(Document(Scan(1, "<DAILY frequency_days=\"1\" />")));
        Assert.True(report.IsEmpty);
    }

    [Fact]
    public async Task A_repeated_single_element_keeps_the_first_in_every_entry_point()
    {
        // RESPONSE is allowed once: a second one is skipped (and reported), by Parse and by the record stream alike.
        var xml = Document(Scan(1, "<DAILY frequency_days=\"1\" />")).Replace(
            "</RESPONSE>",
            "</RESPONSE><RESPONSE><DATETIME>2026-01-01T00:00:00Z</DATETIME><COMPLIANCE_SCHEDULE_SCAN_LIST>" + Scan(9, "<DAILY frequency_days=\"1\" />") + "</COMPLIANCE_SCHEDULE_SCAN_LIST></RESPONSE>");

        var (scans, report) = await ParseAllWays(xml);

        Assert.Equal(1, Assert.Single(scans).Id);
        Assert.Equal(QualysXmlDriftKind.RepeatedElement, Assert.Single(report.Drift).Kind);
    }

    [Fact]
    public async Task A_repeated_list_wrapper_adds_its_records_in_every_entry_point()
    {
        var xml = Document(Scan(1, "<DAILY frequency_days=\"1\" />")).Replace(
            "</COMPLIANCE_SCHEDULE_SCAN_LIST>",
            "</COMPLIANCE_SCHEDULE_SCAN_LIST><COMPLIANCE_SCHEDULE_SCAN_LIST>" + Scan(2, "<DAILY frequency_days=\"1\" />") + "</COMPLIANCE_SCHEDULE_SCAN_LIST>");

        var (scans, _) = await ParseAllWays(xml);

        Assert.Equal(new long[] { 1, 2 }, scans.Select(s => s.Id));
    }

    [Fact]
    public async Task Nesting_past_the_depth_limit_is_the_documented_exception()
    {
        var xml = Document(Scan(1, "<DAILY frequency_days=\"1\" />"));
        var options = new QualysXmlOptions { MaxDepth = 3 };

        var exception = Assert.Throws<QualysXmlException>(() => ComplianceScheduleScanListOutput.Parse(Xml.Stream(xml), options));
        Assert.Equal(QualysXmlErrorKind.LimitExceeded, exception.Kind);
        Assert.EndsWith("/SCAN/SCHEDULE", exception.ElementPath);

        var streamed = await Assert.ThrowsAsync<QualysXmlException>(async () =>
        {
            await foreach (var _ in ComplianceScheduleScanListOutput.EnumerateScansAsync(Xml.Stream(xml), options))
            {
            }
        });
        Assert.Equal(exception.Kind, streamed.Kind);
        Assert.Equal(exception.ElementPath, streamed.ElementPath);
    }

    [Fact]
    public async Task A_response_larger_than_the_buffer_limit_is_refused_by_ParseAsync()
    {
        var xml = Document(Enumerable.Range(1, 200).Select(i => Scan(i, "<DAILY frequency_days=\"1\" />")).ToArray());
        var exception = await Assert.ThrowsAsync<QualysXmlException>(async () =>
            await ComplianceScheduleScanListOutput.ParseAsync(new ChunkedStream(Encoding.UTF8.GetBytes(xml), 4096, seed: 1, asyncOnly: true), new QualysXmlOptions { MaxBufferedBytes = 10_000 }));
        Assert.Equal(QualysXmlErrorKind.LimitExceeded, exception.Kind);
    }
}
