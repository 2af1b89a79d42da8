using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using QualysGen.IntegrationTests.Qualys.ComplianceScheduleScanListOutputDtd;
using QualysGen.Xml;

namespace QualysGen.IntegrationTests.HostileInput;

/// <summary>
/// The crafted inputs that broke the record stream (issue 13), each a named regression test: through every entry point
/// (<see cref="Differential"/>: only <see cref="QualysXmlException"/>, <c>Parse</c> and the streams agree) and with what
/// the record stream must give.
/// </summary>
public sealed class HostileResponseCorpusTests
{
    /// <summary>
    /// A crafted input: its target, bytes, and the records (-1: not counted) and error kind the record stream must give;
    /// or, with <c>SameAsWhole</c>, only that it gives the same in every piece size as over a <see cref="MemoryStream"/>.
    /// </summary>
    internal sealed record Case(string Name, ResponseTarget Target, byte[] Bytes, int Records, QualysXmlErrorKind? Kind, bool SameAsWhole = false)
    {
        public override string ToString() => Name;
    }

    private static string Scans(int from, int to) => string.Concat(Enumerable.Range(from, to - from + 1).Select(i => ComplianceScheduleListTests.Scan(i, $"<DAILY frequency_days=\"{i}\" />")));

    private static string List(string scans, string prolog = "") => prolog + ComplianceScheduleListTests.Document(scans);

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static readonly Case[] Cases =
    [
        new("a stray end tag before the root", ResponseTarget.SimpleReturn, Utf8("</a><SIMPLE_RETURN/>"), 0, QualysXmlErrorKind.Malformed),
        new("a stray end tag before the root of a list", ResponseTarget.ComplianceList, Utf8("</a></b>" + List(Scans(1, 3))), 0, QualysXmlErrorKind.Malformed),
        new("a stray end tag inside the third record", ResponseTarget.ComplianceList, Utf8(List(Scans(1, 2) + Scans(3, 5).Replace("<ID>3</ID>", "<ID>3</ID></a>", StringComparison.Ordinal))), 2, QualysXmlErrorKind.Malformed),
        new(
            "an apostrophe in a comment in the DOCTYPE's internal subset (valid)",
            ResponseTarget.ComplianceList,
            Utf8(List(Scans(1, 5), "<!DOCTYPE COMPLIANCE_SCHEDULE_SCAN_LIST_OUTPUT [\n <!-- Qualys' list -->\n <!ELEMENT X (#PCDATA)>\n]>\n")),
            5,
            null),
        new(
            "quotes in comments and a bracket in a literal in the DOCTYPE's internal subset (valid)",
            ResponseTarget.SimpleReturn,
            Utf8("<!DOCTYPE SIMPLE_RETURN [<!-- \" --><!-- ' --><?pi ' ?><!ENTITY e \"]>'\">]>" + SeedDocument.BuiltSimpleReturn(4)[(SeedDocument.BuiltSimpleReturn(4).IndexOf("<SIMPLE_RETURN>", StringComparison.Ordinal))..]),
            4,
            null),
        new("a byte 0xFF in the XML declaration's version", ResponseTarget.SimpleReturn, [.. "<?xml version=\"1.0"u8, 0xFF, .. ".\"?><SIMPLE_RETURN/>"u8], 0, QualysXmlErrorKind.Malformed),
        new("an é in the XML declaration's version", ResponseTarget.SimpleReturn, Utf8("<?xml version=\"1.0é\"?>" + SeedDocument.BuiltSimpleReturn(2)[SeedDocument.BuiltSimpleReturn(2).IndexOf('\n')..]), 0, QualysXmlErrorKind.Malformed),
        new(
            "100 KB of whitespace with CR LFs between records, then a faulty record",
            ResponseTarget.ComplianceList,
            Utf8(List(Scans(1, 2) + string.Concat(Enumerable.Repeat("\r\n \t\r", 25_000)) + Scans(3, 3) + Scans(4, 4).Replace("</TARGET>", "</TARGE>", StringComparison.Ordinal))),
            3,
            QualysXmlErrorKind.Malformed),
        new(
            "whitespace ending in a CR before an LF between records, then a faulty record",
            ResponseTarget.ComplianceList,
            Utf8(List(Scans(1, 1) + new string(' ', 5000) + "\r" + "\n" + new string('\n', 5000) + "\r\n\r\r " + Scans(2, 2).Replace("<ID>2</ID>", "<ID>2</IX>", StringComparison.Ordinal))),
            1,
            QualysXmlErrorKind.Malformed),
        new(
            "40 KB of tabs before the root end tag, cut inside them (read one way whatever the pieces)",
            ResponseTarget.SimpleReturn,
            Utf8("<SIMPLE_RETURN>\n<RESPONSE><DATETIME>2026-01-01T00:00:00Z</DATETIME><TEXT>t</TEXT></RESPONSE>\n" + new string('\t', 40_000) + "\n"),
            0,
            null,
            SameAsWhole: true),
        new("50,000 nested unknown elements in a record", ResponseTarget.ComplianceList, Utf8(List(Scans(1, 1) + Scans(2, 2).Replace("<ACTIVE>", string.Concat(Enumerable.Repeat("<a>", 50_000)) + string.Concat(Enumerable.Repeat("</a>", 50_000)) + "<ACTIVE>", StringComparison.Ordinal) + Scans(3, 3))), 3, null),
        // What the scan's short way to a record's end (CDATA sections only) must tell apart from the end tag (issue 16).
        new("a record end tag in a CDATA section after a CDATA start in another's text (valid)", ResponseTarget.ComplianceList, Utf8(List(Scans(1, 3).Replace("<USER_LOGIN>u</USER_LOGIN><TARGET>10.0.0.2</TARGET>", "<USER_LOGIN><![CDATA[a <![CDATA[ b]]></USER_LOGIN><TARGET><![CDATA[</SCAN> 10.0.0.2]]></TARGET>", StringComparison.Ordinal))), 3, null),
        new("a record end tag in a comment after a CDATA section (valid)", ResponseTarget.ComplianceList, Utf8(List(Scans(1, 3).Replace("<USER_LOGIN>u</USER_LOGIN>", "<USER_LOGIN><![CDATA[u]]><!-- </SCAN> --></USER_LOGIN>", StringComparison.Ordinal))), 3, null),
        new("a record end tag in a PI after a CDATA section (valid)", ResponseTarget.ComplianceList, Utf8(List(Scans(1, 3).Replace("<USER_LOGIN>u</USER_LOGIN>", "<USER_LOGIN><![CDATA[u]]><?pi </SCAN> ?></USER_LOGIN>", StringComparison.Ordinal))), 3, null),
        new("a DOCTYPE after a CDATA section in the second record", ResponseTarget.ComplianceList, Utf8(List(Scans(1, 1) + Scans(2, 3).Replace("<USER_LOGIN>u</USER_LOGIN>", "<USER_LOGIN><![CDATA[u]]><!DOCTYPE x></USER_LOGIN>", StringComparison.Ordinal))), 1, QualysXmlErrorKind.Malformed),
        new("a record in a CDATA section that ends the response", ResponseTarget.ComplianceList, Utf8(List(Scans(1, 2)) [..^40] + "<![CDATA[<SCAN><ID>3</ID></SCAN>"), 2, QualysXmlErrorKind.Malformed),
        new("an unclosed comment between records", ResponseTarget.ComplianceList, Utf8(List(Scans(1, 2) + "<!-- <SCAN>" + Scans(3, 3))), -1, QualysXmlErrorKind.Malformed),
        new("an unclosed attribute value in a record", ResponseTarget.ComplianceList, Utf8(List(Scans(1, 2) + Scans(3, 4).Replace("<ACTIVE>", "<X a=\"<ACTIVE>", StringComparison.Ordinal))), 2, QualysXmlErrorKind.Malformed),
        // Once quarantined (the generated code's part), now fixed: junk after the root fails the stream too (issue 12.8).
        new("a form feed after the root end tag", ResponseTarget.ComplianceList, Utf8(List(Scans(1, 3)) + "\f"), 3, QualysXmlErrorKind.Malformed),
        // A record stops on its end tag: the cut costs no complete record (issue 12.8).
        new("cut right after the 20th record", ResponseTarget.ComplianceList, Utf8(List(Scans(1, 25))[..(List(Scans(1, 25)).IndexOf("<SCAN><ID>21<", StringComparison.Ordinal))]), 20, QualysXmlErrorKind.Malformed),
        // The reader is created inside the generated try: the one documented exception (issue 13.3).
        new("a BOM followed by invalid UTF-8", ResponseTarget.SimpleReturn, [0xEF, 0xBB, 0xBF, 0xC3, 0x28, .. "<SIMPLE_RETURN/>"u8], 0, QualysXmlErrorKind.Malformed),
        // End tags after the root: both read the document to its end (issue 12.8).
        new("end tags closing more than was opened", ResponseTarget.ComplianceList, Utf8(List(Scans(1, 2)) + "</a></b></c><SCAN><ID>9</ID></SCAN>"), 2, QualysXmlErrorKind.Malformed),
        // The reader fails in the third record's start tag; the second is complete and yielded (issue 12.8).
        new("an unclosed attribute value in a record start tag", ResponseTarget.ComplianceList, Utf8(List(Scans(1, 2) + "<SCAN a=\"" + Scans(3, 4))), 2, QualysXmlErrorKind.Malformed),
        // A second ITEM_LIST adds its records in Parse and in the stream (issue 13.8).
        new("two ITEM_LISTs", ResponseTarget.SimpleReturn, Utf8(SeedDocument.BuiltSimpleReturn(2).Replace("</ITEM_LIST>", "</ITEM_LIST><ITEM_LIST><ITEM><KEY>K9</KEY></ITEM></ITEM_LIST>", StringComparison.Ordinal)), 3, null),
        // Once quarantined (Stream.EnvelopeDeviation), now fixed: the stream reads the envelope as Parse does (issue 12.8).
        new("a bad required DATETIME in RESPONSE before the records", ResponseTarget.ComplianceList, Utf8(List(Scans(1, 3)).Replace("2026-01-01T00:00:00Z</DATETIME>", "soon</DATETIME>", StringComparison.Ordinal)), 0, QualysXmlErrorKind.InvalidValue),
        new("the required DATETIME missing from RESPONSE", ResponseTarget.ComplianceList, Utf8(List(Scans(1, 3)).Replace("<DATETIME>2026-01-01T00:00:00Z</DATETIME>", "", StringComparison.Ordinal)), 3, QualysXmlErrorKind.MissingElement),
        new("the required TEXT missing from a SIMPLE_RETURN's RESPONSE after its items", ResponseTarget.SimpleReturn, Utf8(SeedDocument.BuiltSimpleReturn(3).Replace("<TEXT>", "<NOTE>", StringComparison.Ordinal).Replace("</TEXT>", "</NOTE>", StringComparison.Ordinal)), 3, QualysXmlErrorKind.MissingElement),
        new("a REQUEST without its USER_LOGIN, and elements the schema does not declare around the records", ResponseTarget.ComplianceList, Utf8(List(Scans(1, 3)).Replace("<RESPONSE>", "<REQUEST><DATETIME>2026-01-01T00:00:00Z</DATETIME><RESOURCE>r</RESOURCE></REQUEST><RESPONSE><WARNING/>", StringComparison.Ordinal).Replace("</SCAN>", "</SCAN><NOTE/>", StringComparison.Ordinal)), 3, null),
        // A repeat of a container allowed once is skipped, its records with it: the stream read ahead only to the start tag of
        // the first of them, and the reader skipping the container ran out of bytes and read the source synchronously.
        new("a second RESPONSE with items of its own (Parse keeps the first)", ResponseTarget.SimpleReturn, Utf8(SeedDocument.BuiltSimpleReturn(2).Replace("</RESPONSE>", "</RESPONSE>\n  <RESPONSE><DATETIME>2026-01-01T00:00:00Z</DATETIME><TEXT>Again</TEXT><ITEM_LIST><ITEM><KEY>K9</KEY></ITEM></ITEM_LIST></RESPONSE>", StringComparison.Ordinal)), 2, null),
        new("a second RESPONSE with a list of its own (Parse keeps the first)", ResponseTarget.ComplianceList, Utf8(List(Scans(1, 2)).Replace("</RESPONSE>", "</RESPONSE><RESPONSE><DATETIME>2026-01-01T00:00:00Z</DATETIME><COMPLIANCE_SCHEDULE_SCAN_LIST>" + Scans(3, 4) + "</COMPLIANCE_SCHEDULE_SCAN_LIST></RESPONSE>", StringComparison.Ordinal)), 2, null),
        new("a second root with records after the root", ResponseTarget.SimpleReturn, Utf8(SeedDocument.BuiltSimpleReturn(2) + SeedDocument.BuiltSimpleReturn(3)[SeedDocument.BuiltSimpleReturn(3).IndexOf("<SIMPLE_RETURN>", StringComparison.Ordinal)..]), 2, QualysXmlErrorKind.Malformed),
        // On an end tag the reader reads on for as many characters as the name of the element it expects to close: an element
        // left open makes it read past the next record's start tag, where the stream had stopped.
        new("the root's start tag repeated inside a record", ResponseTarget.ComplianceList, Utf8(List(Scans(1, 3)).Replace("<ID>2</ID>", "<ID>2</ID><COMPLIANCE_SCHEDULE_SCAN_LIST_OUTPUT>", StringComparison.Ordinal)), 1, QualysXmlErrorKind.Malformed),
        new("an element with a 6,000-byte name left open in a record", ResponseTarget.ComplianceList, Utf8(List(Scans(1, 3)).Replace("<ID>2</ID>", "<ID>2</ID><" + new string('X', 6000) + ">", StringComparison.Ordinal)), 1, QualysXmlErrorKind.Malformed),
        new("an element with a long name left open before the first record", ResponseTarget.ComplianceList, Utf8(List(Scans(1, 3)).Replace("<COMPLIANCE_SCHEDULE_SCAN_LIST>", "<" + new string('X', 300) + "></a><COMPLIANCE_SCHEDULE_SCAN_LIST>", StringComparison.Ordinal)), 0, QualysXmlErrorKind.Malformed),
        new("an element with a long name left open between records", ResponseTarget.ComplianceList, Utf8(List(Scans(1, 1) + "<" + new string('X', 300) + "></a>" + Scans(2, 3))), 1, QualysXmlErrorKind.Malformed),
        new("an element with a long name left open in a record with a prefix", ResponseTarget.ComplianceList, Utf8(List(Scans(1, 3).Replace("SCAN>", "p:SCAN>", StringComparison.Ordinal).Replace("<p:SCAN>", "<p:SCAN xmlns:p=\"urn:p\">", StringComparison.Ordinal).Replace("<ID>2</ID>", "<ID>2</ID><" + new string('X', 300) + ">", StringComparison.Ordinal))), -1, QualysXmlErrorKind.Malformed),
        new("an element with a long name left open in a record with a prefix before a long record cut out", ResponseTarget.ComplianceList, Utf8(List(Scans(1, 1).Replace("SCAN>", "p:SCAN>", StringComparison.Ordinal).Replace("<p:SCAN>", "<p:SCAN xmlns:p=\"urn:p\">", StringComparison.Ordinal).Replace("<ID>1</ID>", "<ID>1</ID><" + new string('X', 300) + ">", StringComparison.Ordinal) + Scans(2, 4).Replace("<USER_LOGIN>u</USER_LOGIN>", "<USER_LOGIN>" + new string('u', 2000) + "</USER_LOGIN>", StringComparison.Ordinal))), 0, QualysXmlErrorKind.Malformed),
    ];

