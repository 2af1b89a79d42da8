using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using QualysGen.IntegrationTests.Qualys.ComplianceScheduleScanListOutputDtd;
using QualysGen.Tests;
using QualysGen.Xml;

namespace QualysGen.IntegrationTests;

/// <summary>Tests that count batches on the process-wide meter: run alone, so that no other test's batches are counted.</summary>
[CollectionDefinition(nameof(BatchMeterCollection), DisableParallelization = true)]
public sealed class BatchMeterCollection
{
}

/// <summary>That this project's tests do run in parallel mode (the configuration in the project file is read), so that they prove something.</summary>
[Collection(nameof(BatchMeterCollection))]
public sealed class ParallelismTests
{
    [Fact]
    public void Every_response_is_parsed_on_two_threads_here()
    {
        static int Parallelism(Stream stream, QualysXmlOptions? options)
        {
            using var input = XmlRecordBatches.Open(stream, options);
            return input.Parallelism;
        }

        Assert.Equal(2, Parallelism(new MemoryStream(new byte[10]), null));
        Assert.Equal(2, Parallelism(new HostileInput.ChunkedStream(new byte[10], 3, 1, asyncOnly: true), null));
        Assert.Equal(1, Parallelism(new MemoryStream(new byte[10]), new QualysXmlOptions { MaxDegreeOfParallelism = 1 }));
        Assert.Equal(0, new QualysXmlOptions().ParallelThresholdBytes);
    }

    /// <summary>
    /// A record stream over a response whose length is unknown (the client's, a network's) begins on one thread and goes on
    /// with several once <see cref="QualysXmlOptions.ParallelThresholdBytes"/> have arrived: the records after that are
    /// cut into batches, those before it are not, and every record comes, in order, as on one thread.
    /// </summary>
    [Fact]
    public async System.Threading.Tasks.Task A_record_stream_of_unknown_length_splits_once_the_threshold_has_arrived()
    {
        var bytes = RepeatedSample(600);
        using var meter = new BatchMeter();

        async System.Threading.Tasks.Task<(List<long> Ids, long Batches)> StreamAsync(QualysXmlOptions options)
        {
            meter.Clear();
            var ids = new List<long>();
            await foreach (var scan in ComplianceScheduleScanListOutput.EnumerateScansAsync(new HostileInput.ChunkedStream(bytes, 9_000, 5, asyncOnly: true), options))
            {
                ids.Add(scan.Id);
            }

            return (ids, meter.Total);
        }

        var expected = Enumerable.Range(1, 600).Select(i => (long)i).ToList();
        var fromStart = await StreamAsync(new QualysXmlOptions { ParallelThresholdBytes = 0 });
        var fromHalf = await StreamAsync(new QualysXmlOptions { ParallelThresholdBytes = bytes.Length / 2 });
        var never = await StreamAsync(new QualysXmlOptions { ParallelThresholdBytes = bytes.Length + 1 });
        var oneThread = await StreamAsync(new QualysXmlOptions { MaxDegreeOfParallelism = 1, ParallelThresholdBytes = 0 });
        Assert.Equal(expected, fromStart.Ids);
        Assert.Equal(expected, fromHalf.Ids);
        Assert.Equal(expected, never.Ids);
        Assert.Equal(expected, oneThread.Ids);

        // About a batch a record here (256-byte batches, records of 1 KB and more): half the records from half the bytes on.
        Assert.True(fromStart.Batches >= 500, $"from the start: {fromStart.Batches} batches");
        Assert.InRange(fromHalf.Batches, fromStart.Batches / 4, 3 * fromStart.Batches / 4);
        Assert.Equal(0, never.Batches);
        Assert.Equal(0, oneThread.Batches);

        // A length known before reading is decided on at once: split from the start if it reaches the threshold, never if not.
        meter.Clear();
        Assert.Equal(600, ComplianceScheduleScanListOutput.Parse(new MemoryStream(bytes), new QualysXmlOptions { ParallelThresholdBytes = bytes.Length + 1 }).Response.Scans!.Count);
        Assert.Equal(0, meter.Total);
        Assert.Equal(600, ComplianceScheduleScanListOutput.Parse(new MemoryStream(bytes), new QualysXmlOptions { ParallelThresholdBytes = bytes.Length }).Response.Scans!.Count);
        Assert.True(meter.Total >= 500, $"{meter.Total} batches");
    }

