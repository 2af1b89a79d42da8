using System;
using System.Diagnostics;
using System.Text;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using QualysGen.Client;
using QualysGen.Requests;
using QualysGen.Runtime.Tests.Infrastructure;
using QualysGen.Runtime.Tests.Qualys.ComplianceScheduleScanListOutputDtd;
using QualysGen.Runtime.Tests.Qualys.Reports;
using QualysGen.Runtime.Tests.Qualys.Scans;
using QualysGen.Runtime.Tests.Qualys.SimpleReturnDtd;
using QualysGen.Runtime.Tests.Qualys.Was;

namespace QualysGen.Runtime.Tests;

/// <summary>
/// A network that misbehaves below HTTP, against a bare loopback socket server: a call that is not safe to repeat leaves the
/// client at most once, whatever the handlers do.
/// </summary>
public sealed class HostileNetworkTests
{
    [Theory]
    [InlineData("query-only POST: CancelReport v3")]
    [InlineData("query-only POST: DeleteComplianceScanSchedule")]
    [InlineData("query-only POST with a path ID: DeleteWasScan")]
    [InlineData("form POST: create schedule")]
    [InlineData("XML body POST: DeleteWasScans")]
    [InlineData("DELETE")]
    public async Task An_unsafe_call_reaches_a_server_that_drops_the_connection_exactly_once(string shape)
    {
        await using var server = RawHttpServer.DroppingEveryRequest();
        await using var client = new QualysClient(Harness.ClientOptions(server.BaseAddress));

        var exception = await Assert.ThrowsAsync<QualysTransportException>(() => SendUnsafe(client, shape));

        Assert.True(exception.MayHaveRun);
        Assert.False(exception.IsTimeout);
        Assert.Equal(1, exception.Attempts);
        var arrival = Assert.Single(server.Requests);
        Assert.False(IsRetrySafe(shape));
        if (shape.StartsWith("query-only", StringComparison.Ordinal) || shape == "DELETE")
        {
            Assert.True(arrival.HasHeader("Content-Length", "0"), arrival.Headers);
        }
    }

    [Fact]
    public async Task An_unsafe_call_is_sent_once_even_when_a_handler_above_the_connection_sends_the_message_again()
    {
        await using var server = RawHttpServer.DroppingEveryRequest();
        using var http = new HttpClient(new ResendingHandler { InnerHandler = QualysClient.CreateHandler() });
        await using var client = new QualysClient(http, Harness.ClientOptions(server.BaseAddress));

        foreach (var shape in new[] { "query-only POST: CancelReport v3", "form POST: create schedule", "XML body POST: DeleteWasScans", "DELETE" })
        {
            var before = server.Requests.Count;
            var exception = await Assert.ThrowsAsync<QualysTransportException>(() => SendUnsafe(client, shape));
            Assert.True(exception.MayHaveRun);
            Assert.Equal(1, server.Requests.Count - before);
        }
    }

