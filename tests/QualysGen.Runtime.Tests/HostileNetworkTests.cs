using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using QualysGen.Client;
using QualysGen.Requests;
using QualysGen.Runtime.Tests.Infrastructure;
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
