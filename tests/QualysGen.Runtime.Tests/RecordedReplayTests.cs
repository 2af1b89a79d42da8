using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using QualysGen.Client;
using QualysGen.Requests;
using QualysGen.Runtime.Tests.Infrastructure;
using QualysGen.Tests;

namespace QualysGen.Runtime.Tests;

/// <summary>
/// Real responses recorded against a Qualys platform (US3), replayed with their recorded HTTP status and headers, and the
/// published fixtures: each must come out as the success or the typed failure it is. They are the reference material, read in
/// place (<see cref="ReferenceFiles"/>): without it these tests are skipped.
/// </summary>
public sealed class RecordedReplayTests
{
    private static QualysClient Client(ReplayHandler handler, int maxAttempts = 3) => new(new HttpClient(handler), new QualysClientOptions
    {
        Platform = QualysPlatform.US3,
        UserName = "acme_ab12",
        Password = "recorded",
        Retry = new QualysRetryOptions { MaxAttempts = maxAttempts, ConcurrencyDelay = TimeSpan.FromMilliseconds(10) },
    });

    private static QualysRequest<string> Fo(string path) => new("Replay", "2.0", HttpMethod.Post, path, [new("action", "list")], QualysBodyKind.Query, [], default, null, QualysAuthSchemes.Basic, QualysHost.ApiServer, true, TestRequests.ReadToEndAsync);

    private static QualysRequest<string> Qps(string path, string body = "<ServiceRequest><preferences><limitResults>1</limitResults><startFromOffset>1</startFromOffset></preferences></ServiceRequest>")
        => new("Replay", "3.0", HttpMethod.Post, path, [], QualysBodyKind.Xml, [], System.Text.Encoding.UTF8.GetBytes(body), "text/xml", QualysAuthSchemes.Basic, QualysHost.ApiServer, true, TestRequests.ReadToEndAsync);

    [Theory]
    [ReferenceInlineData("iterateHostDetectionsBadId__0__api_2.0_fo_asset_host_vm_detection", "/api/2.0/fo/asset/host/vm/detection/")]
    [ReferenceInlineData("iterateVulnerabilitiesBadId__0__api_2.0_fo_knowledge_base_vuln", "/api/2.0/fo/knowledge_base/vuln/")]
    public async Task Code_1905_with_HTTP_400_and_no_XML_declaration(string recording, string path)
    {
        var handler = new ReplayHandler().Recorded(recording);
        await using var client = Client(handler);

        var exception = await Assert.ThrowsAsync<QualysApiException>(() => client.SendAsync(Fo(path)));

        Assert.Equal(1905, exception.Code);
        Assert.Equal(HttpStatusCode.BadRequest, exception.HttpStatus);
        Assert.Equal("parameter ids has invalid value: abc123 (neither a positive integer nor a range: abc123)", exception.Text);
        Assert.Equal("https://qualysapi.qg3.apps.qualys.com" + path + "?action=list", handler.Requests.Single().Uri.ToString());
        Assert.Equal("QualysGen", handler.Requests.Single().Message.Headers.GetValues("X-Requested-With").Single());
        Assert.Equal(2, client.GetConcurrencyLimit(QualysHost.ApiServer, path));
    }

    [ReferenceFact]
    public async Task Account_expired_2001_with_HTTP_200()
    {
        await using var client = Client(new ReplayHandler().Recorded("verifyAuthenticationExpired__0__api_2.0_fo_activity_log"));

        var exception = await Assert.ThrowsAsync<QualysAuthenticationException>(() => client.SendAsync(Fo("/api/2.0/fo/activity_log/")));

        Assert.Equal("2001", exception.Code);
        Assert.Equal("This account has expired.", exception.Text);
        Assert.Equal(HttpStatusCode.OK, exception.HttpStatus);
    }

    [ReferenceFact]
    public async Task QPS_INVALID_CREDENTIALS_with_HTTP_200()
    {
        await using var client = Client(new ReplayHandler().Recorded("verifyAuthenticationInaccesible__0__qps_rest_portal_version"));

        var exception = await Assert.ThrowsAsync<QualysAuthenticationException>(() => client.SendAsync(Qps("/qps/rest/portal/version")));

        Assert.Equal("INVALID_CREDENTIALS", exception.Code);
        Assert.Equal("Authentication failed", exception.Text);
    }

