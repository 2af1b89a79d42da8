using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using QualysGen.IntegrationTests.Qualys.ComplianceScheduleScanListOutputDtd;

namespace QualysGen.IntegrationTests;

/// <summary>
/// The record streams read the response asynchronously and parse each record synchronously once it is buffered whole. These
/// tests hold them to that: markup that looks like a record boundary but is not (in CDATA, comments, attribute values,
/// elsewhere in the document), the response arriving in pieces of any size, other encodings; never a synchronous read of
/// the response (the source streams throw on one), the same records as <c>Parse</c>, and a read-ahead that does not grow
/// with the response.
/// </summary>
public sealed class RecordStreamTests
{
    private static string Tricky(int id)
        => $"""
            <SCAN
              ><ID>{id}</ID><ACTIVE>1</ACTIVE>
              <TITLE><![CDATA[</SCAN><SCAN><ID>0</ID> <!-- not a comment --> ]]]]><![CDATA[> & ]]>&amp; {id}</TITLE>
              <!-- </SCAN> <SCAN> </SCAN > -->
              <?pi </SCAN>?>
              <USER_LOGIN>u</USER_LOGIN><TARGET>10.0.0.{id}</TARGET>
              <SCHEDULE><DAILY frequency_days="{id}" note='a>b/>"c' other="/SCAN>&lt;/SCAN>"/><START_DATE_UTC>2026-01-01T00:00:00Z</START_DATE_UTC>
                <START_HOUR>1</START_HOUR><START_MINUTE>0</START_MINUTE>
                <TIME_ZONE><TIME_ZONE_CODE>UTC</TIME_ZONE_CODE><TIME_ZONE_DETAILS>UTC</TIME_ZONE_DETAILS></TIME_ZONE><DST_SELECTED>0</DST_SELECTED></SCHEDULE>
            </SCAN
            >
            """;

    /// <summary>
    /// A record that is mostly plain tags, whose end the stream finds with one search when it holds no CDATA, comment or PI, with what could mislead that
    /// search: names that begin with the record's, record tags in text and attribute values, spaces before '>', in every third
    /// record the record's own name nested inside it, and in half the records a PI or comment holding record tags.
    /// </summary>
    private static string Plain(int id)
        => $"""
            <SCAN><ID>{id}</ID><SCAN_TYPE>Compliance</SCAN_TYPE><ACTIVE>1</ACTIVE><TITLE>a &lt;/SCAN&gt; b &#60;SCAN> {id}</TITLE>
              <USER_LOGIN>u</USER_LOGIN><TARGET>10.0.0.{id}</TARGET>{(id % 3 == 0 ? "<EXTRA><SCAN><ID>0</ID></SCAN><SCAN\n/><SCAN_X/></EXTRA>" : "<SCAN_X/>")}{(id % 4) switch { 1 => "<?pi </SCAN> <SCAN>?>", 2 => "<!-- </SCAN> <SCAN> -->", _ => "" }}
              <SCHEDULE><DAILY frequency_days="{id}" note='a>b/>"c' other="/SCAN>&lt;/SCAN >"/><START_DATE_UTC>2026-01-01T00:00:00Z</START_DATE_UTC>
                <START_HOUR>1</START_HOUR><START_MINUTE>0</START_MINUTE>
                <TIME_ZONE><TIME_ZONE_CODE>UTC</TIME_ZONE_CODE><TIME_ZONE_DETAILS>UTC</TIME_ZONE_DETAILS></TIME_ZONE><DST_SELECTED>0</DST_SELECTED></SCHEDULE>
            </SCAN{(id % 2 == 0 ? " " : "\n")}>
            """;

    private static string Record(int id, bool plain) => plain ? Plain(id) : Tricky(id);