    /// <summary>
    /// A synchronous <c>Parse</c> of a response whose length is unknown (here decompressed as it is read) reads
    /// <see cref="QualysXmlOptions.ParallelThresholdBytes"/> of it first: a response that ends within them is parsed on one
    /// thread, a longer one on several from its first record, and the caller's stream is left open.
    /// </summary>
    [Fact]
    public void A_parse_of_unknown_length_reads_up_to_the_threshold_to_choose_its_threads()
    {
        var bytes = RepeatedSample(600);
        var compressed = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(compressed, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        using var meter = new BatchMeter();

        (List<long> Ids, long Batches) Parse(long threshold)
        {
            meter.Clear();
            using var gzip = new System.IO.Compression.GZipStream(new MemoryStream(compressed.ToArray()), System.IO.Compression.CompressionMode.Decompress);
            var scans = ComplianceScheduleScanListOutput.Parse(gzip, new QualysXmlOptions { ParallelThresholdBytes = threshold }).Response.Scans!;
            Assert.True(gzip.CanRead, "the caller's stream was disposed");
            Assert.Equal(0, gzip.Read(new byte[1]));
            return (scans.Select(s => s.Id).ToList(), meter.Total);
        }

        var expected = Enumerable.Range(1, 600).Select(i => (long)i).ToList();
        var longer = Parse(bytes.Length / 2);
        var asLong = Parse(bytes.Length);
        var shorter = Parse(bytes.Length + 1);
        Assert.Equal(expected, longer.Ids);
        Assert.Equal(expected, asLong.Ids);
        Assert.Equal(expected, shorter.Ids);

        // About a batch a record (256-byte batches), from the first record on; none when the response ends within the threshold.
        Assert.True(longer.Batches >= 500, $"{longer.Batches} batches");
        Assert.True(asLong.Batches >= 500, $"{asLong.Batches} batches");
        Assert.Equal(0, shorter.Batches);
    }

    [Fact]
    public async System.Threading.Tasks.Task A_list_is_cut_into_batches_and_read_the_same()
    {
        // The documented sample with its one SCAN repeated 40 times (each with its own ID): about 60 batches of 256 bytes.
        var bytes = RepeatedSample(40);
        using var meter = new BatchMeter();

        var single = ComplianceScheduleScanListOutput.Parse(new MemoryStream(bytes), new QualysXmlOptions { MaxDegreeOfParallelism = 1 });
        Assert.Equal(0, meter.Total);
        var parallel = ComplianceScheduleScanListOutput.Parse(new MemoryStream(bytes));
        var streamed = new List<Scan>();
        await foreach (var scan in ComplianceScheduleScanListOutput.EnumerateScansAsync(new MemoryStream(bytes)))
        {
            streamed.Add(scan);
        }

        Assert.True(meter.Total >= 40, $"{meter.Total} batches");
        Assert.Equal(40, parallel.Response.Scans!.Count);
        Assert.Equal(single.Response.Scans!.Select(s => (s.Id, s.Title)), parallel.Response.Scans.Select(s => (s.Id, s.Title)));
        Assert.Equal(single.Response.Scans.Select(s => (s.Id, s.Title)), streamed.Select(s => (s.Id, s.Title)));
        Assert.Equal(Enumerable.Range(1, 40).Select(i => (long)i), parallel.Response.Scans.Select(s => s.Id));
    }

    /// <summary>
    /// The batches are parsed by worker threads as well as by the parse's own thread, in a synchronous parse and in a record
    /// stream: without workers every result would still be right, and only this would show that nothing ran in parallel.
    /// </summary>
    [Fact]
    public async System.Threading.Tasks.Task Workers_parse_batches_alongside_the_parse_thread()
    {
        var bytes = RepeatedSample(2000);
        using var meter = new BatchMeter();

        Assert.Equal(2000, ComplianceScheduleScanListOutput.Parse(new MemoryStream(bytes)).Response.Scans!.Count);
        Assert.True(meter.Worker > 0, $"parse: {meter.ParseThread} batches on the parse's thread, none on a worker; pool {System.Threading.ThreadPool.ThreadCount} threads, {System.Threading.ThreadPool.PendingWorkItemCount} pending, {System.Threading.ThreadPool.CompletedWorkItemCount} completed");

        meter.Clear();
        var streamed = 0;
        await foreach (var scan in ComplianceScheduleScanListOutput.EnumerateScansAsync(new MemoryStream(bytes)))
        {
            streamed++;
        }

        Assert.Equal(2000, streamed);
        Assert.True(meter.Worker > 0, $"stream: {meter.ParseThread} batches on the parse's thread, none on a worker");
    }

    /// <summary>
    /// Workers read a batch without its indentation; a batch that reports something with a position (drift here) is read
    /// again as it came, so the position is the one a single thread reports, and the batches after it are read as they came.
    /// </summary>
    [Fact]
    public void Batches_are_read_without_their_indentation_until_one_reports_a_position()
    {
        using var meter = new BatchMeter();
        var bytes = RepeatedSample(400);
        Assert.Equal(400, ComplianceScheduleScanListOutput.Parse(new MemoryStream(bytes)).Response.Scans!.Count);
        Assert.True(meter.Indentation("removed") >= 300, meter.ToString());
        Assert.Equal(0, meter.Indentation("read_again"));

        // The same list with an element the DTD does not declare in its first record.
        var xml = Encoding.UTF8.GetString(bytes);
        var first = xml.IndexOf("<ACTIVE>", System.StringComparison.Ordinal);
        var drifting = Encoding.UTF8.GetBytes(xml[..first] + "<NEW_FIELD>x</NEW_FIELD>\n        " + xml[first..]);
        string Drift(int threads)
        {
            var report = new QualysXmlReport();
            var output = ComplianceScheduleScanListOutput.Parse(new MemoryStream(drifting), new QualysXmlOptions { MaxDegreeOfParallelism = threads, Reporter = report });
            Assert.Equal(400, output.Response.Scans!.Count);
            return string.Join("\n", report.Drift.Select(d => $"{d.Path} {d.FirstLineNumber}:{d.FirstLinePosition} x{d.Count}"));
        }

        var one = Drift(1);
        meter.Clear();
        Assert.Equal(one, Drift(2));
        Assert.Contains("NEW_FIELD", one);
        Assert.Equal(1, meter.Indentation("read_again"));
        Assert.True(meter.Indentation("kept") >= 300, meter.ToString());
    }

    /// <summary>
    /// Workers read their batches in the record stream's own buffer. A list far longer than the buffer makes the stream
    /// move on to new buffers while workers still read the old ones, and give those back to the pool, where other parses
    /// rent them: four parses at once here, so that a buffer written to or given back too early would show as a record
    /// read wrong.
    /// </summary>
    [Fact]
    public async System.Threading.Tasks.Task Batches_read_the_stream_buffer_that_moves_on_without_them()
    {
        const int Count = 3000;
        var bytes = RepeatedSample(Count);
        var expected = ComplianceScheduleScanListOutput.Parse(new MemoryStream(bytes), new QualysXmlOptions { MaxDegreeOfParallelism = 1 })
            .Response.Scans!.Select(Fields).ToList();
        Assert.Equal(Count, expected.Count);

        async System.Threading.Tasks.Task<List<string>> StreamAsync(int piece)
        {
            var streamed = new List<string>();
            await foreach (var scan in ComplianceScheduleScanListOutput.EnumerateScansAsync(new HostileInput.ChunkedStream(bytes, piece, piece, asyncOnly: true)))
            {
                streamed.Add(Fields(scan));
            }

            return streamed;
        }

        var parses = new[]
        {
            System.Threading.Tasks.Task.Run(() => ComplianceScheduleScanListOutput.Parse(new MemoryStream(bytes)).Response.Scans!.Select(Fields).ToList()),
            System.Threading.Tasks.Task.Run(() => ComplianceScheduleScanListOutput.Parse(new MemoryStream(bytes, writable: false)).Response.Scans!.Select(Fields).ToList()),
            System.Threading.Tasks.Task.Run(() => StreamAsync(40_000)),
            System.Threading.Tasks.Task.Run(() => StreamAsync(9_000)),
        };
        foreach (var parsed in await System.Threading.Tasks.Task.WhenAll(parses))
        {
            Assert.Equal(expected, parsed);
        }

        static string Fields(Scan scan) => $"{scan.Id} {scan.Title} {scan.UserLogin} {scan.Target} {scan.Schedule?.StartDateUtc:O}";
    }

    /// <summary>
    /// A record that is not cut out (its name has a prefix) is read on the parse's thread, and its bytes are kept while the
    /// reader is on it; once the reader has passed on to batches they are let go, or a long list after it would fill the
    /// stream's buffer up to its limit.
    /// </summary>
    [Fact]
    public async System.Threading.Tasks.Task A_record_read_on_the_parse_thread_is_let_go_when_batches_follow()
    {
        var xml = Encoding.UTF8.GetString(RepeatedSample(2000));
        var first = xml.IndexOf("<SCAN>", System.StringComparison.Ordinal);
        var end = xml.IndexOf("</SCAN>", first, System.StringComparison.Ordinal) + "</SCAN>".Length;
        var prefixed = xml[first..end].Replace("<SCAN>", "<p:SCAN xmlns:p=\"urn:p\">", System.StringComparison.Ordinal).Replace("</SCAN>", "</p:SCAN>", System.StringComparison.Ordinal);
        var bytes = Encoding.UTF8.GetBytes(xml[..first] + prefixed + xml[first..]);
        Assert.True(bytes.Length > 4 * 64 * 1024);

        var options = new QualysXmlOptions { MaxRecordBytes = 64 * 1024 };
        var count = 0;
        await foreach (var scan in ComplianceScheduleScanListOutput.EnumerateScansAsync(new HostileInput.ChunkedStream(bytes, 5000, 5000, asyncOnly: true), options))
        {
            count++;
        }

        Assert.True(count >= 2000, $"{count} records");
    }

    /// <summary>The documented sample with its one SCAN repeated <paramref name="count"/> times, each with its own ID (1, 2, ...).</summary>
    private static byte[] RepeatedSample(int count)
    {
        string sample;
        using (var reader = new StreamReader(SampleFiles.Open("seed003_compliance_schedule_list.xml")))
        {
            sample = reader.ReadToEnd();
        }

        var first = sample.IndexOf("<SCAN>", System.StringComparison.Ordinal);
        var last = sample.IndexOf("</SCAN>", System.StringComparison.Ordinal) + "</SCAN>".Length;
        var xml = new StringBuilder(sample[..first]);
        for (var i = 1; i <= count; i++)
        {
            xml.Append(sample[first..last].Replace("<ID>57363</ID>", $"<ID>{i}</ID>")).Append("\n    ");
        }

        xml.Append(sample[last..]);
        return Encoding.UTF8.GetBytes(xml.ToString());
    }
}

/// <summary>
/// A record stream over a source that sends small pieces: a batch closes when the reader reaches it, often while the next
/// record is still arriving, and the next batch must begin at that record's own position (a stale one made the reader take
/// the placeholder for an empty record: the batch's records were lost, reported as records missing their KEY).
/// </summary>
public sealed class ParallelPiecesTests
{
    [Theory]
    [InlineData(' ')]
    [InlineData('\n')]
    [InlineData('\t')]
    [InlineData('\r')]
    public async System.Threading.Tasks.Task Records_after_long_whitespace_come_whole_however_the_response_is_cut(char whitespace)
    {
        var original = Encoding.UTF8.GetBytes(HostileInput.SeedDocument.BuiltSimpleReturn(5));
        var bytes = original.Take(207).Concat(Enumerable.Repeat((byte)whitespace, 138_117)).Concat(original.Skip(207)).ToArray();
        foreach (var seed in new[] { 1, 2, 3 })
        {
            var report = new QualysXmlReport();
            var keys = new List<string>();
            var source = new HostileInput.ChunkedStream(bytes, 270 + seed, seed, asyncOnly: true);
            await foreach (var item in Qualys.SimpleReturnDtd.SimpleReturn.EnumerateItemsAsync(source, new QualysXmlOptions { MaxDegreeOfParallelism = 2, Reporter = report }))
            {
                keys.Add(item.Key);
            }

            Assert.Equal(["K1", "K2", "K3", "K4", "K5"], keys);
            Assert.Empty(report.Deviations);
        }
    }
}

/// <summary>
/// A placeholder names its batch with a token random per response: an element of the response that looks like one is read
/// as what it is, on two threads as on one.
/// </summary>
public sealed class ForgedPlaceholderTests
{
    [Theory]
    [InlineData("<ITEM qg=\"0000000000000000-1\"/>")]
    [InlineData("<ITEM/>")]
    public void An_element_shaped_like_a_placeholder_is_read_as_an_element(string forged)
    {
        var xml = HostileInput.SeedDocument.BuiltSimpleReturn(40).Replace("      <ITEM>\n        <KEY>K20</KEY>", "      " + forged + "\n      <ITEM>\n        <KEY>K20</KEY>");
        string Outcome(int threads)
        {
            var report = new QualysXmlReport();
            var output = Qualys.SimpleReturnDtd.SimpleReturn.Parse(new MemoryStream(Encoding.UTF8.GetBytes(xml)), new QualysXmlOptions { MaxDegreeOfParallelism = threads, Reporter = report });
            return string.Join(",", output.Response.Items!.Select(i => i.Key)) + "\n" + string.Join("\n", report.Deviations) + "\n" + string.Join("\n", report.Drift);
        }

        var one = Outcome(1);
        Assert.Equal(one, Outcome(2));
        Assert.Contains("K19,K20", one);
        Assert.Contains("KEY", one);   // the forged element, read as an ITEM, misses its KEY and is left out
    }
}

/// <summary>
/// Positions are counted by the splitter, not by a reader, so they are checked on the layouts that make counting hard: CR LF
/// and lone CR line breaks, a whole response on one line, characters of several bytes before and among the records, a byte
/// order mark, a single-byte code page (also on one line, where a column counts its bytes), whitespace between records long
/// enough to be collapsed, and a long CR LF response with positions reported far down. On each, one thread and
/// two must give the same records, the same deviations (line, position, path, raw XML), the same drift and the same fault.
/// </summary>
public sealed class ParallelLayoutTests
{
    public static TheoryData<string> Layouts => new() { "lf", "crlf", "cr", "one-line", "multibyte", "bom", "windows-1252", "one-line-windows-1252", "padding", "tabs", "xml-space", "crlf-long" };

