using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using QualysGen.Runtime.Tests.Infrastructure;
using QualysGen.Simulator;

namespace QualysGen.Runtime.Tests;

/// <summary>Every kind of failure becomes its typed exception, decided by the body's root element rather than the HTTP status.</summary>
public sealed class ErrorTests
{
    [Fact]
    public async Task SIMPLE_RETURN_with_a_code_is_an_api_exception_with_code_text_items_and_status()
    {
        await using var h = await Harness.StartAsync();

        var exception = await Assert.ThrowsAsync<QualysApiException>(() => h.Client.SendAsync(TestRequests.CreateScheduleWithout("scan_title")));

        Assert.Equal(1903, exception.Code);
        Assert.Equal("Missing required parameter(s): scan_title", exception.Text);
        Assert.Equal(HttpStatusCode.BadRequest, exception.HttpStatus);
        Assert.Equal("CreateComplianceSchedule", exception.Call.Endpoint);
        Assert.Equal("/api/2.0/fo/schedule/scan/compliance/", exception.Call.Path);
        Assert.Contains("code 1903", exception.Message);
    }

    [Fact]
    public async Task Items_of_an_error_are_kept()
    {
        await using var h = await Harness.StartAsync();
        h.Simulator.Enqueue("/api/", QualysFault.RateLimited(86400));

        var exception = await Assert.ThrowsAsync<QualysLimitExceededException>(() => h.Client.SendAsync(TestRequests.ListSchedules()));

        Assert.Equal(1965, exception.Code);
        Assert.Equal(TimeSpan.FromDays(1), exception.RetryAfter);
        Assert.Equal(1, exception.Attempts);
    }

    [Fact]
    public async Task An_account_code_sent_with_200_is_an_authentication_exception()
    {
        await using var h = await Harness.StartAsync();
        h.Simulator.Enqueue("/api/", QualysFault.SimpleReturn(2001, "This account has expired.", status: 200));

        var exception = await Assert.ThrowsAsync<QualysAuthenticationException>(() => h.Client.SendAsync(TestRequests.ListSchedules()));

        Assert.Equal("2001", exception.Code);
        Assert.Equal("This account has expired.", exception.Text);
        Assert.Equal(HttpStatusCode.OK, exception.HttpStatus);
    }

    [Fact]
    public async Task A_parameter_rule_broken_on_the_server_is_1904()
    {
        await using var h = await Harness.StartAsync();
        var request = TestRequests.CreateSchedule("both options");
        var form = request.Form.ToList();
        form.Add(new("option_id", "76960"));
        var both = new Requests.QualysRequest<Qualys.SimpleReturnDtd.SimpleReturn>(request.Endpoint, request.Version, request.Method, request.Path, request.Query, request.BodyKind, form, default, null, request.AuthSchemes, request.Host, false, request.ParseResponseAsync);

        var exception = await Assert.ThrowsAsync<QualysApiException>(() => h.Client.SendAsync(both));

        Assert.Equal(1904, exception.Code);
        Assert.DoesNotContain(h.Simulator.State.ComplianceSchedules, s => s.Title == "both options");
    }

    [Fact]
    public async Task QPS_responseCode_is_a_service_exception_with_message_and_resolution()
    {
        await using var h = await Harness.StartAsync();
        var request = TestRequests.SearchWasScans();
        var bad = new Requests.QualysRequest<string>(request.Endpoint, request.Version, request.Method, request.Path, request.Query, request.BodyKind, request.Form,
            "<ServiceRequest><filters><Criteria field=\"id\" operator=\"EQUALS\">abc123</Criteria></filters></ServiceRequest>"u8.ToArray(), "text/xml", request.AuthSchemes, request.Host, true, request.ParseResponseAsync);

        var exception = await Assert.ThrowsAsync<QualysServiceException>(() => h.Client.SendAsync(bad));

        Assert.Equal("INVALID_REQUEST", exception.ResponseCode);
        Assert.Equal("Criteria: Invalid value format for criteria 'id' (abc123).", exception.ErrorMessage);
        Assert.Equal("Specify criteria value(s) as Long.", exception.ErrorResolution);
        Assert.Equal(HttpStatusCode.OK, exception.HttpStatus);
    }

