using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using QualysGen.Client;
using QualysGen.Limits;
using QualysGen.Responses;

namespace QualysGen.Runtime.Tests;

/// <summary>The transport's stages on their own, without a server: the response classifier and the retry planner.</summary>
public sealed class TransportStageTests
{
    private const string Head = "<?xml version=\"1.0\"?><SIMPLE_RETURN><RESPONSE><DATETIME>2026-12-05T00:00:00Z</DATETIME>";

    [Theory]
    [InlineData(200, Head + "<TEXT>Report canceled</TEXT></RESPONSE></SIMPLE_RETURN>", "Success")]
    [InlineData(409, Head + "<CODE>1960</CODE><TEXT>busy</TEXT></RESPONSE></SIMPLE_RETURN>", "Limited")]
    [InlineData(409, Head + "<CODE>1965</CODE><TEXT>later</TEXT></RESPONSE></SIMPLE_RETURN>", "Limited")]
    [InlineData(200, Head + "<CODE>2001</CODE><TEXT>This account has expired.</TEXT></RESPONSE></SIMPLE_RETURN>", "AccountError")]
    [InlineData(400, Head + "<CODE>1905</CODE><TEXT>bad</TEXT></RESPONSE></SIMPLE_RETURN>", "ApiError")]
    [InlineData(200, Head + "<CODE>Scan Report Template(s) Created Successfully [89876]</CODE></RESPONSE></SIMPLE_RETURN>", "Success")]
    [InlineData(401, Head + "<TEXT>Bad Login/Password</TEXT></RESPONSE></SIMPLE_RETURN>", "Unauthorized")]
    [InlineData(403, Head + "<TEXT>no</TEXT></RESPONSE></SIMPLE_RETURN>", "Unauthorized")]
    [InlineData(500, Head + "<TEXT>oops</TEXT></RESPONSE></SIMPLE_RETURN>", "ApiError")]
    [InlineData(200, "<ServiceResponse><responseCode>SUCCESS</responseCode></ServiceResponse>", "Success")]
    [InlineData(200, "<ServiceResponse><responseCode>INVALID_CREDENTIALS</responseCode></ServiceResponse>", "Unauthorized")]
    [InlineData(200, "<ServiceResponse><responseCode>NOT_FOUND</responseCode></ServiceResponse>", "ServiceError")]
    [InlineData(200, "<SCAN_LIST_OUTPUT/>", "Success")]
    [InlineData(429, "{\"message\":\"Too Many Requests\"}", "Limited")]
    [InlineData(503, "", "ServerError")]
    [InlineData(404, "<html>not here</html>", "HttpError")]
    public async Task The_classifier_decides_on_the_root_element_and_uses_the_status_only_without_a_Qualys_envelope(int status, string body, string outcome)
    {
        var envelope = await ResponseEnvelope.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(body)), CancellationToken.None);

        Assert.Equal(Enum.Parse<ResponseOutcome>(outcome), ResponseClassifier.Classify((HttpStatusCode)status, envelope));
    }

    [Fact]
    public void The_planner_takes_the_wait_Qualys_names_in_order_of_trust_and_backs_off_otherwise()
    {
        var seconds = new SimpleReturnInfo("1965", "later", [new("SECONDS_TO_WAIT", ["30"])]);

        Assert.Equal(TimeSpan.FromSeconds(5), RetryPlanner.AskedWait(seconds, new LimitHeaders { ToWaitSeconds = 5, RetryAfter = TimeSpan.FromSeconds(7) }));
        Assert.Equal(TimeSpan.FromSeconds(7), RetryPlanner.AskedWait(seconds, new LimitHeaders { RetryAfter = TimeSpan.FromSeconds(7) }));
        Assert.Equal(TimeSpan.FromSeconds(30), RetryPlanner.AskedWait(seconds, default));
        Assert.Null(RetryPlanner.AskedWait(null, default));

        var planner = new RetryPlanner(new QualysRetryOptions { ConcurrencyDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(3) });
        planner.Sending();
        var busy = new SimpleReturnInfo("1960", "busy", []);
        var first = planner.PlanLimit(busy, default);
        planner.Sending();
        var second = planner.PlanLimit(busy, default);
        planner.Sending();
        var third = planner.PlanLimit(busy, default);

        Assert.Equal(QualysLimitKind.Concurrency, first.Kind);
        Assert.Null(first.Asked);
        Assert.InRange(first.Delay, TimeSpan.FromSeconds(0.8), TimeSpan.FromSeconds(1.2));
        Assert.InRange(second.Delay, TimeSpan.FromSeconds(1.6), TimeSpan.FromSeconds(2.4));
        Assert.Equal(TimeSpan.FromSeconds(3), third.Delay);
        Assert.True(first.WithinBudget && second.WithinBudget && third.WithinBudget);
    }

    [Fact]
    public void The_planner_refuses_a_wait_past_the_budget_and_an_attempt_past_the_limit()
    {
        var planner = new RetryPlanner(new QualysRetryOptions { MaxAttempts = 2, MaxTotalDelay = TimeSpan.FromMinutes(1) });
        planner.Sending();

        var day = planner.PlanLimit(new SimpleReturnInfo("1965", "later", []), new LimitHeaders { ToWaitSeconds = 86400 });
        Assert.Equal(QualysLimitKind.Rate, day.Kind);
        Assert.Equal(TimeSpan.FromDays(1), day.Asked);
        Assert.False(day.WithinBudget);

        Assert.True(planner.PlanLimit(null, new LimitHeaders { ToWaitSeconds = 1 }).WithinBudget);
        planner.Sending();
        Assert.False(planner.PlanLimit(null, new LimitHeaders { ToWaitSeconds = 1 }).WithinBudget);
        Assert.Equal(2, planner.Attempts);
        Assert.Equal(TimeSpan.FromSeconds(1), planner.Waited);
    }

    [Theory]
    [InlineData(true, true, true)]
    [InlineData(true, false, true)]
    [InlineData(false, false, true)]
    [InlineData(false, true, false)]
    public void The_planner_repeats_a_failure_in_transit_only_when_the_call_is_safe_or_certainly_never_left(bool isRetrySafe, bool mayHaveRun, bool retried)
    {
        var planner = new RetryPlanner(new QualysRetryOptions());
        planner.Sending();

        Assert.Equal(retried, planner.TryPlanTransient(isRetrySafe, mayHaveRun, out var delay));
        Assert.Equal(retried, delay > TimeSpan.Zero);
    }
}
