using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using System.Net.Http;
using QualysGen.Auth;
using QualysGen.Client;
using QualysGen.Limits;
using QualysGen.Requests;
using QualysGen.Responses;
using QualysGen.Runtime.Tests.Infrastructure;

namespace QualysGen.Runtime.Tests;

/// <summary>The transport's stages on their own, without a server: the message, the response classifier, the errors, the retry planner and the resend guard.</summary>
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

    [Fact]
    public async Task The_message_carries_the_headers_the_credential_and_the_requests_content_type_and_an_unsafe_body_goes_once()
    {
        var options = new QualysClientOptions { Platform = QualysPlatform.US2, UserAgent = "acme/1" };
        var messages = new RequestMessageFactory(options, options.ResolveUrls());
        var create = TestRequests.CreateSchedule("once");
        var baseUri = messages.BaseFor(create.Host, create.Path);

        using var message = messages.Create(create, baseUri, new AuthTicket(QualysAuthSchemes.Bearer, "token"));

        Assert.Equal(new Uri("https://qualysapi.qg2.apps.qualys.com/"), baseUri);
        Assert.StartsWith("https://qualysapi.qg2.apps.qualys.com/api/", message.RequestUri!.AbsoluteUri);
        Assert.Equal(["QualysGen"], message.Headers.GetValues("X-Requested-With"));
        Assert.Equal(["acme/1"], message.Headers.GetValues("User-Agent"));
        Assert.Equal("Bearer token", message.Headers.Authorization!.ToString());
        Assert.Equal(create.ContentType, message.Content!.Headers.ContentType!.ToString());
        Assert.IsType<SendOnceContent>(message.Content);
        await message.Content.CopyToAsync(new MemoryStream());
        await Assert.ThrowsAsync<InvalidOperationException>(() => message.Content.CopyToAsync(new MemoryStream()));

        Assert.Throws<InvalidOperationException>(() => messages.BaseFor(QualysHost.Custom, "/run"));
        Assert.Throws<InvalidOperationException>(() => messages.BaseFor(QualysHost.ApiServer, "https://elsewhere.example.com/api/"));
    }

    [Fact]
    public async Task The_resend_guard_lets_a_marked_message_through_once_and_an_unmarked_one_always()
    {
        var options = new QualysClientOptions { Platform = QualysPlatform.US1 };
        var request = TestRequests.ListSchedules(QualysAuthSchemes.Basic);
        var messages = new RequestMessageFactory(options, options.ResolveUrls());
        using var invoker = new HttpMessageInvoker(new ResendGuardHandler { InnerHandler = new AnswerHandler() });
        using var marked = messages.Create(request, messages.BaseFor(request.Host, request.Path), new AuthTicket(QualysAuthSchemes.None, null));
        using var unmarked = new HttpRequestMessage(HttpMethod.Get, "https://example.com/");

        (await invoker.SendAsync(marked, CancellationToken.None)).Dispose();
        var resent = await Assert.ThrowsAsync<InvalidOperationException>(() => invoker.SendAsync(marked, CancellationToken.None));
        (await invoker.SendAsync(unmarked, CancellationToken.None)).Dispose();
        (await invoker.SendAsync(unmarked, CancellationToken.None)).Dispose();

        Assert.Equal(ResendGuardHandler.ResentMessage, resent.Message);
    }

    [Theory]
    [InlineData("AccountError", 200, Head + "<CODE>2001</CODE><TEXT>This account has expired.</TEXT></RESPONSE></SIMPLE_RETURN>", typeof(QualysAuthenticationException), "2001")]
    [InlineData("Unauthorized", 200, "<ServiceResponse><responseCode>INVALID_CREDENTIALS</responseCode></ServiceResponse>", typeof(QualysAuthenticationException), "INVALID_CREDENTIALS")]
    [InlineData("ApiError", 400, Head + "<CODE>1905</CODE><TEXT>bad</TEXT></RESPONSE></SIMPLE_RETURN>", typeof(QualysApiException), "1905")]
    [InlineData("ServiceError", 200, "<ServiceResponse><responseCode>NOT_FOUND</responseCode></ServiceResponse>", typeof(QualysServiceException), "NOT_FOUND")]
    [InlineData("ServerError", 503, "", typeof(QualysHttpException), null)]
    [InlineData("HttpError", 404, "<html>not here</html>", typeof(QualysHttpException), null)]
    public async Task A_failing_outcome_becomes_its_exception_with_what_the_body_said(string outcome, int status, string body, Type type, string? code)
    {
        var envelope = await ResponseEnvelope.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(body)), CancellationToken.None);
        using var response = new HttpResponseMessage((HttpStatusCode)status) { Content = new ByteArrayContent([]) };
        var call = new QualysCallInfo("ListThings", "2.0", HttpMethod.Get, "/api/2.0/fo/thing/");

        var exception = ResponseErrors.For(Enum.Parse<ResponseOutcome>(outcome), call, QualysAuthSchemes.Basic, response, envelope, attempts: 1);

        Assert.IsType(type, exception);
        Assert.Same(call, exception.Call);
        Assert.Equal((HttpStatusCode)status, exception.HttpStatus);
        Assert.Equal(code, exception switch
        {
            QualysAuthenticationException auth => auth.Code,
            QualysApiException api => api.Code?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            QualysServiceException service => service.ResponseCode,
            _ => null,
        });
    }

    private sealed class AnswerHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));
    }
}