    [Fact]
    public async Task A_success_sentence_in_CODE_is_not_an_error()
    {
        await using var h = await Harness.StartAsync();

        var created = await h.Client.SendAsync(TestRequests.CreateTemplate("2.0"));

        Assert.StartsWith("Scan Report Template(s) Created Successfully [", created.Response.Code);
        Assert.Equal("", created.Response.Text);
    }

    [Fact]
    public async Task An_error_page_without_a_Qualys_body_is_an_http_exception_and_is_not_repeated_for_an_unsafe_call()
    {
        await using var h = await Harness.StartAsync();
        h.Simulator.Enqueue("/api/", QualysFault.ServerError(503));

        var exception = await Assert.ThrowsAsync<QualysHttpException>(() => h.Client.SendAsync(TestRequests.CreateSchedule("unsafe")));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, exception.HttpStatus);
        Assert.Equal("text/html", exception.ContentType);
        Assert.Equal(1, exception.Attempts);
        Assert.Single(h.Simulator.Requests);
    }

    [Fact]
    public async Task A_5xx_on_a_call_that_is_safe_to_repeat_is_retried()
    {
        await using var h = await Harness.StartAsync();
        h.Simulator.Enqueue("/api/", QualysFault.ServerError(502));
        h.Simulator.Enqueue("/api/", QualysFault.ServerError(503));

        var list = await h.Client.SendAsync(TestRequests.ListSchedules());

        Assert.Single(list.Response.Scans);
        Assert.Equal([502, 503, 200], h.Simulator.Requests.Select(r => r.Status));
    }

    [Fact]
    public async Task A_wrong_url_is_an_http_exception()
    {
        await using var h = await Harness.StartAsync();
        var request = TestRequests.ListSchedules();
        var wrong = new Requests.QualysRequest<Qualys.ComplianceScheduleScanListOutputDtd.ComplianceScheduleScanListOutput>(request.Endpoint, request.Version, request.Method, "/api/2.0/fo/no/such/thing/", request.Query, request.BodyKind, request.Form, default, null, request.AuthSchemes, request.Host, true, request.ParseResponseAsync);

        var exception = await Assert.ThrowsAsync<QualysHttpException>(() => h.Client.SendAsync(wrong));

        Assert.Equal(HttpStatusCode.NotFound, exception.HttpStatus);
    }

    [Fact]
    public async Task A_body_that_breaks_its_schema_is_a_format_exception_with_the_parser_details()
    {
        await using var h = await Harness.StartAsync();
        h.Simulator.Enqueue("/api/", QualysFault.Respond(200, "<COMPLIANCE_SCHEDULE_SCAN_LIST_OUTPUT><RESPONSE><DATETIME>yesterday</DATETIME></RESPONSE></COMPLIANCE_SCHEDULE_SCAN_LIST_OUTPUT>"));

        var exception = await Assert.ThrowsAsync<QualysResponseFormatException>(() => h.Client.SendAsync(TestRequests.ListSchedules()));

        Assert.Equal(QualysXmlErrorKind.InvalidValue, exception.XmlError!.Kind);
        Assert.Equal("/COMPLIANCE_SCHEDULE_SCAN_LIST_OUTPUT/RESPONSE/DATETIME", exception.XmlError.ElementPath);
        Assert.Equal(HttpStatusCode.OK, exception.HttpStatus);
    }

    [Fact]
    public async Task The_wrong_root_is_a_format_exception()
    {
        await using var h = await Harness.StartAsync();
        h.Simulator.Enqueue("/api/", QualysFault.Respond(200, "<html><body>Maintenance</body></html>", "text/html"));

        var exception = await Assert.ThrowsAsync<QualysResponseFormatException>(() => h.Client.SendAsync(TestRequests.ListSchedules()));

        Assert.Equal(QualysXmlErrorKind.UnexpectedRoot, exception.XmlError!.Kind);
    }

    [Fact]
    public async Task Every_exception_derives_from_one_base_type()
    {
        foreach (var type in new[]
                 {
                     typeof(QualysApiException), typeof(QualysServiceException), typeof(QualysAuthenticationException), typeof(QualysLimitExceededException),
                     typeof(QualysHttpException), typeof(QualysTransportException), typeof(QualysResponseFormatException),
                 })
        {
            Assert.True(typeof(QualysException).IsAssignableFrom(type), type.Name);
        }

        await Task.CompletedTask;
    }
}