    private static string TrickyDocument(string declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>", bool plain = false)
        => declaration + "\n"
            + "<!DOCTYPE COMPLIANCE_SCHEDULE_SCAN_LIST_OUTPUT SYSTEM \"https://qualysapi.qualys.com/x.dtd\" [ <!ENTITY e \"]>\"> <!ELEMENT X (#PCDATA)> ]>\n"
            + "<!-- <SCAN> before the root -->\n"
            + "<COMPLIANCE_SCHEDULE_SCAN_LIST_OUTPUT><REQUEST><DATETIME>2026-01-01T00:00:00Z</DATETIME><USER_LOGIN>u</USER_LOGIN>"
            + "<RESOURCE>r</RESOURCE><PARAM_LIST><PARAM><KEY>k</KEY><VALUE><![CDATA[<SCAN>]]></VALUE></PARAM></PARAM_LIST></REQUEST>"
            + "<RESPONSE><DATETIME>2026-01-01T00:00:00Z</DATETIME><SCAN><ID>-1</ID></SCAN><COMPLIANCE_SCHEDULE_SCAN_LIST>"
            + string.Concat(Enumerable.Range(1, 40).Select(i => Record(i, plain && i % 10 != 5)))
            + "<NOT_A_SCAN><SCAN><ID>-2</ID></SCAN></NOT_A_SCAN>"
            + string.Concat(Enumerable.Range(41, 5).Select(i => Record(i, plain)))
            + "</COMPLIANCE_SCHEDULE_SCAN_LIST></RESPONSE></COMPLIANCE_SCHEDULE_SCAN_LIST_OUTPUT>\n<!-- after <SCAN> -->";

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(3, false)]
    [InlineData(7, false)]
    [InlineData(64, false)]
    [InlineData(4096, false)]
    [InlineData(100_000, false)]
    [InlineData(1, true)]
    [InlineData(2, true)]
    [InlineData(3, true)]
    [InlineData(7, true)]
    [InlineData(64, true)]
    [InlineData(4096, true)]
    [InlineData(100_000, true)]
    public async Task Records_stream_whole_however_the_response_is_cut(int largestPiece, bool plainRecords)
    {
        var bytes = Encoding.UTF8.GetBytes(TrickyDocument(plain: plainRecords));
        var expected = Project(ComplianceScheduleScanListOutput.Parse(new MemoryStream(bytes)).Response.Scans);
        Assert.Equal(45, expected.Count);
        Assert.Contains(plainRecords ? "|a </SCAN> b <SCAN> 1|" : "</SCAN><SCAN><ID>0</ID>", expected[0], StringComparison.Ordinal);

        for (var seed = 0; seed < 5; seed++)
        {
            var source = new PiecewiseStream(bytes, largestPiece, seed);
            Assert.Equal(expected, Project(await Collect(ComplianceScheduleScanListOutput.EnumerateScansAsync(source))));
        }
    }

    [Theory]
    [InlineData("utf-8", true)]
    [InlineData("ISO-8859-1", false)]
    [InlineData("utf-16", true)]
    [InlineData("utf-16BE", false)]
    public async Task Records_stream_in_other_encodings(string encodingName, bool byteOrderMark)
    {
        var encoding = encodingName switch
        {
            "utf-8" => new UTF8Encoding(byteOrderMark),
            "utf-16" => new UnicodeEncoding(bigEndian: false, byteOrderMark),
            "utf-16BE" => new UnicodeEncoding(bigEndian: true, byteOrderMark),
            _ => Encoding.Latin1,
        };
        var text = TrickyDocument($"<?xml version=\"1.0\" encoding=\"{encodingName}\"?>").Replace("<USER_LOGIN>u</USER_LOGIN><TARGET>", "<USER_LOGIN>é</USER_LOGIN><TARGET>", StringComparison.Ordinal);
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes(text)).ToArray();

