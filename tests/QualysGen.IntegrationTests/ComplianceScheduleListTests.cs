using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using QualysGen.IntegrationTests.Qualys.ComplianceScheduleScanListOutputDtd;

namespace QualysGen.IntegrationTests;

/// <summary>The compliance scan schedule list (seed 003) through the generated models and parsers.</summary>
public sealed class ComplianceScheduleListTests
{
    private const string Sample = "seed003_compliance_schedule_list.xml";

    [Fact]
    public void The_documented_sample_parses_to_its_values()
    {
        using var stream = SampleFiles.Open(Sample);
        var output = ComplianceScheduleScanListOutput.Parse(stream);

        Assert.Null(output.Request);
        Assert.Equal(new DateTimeOffset(2019, 11, 19, 10, 10, 58, TimeSpan.Zero), output.Response.Datetime);
        var scan = Assert.Single(output.Response.Scans);
        Assert.Equal(57363L, scan.Id);
        Assert.True(scan.Active);
        Assert.Equal("My Scan Schedule api6", scan.Title);       // CDATA surrounded by indentation
        Assert.Equal("quays_sp1", scan.UserLogin);
        Assert.Equal("10.10.10.185", scan.Target);
        Assert.Equal(0L, scan.NetworkId);                        // typed value inside CDATA
        Assert.Equal("pyscandsp", scan.IscannerName);
        Assert.Equal(["policyred7"], scan.AssetGroupTitles);     // ASSET_GROUP_TITLE_LIST flattened
        Assert.Null(scan.ScanType);
        Assert.Null(scan.Client);
        Assert.Empty(scan.UserEnteredIps);

        var profile = Assert.IsType<OptionProfile>(scan.OptionProfile);
        Assert.Equal("duplicate IO", profile.Title);
        Assert.False(profile.DefaultFlag);

        var schedule = scan.Schedule;
        Assert.Equal(ScheduleChoice.Daily, schedule.Choice);
        Assert.Equal(5, Assert.IsType<Daily>(schedule.Daily).FrequencyDays);
        Assert.Null(schedule.Weekly);
        Assert.Null(schedule.Monthly);
        Assert.Equal(new DateTimeOffset(2019, 11, 19, 22, 0, 0, TimeSpan.Zero), schedule.StartDateUtc);
        Assert.Equal(14, schedule.StartHour);
        Assert.Equal(0, schedule.StartMinute);
        Assert.Equal(new DateTimeOffset(2019, 11, 19, 22, 0, 0, TimeSpan.Zero), schedule.NextlaunchUtc); // no Z: still UTC
        Assert.Equal("US-CA", schedule.TimeZone.TimeZoneCode);
        Assert.Equal("(GMT-0800) United States: America/Los_Angeles", schedule.TimeZone.TimeZoneDetails);
        Assert.True(schedule.DstSelected);
        Assert.Null(schedule.MaxOccurrence);

        var notifications = Assert.IsType<Notifications>(scan.Notifications);
        Assert.Null(notifications.BeforeLaunch);
        Assert.Empty(notifications.DistributionGroups);
    }

    [Fact]
    public async Task ParseAsync_reads_the_same_as_Parse()
    {
        await using var stream = SampleFiles.Open(Sample);
        var output = await ComplianceScheduleScanListOutput.ParseAsync(stream);

        var scan = Assert.Single(output.Response.Scans);
        Assert.Equal(57363L, scan.Id);
        Assert.Equal(ScheduleChoice.Daily, scan.Schedule.Choice);
    }

    /// <summary>
    /// A large response whose length is unknown, parsed synchronously on two threads: its batches grow with what has arrived
    /// (past 4 MB here), and it reads as from memory on one thread.
    /// </summary>
    [Fact]
    public void A_large_parse_of_unknown_length_on_two_threads_reads_as_one_thread_from_memory()
    {
        var bytes = Encoding.UTF8.GetBytes(Document(Enumerable.Range(1, 15_000).Select(i => Scan(i, $"<DAILY frequency_days=\"{i % 7 + 1}\" />")).ToArray()));
        Assert.True(bytes.Length > 5_000_000, $"{bytes.Length} bytes");
        static string Describe(ComplianceScheduleScanListOutput output)
            => string.Join("\n", output.Response.Scans!.Select(s => $"{s.Id} {s.Target} {s.Schedule.Daily?.FrequencyDays}"));

        var oneThread = ComplianceScheduleScanListOutput.Parse(new MemoryStream(bytes), new QualysXmlOptions { MaxDegreeOfParallelism = 1 });
        var twoThreads = ComplianceScheduleScanListOutput.Parse(new HostileInput.ChunkedStream(bytes, 20_000, seed: 3), new QualysXmlOptions { MaxDegreeOfParallelism = 2 });

        Assert.Equal(15_000, twoThreads.Response.Scans!.Count);
        Assert.Equal(Describe(oneThread), Describe(twoThreads));
    }

