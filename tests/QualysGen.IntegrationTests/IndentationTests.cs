using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using System.Xml;
using QualysGen.IntegrationTests.HostileInput;
using QualysGen.IntegrationTests.Qualys.ComplianceScheduleScanListOutputDtd;
using QualysGen.IntegrationTests.Qualys.SimpleReturnDtd;
using QualysGen.Tests;
using static QualysGen.IntegrationTests.ComplianceScheduleListTests;

namespace QualysGen.IntegrationTests;

/// <summary>
/// A response parsed on one thread and held in memory whole is read from a copy without its indentation, which the reader
/// gets through in about two thirds of the time. What the caller sees must be what the response as it came gives: the same
/// model, and every deviation, drift and fault where it is in the response (the copy's lines and columns are not the
/// response's: deviations and drift are mapped back to the response's, and a response that faults is read again as it
/// came). The meter <c>qualysgen.xml.documents</c> says which way a response was read. One thread is asked for explicitly, so that these tests hold in QualysGen.ParallelTests too.
/// </summary>
[Collection(nameof(DocumentMeterCollection))]
public sealed class IndentationTests
{
    private static readonly QualysXmlOptions OneThread = new() { MaxDegreeOfParallelism = 1 };

    private const string Declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n";

    private const string Doctype = "<!DOCTYPE COMPLIANCE_SCHEDULE_SCAN_LIST_OUTPUT SYSTEM \"https://qualysapi.qualys.com/api/2.0/fo/schedule/scan/compliance/schedule_scan_list_output.dtd\">\n";

    /// <summary>An indented list with the envelope Qualys sends: declaration, DOCTYPE, a scan per line block.</summary>
    internal static string Indented(params string[] scans)
        => Declaration + Doctype + Document(scans)
            .Replace("<RESPONSE>", "\n  <RESPONSE>\n    ", StringComparison.Ordinal)
            .Replace("<COMPLIANCE_SCHEDULE_SCAN_LIST>", "\n    <COMPLIANCE_SCHEDULE_SCAN_LIST>\n", StringComparison.Ordinal)
            .Replace("</COMPLIANCE_SCHEDULE_SCAN_LIST>", "\n    </COMPLIANCE_SCHEDULE_SCAN_LIST>\n  ", StringComparison.Ordinal)
            .Replace("</RESPONSE>", "</RESPONSE>\n", StringComparison.Ordinal) + "\n";

    internal static string Daily(long id) => Scan(id, "<DAILY frequency_days=\"1\" />");

    /// <summary>The ways a response reaches <c>Parse</c> held whole: in a caller's array, copied from a stream of known or unknown length, or buffered by <c>ParseAsync</c>.</summary>
    public static IEnumerable<object[]> Sources => new[] { "exposed MemoryStream", "MemoryStream", "stream of unknown length", "ParseAsync" }.Select(s => new object[] { s });

    private static async Task<ComplianceScheduleScanListOutput> ParseFrom(string source, byte[] bytes, QualysXmlOptions options) => source switch
    {
        "exposed MemoryStream" => ComplianceScheduleScanListOutput.Parse(new MemoryStream(bytes, 0, bytes.Length, writable: false, publiclyVisible: true), options),
        "MemoryStream" => ComplianceScheduleScanListOutput.Parse(new MemoryStream(bytes), options),
        "stream of unknown length" => ComplianceScheduleScanListOutput.Parse(new ChunkedStream(bytes, 700, seed: 3), options),
        _ => await ComplianceScheduleScanListOutput.ParseAsync(new ChunkedStream(bytes, 700, seed: 3, asyncOnly: true), options),
    };

