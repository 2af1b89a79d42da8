using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using QualysGen.IntegrationTests.HostileInput;
using QualysGen.IntegrationTests.Qualys.ComplianceScheduleScanListOutputDtd;
using QualysGen.Tests;
using static QualysGen.IntegrationTests.IndentationTests;

namespace QualysGen.IntegrationTests;

/// <summary>
/// A record stream over a small response that is at hand whole when the first record is waited for (in memory, or arrived
/// already) reads it at once from a copy without its indentation, as <c>Parse</c> reads such a response, and hands its
/// records over from memory. What the caller sees must be what the same stream gives over a response that is still
/// arriving: the same records, each deviation reported before the record it comes before, drift at the end, faults and
/// records left out where they are in the response (a record left out carries its XML as it came). The meter
/// <c>qualysgen.xml.documents</c> says which way a response was read. One thread is asked for, so that these tests hold in
/// QualysGen.ParallelTests too.
/// </summary>
[Collection(nameof(DocumentMeterCollection))]
public sealed class RecordStreamWholeTests
{
    /// <summary>The ways a small response can be at hand whole: a caller's array, a copy, a source of unknown length whose reads complete as they are begun.</summary>
    public static IEnumerable<object[]> AtHand => new[] { "exposed MemoryStream", "MemoryStream", "unknown length, at hand" }.Select(s => new object[] { s });

    private static Stream Source(string how, byte[] bytes) => how switch
    {
        "exposed MemoryStream" => new MemoryStream(bytes, 0, bytes.Length, writable: false, publiclyVisible: true),
        "MemoryStream" => new MemoryStream(bytes),
        "unknown length, at hand" => new ChunkedStream(bytes, 700, seed: 5, atHand: int.MaxValue),
        _ => new ChunkedStream(bytes, 700, seed: 5, asyncOnly: true),   // still arriving: every read completes later
    };

    /// <summary>An indented list, as Qualys sends it (<see cref="IndentationTests.Indented"/>).</summary>
    private static byte[] Indented(params string[] scans) => Encoding.UTF8.GetBytes(IndentationTests.Indented(scans));

    /// <summary>What a stream gave: each record with the deviations reported before it came, the drift, the fault.</summary>
    private static async Task<(List<string> Records, QualysXmlReport Report, QualysXmlException? Fault)> Read(Stream source, int? breakAfter = null)
    {
        var report = new QualysXmlReport();
        var records = new List<string>();
        QualysXmlException? fault = null;
        try
        {
            await foreach (var scan in ComplianceScheduleScanListOutput.EnumerateScansAsync(source, new QualysXmlOptions { Reporter = report, MaxDegreeOfParallelism = 1 }))
            {
                records.Add($"{report.Deviations.Count} reported, then " + ModelDump.Of(scan));
                if (records.Count == breakAfter)
                {
                    break;
                }
            }
        }
        catch (QualysXmlException exception)
        {
            fault = exception;
        }

        return (records, report, fault);
    }

    private static async Task<(List<string> Records, QualysXmlReport Report, QualysXmlException? Fault)> Arriving(byte[] bytes, int? breakAfter = null)
    {
        using var meter = new BatchMeter();
        var read = await Read(Source("arriving", bytes), breakAfter);
        Assert.Equal(0, meter.Documents("removed") + meter.Documents("read_again"));
        return read;
    }

