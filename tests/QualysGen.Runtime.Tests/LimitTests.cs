using System;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using QualysGen.Client;
using QualysGen.Requests;
using QualysGen.Runtime.Tests.Infrastructure;
using QualysGen.Simulator;

namespace QualysGen.Runtime.Tests;

/// <summary>Rate and concurrency limits: wait as Qualys says, retry within the budget, never past it; the gate keeps a client under the limit.</summary>
public sealed class LimitTests
{
    [Fact]
    public async Task A_409_with_ToWait_is_waited_out_then_the_call_succeeds()
    {
        await using var h = await Harness.StartAsync(simulator: o =>
        {
            o.RateLimit = 2;
            o.RateLimitWindow = TimeSpan.FromSeconds(1);
        });

        await h.Client.SendAsync(TestRequests.ListSchedules());
        await h.Client.SendAsync(TestRequests.ListSchedules());
        var watch = Stopwatch.StartNew();
        var third = await h.Client.SendAsync(TestRequests.ListSchedules());
        watch.Stop();

        Assert.Single(third.Response.Scans);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(700), $"waited {watch.Elapsed}");
        var statuses = h.Simulator.Requests.Select(r => r.Status).ToArray();
        Assert.Equal([200, 200, 409, 200], statuses);
        Assert.Contains(h.Logs.Entries, e => e.Contains("rate limit (code 1965"));
    }

    [Fact]
    public async Task A_rate_limit_that_asks_for_longer_than_the_budget_fails_at_once()
    {
        await using var h = await Harness.StartAsync();
        h.Simulator.Enqueue("/api/", QualysFault.RateLimited(3600));
        var watch = Stopwatch.StartNew();

        var exception = await Assert.ThrowsAsync<QualysLimitExceededException>(() => h.Client.SendAsync(TestRequests.CreateSchedule("blocked")));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5));
        Assert.Equal(QualysLimitKind.Rate, exception.Kind);
        Assert.Equal(TimeSpan.FromHours(1), exception.RetryAfter);
        Assert.Equal(HttpStatusCode.Conflict, exception.HttpStatus);
        Assert.StartsWith("This API cannot be run again for another", exception.Text);
    }

    [Fact]
    public async Task A_concurrency_refusal_is_retried_with_backoff_even_for_an_unsafe_call()
    {
        await using var h = await Harness.StartAsync();
        h.Simulator.Enqueue("/api/", QualysFault.ConcurrencyLimited());
        h.Simulator.Enqueue("/api/", QualysFault.ConcurrencyLimited());

        var created = await h.Client.SendAsync(TestRequests.CreateSchedule("after two refusals"));

        Assert.Equal("New compliance scan scheduled successfully", created.Response.Text);
        Assert.Equal([409, 409, 200], h.Simulator.Requests.Select(r => r.Status));
        Assert.Single(h.Simulator.State.ComplianceSchedules, s => s.Title == "after two refusals");
    }

    [Fact]
    public async Task Retries_stop_at_the_attempt_limit()
    {
        await using var h = await Harness.StartAsync(client: o => o.Retry.MaxAttempts = 3);
        for (var i = 0; i < 5; i++)
        {
            h.Simulator.Enqueue("/api/", QualysFault.ConcurrencyLimited());
        }

        var exception = await Assert.ThrowsAsync<QualysLimitExceededException>(() => h.Client.SendAsync(TestRequests.ListSchedules()));

        Assert.Equal(QualysLimitKind.Concurrency, exception.Kind);
        Assert.Equal(1960, exception.Code);
        Assert.Equal(3, exception.Attempts);
        Assert.Equal(3, h.Simulator.Requests.Count);
    }

    [Fact]
    public async Task A_wait_is_cancellable()
    {
        await using var h = await Harness.StartAsync(client: o => o.Retry.MaxTotalDelay = TimeSpan.FromMinutes(5));
        h.Simulator.Enqueue("/api/", QualysFault.RateLimited(60));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var watch = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => h.Client.SendAsync(TestRequests.ListSchedules(), cancellation.Token));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        Assert.Single(h.Simulator.Requests);
    }

    [Fact]
    public async Task The_gateway_429_is_waited_out()
    {
        await using var h = await Harness.StartAsync();
        h.Simulator.Enqueue("/auth", QualysFault.TooManyRequests(0));

        await h.Client.SendAsync(TestRequests.CreateTemplate("7.0"));

        Assert.Equal([429, 201, 200], h.Simulator.Requests.Select(r => r.Status));
    }

    [Fact]
    public async Task The_gate_keeps_concurrent_calls_under_the_limit()
    {
        await using var h = await Harness.StartAsync(simulator: o =>
        {
            o.ConcurrencyLimit = 2;
            o.ProcessingDelay = TimeSpan.FromMilliseconds(100);
        });

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => h.Client.SendAsync(TestRequests.ListSchedules())));

        Assert.DoesNotContain(h.Simulator.Requests, r => r.Status == 409);
        Assert.Equal(2, h.Simulator.PeakConcurrency(TestRequests.SchedulePath));
        Assert.Equal(8, h.Simulator.Requests.Count);
    }

    [Fact]
    public async Task The_gate_follows_the_concurrency_limit_Qualys_announces()
    {
        await using var h = await Harness.StartAsync(simulator: o =>
        {
            o.ConcurrencyLimit = 1;
            o.ProcessingDelay = TimeSpan.FromMilliseconds(50);
        });
        Assert.Equal(2, h.Client.GetConcurrencyLimit(QualysHost.ApiServer, TestRequests.SchedulePath));

        await h.Client.SendAsync(TestRequests.ListSchedules());
        Assert.Equal(1, h.Client.GetConcurrencyLimit(QualysHost.ApiServer, TestRequests.SchedulePath));
        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => h.Client.SendAsync(TestRequests.ListSchedules())));

        Assert.DoesNotContain(h.Simulator.Requests, r => r.Status == 409);
        Assert.Equal(1, h.Simulator.PeakConcurrency(TestRequests.SchedulePath));
    }

    [Fact]
    public async Task Limits_are_per_API()
    {
        await using var h = await Harness.StartAsync(simulator: o =>
        {
            o.RateLimit = 1;
            o.RateLimitWindow = TimeSpan.FromMinutes(10);
        });

        await h.Client.SendAsync(TestRequests.ListSchedules());
        await h.Client.SendAsync(TestRequests.CancelReport(6627719));

        Assert.Equal([200, 200], h.Simulator.Requests.Select(r => r.Status));
    }

    [Fact]
    public async Task A_used_up_window_that_asks_for_years_holds_the_API_back_no_longer_than_MaxLimitWait()
    {
        var clock = new ManualTimeProvider();
        await using var h = await StartWithTenMinuteLimitWaitAsync(clock);
        var headers = new System.Collections.Generic.Dictionary<string, string> { ["X-RateLimit-Remaining"] = "0", ["X-RateLimit-ToWait-Sec"] = "2147483647" };
        h.Simulator.Enqueue("/qps/rest/portal/version", QualysFault.Respond(200, "<Portal-Version/>", headers: headers));

        await h.Client.SendAsync(TestRequests.PortalVersion());
        var held = await Assert.ThrowsAsync<QualysLimitExceededException>(() => h.Client.SendAsync(TestRequests.PortalVersion()));

        Assert.Single(h.Simulator.Requests);
        Assert.Equal(QualysLimitKind.Rate, held.Kind);
        Assert.InRange(held.RetryAfter!.Value, TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(10));

        clock.Offset = TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1);
        await h.Client.SendAsync(TestRequests.PortalVersion());
        Assert.Equal(2, h.Simulator.Requests.Count);
    }

    [Fact]
    public async Task A_refusal_that_asks_for_years_fails_with_that_wait_but_the_API_is_asked_again_after_MaxLimitWait()
    {
        var clock = new ManualTimeProvider();
        await using var h = await StartWithTenMinuteLimitWaitAsync(clock);
        h.Simulator.Enqueue("/api/", QualysFault.RateLimited(int.MaxValue));

        var refused = await Assert.ThrowsAsync<QualysLimitExceededException>(() => h.Client.SendAsync(TestRequests.CreateSchedule("blocked")));
        Assert.Equal(TimeSpan.FromSeconds(int.MaxValue), refused.RetryAfter);
        var held = await Assert.ThrowsAsync<QualysLimitExceededException>(() => h.Client.SendAsync(TestRequests.ListSchedules()));
        Assert.True(held.RetryAfter <= TimeSpan.FromMinutes(10), held.RetryAfter.ToString());
        Assert.Single(h.Simulator.Requests);

        clock.Offset = TimeSpan.FromMinutes(11);
        var list = await h.Client.SendAsync(TestRequests.ListSchedules());

        Assert.Single(list.Response.Scans);
        Assert.Equal([409, 200], h.Simulator.Requests.Select(r => r.Status));
    }

    private static Task<Harness> StartWithTenMinuteLimitWaitAsync(ManualTimeProvider clock) => Harness.StartAsync(client: o =>
    {
        o.TimeProvider = clock;
        o.Retry.MaxLimitWait = TimeSpan.FromMinutes(10);
    });
}