        var expected = Project(ComplianceScheduleScanListOutput.Parse(new MemoryStream(bytes)).Response.Scans);
        Assert.Equal(45, expected.Count);
        Assert.Contains("|é|", expected[3], StringComparison.Ordinal);
        Assert.Equal(expected, Project(await Collect(ComplianceScheduleScanListOutput.EnumerateScansAsync(new PiecewiseStream(bytes, 5, seed: 1)))));
    }

    [Theory]
    [InlineData(false, 1)]
    [InlineData(true, 1)]
    [InlineData(true, null)]
    public async Task The_read_ahead_stays_the_same_however_long_the_response(bool plainRecords, int? threads)
    {
        // 20,000 records (about 19 MB, each with the markup that hides record tags) made as they are read; when each record
        // comes out, the source must not have been read further than a bounded distance past it. (A scan that lost count of
        // the records would still give them right, but only after buffering the rest of the response.) On one thread that is
        // the read-ahead; with the default options, past the first MiB, the window of batches ahead for the workers (four of
        // 128 KiB a thread) and a read.
        const int Count = 20_000;
        var source = new GeneratedListStream(Count, plainRecords);
        var seen = 0;
        long largestLead = 0;
        var bound = threads == 1 ? 128 * 1024 : (4 * Math.Min(Environment.ProcessorCount, 8) + 2) * 128 * 1024;
        await foreach (var scan in ComplianceScheduleScanListOutput.EnumerateScansAsync(source, new QualysXmlOptions { MaxDegreeOfParallelism = threads }))
        {
            seen++;
            Assert.Equal(seen, scan.Id);
            largestLead = Math.Max(largestLead, source.Delivered - source.EndOfRecord(seen));
        }

        Assert.Equal(Count, seen);
        Assert.True(source.Delivered > 10_000_000, $"{source.Delivered} bytes");
        Assert.InRange(largestLead, 0, bound);
    }

    [Fact]
    public async Task A_malformed_record_is_located_and_the_records_before_it_come_out()
    {
        var xml = ComplianceScheduleListTests.Document(
            ComplianceScheduleListTests.Scan(1, "<DAILY frequency_days=\"1\" />"),
            ComplianceScheduleListTests.Scan(2, "<DAILY frequency_days=\"2\" />").Replace("</TARGET>", "</TARGE>", StringComparison.Ordinal));
        var seen = new List<long>();
        var exception = await Assert.ThrowsAsync<QualysXmlException>(async () =>
        {
            await foreach (var scan in ComplianceScheduleScanListOutput.EnumerateScansAsync(new PiecewiseStream(Encoding.UTF8.GetBytes(xml), 3, 0)))
            {
                seen.Add(scan.Id);
            }
        });

        Assert.Equal([1L], seen);
        Assert.Equal(QualysXmlErrorKind.Malformed, exception.Kind);
        Assert.StartsWith("/COMPLIANCE_SCHEDULE_SCAN_LIST_OUTPUT/RESPONSE/COMPLIANCE_SCHEDULE_SCAN_LIST/SCAN", exception.ElementPath, StringComparison.Ordinal);
        Assert.Equal(xml[..xml.IndexOf("</TARGE>", StringComparison.Ordinal)].Count(c => c == '\n') + 1, exception.LineNumber);
    }

    [Fact]
    public async Task A_response_cut_short_is_malformed_not_a_hang()
    {
        var xml = ComplianceScheduleListTests.Document(Enumerable.Range(1, 5).Select(i => ComplianceScheduleListTests.Scan(i, "<DAILY frequency_days=\"1\" />")).ToArray());
        var bytes = Encoding.UTF8.GetBytes(xml[..xml.IndexOf("<ID>4</ID>", StringComparison.Ordinal)]);
        var seen = 0;
        var exception = await Assert.ThrowsAsync<QualysXmlException>(async () =>
        {
            await foreach (var _ in ComplianceScheduleScanListOutput.EnumerateScansAsync(new PiecewiseStream(bytes, 10, 0)))
            {
                seen++;
            }
        });

        Assert.Equal(3, seen);
        Assert.Equal(QualysXmlErrorKind.Malformed, exception.Kind);
    }

    /// <summary>
    /// A read the stream begins ahead of need and leaves running is begun outside the caller's SynchronizationContext. A
    /// source that returns to the context it was called on could otherwise finish only there, and a synchronous read that
    /// waits for it on that context (the reader's, should the scan ever hand it too little) would wait for ever, as on a UI
    /// thread.
    /// </summary>
    [Fact]
    public async Task A_synchronous_read_waiting_for_the_read_ahead_does_not_deadlock_a_one_thread_context()
    {
        var bytes = Encoding.UTF8.GetBytes(TrickyDocument(plain: true));
        var received = new MemoryStream();
        var synchronousReads = 0;
        var run = OneThreadContext.Run(async () =>
        {
            // ChunkedStream's asynchronous reads go back to the context they were called on (an await without ConfigureAwait(false)).
            using var records = new QualysGen.Xml.XmlRecordStream(new HostileInput.ChunkedStream(bytes, 3000, seed: 1), "COMPLIANCE_SCHEDULE_SCAN_LIST_OUTPUT", "RESPONSE", "COMPLIANCE_SCHEDULE_SCAN_LIST", "SCAN");
            await records.FillAsync(2, CancellationToken.None);
            await records.FillAsync(2, CancellationToken.None);   // buffered: it reads ahead, on the context's thread

            // To the end synchronously, on the context's thread: past what is buffered, a read waits for the read ahead.
            var chunk = new byte[1024];
            int count;
            while ((count = records.Read(chunk)) > 0)
            {
                received.Write(chunk, 0, count);
            }

            synchronousReads = records.SynchronousReads;
        });

        Assert.True(await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(30))) == run, "a synchronous read waited for ever for the read ahead");
        await run;
        Assert.True(synchronousReads > 0);
        static string WithoutWhitespace(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
        Assert.Equal(WithoutWhitespace(Encoding.UTF8.GetString(bytes)), WithoutWhitespace(Encoding.UTF8.GetString(received.ToArray())));
    }

    private static async Task<List<Scan>> Collect(IAsyncEnumerable<Scan> scans)
    {
        var list = new List<Scan>();
        await foreach (var scan in scans)
        {
            list.Add(scan);
        }

        return list;
    }

    private static List<string> Project(IEnumerable<Scan> scans)
        => scans.Select(s => $"{s.Id}|{s.Title}|{s.UserLogin}|{s.Target}|{s.Schedule.Daily?.FrequencyDays}|{s.Schedule.StartDateUtc:O}|{s.Schedule.TimeZone.TimeZoneCode}").ToList();

    /// <summary>Serves the bytes in pieces of random size (1 to <paramref name="largestPiece"/>), asynchronously only.</summary>
    private sealed class PiecewiseStream(byte[] data, int largestPiece, int seed) : AsyncOnlyStream
    {
        private readonly Random _random = new(seed);
        private int _position;

        protected override int ReadPiece(Span<byte> buffer)
        {
            var count = Math.Min(Math.Min(buffer.Length, _random.Next(1, largestPiece + 1)), data.Length - _position);
            data.AsSpan(_position, count).CopyTo(buffer);
            _position += count;
            return count;
        }
    }

    /// <summary>A scan list of <paramref name="count"/> records made as it is read, which remembers where each record ends.</summary>
    private sealed class GeneratedListStream(int count, bool plain) : AsyncOnlyStream
    {
        private readonly List<long> _ends = [];
        private byte[] _pending = Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?>\n<COMPLIANCE_SCHEDULE_SCAN_LIST_OUTPUT><RESPONSE><DATETIME>2026-01-01T00:00:00Z</DATETIME><COMPLIANCE_SCHEDULE_SCAN_LIST>");
        private int _offset;
        private int _next = 1;

        public long Delivered { get; private set; }

        public long EndOfRecord(int id) => _ends[id - 1];

        protected override int ReadPiece(Span<byte> buffer)
        {
            if (_offset == _pending.Length)
            {
                if (_next > count + 1)
                {
                    return 0;
                }

                var produced = Delivered + _pending.Length - _offset;
                _pending = Encoding.UTF8.GetBytes(_next <= count
                    ? Record(_next, plain) + new string(' ', 100)
                    : "</COMPLIANCE_SCHEDULE_SCAN_LIST></RESPONSE></COMPLIANCE_SCHEDULE_SCAN_LIST_OUTPUT>");
                if (_next <= count)
                {
                    _ends.Add(produced + _pending.Length);
                }

                _offset = 0;
                _next++;
            }

            var n = Math.Min(buffer.Length, _pending.Length - _offset);
            _pending.AsSpan(_offset, n).CopyTo(buffer);
            _offset += n;
            Delivered += n;
            return n;
        }
    }

    /// <summary>A source that can only be read asynchronously (as an ASP.NET request body is by default).</summary>
    private abstract class AsyncOnlyStream : QualysGen.Xml.ForwardReadStream
    {
        protected abstract int ReadPiece(Span<byte> buffer);

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            return ReadPiece(buffer.Span);
        }

        public override int Read(Span<byte> buffer) => throw new NotSupportedException("The record stream must read asynchronously.");
    }

    /// <summary>A SynchronizationContext that runs what is posted to it on one thread, one at a time, as a UI thread's does.</summary>
    private sealed class OneThreadContext : SynchronizationContext
    {
        private readonly System.Collections.Concurrent.BlockingCollection<(SendOrPostCallback Callback, object? State)> _queue = new();

        public override void Post(SendOrPostCallback d, object? state) => _queue.Add((d, state));

        public override void Send(SendOrPostCallback d, object? state) => throw new NotSupportedException();

        /// <summary>Runs <paramref name="body"/> on a new thread under this context, until the task it returns ends.</summary>
        public static Task Run(Func<Task> body)
        {
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var thread = new Thread(() =>
            {
                var context = new OneThreadContext();
                SetSynchronizationContext(context);
                var task = body();
                task.ContinueWith(_ => context._queue.CompleteAdding(), TaskScheduler.Default);
                foreach (var (callback, state) in context._queue.GetConsumingEnumerable())
                {
                    callback(state);
                }

                if (task.Exception is { } exception)
                {
                    done.SetException(exception.InnerExceptions);
                }
                else
                {
                    done.SetResult();
                }
            }) { IsBackground = true };
            thread.Start();
            return done.Task;
        }
    }
}