    /// <summary>The response as it came, through a caller's reader, which is never read without its indentation.</summary>
    private static ComplianceScheduleScanListOutput AsItCame(byte[] bytes, QualysXmlOptions options)
    {
        using var reader = XmlReader.Create(new MemoryStream(bytes), QualysGen.Xml.XmlParsing.CreateSettings(new NameTable()));
        return ComplianceScheduleScanListOutput.Parse(reader, options);
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public async Task A_response_held_whole_is_read_without_its_indentation_to_the_same_model(string source)
    {
        var bytes = Encoding.UTF8.GetBytes(Indented(Daily(1), Daily(2), Daily(3)));
        using var meter = new BatchMeter();

        var parsed = await ParseFrom(source, bytes, OneThread);

        Assert.Equal(1, meter.Documents("removed"));
        Assert.Equal(0, meter.Documents("read_again"));
        Assert.Equal(new long[] { 1, 2, 3 }, parsed.Response.Scans.Select(s => s.Id));
        Assert.Equal(ModelDump.Of(AsItCame(bytes, OneThread)), ModelDump.Of(parsed));
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public async Task A_deviation_is_reported_once_where_it_is_in_the_response(string source)
    {
        var bad = Daily(2).Replace("<TARGET>10.0.0.2</TARGET>", "", StringComparison.Ordinal);
        var bytes = Encoding.UTF8.GetBytes(Indented(Daily(1), bad, Daily(3)));
        var expected = new QualysXmlReport();
        AsItCame(bytes, new QualysXmlOptions { Reporter = expected, MaxDegreeOfParallelism = 1 });
        using var meter = new BatchMeter();

        var report = new QualysXmlReport();
        var parsed = await ParseFrom(source, bytes, new QualysXmlOptions { Reporter = report, MaxDegreeOfParallelism = 1 });

        Assert.Equal(new long[] { 1, 3 }, parsed.Response.Scans.Select(s => s.Id));
        var deviation = Assert.Single(report.Deviations);
        var where = Assert.Single(expected.Deviations);
        Assert.Equal((where.LineNumber, where.LinePosition), (deviation.LineNumber, deviation.LinePosition));
        Assert.True(deviation.LineNumber >= ScanLine(bytes, 2));   // the scan's lines, not the copy's
        Assert.Equal(1, meter.Documents("removed"));
        Assert.Equal(0, meter.Documents("read_again"));
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public async Task Drift_is_reported_once_where_it_first_is_in_the_response(string source)
    {
        var drifting = Daily(2).Replace("<ACTIVE>1</ACTIVE>", "<ACTIVE>1</ACTIVE>\n  <NEW_FIELD>x</NEW_FIELD>", StringComparison.Ordinal);
        var bytes = Encoding.UTF8.GetBytes(Indented(Daily(1), drifting, drifting));
        var expected = new QualysXmlReport();
        AsItCame(bytes, new QualysXmlOptions { Reporter = expected, MaxDegreeOfParallelism = 1 });
        using var meter = new BatchMeter();

        var report = new QualysXmlReport();
        var parsed = await ParseFrom(source, bytes, new QualysXmlOptions { Reporter = report, MaxDegreeOfParallelism = 1 });

        Assert.Equal(1, meter.Documents("removed"));
        Assert.Equal(3, parsed.Response.Scans.Count);
        var drift = Assert.Single(report.Drift);
        Assert.Equal(Assert.Single(expected.Drift), drift);
        Assert.Equal(2, drift.Count);
        Assert.Equal(ScanLine(bytes, 2) + 1, drift.FirstLineNumber);
    }

    /// <summary>
    /// The copy's positions are mapped back to the response's as the reader counts them: CR LF and a lone CR as one line
    /// break (a run is taken out only where it holds an LF), columns in UTF-16 code units (a character beyond the BMP is two), a byte a character in Latin-1, a byte order
    /// mark not counted. Each response has, on one line, characters of several sizes before a deviation, an undeclared
    /// element and an undeclared attribute.
    /// </summary>
    [Theory]
    [InlineData("CR LF")]
    [InlineData("lone CR in a value")]
    [InlineData("UTF-8, beyond the BMP")]
    [InlineData("byte order mark")]
    [InlineData("ISO-8859-1")]
    public void Deviations_and_drift_are_reported_at_the_response_s_lines_and_columns(string how)
    {
        var scan2 = Scan(2, "<DAILY frequency_days=\"1\" note=\"ä\" />")
            .Replace("<ACTIVE>1</ACTIVE>", "<ACTIVE>1</ACTIVE><USER_LOGIN>é ü x</USER_LOGIN>\n    <NEW_FIELD note=\"ö\">é</NEW_FIELD>", StringComparison.Ordinal)
            .Replace("<USER_LOGIN>u</USER_LOGIN>", "", StringComparison.Ordinal)
            .Replace("<START_HOUR>1</START_HOUR>", "<START_HOUR note=\"ä\">1</START_HOUR>", StringComparison.Ordinal);
        var scan3 = Daily(3).Replace("<TARGET>10.0.0.3</TARGET>", "", StringComparison.Ordinal);
        var text = Indented(Daily(1), scan2, scan3);
        var encoding = (Encoding)new UTF8Encoding(false);
        switch (how)
        {
            case "CR LF":
                text = text.ReplaceLineEndings("\r\n");
                break;
            case "lone CR in a value":
                text = text.Replace("é ü x", "é\rü x", StringComparison.Ordinal);   // a line break of its own to the reader
                break;
            case "UTF-8, beyond the BMP":
                text = text.Replace("é ü x", "é \U0001F600 ü x", StringComparison.Ordinal);
                break;
            case "byte order mark":
                encoding = new UTF8Encoding(true);
                break;
            default:
                text = text.Replace("UTF-8", "ISO-8859-1", StringComparison.Ordinal);
                encoding = Encoding.Latin1;
                break;
        }

        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes(text)).ToArray();
        var expected = new QualysXmlReport();
        var asItCame = AsItCame(bytes, new QualysXmlOptions { Reporter = expected, MaxDegreeOfParallelism = 1 });
        using var meter = new BatchMeter();

        var report = new QualysXmlReport();
        var parsed = ComplianceScheduleScanListOutput.Parse(new MemoryStream(bytes), new QualysXmlOptions { Reporter = report, MaxDegreeOfParallelism = 1 });

        Assert.Equal(1, meter.Documents("removed"));
        Assert.Equal(ModelDump.Of(asItCame), ModelDump.Of(parsed));
        Assert.NotEmpty(expected.Deviations);
        Assert.True(expected.Drift.Count >= 2, string.Join("; ", expected.Drift));
        Assert.Equal(expected.Deviations, report.Deviations);
        Assert.Equal(expected.Drift, report.Drift);
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public async Task A_malformed_response_fails_where_it_is_in_the_response(string source)
    {
        var bytes = Encoding.UTF8.GetBytes(Indented(Daily(1), Daily(2)).Replace("<ID>2</ID>", "<ID>2</IDX>", StringComparison.Ordinal));
        var expected = Assert.Throws<QualysXmlException>(() => AsItCame(bytes, OneThread));

        var exception = await Assert.ThrowsAsync<QualysXmlException>(() => ParseFrom(source, bytes, OneThread));

        Assert.Equal(QualysXmlErrorKind.Malformed, exception.Kind);
        Assert.Equal((expected.LineNumber, expected.LinePosition), (exception.LineNumber, exception.LinePosition));
        Assert.Equal(ScanLine(bytes, 2), exception.LineNumber);
    }

    /// <summary>
    /// A response cut inside an empty-element tag (<c>&lt;SCHEDULE/</c>) fails at the same place however it is held: over
    /// a seekable stream (a caller's <c>MemoryStream</c>, read as it came after the copy failed) <c>XmlReader</c> reported
    /// it at a column past the end of the line, over a network at the '/'.
    /// </summary>
    [Theory]
    [MemberData(nameof(Sources))]
    public async Task A_response_cut_inside_a_tag_fails_at_the_same_place_however_it_is_held(string source)
    {
        var bytes = Encoding.UTF8.GetBytes(Declaration + "<COMPLIANCE_SCHEDULE_SCAN_LIST_OUTPUT>\n  <RESPONSE>\n    <SCHEDULE/");

        var exception = await Assert.ThrowsAsync<QualysXmlException>(() => ParseFrom(source, bytes, OneThread));
        var overNetwork = Assert.Throws<QualysXmlException>(() => ComplianceScheduleScanListOutput.Parse(new ChunkedStream(bytes, 5, seed: 1), new QualysXmlOptions { MaxDegreeOfParallelism = 1, ParallelThresholdBytes = 0 }));

        Assert.Equal(QualysXmlErrorKind.Malformed, exception.Kind);
        Assert.Equal((4, 14), (exception.LineNumber, exception.LinePosition));
        Assert.Equal((overNetwork.LineNumber, overNetwork.LinePosition), (exception.LineNumber, exception.LinePosition));
    }

    [Fact]
    public void A_caller_stream_is_read_to_its_end_as_when_read_as_it_came()
    {
        var bytes = Encoding.UTF8.GetBytes(Indented(Daily(1)));
        using var meter = new BatchMeter();
        var exposed = new MemoryStream(bytes, 0, bytes.Length, writable: false, publiclyVisible: true);
        var copied = new MemoryStream(bytes);

        ComplianceScheduleScanListOutput.Parse(exposed, OneThread);
        ComplianceScheduleScanListOutput.Parse(copied, OneThread);

        Assert.Equal(2, meter.Documents("removed"));
        Assert.Equal(bytes.Length, exposed.Position);
        Assert.Equal(bytes.Length, copied.Position);
    }

    /// <summary>Responses whose indentation is not taken out: they are read as they came, to the same model.</summary>
    [Theory]
    [InlineData("internal DTD subset")]
    [InlineData("UTF-16")]
    [InlineData("xml:space")]
    [InlineData("no indentation")]
    public void A_response_that_cannot_lose_its_indentation_safely_is_read_as_it_came(string what)
    {
        var text = Indented(Daily(1), Daily(2));
        var encoding = Encoding.UTF8;
        switch (what)
        {
            case "internal DTD subset":
                text = text.Replace(".dtd\">", ".dtd\" [ <!ENTITY e \"x\"> ]>", StringComparison.Ordinal);
                break;
            case "UTF-16":
                text = text.Replace("UTF-8", "UTF-16", StringComparison.Ordinal);
                encoding = Encoding.Unicode;
                break;
            case "xml:space":
                text = text.Replace("<USER_LOGIN>", "<USER_LOGIN xml:space=\"default\">", StringComparison.Ordinal);
                break;
            default:
                text = Declaration + Document(Daily(1).ReplaceLineEndings(""), Daily(2).ReplaceLineEndings(""));
                break;
        }

        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes(text)).ToArray();
        using var meter = new BatchMeter();

        var parsed = ComplianceScheduleScanListOutput.Parse(new MemoryStream(bytes), OneThread);

        Assert.Equal(0, meter.Documents("removed") + meter.Documents("read_again"));
        Assert.Equal(new long[] { 1, 2 }, parsed.Response.Scans.Select(s => s.Id));
        Assert.Equal(ModelDump.Of(AsItCame(bytes, OneThread)), ModelDump.Of(parsed));
    }

    [Fact]
    public void A_SIMPLE_RETURN_with_its_DOCTYPE_is_read_without_its_indentation()
    {
        const string xml = """
            <?xml version="1.0" encoding="UTF-8" ?>
            <!DOCTYPE SIMPLE_RETURN SYSTEM "https://qualysapi.qualys.com/api/2.0/simple_return.dtd">
            <SIMPLE_RETURN>
              <RESPONSE>
                <DATETIME>2026-12-05T10:00:00Z</DATETIME>
                <TEXT>Scan launched</TEXT>
                <ITEM_LIST>
                  <ITEM>
                    <KEY>ID</KEY>
                    <VALUE><![CDATA[  spaced  ]]></VALUE>
                  </ITEM>
                </ITEM_LIST>
              </RESPONSE>
            </SIMPLE_RETURN>
            """;
        using var meter = new BatchMeter();

        var parsed = SimpleReturn.Parse(new MemoryStream(Encoding.UTF8.GetBytes(xml)), OneThread);

        Assert.Equal(1, meter.Documents("removed"));
        Assert.Equal("Scan launched", parsed.Response.Text);
        Assert.Equal("  spaced  ", Assert.Single(Assert.Single(parsed.Response.Items).Values));
    }

    /// <summary>The line of the start tag of the SCAN with <paramref name="id"/>.</summary>
    private static int ScanLine(byte[] bytes, long id)
    {
        var text = Encoding.UTF8.GetString(bytes);
        var at = text.IndexOf($"<SCAN><ID>{id}<", StringComparison.Ordinal);
        return text.Take(at).Count(c => c == '\n') + 1;
    }
}

/// <summary>The tests that count on the process-wide meter: run alone.</summary>
[CollectionDefinition(nameof(DocumentMeterCollection), DisableParallelization = true)]
public sealed class DocumentMeterCollection
{
}
