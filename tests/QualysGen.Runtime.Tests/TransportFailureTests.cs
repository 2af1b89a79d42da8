using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using QualysGen.Runtime.Tests.Infrastructure;
using QualysGen.Simulator;

namespace QualysGen.Runtime.Tests;

/// <summary>A dropped connection or a timeout: repeated only when the endpoint is safe to repeat.</summary>
public sealed class TransportFailureTests
{
    [Fact]
    public async Task A_non_retryable_call_fails_fast_on_a_dropped_connection_and_is_not_sent_again()
    {
        await using var h = await Harness.StartAsync();
        h.Simulator.Enqueue("/api/2.0/fo/schedule/", QualysFault.DropConnection());
        var watch = Stopwatch.StartNew();

        var exception = await Assert.ThrowsAsync<QualysTransportException>(() => h.Client.SendAsync(TestRequests.CreateSchedule("dropped")));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"took {watch.Elapsed}");
        Assert.True(exception.MayHaveRun);
        Assert.False(exception.IsTimeout);
        Assert.Equal(1, exception.Attempts);
        Assert.Null(exception.HttpStatus);
        var request = Assert.Single(h.Simulator.Requests);
        Assert.True(request.Dropped);

        // It did run: exactly one schedule, which a blind retry would have doubled.
        Assert.Single(h.Simulator.State.ComplianceSchedules, s => s.Title == "dropped");
        Assert.Contains(h.Logs.Entries, e => e.Contains("not safe to repeat"));
    }

    [Fact]
    public async Task A_call_that_is_safe_to_repeat_is_sent_again_after_a_dropped_connection()
    {
        await using var h = await Harness.StartAsync();
        h.Simulator.Enqueue("/api/", QualysFault.DropConnection());

        var list = await h.Client.SendAsync(TestRequests.ListSchedules());

        Assert.Single(list.Response.Scans);
        Assert.Equal(2, h.Simulator.Requests.Count);
    }

    [Fact]
    public async Task A_timeout_on_a_non_retryable_call_is_not_repeated()
    {
        await using var h = await Harness.StartAsync(client: o => o.Timeout = TimeSpan.FromSeconds(1));
        h.Simulator.Enqueue("/api/", QualysFault.Slow(TimeSpan.FromSeconds(20)));

        var exception = await Assert.ThrowsAsync<QualysTransportException>(() => h.Client.SendAsync(TestRequests.CancelReport(6627719)));

        Assert.True(exception.IsTimeout);
        Assert.True(exception.MayHaveRun);
        Assert.Single(h.Simulator.Requests);
    }

    [Fact]
    public async Task A_refused_connection_never_reached_Qualys_so_any_call_may_be_retried_until_the_budget_ends()
    {
        var sim = await QualysSimulator.StartAsync();
        var options = Harness.ClientOptions(sim);
        options.Retry.MaxAttempts = 2;
        await sim.DisposeAsync();
        await using var client = new Client.QualysClient(options);

        var exception = await Assert.ThrowsAsync<QualysTransportException>(() => client.SendAsync(TestRequests.CreateSchedule("nowhere")));

        Assert.False(exception.MayHaveRun);
        Assert.Equal(2, exception.Attempts);
    }
}