    public static IEnumerable<object[]> CaseNames => Cases.Select(c => new object[] { c.Name });

    [Theory]
    [MemberData(nameof(CaseNames))]
    public Task Crafted_input(string name) => Check(Cases.Single(c => c.Name == name), includeQuarantined: false);

    private static async Task Check(Case crafted, bool includeQuarantined)
    {
        var seed = new SeedDocument(crafted.Name, crafted.Target, crafted.Bytes);
        var disagreements = await Differential.CheckAsync(seed, crafted.Bytes, 0, 3);
        var failing = disagreements.Where(d => includeQuarantined || Differential.Strict || !Differential.Quarantined.ContainsKey(d.Category) || d.Category.StartsWith("Contract.Stream", StringComparison.Ordinal)).ToList();
        Assert.True(failing.Count == 0, string.Join("\n", failing));

        var entry = crafted.Target.Streams[0];
        var whole = await Differential.Enumerate(entry, new MemoryStream(crafted.Bytes));
        foreach (var piece in new[] { 1, 7, 4096 })
        {
            var streamed = await Differential.Enumerate(entry, new ChunkedStream(crafted.Bytes, piece, piece, asyncOnly: true));
            if (crafted.SameAsWhole)
            {
                Assert.Equal(whole.Key, streamed.Key);
                continue;
            }

            if (crafted.Records >= 0)
            {
                Assert.Equal(crafted.Records, streamed.Records.Count);
            }

            Assert.Equal(crafted.Kind, streamed.Failure?.Kind);
            Assert.True(streamed.Failure is null or { IsContract: true }, streamed.Failure?.ToString());
        }
    }