    [Fact]
    public async Task A_safe_call_is_still_repeated_after_a_dropped_connection_until_the_attempts_run_out()
    {
        await using var server = RawHttpServer.DroppingEveryRequest();
        var options = Harness.ClientOptions(server.BaseAddress);
        options.Retry.MaxAttempts = 3;
        await using var client = new QualysClient(options);

        var exception = await Assert.ThrowsAsync<QualysTransportException>(() => client.SendAsync(TestRequests.ListSchedules(QualysAuthSchemes.Basic)));

        Assert.True(exception.MayHaveRun);
        Assert.Equal(3, exception.Attempts);

        // The handler may itself repeat a body-less safe request on a new connection; that is harmless for a read.
        Assert.True(server.Requests.Count >= 3, $"{server.Requests.Count} arrivals");
        Assert.All(server.Requests, r => Assert.Equal("GET", r.Method));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_body_that_trickles_one_byte_every_100_ms_is_cut_after_the_idle_timeout(bool headOfDocumentFirst)
    {
        await using var server = RawHttpServer.Start((_, stream, ct) => TrickleAsync(stream, headOfDocumentFirst, ct));
        var options = Harness.ClientOptions(server.BaseAddress);
        options.BodyIdleTimeout = TimeSpan.FromSeconds(1);
        options.Retry.MaxAttempts = 1;
        await using var client = new QualysClient(options);
        var watch = Stopwatch.StartNew();

        var sent = await Assert.ThrowsAsync<QualysTransportException>(() => client.SendAsync(TestRequests.ListSchedules(QualysAuthSchemes.Basic)).WaitAsync(TimeSpan.FromSeconds(30)));
        var enumerated = await Assert.ThrowsAsync<QualysTransportException>(
            () => client.EnumerateAsync(TestRequests.ListSchedules(QualysAuthSchemes.Basic), ComplianceScheduleScanListOutput.EnumerateScansAsync).CollectAsync().WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(1.8), TimeSpan.FromSeconds(8));
        foreach (var exception in new[] { sent, enumerated })
        {
            Assert.True(exception.IsTimeout);
            Assert.True(exception.MayHaveRun);
            Assert.Equal(1, exception.Attempts);
        }

        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task A_body_cut_for_no_progress_is_repeated_when_the_call_is_safe_to_repeat()
    {
        var first = 1;
        await using var server = RawHttpServer.Start((_, stream, ct) =>
            Interlocked.Exchange(ref first, 0) == 1 ? TrickleAsync(stream, headOfDocumentFirst: true, ct) : RawHttpServer.WriteAsync(stream, 200, "text/xml", Encoding.UTF8.GetBytes(EmptyList), ct));
        var options = Harness.ClientOptions(server.BaseAddress);
        options.BodyIdleTimeout = TimeSpan.FromMilliseconds(500);
        await using var client = new QualysClient(options);

        var list = await client.SendAsync(TestRequests.ListSchedules(QualysAuthSchemes.Basic)).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Empty(list.Response.Scans);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Time_the_caller_spends_between_records_does_not_count_against_the_idle_timeout()
    {
        await using var h = await Harness.StartAsync(client: o => o.BodyIdleTimeout = TimeSpan.FromMilliseconds(300));
        h.Simulator.State.AddComplianceSchedules(2);
        var count = 0;

        await foreach (var _ in h.Client.EnumerateAsync(TestRequests.ListSchedules(), ComplianceScheduleScanListOutput.EnumerateScansAsync))
        {
            count++;
            await Task.Delay(500);
        }

        Assert.Equal(3, count);
    }

    private const string EmptyList = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><COMPLIANCE_SCHEDULE_SCAN_LIST_OUTPUT><RESPONSE><DATETIME>2026-12-05T00:00:00Z</DATETIME></RESPONSE></COMPLIANCE_SCHEDULE_SCAN_LIST_OUTPUT>";

    /// <summary>Headers at once, then the body one byte every 100 ms, forever: the head of the document first when asked (so the cut comes in the parser, not the envelope).</summary>
    private static async Task TrickleAsync(System.IO.Stream stream, bool headOfDocumentFirst, CancellationToken cancellationToken)
    {
        await RawHttpServer.WriteHeadAsync(stream, 200, "text/xml", null, cancellationToken);
        var head = Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<COMPLIANCE_SCHEDULE_SCAN_LIST_OUTPUT>\n");
        var position = 0;
        if (headOfDocumentFirst)
        {
            await stream.WriteAsync(head, cancellationToken);
            await stream.FlushAsync(cancellationToken);
            position = head.Length;
        }

        while (true)
        {
            await stream.WriteAsync(new[] { position < head.Length ? head[position] : (byte)' ' }, cancellationToken);
            await stream.FlushAsync(cancellationToken);
            position++;
            await Task.Delay(100, cancellationToken);
        }
    }

    private static bool IsRetrySafe(string shape) => Unsafe(shape).Request.IsRetrySafe;

    private static Task SendUnsafe(QualysClient client, string shape) => Unsafe(shape).Send(client);

    private static (QualysRequest Request, Func<QualysClient, Task> Send) Unsafe(string shape)
    {
        switch (shape)
        {
            case "query-only POST: CancelReport v3":
                var cancel = new CancelReportRequest { Id = 6627719 }.Build();
                return (cancel, c => c.SendAsync(cancel));
            case "query-only POST: DeleteComplianceScanSchedule":
                var delete = new DeleteComplianceScanScheduleRequest { Id = 12 }.Build();
                return (delete, c => c.SendAsync(delete));
            case "query-only POST with a path ID: DeleteWasScan":
                var deleteScan = new DeleteWasScanRequest { Id = 12405 }.Build();
                return (deleteScan, c => c.SendAsync(deleteScan));
            case "form POST: create schedule":
                var create = TestRequests.CreateSchedule("once");
                return (create, c => c.SendAsync(create));
            case "XML body POST: DeleteWasScans":
                var deleteScans = TestRequests.DeleteWasScans("VULN");
                return (deleteScans, c => c.SendAsync(deleteScans));
            case "DELETE":
                var raw = new QualysRequest<SimpleReturn>(
                    "DeleteThing", "3.0", HttpMethod.Delete, "/api/3.0/fo/thing/", [new("id", "7")], QualysBodyKind.Query, [], default, null,
                    QualysAuthSchemes.Basic, QualysHost.ApiServer, isRetrySafe: false, SimpleReturn.ParseAsync);
                return (raw, c => c.SendAsync(raw));
            default:
                throw new ArgumentOutOfRangeException(nameof(shape), shape, null);
        }
    }

    /// <summary>What a retry handler a consumer adds would do: send the same message again after a failure.</summary>
    private sealed class ResendingHandler : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            try
            {
                return await base.SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException)
            {
                return await base.SendAsync(request, cancellationToken);
            }
        }
    }
}