    [Theory]
    [MemberData(nameof(Layouts))]
    public async System.Threading.Tasks.Task One_thread_and_two_agree_on_every_position(string layout)
    {
        foreach (var fault in new[] { "", "malformed", "bad-envelope" })
        {
            var bytes = Build(layout, fault);
            var one = await Outcome(bytes, 1);
            var two = await Outcome(bytes, 2);
            Assert.Equal(one.Parse, two.Parse);
            Assert.Equal(one.Stream, two.Stream);
            Assert.Equal(one.Stream, one.Network);
            Assert.Equal(one.Network, two.Network);
            Assert.Equal(one.Network, two.Switched);
            Assert.Contains(fault == "" ? "ok" : "QualysXmlException", one.Parse);
        }
    }

    private static byte[] Build(string layout, string fault)
    {
        var records = new StringBuilder();
        // A long response: read from a network-like source, the record stream's buffer moves many times (and lines are counted
        // across the moves) before the deviation, drift and fault far down.
        var count = layout == "crlf-long" ? 2000 : 30;
        for (var i = 1; i <= count; i++)
        {
            var scan = ComplianceScheduleListTests.Scan(i, "<DAILY frequency_days=\"1\" />");
            var fromEnd = count - i;
            scan = i switch
            {
                5 => scan.Replace($"<TARGET>10.0.0.{i}</TARGET>", ""),                             // left out, reported
                7 => scan.Replace("<ACTIVE>1</ACTIVE>", "<ACTIVE>1</ACTIVE><NEW_FIELD>x</NEW_FIELD>"),  // drift
                _ when count > 30 && fromEnd == 5 => scan.Replace($"<TARGET>10.0.0.{i}</TARGET>", ""),
                _ when count > 30 && fromEnd == 10 => scan.Replace("<ACTIVE>1</ACTIVE>", "<ACTIVE>1</ACTIVE><NEW_FIELD>y</NEW_FIELD>"),
                11 => scan.Replace("<USER_LOGIN>u</USER_LOGIN>", "<USER_LOGIN>ü€𝄞 ünïcødé</USER_LOGIN>"),
                13 or 17 when layout == "xml-space" => scan.Replace("<USER_LOGIN>u</USER_LOGIN>", "<USER_LOGIN>\n   </USER_LOGIN>"),
                23 when fault == "malformed" && count == 30 => scan.Replace("</TARGET>", "</TARGT>"),
                _ when fault == "malformed" && count > 30 && fromEnd == 3 => scan.Replace("</TARGET>", "</TARGT>"),
                _ => scan,
            };
            records.Append(layout == "multibyte" ? "<!-- é€𝄞 -->" : "").Append(scan).Append(layout == "padding" ? "\n" + new string(' ', 6000) + "\n" : "\n  ");
        }

        var xml = ComplianceScheduleListTests.Document(records.ToString()).Replace("<COMPLIANCE_SCHEDULE_SCAN_LIST>", "<COMPLIANCE_SCHEDULE_SCAN_LIST>\n  ");
        if (fault == "bad-envelope")
        {
            xml = xml.Replace("</COMPLIANCE_SCHEDULE_SCAN_LIST></RESPONSE>", "</COMPLIANCE_SCHEDULE_SCAN_LIST><BAD></RESPONSE>");
        }

        xml = layout switch
        {
            "crlf" or "crlf-long" => xml.Replace("\n", "\r\n"),
            "cr" => xml.Replace("\n", "\r"),
            "one-line" or "one-line-windows-1252" => xml.Replace("\n", " "),
            "tabs" => xml.Replace("  ", "\t"),
            // Whitespace under an ancestor's xml:space="preserve" is data (a login of spaces), in a batch as on one thread.
            "xml-space" => xml.Replace("<COMPLIANCE_SCHEDULE_SCAN_LIST>", "<COMPLIANCE_SCHEDULE_SCAN_LIST xml:space=\"preserve\">"),
            _ => xml,
        };
        return layout switch
        {
            "bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(xml)],
            // On one line, the columns of the batches after record 11 count its bytes: one character each in this code page.
            "windows-1252" or "one-line-windows-1252" => CodePage(xml),
            _ => Encoding.UTF8.GetBytes(xml),
        };
    }