    [Fact]
    public async Task A_record_larger_than_the_limit_is_a_clear_error_after_the_records_before_it()
    {
        var xml = List(Scans(1, 2) + Scans(3, 3).Replace("<USER_LOGIN>u</USER_LOGIN>", "<USER_LOGIN>" + new string('u', 300_000) + "</USER_LOGIN>", StringComparison.Ordinal) + Scans(4, 4));
        using var records = new XmlRecordStream(new ChunkedStream(Utf8(xml), 5000, 1, asyncOnly: true), 128 * 1024, "COMPLIANCE_SCHEDULE_SCAN_LIST_OUTPUT", "RESPONSE", "COMPLIANCE_SCHEDULE_SCAN_LIST", "SCAN");

        await records.FillAsync(3, CancellationToken.None);   // the third record's start tag is within the limit
        var exception = await Assert.ThrowsAsync<QualysXmlException>(() => records.FillAsync(4, CancellationToken.None).AsTask());

        Assert.Equal(QualysXmlErrorKind.LimitExceeded, exception.Kind);
        Assert.Contains("131072 bytes", exception.Message, StringComparison.Ordinal);
        Assert.Equal(0, records.SynchronousReads);
    }

    [Fact]
    public async Task The_limit_applies_to_a_response_buffered_whole()
    {
        // UTF-16 cannot be scanned byte by byte, so it is buffered whole: up to the limit, not past it.
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(List(Scans(1, 400)))).ToArray();
        Assert.True(bytes.Length > 128 * 1024);
        using var records = new XmlRecordStream(new ChunkedStream(bytes, 4096, 1, asyncOnly: true), 128 * 1024, "COMPLIANCE_SCHEDULE_SCAN_LIST_OUTPUT", "RESPONSE", "COMPLIANCE_SCHEDULE_SCAN_LIST", "SCAN");

        var exception = await Assert.ThrowsAsync<QualysXmlException>(() => records.FillAsync(1, CancellationToken.None).AsTask());
        Assert.Equal(QualysXmlErrorKind.LimitExceeded, exception.Kind);
    }

    [Fact]
    public void The_limit_is_at_least_64_KiB()
        => Assert.Throws<ArgumentOutOfRangeException>(() => new XmlRecordStream(new MemoryStream(), 1000, "A", "B"));
}
