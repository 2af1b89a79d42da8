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
    /// three give the same scans, the same deviations and the same drift, and returns Parse's result and report.</summary>
    /// <param name="xml">The response.</param>
    /// <param name="syncReadsAllowed">Whether the record stream may fall back to reading the source synchronously.</param>
    /// <param name="streamReport">Where the record stream reports, to look at what only it has (raw XML); null for a report of its own.</param>
    private static async Task<(IReadOnlyList<Scan> Scans, QualysXmlReport Report)> ParseAllWays(string xml, bool syncReadsAllowed = false, QualysXmlReport? streamReport = null)
    {
        var report = new QualysXmlReport();
        var parsed = ComplianceScheduleScanListOutput.Parse(Xml.Stream(xml), new QualysXmlOptions { Reporter = report });

        var asyncReport = new QualysXmlReport();
        var parsedAsync = await ComplianceScheduleScanListOutput.ParseAsync(new ChunkedStream(Encoding.UTF8.GetBytes(xml), 7, seed: 7, asyncOnly: true), new QualysXmlOptions { Reporter = asyncReport });

        streamReport ??= new QualysXmlReport();
        var streamed = new List<Scan>();
        await foreach (var scan in ComplianceScheduleScanListOutput.EnumerateScansAsync(new ChunkedStream(Encoding.UTF8.GetBytes(xml), 5, seed: 5, asyncOnly: !syncReadsAllowed), new QualysXmlOptions { Reporter = streamReport }))
        {
            streamed.Add(scan);
        }

        var scans = parsed.Response.Scans;
        Assert.Equal(scans.Select(s => s.Id), parsedAsync.Response.Scans.Select(s => s.Id));
        Assert.Equal(scans.Select(s => s.Id), streamed.Select(s => s.Id));
        Assert.Equal(report.Deviations.Select(Describe), asyncReport.Deviations.Select(Describe));
        Assert.Equal(report.Deviations.Select(Describe), streamReport.Deviations.Select(Describe));
        Assert.Equal(report.Drift, asyncReport.Drift);
        Assert.Equal(report.Drift, streamReport.Drift);
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

        // Skipping the repeat, the record stream reads past what it has buffered synchronously (its documented fallback).
        var (scans, report) = await ParseAllWays(xml, syncReadsAllowed: true);

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

    /// <summary>A record that breaks the schema, written oddly: CDATA, CR LF, tabs, a line break in its start tag, non-ASCII text.</summary>
    private static string OddRecord(long id)
        => Scan(id, "<DAILY frequency_days=\"1\" />")
            .Replace("<SCAN>", "<SCAN\r\n\t>")
            .Replace($"<TARGET>10.0.0.{id % 250}</TARGET>", "")
            .Replace("<ACTIVE>", "<TITLE>\r\n\t  <![CDATA[Cell 1\tCell 2 <b>&amp; ]] ]]>\t\r\n </TITLE>\t \r\n<ACTIVE>")
            .Replace("<USER_LOGIN>u</USER_LOGIN>", "<USER_LOGIN>\u00e9l\u00e8ve \U0001F600</USER_LOGIN>")
            .Replace("</SCAN>", "</SCAN\t\r\n>");

    /// <summary>Enumerates <paramref name="xml"/> (UTF-8) in reads of <paramref name="chunk"/> bytes and returns the ids and the deviations.</summary>
    private static async Task<(List<long> Ids, IReadOnlyList<QualysXmlDeviation> Deviations)> Enumerate(byte[] xml, int chunk, QualysXmlOptions? options = null)
    {
        var report = new QualysXmlReport();
        var ids = new List<long>();
        Stream stream = chunk == 0 ? new MemoryStream(xml) : new ChunkedStream(xml, chunk, seed: chunk, asyncOnly: true);
        await foreach (var scan in ComplianceScheduleScanListOutput.EnumerateScansAsync(stream, new QualysXmlOptions { Reporter = report, Strict = options?.Strict ?? false }))
        {
            ids.Add(scan.Id);
        }

        return (ids, report.Deviations);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(0)]   // whole
    public async Task A_record_left_out_by_a_record_stream_carries_its_xml_byte_for_byte(int chunk)
    {
        var bad = OddRecord(2);
        // Padding between the records past what the stream keeps as bytes: it is collapsed there, never inside a record.
        var padding = "\r\n" + new string(' ', 5000) + "\t\n";
        var xml = Document(Scan(1, "<DAILY frequency_days=\"1\" />"), padding, bad, padding, Scan(3, "<DAILY frequency_days=\"1\" />"));

        var (ids, deviations) = await Enumerate(Encoding.UTF8.GetBytes(xml), chunk);

        Assert.Equal(new long[] { 1, 3 }, ids);
        var deviation = Assert.Single(deviations);
        Assert.Equal(QualysXmlErrorKind.MissingElement, deviation.Kind);
        Assert.Equal(Root + "/SCAN", deviation.OmittedPath);
        Assert.Equal(bad, deviation.RawXml);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(0)]
    public async Task Each_record_left_out_carries_its_own_xml(int chunk)
    {
        var records = Enumerable.Range(1, 400).Select(i => i % 3 == 0 ? OddRecord(i) : Scan(i, "<DAILY frequency_days=\"1\" />")).ToArray();

        var (ids, deviations) = await Enumerate(Encoding.UTF8.GetBytes(Document(records)), chunk);

        Assert.Equal(Enumerable.Range(1, 400).Where(i => i % 3 != 0).Select(i => (long)i), ids);
        Assert.Equal(records.Where((_, i) => (i + 1) % 3 == 0), deviations.Select(d => d.RawXml));
    }

    [Fact]
    public async Task A_record_larger_than_64_KiB_gives_its_first_64_KiB_and_an_ellipsis()
    {
        var bad = OddRecord(1).Replace("Cell 1", new string('x', 100_000));
        var (_, deviations) = await Enumerate(Encoding.UTF8.GetBytes(Document(bad, Scan(2, "<DAILY frequency_days=\"1\" />"))), 4096);

        var raw = Assert.Single(deviations).RawXml;
        Assert.Equal(bad.Substring(0, 64 * 1024) + "…", raw);
    }

    [Fact]
    public async Task A_record_cut_at_64_KiB_is_cut_at_a_whole_character()
    {
        var bad = OddRecord(1).Replace("Cell 1", new string('\u00e9', 50_000));
        var (_, deviations) = await Enumerate(Encoding.UTF8.GetBytes(Document(bad)), 0);

        var raw = Assert.Single(deviations).RawXml!;
        Assert.EndsWith("…", raw);
        var kept = raw[..^1];
        Assert.DoesNotContain('\uFFFD', kept);
        Assert.StartsWith(kept, bad, StringComparison.Ordinal);
        Assert.InRange(Encoding.UTF8.GetByteCount(kept), 64 * 1024 - 1, 64 * 1024);
    }

    [Fact]
    public async Task The_raw_xml_is_decoded_with_the_declared_encoding()
    {
        var bad = Scan(1, "<DAILY frequency_days=\"1\" />").Replace("<TARGET>10.0.0.1</TARGET>", "").Replace("<USER_LOGIN>u</USER_LOGIN>", "<USER_LOGIN>\u00e9l\u00e8ve \u20ac</USER_LOGIN>");
        var bytes = Encoding.GetEncoding("windows-1252").GetBytes("<?xml version=\"1.0\" encoding=\"windows-1252\"?>\n" + Document(bad));

        var (_, deviations) = await Enumerate(bytes, 3);

        Assert.Equal(bad, Assert.Single(deviations).RawXml);
    }

    [Fact]
    public async Task A_strict_record_stream_still_throws_at_a_record_that_breaks_the_schema()
    {
        var xml = Encoding.UTF8.GetBytes(Document(Scan(1, "<DAILY frequency_days=\"1\" />"), OddRecord(2)));
        var exception = await Assert.ThrowsAsync<QualysXmlException>(() => Enumerate(xml, 7, new QualysXmlOptions { Strict = true }));
        Assert.Equal(QualysXmlErrorKind.MissingElement, exception.Kind);
    }

    [Fact]
    public async Task Parse_ParseAsync_and_a_member_left_out_inside_a_record_give_no_raw_xml()
    {
        var xml = Document(Scan(1, "<DAILY frequency_days=\"1\" />"), OddRecord(2));

        var report = new QualysXmlReport();
        ComplianceScheduleScanListOutput.Parse(Xml.Stream(xml), new QualysXmlOptions { Reporter = report });
        Assert.Null(Assert.Single(report.Deviations).RawXml);

        var asyncReport = new QualysXmlReport();
        await ComplianceScheduleScanListOutput.ParseAsync(new ChunkedStream(Encoding.UTF8.GetBytes(xml), 7, seed: 7, asyncOnly: true), new QualysXmlOptions { Reporter = asyncReport });
        Assert.Null(Assert.Single(asyncReport.Deviations).RawXml);

        // OPTION_PROFILE is optional: without its TITLE it is left out and the record kept, so there is no record's XML to give.
        var member = Scan(1, "<DAILY frequency_days=\"1\" />").Replace("<TARGET>", "<OPTION_PROFILE><DEFAULT_FLAG>1</DEFAULT_FLAG></OPTION_PROFILE><TARGET>");
        var (ids, deviations) = await Enumerate(Encoding.UTF8.GetBytes(Document(member)), 7);
        Assert.Equal(new long[] { 1 }, ids);
        Assert.Null(Assert.Single(deviations).RawXml);
    }

    // The envelope: the elements around the records (the root, RESPONSE, the list wrapper) and their other members. The record
    // stream reads them as Parse does, so that it fails where Parse fails and reports what Parse reports.

    /// <summary>Parse's exception, and the record stream's records and exception, for a response that fails.</summary>
    private static async Task<(QualysXmlException Parsed, List<long> Streamed, QualysXmlException Stream)> FailAllWays(string xml, bool strict = false)
    {
        var parsed = Assert.Throws<QualysXmlException>(() => ComplianceScheduleScanListOutput.Parse(Xml.Stream(xml), new QualysXmlOptions { Strict = strict }));
        var parsedAsync = await Assert.ThrowsAsync<QualysXmlException>(async () => await ComplianceScheduleScanListOutput.ParseAsync(
            new ChunkedStream(Encoding.UTF8.GetBytes(xml), 7, seed: 7, asyncOnly: true), new QualysXmlOptions { Strict = strict }));
        Assert.Equal(Describe(parsed), Describe(parsedAsync));

        var streamed = new List<long>();
        var stream = await Assert.ThrowsAsync<QualysXmlException>(async () =>
        {
            await foreach (var scan in ComplianceScheduleScanListOutput.EnumerateScansAsync(
                new ChunkedStream(Encoding.UTF8.GetBytes(xml), 5, seed: 5, asyncOnly: true), new QualysXmlOptions { Strict = strict }))
            {
                streamed.Add(scan.Id);
            }
        });
        Assert.Equal(Describe(parsed), Describe(stream));
        return (parsed, streamed, stream);

        static string Describe(QualysXmlException x) => $"{x.Kind} {x.ElementPath} {x.LineNumber}:{x.LinePosition}";
    }

    private static readonly string ThreeScans = Document(
        Scan(1, "<DAILY frequency_days=\"1\" />"), Scan(2, "<DAILY frequency_days=\"1\" />"), Scan(3, "<DAILY frequency_days=\"1\" />"));

    [Fact]
    public async Task A_bad_required_value_in_the_envelope_before_the_records_fails_the_stream_before_any_record()
    {
        var xml = ThreeScans.Replace("<DATETIME>2026-01-01T00:00:00Z</DATETIME>", "<DATETIME>yesterday</DATETIME>");

        var (parsed, streamed, _) = await FailAllWays(xml);

        Assert.Equal(QualysXmlErrorKind.InvalidValue, parsed.Kind);
        Assert.Equal("/COMPLIANCE_SCHEDULE_SCAN_LIST_OUTPUT/RESPONSE/DATETIME", parsed.ElementPath);
        Assert.Empty(streamed);
    }

    [Fact]
    public async Task A_bad_required_value_in_the_envelope_after_the_records_fails_the_stream_after_every_record()
    {
        // Parse does not hold RESPONSE to its DTD's order: a DATETIME after the list is read there, and fails there.
        var xml = ThreeScans
            .Replace("<DATETIME>2026-01-01T00:00:00Z</DATETIME>", "")
            .Replace("</COMPLIANCE_SCHEDULE_SCAN_LIST>", "</COMPLIANCE_SCHEDULE_SCAN_LIST><DATETIME>2026-13-01</DATETIME>");

        var (parsed, streamed, _) = await FailAllWays(xml);

        Assert.Equal(QualysXmlErrorKind.InvalidValue, parsed.Kind);
        Assert.Equal(new long[] { 1, 2, 3 }, streamed);
    }

    [Fact]
    public async Task A_missing_required_envelope_member_fails_the_stream_at_its_parents_end_tag_after_every_record()
    {
        var xml = ThreeScans.Replace("<DATETIME>2026-01-01T00:00:00Z</DATETIME>", "");

        var (parsed, streamed, stream) = await FailAllWays(xml);

        Assert.Equal(QualysXmlErrorKind.MissingElement, parsed.Kind);
        Assert.Equal("/COMPLIANCE_SCHEDULE_SCAN_LIST_OUTPUT/RESPONSE", stream.ElementPath);
        Assert.Contains("<DATETIME>", stream.Detail);
        Assert.Equal(new long[] { 1, 2, 3 }, streamed);
    }

    [Theory]
    [InlineData("<COMPLIANCE_SCHEDULE_SCAN_LIST_OUTPUT></COMPLIANCE_SCHEDULE_SCAN_LIST_OUTPUT>")]
    [InlineData("<COMPLIANCE_SCHEDULE_SCAN_LIST_OUTPUT/>")]
    [InlineData("<COMPLIANCE_SCHEDULE_SCAN_LIST_OUTPUT><REQUEST><DATETIME>2026-01-01T00:00:00Z</DATETIME><USER_LOGIN>u</USER_LOGIN><RESOURCE>r</RESOURCE></REQUEST></COMPLIANCE_SCHEDULE_SCAN_LIST_OUTPUT>")]
    [InlineData("<COMPLIANCE_SCHEDULE_SCAN_LIST_OUTPUT><RESPONSE/></COMPLIANCE_SCHEDULE_SCAN_LIST_OUTPUT>")]
    public async Task An_envelope_without_its_required_members_fails_the_stream_as_it_fails_Parse(string xml)
    {
        var (parsed, streamed, _) = await FailAllWays(xml);

        Assert.Equal(QualysXmlErrorKind.MissingElement, parsed.Kind);
        Assert.Empty(streamed);
    }

    [Fact]
    public async Task A_deviation_in_an_optional_envelope_member_is_absorbed_and_reported_once_by_every_entry_point()
    {
        // REQUEST is optional, its USER_LOGIN required: REQUEST is left out. A PARAM without its KEY is one item of PARAM_LIST,
        // and lies as deep as the records: it is left out alone, and it is not a record, so it carries no record's XML.
        var request = "<REQUEST><DATETIME>2026-01-01T00:00:00Z</DATETIME><RESOURCE>r</RESOURCE>"
            + "<PARAM_LIST><PARAM><VALUE>v</VALUE></PARAM><PARAM><KEY>k</KEY><VALUE>v</VALUE></PARAM></PARAM_LIST></REQUEST>";
        var xml = ThreeScans.Replace("<RESPONSE>", request + "<RESPONSE>");
        var streamReport = new QualysXmlReport();

        var (scans, report) = await ParseAllWays(xml, streamReport: streamReport);

        Assert.Equal(new long[] { 1, 2, 3 }, scans.Select(s => s.Id));
        Assert.Equal(
            ["/COMPLIANCE_SCHEDULE_SCAN_LIST_OUTPUT/REQUEST/PARAM_LIST/PARAM", "/COMPLIANCE_SCHEDULE_SCAN_LIST_OUTPUT/REQUEST"],
            report.Deviations.Select(d => d.OmittedPath));
        Assert.All(streamReport.Deviations, d => Assert.Null(d.RawXml));
        Assert.Null(ComplianceScheduleScanListOutput.Parse(Xml.Stream(xml)).Request);
    }

    [Fact]
    public async Task A_deviation_in_an_optional_envelope_member_fails_a_strict_stream_before_any_record()
    {
        var xml = ThreeScans.Replace("<RESPONSE>", "<REQUEST><DATETIME>2026-01-01T00:00:00Z</DATETIME><RESOURCE>r</RESOURCE></REQUEST><RESPONSE>");

        var (parsed, streamed, _) = await FailAllWays(xml, strict: true);

        Assert.Equal("/COMPLIANCE_SCHEDULE_SCAN_LIST_OUTPUT/REQUEST", parsed.ElementPath);
        Assert.Empty(streamed);
    }

    [Fact]
    public async Task Drift_in_the_envelope_is_reported_once_per_path_and_alike_by_every_entry_point()
    {
        var xml = ThreeScans
            .Replace("<COMPLIANCE_SCHEDULE_SCAN_LIST_OUTPUT>", "<COMPLIANCE_SCHEDULE_SCAN_LIST_OUTPUT build=\"7\"><REQUEST><DATETIME>2026-01-01T00:00:00Z</DATETIME><USER_LOGIN>u</USER_LOGIN><RESOURCE>r</RESOURCE><ORIGIN>api</ORIGIN></REQUEST>")
            .Replace("<RESPONSE>", "<RESPONSE page=\"1\"><WARNING><CODE>1980</CODE></WARNING>")
            .Replace("<COMPLIANCE_SCHEDULE_SCAN_LIST>", "<DATETIME>2026-01-02T00:00:00Z</DATETIME><COMPLIANCE_SCHEDULE_SCAN_LIST total=\"3\"><NOTE/>")
            .Replace("</COMPLIANCE_SCHEDULE_SCAN_LIST>", "<NOTE/></COMPLIANCE_SCHEDULE_SCAN_LIST><WARNING/>");

        var (scans, report) = await ParseAllWays(xml);

        Assert.Equal(3, scans.Count);
        Assert.Empty(report.Deviations);
        const string Output = "/COMPLIANCE_SCHEDULE_SCAN_LIST_OUTPUT";
        Assert.Equal(
            [
                $"UndeclaredAttribute {Output}/@build 1",
                $"UndeclaredElement {Output}/REQUEST/ORIGIN 1",
                $"UndeclaredAttribute {Output}/RESPONSE/@page 1",
                $"UndeclaredElement {Output}/RESPONSE/WARNING 2",
                $"RepeatedElement {Output}/RESPONSE/DATETIME 1",
                $"UndeclaredAttribute {Root}/@total 1",
                $"UndeclaredElement {Root}/NOTE 2",
            ],
            report.Drift.Select(d => $"{d.Kind} {d.Path} {d.Count}"));
    }

    [Fact]
    public async Task A_record_left_out_right_before_bytes_that_break_the_document_is_reported_by_both_before_the_fault()
    {
        // The second record lacks its TARGET; right after its end tag, "]]>" in text is not well-formed.
        var bad = Scan(2, "<DAILY frequency_days=\"1\" />").Replace("<TARGET>10.0.0.2</TARGET>", "");
        var xml = Document(Scan(1, "<DAILY frequency_days=\"1\" />"), bad + " ]]> ", Scan(3, "<DAILY frequency_days=\"1\" />"));

        var report = new QualysXmlReport();
        var parsed = Assert.Throws<QualysXmlException>(() => ComplianceScheduleScanListOutput.Parse(Xml.Stream(xml), new QualysXmlOptions { Reporter = report }));
        var streamReport = new QualysXmlReport();
        var streamed = new List<long>();
        var stream = await Assert.ThrowsAsync<QualysXmlException>(async () =>
        {
            await foreach (var scan in ComplianceScheduleScanListOutput.EnumerateScansAsync(
                new ChunkedStream(Encoding.UTF8.GetBytes(xml), 5, seed: 5, asyncOnly: true), new QualysXmlOptions { Reporter = streamReport }))
            {
                streamed.Add(scan.Id);
            }
        });

        Assert.Equal(QualysXmlErrorKind.Malformed, parsed.Kind);
        Assert.Equal((parsed.Kind, parsed.ElementPath, parsed.LineNumber, parsed.LinePosition), (stream.Kind, stream.ElementPath, stream.LineNumber, stream.LinePosition));
        Assert.Equal(new long[] { 1 }, streamed);
        Assert.Equal(Root + "/SCAN", Assert.Single(report.Deviations).OmittedPath);
        Assert.Equal(Root + "/SCAN", Assert.Single(streamReport.Deviations).OmittedPath);
        Assert.Equal(bad, streamReport.Deviations[0].RawXml);
    }
}