    [Theory]
    [ReferenceInlineData("iterateWebAppsInvalidFilterValue__0__qps_rest_3.0_search_was_webapp", "Criteria: Invalid value format for criteria 'isScanned' (undefined).", "Values expected: true, false.")]
    [ReferenceInlineData("iterateWebAppFindingsBadId__0__qps_rest_3.0_search_was_finding", "Criteria: Invalid value format for criteria 'webApp.id' (abc123).", "Specify criteria value(s) as Long.")]
    [ReferenceInlineData("iterateHostDetailsBadId__0__qps_rest_2.0_search_am_hostasset", "Criteria: Invalid value format for criteria 'qwebHostId' (abc123).", "Specify criteria value(s) as Long.")]
    public async Task QPS_INVALID_REQUEST_with_HTTP_200(string recording, string message, string resolution)
    {
        await using var client = Client(new ReplayHandler().Recorded(recording));

        var exception = await Assert.ThrowsAsync<QualysServiceException>(() => client.SendAsync(Qps("/qps/rest/3.0/search/was/webapp")));

        Assert.Equal("INVALID_REQUEST", exception.ResponseCode);
        Assert.Equal(message, exception.ErrorMessage);
        Assert.Equal(resolution, exception.ErrorResolution);
        Assert.Equal(HttpStatusCode.OK, exception.HttpStatus);
    }

    [ReferenceFact]
    public async Task QPS_success_without_records_is_an_empty_enumeration()
    {
        var handler = new ReplayHandler().Recorded("iterateWebAppsFilteredNotFound__0__qps_rest_3.0_search_was_webapp");
        await using var client = Client(handler);

        var ids = (await client.EnumerateAsync(Qps("/qps/rest/3.0/search/was/webapp"), Qualys.WebappXsd.ServiceResponse.EnumerateWebAppsAsync).CollectAsync()).Select(a => a.Id!.Value).ToList();

        Assert.Empty(ids);
        Assert.Single(handler.Requests);
    }

    [ReferenceFact]
    public async Task QPS_portal_version_success()
    {
        await using var client = Client(new ReplayHandler().Recorded("executeAPIRequest409rateLimit__0__qps_rest_portal_version"));

        var body = await client.SendAsync(Qps("/qps/rest/portal/version"));

        Assert.Contains("<WAS-VERSION>1.1.0.0-2</WAS-VERSION>", body);
        Assert.StartsWith("<?xml", body);
    }

    [ReferenceFact]
    public async Task QPS_last_page_is_not_followed()
    {
        var handler = new ReplayHandler().Recorded("fetchScannedWebAppIds__0__qps_rest_3.0_search_was_webapp");
        await using var client = Client(handler);

        var ids = (await client.EnumerateAsync(Qps("/qps/rest/3.0/search/was/webapp"), Qualys.WebappXsd.ServiceResponse.EnumerateWebAppsAsync).CollectAsync()).Select(a => a.Id!.Value).ToList();

        Assert.Equal(7, ids.Count);
        Assert.Single(handler.Requests);
    }

    [ReferenceFact]
    public async Task QPS_recorded_pagination_is_followed_by_lastId()
    {
        var handler = new ReplayHandler();
        for (var page = 0; page <= 5; page++)
        {
            handler.Recorded($"iterateWebAppsPagination__{page}__qps_rest_3.0_search_was_webapp");
        }

        // The recording stops with hasMoreRecords=true; the platform's "no more" answer is a SUCCESS with count 0.
        handler.Recorded("iterateWebAppsFilteredNotFound__0__qps_rest_3.0_search_was_webapp");
        await using var client = Client(handler);

        var ids = (await client.EnumerateAsync(Qps("/qps/rest/3.0/search/was/webapp"), Qualys.WebappXsd.ServiceResponse.EnumerateWebAppsAsync).CollectAsync()).Select(a => a.Id!.Value).ToList();

        Assert.Equal([238483924L, 238483925, 238483926, 238483927, 238483928, 251316885], ids);
        Assert.Equal(7, handler.Requests.Count);
        Assert.Contains("<startFromOffset>1</startFromOffset>", handler.Requests[0].Body);
        for (var i = 1; i < handler.Requests.Count; i++)
        {
            var body = handler.Requests[i].Body;
            Assert.Contains($"<Criteria field=\"id\" operator=\"GREATER\">{ids[i - 1]}</Criteria>", body);
            Assert.DoesNotContain("startFromOffset", body);
            Assert.Contains("<limitResults>1</limitResults>", body);
        }
    }