    private static byte[] CodePage(string xml)
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var encoding = Encoding.GetEncoding("windows-1252");
        return encoding.GetBytes("<?xml version=\"1.0\" encoding=\"windows-1252\"?>\n" + xml.Replace("€𝄞", "€"));
    }

    private static async System.Threading.Tasks.Task<(string Parse, string Stream, string Network, string Switched)> Outcome(byte[] bytes, int threads)
    {
        var report = new QualysXmlReport();
        var options = new QualysXmlOptions { MaxDegreeOfParallelism = threads, Reporter = report };
        string parse;
        try
        {
            var output = ComplianceScheduleScanListOutput.Parse(new MemoryStream(bytes), options);
            parse = "ok " + string.Join(",", output.Response.Scans!.Select(s => s.Id + "[" + s.UserLogin + "]"));
        }
        catch (QualysXmlException exception)
        {
            parse = $"QualysXmlException {exception.Kind} {exception.LineNumber}:{exception.LinePosition} {exception.ElementPath}";
        }

        parse += Describe(report);
        // A MemoryStream's length is known, so the stream's buffer holds it whole; a network's is not, and the buffer moves on.
        var stream = await Stream(new MemoryStream(bytes), threads);
        var network = await Stream(new QualysGen.IntegrationTests.HostileInput.ChunkedStream(bytes, 9_000, 9_000, asyncOnly: true), threads);

        // Over the network with the parallelism left open: one thread until the first bytes, a third or two thirds of the
        // response have arrived (in pieces small enough for split mode to begin close to that), then split mode from wherever
        // the scan is. Each must read what one thread reads.
        var switched = "";
        if (threads > 1)
        {
            (long Threshold, int Piece)[] at = [(1, 300), (bytes.Length / 3, 700), (2L * bytes.Length / 3, 2_000)];
            var reads = new List<string>();
            foreach (var (threshold, piece) in at)
            {
                reads.Add(await Stream(new QualysGen.IntegrationTests.HostileInput.ChunkedStream(bytes, piece, piece, asyncOnly: true), null, threshold));
            }

            Assert.All(reads, read => Assert.Equal(reads[0], read));
            switched = reads[0];
        }

        return (parse, stream, network, switched);
    }

    private static async System.Threading.Tasks.Task<string> Stream(Stream source, int? threads, long threshold = 0)
    {
        var report = new QualysXmlReport();
        var streamed = new List<string>();
        string end;
        try
        {
            await foreach (var scan in ComplianceScheduleScanListOutput.EnumerateScansAsync(source, new QualysXmlOptions { MaxDegreeOfParallelism = threads, ParallelThresholdBytes = threshold, Reporter = report }))
            {
                streamed.Add(scan.Id + "[" + scan.UserLogin + "]");
            }

            end = "end";
        }
        catch (QualysXmlException exception)
        {
            end = $"QualysXmlException {exception.Kind} {exception.LineNumber}:{exception.LinePosition} {exception.ElementPath}";
        }

        return string.Join(",", streamed) + " then " + end + Describe(report);
    }

    private static string Describe(QualysXmlReport report) => "\n" + HostileInput.Differential.Reports(report);
}