    [Fact]
    public void Weekly_and_monthly_schedules_say_which_branch_came_and_read_their_attributes()
    {
        var output = ComplianceScheduleScanListOutput.Parse(Xml.Stream(Document(
            Scan(1, """<WEEKLY frequency_weeks="2" weekdays="0,1,4" />"""),
            Scan(2, """<MONTHLY frequency_months="1" day_of_week="3" week_of_month="5" />"""),
            Scan(3, """<MONTHLY frequency_months="3" day_of_month="15" day_of_week="9" />"""))));

        var weekly = output.Response.Scans[0].Schedule;
        Assert.Equal(ScheduleChoice.Weekly, weekly.Choice);
        Assert.Equal(2, weekly.Weekly!.FrequencyWeeks);
        Assert.Equal("0,1,4", weekly.Weekly.Weekdays);

        var monthly = output.Response.Scans[1].Schedule;
        Assert.Equal(ScheduleChoice.Monthly, monthly.Choice);
        Assert.Equal(MonthlyDayOfWeek.Value3, monthly.Monthly!.DayOfWeek);
        Assert.Equal(MonthlyWeekOfMonth.Value5, monthly.Monthly.WeekOfMonth);
        Assert.Null(monthly.Monthly.DayOfMonth);

        // A value the DTD's enumeration does not list does not fail the parse; it stays visible.
        var unknown = output.Response.Scans[2].Schedule.Monthly!;
        Assert.Equal(15, unknown.DayOfMonth);
        Assert.Equal(MonthlyDayOfWeek.Unknown, unknown.DayOfWeek);
        Assert.Equal("9", unknown.DayOfWeekRaw);
        Assert.Null(unknown.WeekOfMonth);
    }

    [Fact]
    public void Children_in_any_order_comments_and_unknown_elements_are_tolerated()
    {
        const string scan = """
            <SCAN>
              <!-- a comment between children -->
              <SCHEDULE>
                <DST_SELECTED>0</DST_SELECTED>
                <TIME_ZONE><TIME_ZONE_DETAILS>UTC</TIME_ZONE_DETAILS><TIME_ZONE_CODE>UTC</TIME_ZONE_CODE></TIME_ZONE>
                <START_MINUTE>30</START_MINUTE><START_HOUR>2</START_HOUR>
                <START_DATE_UTC>2026-01-01T02:30:00Z</START_DATE_UTC>
                <DAILY frequency_days="1" />
                <A_FIELD_QUALYS_ADDED_LATER><NESTED>1</NESTED></A_FIELD_QUALYS_ADDED_LATER>
              </SCHEDULE>
              <TARGET>10.0.0.1</TARGET>
              <USER_LOGIN>u</USER_LOGIN>
              <ACTIVE>0</ACTIVE>
              <ID>9</ID>
              <ASSET_TAGS>
                <TAG_INCLUDE_SELECTOR>any</TAG_INCLUDE_SELECTOR><TAG_SET_INCLUDE>1,2</TAG_SET_INCLUDE>
                <TAG_EXCLUDE_SELECTOR>everything</TAG_EXCLUDE_SELECTOR><USE_IP_NT_RANGE_TAGS>1</USE_IP_NT_RANGE_TAGS>
              </ASSET_TAGS>
            </SCAN>
            """;
        var xml = "<?xml version=\"1.0\"?>\n<!-- before the root -->\n" + Document(scan) + "\n<!-- after the root -->";

        var parsed = Assert.Single(ComplianceScheduleScanListOutput.Parse(Xml.Stream(xml)).Response.Scans);

        Assert.Equal(9L, parsed.Id);
        Assert.False(parsed.Active);
        Assert.Equal(2, parsed.Schedule.StartHour);
        Assert.Equal(30, parsed.Schedule.StartMinute);
        Assert.Equal("UTC", parsed.Schedule.TimeZone.TimeZoneCode);
        var tags = Assert.IsType<AssetTags>(parsed.AssetTags);
        Assert.Equal(TagSelector.Any, tags.TagIncludeSelector);
        Assert.Equal(TagSelector.Unknown, tags.TagExcludeSelector);
        Assert.Equal("everything", tags.TagExcludeSelectorRaw);
        Assert.True(tags.UseIpNtRangeTags);
    }