    [Theory]
    [MemberData(nameof(AtHand))]
    public async Task A_response_at_hand_whole_gives_the_records_and_reports_of_one_still_arriving(string how)
    {
        // A record kept with an optional value left out, an element and an attribute the schema does not declare.
        var scan2 = Daily(2)
            .Replace("<START_MINUTE>0</START_MINUTE>", "<START_MINUTE>0</START_MINUTE><END_AFTER_HOURS>x</END_AFTER_HOURS>", StringComparison.Ordinal)
            .Replace("<ACTIVE>1</ACTIVE>", "<ACTIVE>1</ACTIVE>\n  <NEW_FIELD note=\"ö\">é</NEW_FIELD>", StringComparison.Ordinal);
        var scan4 = Daily(4).Replace("<DAILY frequency_days=\"1\" />", "<DAILY frequency_days=\"1\" extra=\"x\" />", StringComparison.Ordinal);
        var bytes = Indented(Daily(1), scan2, Daily(3), scan4, scan2.Replace("<ID>2</ID>", "<ID>5</ID>", StringComparison.Ordinal));
        var expected = await Arriving(bytes);
        using var meter = new BatchMeter();

        var actual = await Read(Source(how, bytes));

        Assert.Equal(1, meter.Documents("removed"));
        Assert.Equal(0, meter.Documents("read_again"));
        Assert.Null(expected.Fault);
        Assert.Null(actual.Fault);
        Assert.Equal(5, expected.Records.Count);
        Assert.NotEmpty(expected.Report.Deviations);
        Assert.True(expected.Report.Drift.Count >= 2, string.Join("; ", expected.Report.Drift));
        Assert.Equal(expected.Records, actual.Records);
        Assert.Equal(expected.Report.Deviations, actual.Report.Deviations);
        Assert.Equal(expected.Report.Drift, actual.Report.Drift);
    }

    [Theory]
    [MemberData(nameof(AtHand))]
    public async Task A_record_left_out_is_reported_with_its_XML_as_it_came(string how)
    {
        var bad = Daily(2).Replace("<TARGET>10.0.0.2</TARGET>", "", StringComparison.Ordinal);
        var bytes = Indented(Daily(1), bad, Daily(3));
        var expected = await Arriving(bytes);
        using var meter = new BatchMeter();

        var actual = await Read(Source(how, bytes));

        Assert.Equal(1, meter.Documents("read_again"));
        Assert.Equal(2, actual.Records.Count);
        var deviation = Assert.Single(actual.Report.Deviations);
        Assert.Equal(bad, deviation.RawXml);
        Assert.Equal(expected.Records, actual.Records);
        Assert.Equal(expected.Report.Deviations, actual.Report.Deviations);
    }

    [Theory]
    [MemberData(nameof(AtHand))]
    public async Task A_malformed_response_gives_the_records_before_the_fault_and_fails_where_it_is(string how)
    {
        var bytes = Indented(Daily(1), Daily(2), Daily(3).Replace("<ID>3</ID>", "<ID>3</IDX>", StringComparison.Ordinal));
        var expected = await Arriving(bytes);
        using var meter = new BatchMeter();

        var actual = await Read(Source(how, bytes));

        Assert.Equal(1, meter.Documents("read_again"));
        Assert.Equal(2, actual.Records.Count);
        Assert.Equal(expected.Records, actual.Records);
        Assert.NotNull(actual.Fault);
        Assert.Equal((expected.Fault!.LineNumber, expected.Fault.LinePosition, expected.Fault.ElementPath), (actual.Fault!.LineNumber, actual.Fault.LinePosition, actual.Fault.ElementPath));
        Assert.True(actual.Fault.LineNumber > 4, $"line {actual.Fault.LineNumber}: the response's, not the copy's");
    }