    [ReferenceFact]
    public async Task Fixture_1960_with_409_is_retried()
    {
        var handler = new ReplayHandler()
            .Fixture("simple_return_1960_concurrency_limit.xml", 409, new("X-Concurrency-Limit-Limit", "1"), new("X-Concurrency-Limit-Running", "1"))
            .Recorded("executeAPIRequest409rateLimit__0__qps_rest_portal_version");
        await using var client = Client(handler);

        await client.SendAsync(Fo("/api/2.0/fo/scan/"));

        Assert.Equal(2, handler.Requests.Count);
        Assert.Equal(1, client.GetConcurrencyLimit(QualysHost.ApiServer, "/api/2.0/fo/scan/"));
    }

    [ReferenceFact]
    public async Task Fixture_1965_asking_for_hours_fails_at_once_with_the_wait()
    {
        var handler = new ReplayHandler().Fixture("simple_return_1965_rate_limit.xml", 409);
        await using var client = Client(handler);

        var exception = await Assert.ThrowsAsync<QualysLimitExceededException>(() => client.SendAsync(Fo("/api/2.0/fo/scan/")));

        Assert.Equal(QualysLimitKind.Rate, exception.Kind);
        Assert.Equal(TimeSpan.FromSeconds(68928), exception.RetryAfter);
        Assert.Equal("This API cannot be run again for another 23 hours, 57 minutes and 54 seconds.", exception.Text);
        Assert.Single(handler.Requests);
    }

    [Theory]
    [ReferenceInlineData("simple_return_2003_registration_incomplete.xml", "2003")]
    [ReferenceInlineData("simple_return_2011_secureid_required.xml", "2011")]
    public async Task Fixture_account_codes_are_authentication_failures(string file, string code)
    {
        await using var client = Client(new ReplayHandler().Fixture(file, 200));

        var exception = await Assert.ThrowsAsync<QualysAuthenticationException>(() => client.SendAsync(Fo("/api/2.0/fo/scan/")));

        Assert.Equal(code, exception.Code);
    }

    [ReferenceFact]
    public async Task Fixture_QPS_error_published_unclosed_is_still_the_error()
    {
        await using var client = Client(new ReplayHandler().Fixture("qps_invalid_request_concurrent_scans.AS_PUBLISHED_UNCLOSED.xml", 200));

        var exception = await Assert.ThrowsAsync<QualysServiceException>(() => client.SendAsync(Qps("/qps/rest/3.0/launch/was/wasscan")));

        Assert.Equal("You have reached the maximum number of concurrent running scans (10) for your account", exception.ErrorMessage);
        Assert.Equal("Please wait until your previous scans have completed", exception.ErrorResolution);
    }

    [ReferenceFact]
    public async Task Fixture_WAS_scan_launch_success()
    {
        await using var client = Client(new ReplayHandler().Fixture("was_scan_launch_success.wasscan.xml", 200));

        var ids = (await client.EnumerateAsync(Qps("/qps/rest/3.0/launch/was/wasscan"), Qualys.WasscanXsd.ServiceResponse.EnumerateWasScansAsync).CollectAsync()).Select(s => s.Id!.Value).ToList();

        Assert.Equal([2763740L], ids);
    }
}

internal static class AsyncEnumerableExtensions
{
    public static async Task<List<T>> CollectAsync<T>(this IAsyncEnumerable<T> source)
    {
        var list = new List<T>();
        await foreach (var item in source)
        {
            list.Add(item);
        }

        return list;
    }
}