    [Fact]
    public async Task Scans_stream_one_at_a_time_and_match_the_materialized_parse()
    {
        var xml = Document(Enumerable.Range(1, 50).Select(i => Scan(i, $"""<DAILY frequency_days="{i}" />""")).ToArray());

        var streamed = new List<Scan>();
        await foreach (var scan in ComplianceScheduleScanListOutput.EnumerateScansAsync(Xml.Stream(xml)))
        {
            streamed.Add(scan);
        }

        var materialized = ComplianceScheduleScanListOutput.Parse(Xml.Stream(xml)).Response.Scans;
        Assert.Equal(materialized.Select(s => (s.Id, s.Schedule.Daily!.FrequencyDays)), streamed.Select(s => (s.Id, s.Schedule.Daily!.FrequencyDays)));
        Assert.Equal(50, streamed.Count);
    }

    [Fact]
    public async Task A_stream_yields_the_first_record_before_the_rest_of_the_document_is_read()
    {
        // The stream stops in the middle of the second record: if the parser waited for the whole document it would hang.
        var xml = Document(Scan(1, "<DAILY frequency_days=\"1\" />"), Scan(2, "<DAILY frequency_days=\"2\" />"));
        var cut = xml.IndexOf("<ID>2</ID>", StringComparison.Ordinal);
        using var gate = new GatedStream(Encoding.UTF8.GetBytes(xml), releaseAfter: cut);

        await using var records = ComplianceScheduleScanListOutput.EnumerateScansAsync(gate).GetAsyncEnumerator();
        Assert.True(await records.MoveNextAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(1L, records.Current.Id);
        Assert.False(gate.Released);

        gate.Release();
        Assert.True(await records.MoveNextAsync());
        Assert.Equal(2L, records.Current.Id);
        Assert.False(await records.MoveNextAsync());
    }

    [Fact]
    public async Task Cancelling_a_stream_stops_it()
    {
        var xml = Document(Enumerable.Range(1, 10).Select(i => Scan(i, "<DAILY frequency_days=\"1\" />")).ToArray());
        using var cancellation = new CancellationTokenSource();
        var seen = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var scan in ComplianceScheduleScanListOutput.EnumerateScansAsync(Xml.Stream(xml), cancellation.Token))
            {
                if (++seen == 3)
                {
                    cancellation.Cancel();
                }
            }
        });
        Assert.Equal(3, seen);
    }

    [Fact]
    public async Task A_list_with_no_records_streams_nothing()
    {
        const string xml = "<COMPLIANCE_SCHEDULE_SCAN_LIST_OUTPUT><RESPONSE><DATETIME>2026-01-01T00:00:00Z</DATETIME></RESPONSE></COMPLIANCE_SCHEDULE_SCAN_LIST_OUTPUT>";
        var count = 0;
        await foreach (var _ in ComplianceScheduleScanListOutput.EnumerateScansAsync(Xml.Stream(xml)))
        {
            count++;
        }

        Assert.Equal(0, count);
        Assert.Empty(ComplianceScheduleScanListOutput.Parse(Xml.Stream(xml)).Response.Scans);
    }

    internal static string Document(params string[] scans)
        => "<COMPLIANCE_SCHEDULE_SCAN_LIST_OUTPUT><RESPONSE><DATETIME>2026-01-01T00:00:00Z</DATETIME><COMPLIANCE_SCHEDULE_SCAN_LIST>"
            + string.Concat(scans)
            + "</COMPLIANCE_SCHEDULE_SCAN_LIST></RESPONSE></COMPLIANCE_SCHEDULE_SCAN_LIST_OUTPUT>";

    internal static string Scan(long id, string frequency)
        => $"""
            <SCAN><ID>{id}</ID><ACTIVE>1</ACTIVE><USER_LOGIN>u</USER_LOGIN><TARGET>10.0.0.{id % 250}</TARGET>
              <SCHEDULE>{frequency}<START_DATE_UTC>2026-01-01T00:00:00Z</START_DATE_UTC><START_HOUR>1</START_HOUR><START_MINUTE>0</START_MINUTE>
                <TIME_ZONE><TIME_ZONE_CODE>UTC</TIME_ZONE_CODE><TIME_ZONE_DETAILS>UTC</TIME_ZONE_DETAILS></TIME_ZONE><DST_SELECTED>0</DST_SELECTED></SCHEDULE>
            </SCAN>
            """;

    /// <summary>A stream that serves bytes up to a point and then waits until released, like a slow network.</summary>
    private sealed class GatedStream(byte[] data, int releaseAfter) : Stream
    {
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _position;

        public bool Released => _released.Task.IsCompleted;

        public void Release() => _released.TrySetResult();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_position >= releaseAfter)
            {
                await _released.Task.WaitAsync(cancellationToken);
            }

            var limit = _position < releaseAfter ? releaseAfter : data.Length;
            var count = Math.Min(buffer.Length, limit - _position);
            data.AsMemory(_position, count).CopyTo(buffer);
            _position += count;
            return count;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
            => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("The parser must read asynchronously.");

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