    [Fact]
    public async Task Left_after_the_first_record_the_deviations_of_the_records_not_handed_over_are_not_reported()
    {
        var scan2 = Daily(2).Replace("<START_MINUTE>0</START_MINUTE>", "<START_MINUTE>0</START_MINUTE><END_AFTER_HOURS>x</END_AFTER_HOURS>", StringComparison.Ordinal);
        var bytes = Indented(Daily(1), scan2);
        using var meter = new BatchMeter();

        var first = await Read(Source("MemoryStream", bytes), breakAfter: 1);
        var both = await Read(Source("MemoryStream", bytes), breakAfter: 2);

        Assert.Equal(2, meter.Documents("removed"));
        Assert.Empty(first.Report.Deviations);
        Assert.StartsWith("1 reported, then ", both.Records[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_response_larger_than_the_threshold_is_not_read_whole_by_default()
    {
        if (Environment.ProcessorCount < 2)
        {
            return;   // one core: every response stays on one thread
        }

        var scans = Enumerable.Range(1, 500).Select(i => Daily(i)).ToArray();   // past the 128 KiB threshold
        var bytes = Indented(scans);
        Assert.True(bytes.Length > 128 * 1024);
        using var meter = new BatchMeter();

        var count = 0;
        await foreach (var _ in ComplianceScheduleScanListOutput.EnumerateScansAsync(new ChunkedStream(bytes, 16 * 1024, seed: 1, atHand: int.MaxValue)))
        {
            count++;
        }

        Assert.Equal(500, count);
        Assert.Equal(0, meter.Documents("removed") + meter.Documents("read_again"));
        Assert.True(meter.Total > 0, "cut into batches once the threshold arrived");
    }

    [Theory]
    [MemberData(nameof(AtHand))]
    public async Task A_record_larger_than_the_stream_may_hold_is_refused_however_the_response_is_at_hand(string how)
    {
        var large = Daily(2).Replace("<ACTIVE>1</ACTIVE>", "<ACTIVE>1</ACTIVE><TITLE>" + new string('t', 70_000) + "</TITLE>", StringComparison.Ordinal);
        var bytes = Indented(Daily(1), large, Daily(3));
        var options = new QualysXmlOptions { MaxRecordBytes = 64 * 1024, MaxDegreeOfParallelism = 1 };
        var ids = new List<long>();

        var refused = await Assert.ThrowsAsync<QualysXmlException>(async () =>
        {
            await foreach (var scan in ComplianceScheduleScanListOutput.EnumerateScansAsync(Source(how, bytes), options))
            {
                ids.Add(scan.Id);
            }
        });

        Assert.Equal(QualysXmlErrorKind.LimitExceeded, refused.Kind);
        Assert.Equal(new long[] { 1 }, ids);
    }

    /// <summary>
    /// Part of the response at hand, the rest still arriving: what arrived is read without being scanned, and scanned only
    /// once the read left running is taken (a scan while it runs would move bytes under it). Long padding between records is
    /// taken out of the buffer as the scan goes: the reader must still see its lines, wherever the part at hand ends.
    /// </summary>
    [Theory]
    [InlineData(3_000)]
    [InlineData(9_000)]
    [InlineData(20_000)]
    [InlineData(30_000)]
    public async Task A_response_partly_at_hand_is_read_as_one_still_arriving(int atHand)
    {
        var padding = string.Concat(Enumerable.Repeat("\r\n  \n", 4_000));   // 20 KB of line breaks between two records
        var bytes = Indented(Daily(1), padding + Daily(2), Daily(3)).Concat(Encoding.UTF8.GetBytes("<junk/>")).ToArray();
        var expected = await Arriving(bytes);
        Assert.NotNull(expected.Fault);

        var actual = await Read(new ChunkedStream(bytes, 700, seed: 7, atHand: atHand));

        Assert.Equal(expected.Records, actual.Records);
        Assert.Equal((expected.Fault!.LineNumber, expected.Fault.LinePosition), (actual.Fault?.LineNumber, actual.Fault?.LinePosition));
    }

    [Fact]
    public async Task Cancelled_between_records_held_in_memory_the_stream_stops()
    {
        var bytes = Indented(Daily(1), Daily(2), Daily(3));
        using var cancellation = new CancellationTokenSource();
        var seen = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in ComplianceScheduleScanListOutput.EnumerateScansAsync(new MemoryStream(bytes), new QualysXmlOptions { MaxDegreeOfParallelism = 1 }, cancellation.Token))
            {
                if (++seen == 1)
                {
                    cancellation.Cancel();
                }
            }
        });
        Assert.Equal(1, seen);
    }
}
