using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using System.Xml.Linq;
using QualysGen.IntegrationTests.Qualys.WasscanXsd;
using WebApps = QualysGen.IntegrationTests.Qualys.WebappXsd;

namespace QualysGen.IntegrationTests;

/// <summary>The QPS envelope and WAS objects, generated from wasscan.xsd and webapp.xsd, against the seed and recorded responses.</summary>
public sealed class QpsResponseTests
{
    private static Stream Open(string name) => File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Samples", "qps", name));

    [Fact]
    public void The_seed_delete_by_id_response_parses()
    {
        var response = ServiceResponse.Parse(Open("seed001_delete_scan_by_id.response.xml"));

        Assert.Equal(ResponseCode.Success, response.ResponseCode);
        Assert.Equal(1, response.Count);
        Assert.Null(response.HasMoreRecords);
        Assert.Equal([12405L], response.Data.Select(s => s.Id));
    }

    [Fact]
    public async Task The_seed_delete_by_filter_response_streams_both_scans()
    {
        var ids = new List<long?>();
        await foreach (var scan in ServiceResponse.EnumerateWasScansAsync(Open("seed001_delete_scans_by_filter.response.xml")))
        {
            ids.Add(scan.Id);
        }

        Assert.Equal([12874L, 13093L], ids);
        Assert.Equal(2, (await ServiceResponse.ParseAsync(Open("seed001_delete_scans_by_filter.response.xml"))).Count);
    }

    [Fact]
    public void A_scan_status_reads_its_enums()
    {
        var scan = Assert.Single(ServiceResponse.Parse(Open("was_scan_status.wasscan.xml")).Data);

        Assert.Equal(1902350L, scan.Id);
        Assert.Equal(WasScanStatus.Finished, scan.Status);
        Assert.Equal(WasScanSummaryResultsStatus.NoHostAlive, scan.Summary!.ResultsStatus);
        Assert.Equal(WasScanSummaryAuthStatus.None, scan.Summary.AuthStatus);
    }

    [Fact]
    public void A_launch_response_parses()
        => Assert.Equal(2763740L, Assert.Single(ServiceResponse.Parse(Open("was_scan_launch_success.wasscan.xml")).Data).Id);

    [Theory]
    [InlineData("iterateWebAppsInvalidFilterValue__0__qps_rest_3.0_search_was_webapp.xml", "INVALID_REQUEST",
        "Criteria: Invalid value format for criteria 'isScanned' (undefined).", "Values expected: true, false.")]
    [InlineData("verifyAuthenticationInaccesible__0__qps_rest_portal_version.xml", "INVALID_CREDENTIALS",
        "Authentication failed", "Verify both, user and password credentials.")]
    public void Error_responses_carry_code_message_and_resolution(string file, string code, string message, string resolution)
    {
        var response = WebApps.ServiceResponse.Parse(Open(file));

        Assert.Equal(code, response.ResponseCodeRaw);
        Assert.NotEqual(WebApps.ResponseCode.Success, response.ResponseCode);
        Assert.Equal(message, response.ResponseErrorDetails!.ErrorMessage);
        Assert.Equal(resolution, response.ResponseErrorDetails.ErrorResolution);
        Assert.Empty(response.Data);
    }

    [Fact]
    public void Every_recorded_page_carries_its_paging_values()
    {
        var expectedLastIds = new[] { 238483924L, 238483925L, 238483926L, 238483927L, 238483928L };
        for (var page = 0; page <= 5; page++)
        {
            var response = WebApps.ServiceResponse.Parse(Open($"iterateWebAppsPagination__{page}__qps_rest_3.0_search_was_webapp.xml"));

            Assert.Equal(WebApps.ResponseCode.Success, response.ResponseCode);
            Assert.Equal(1, response.Count);
            Assert.True(response.HasMoreRecords);
            var app = Assert.Single(response.Data);
            Assert.Equal(response.LastId, app.Id);
            if (page < expectedLastIds.Length)
            {
                Assert.Equal(expectedLastIds[page], response.LastId);
            }
        }

        var first = Assert.Single(WebApps.ServiceResponse.Parse(Open("iterateWebAppsPagination__0__qps_rest_3.0_search_was_webapp.xml")).Data);
        Assert.Equal("http://rest.vulnweb.com/", first.Name);
        Assert.Equal("http://rest.vulnweb.com/", first.Url);
        Assert.Equal(17729931L, first.Owner!.Id);
        Assert.Equal(new DateTimeOffset(2022, 4, 12, 21, 12, 52, TimeSpan.Zero), first.CreatedDate);
        Assert.Equal(0, first.Tags!.Count);
    }

    [Fact]
    public void An_empty_result_has_no_records()
    {
        var response = WebApps.ServiceResponse.Parse(Open("iterateWebAppsFilteredNotFound__0__qps_rest_3.0_search_was_webapp.xml"));

        Assert.Equal(0, response.Count);
        Assert.Empty(response.Data);
    }

    [Fact]
    public async Task Several_web_apps_stream()
    {
        var count = 0;
        await foreach (var app in WebApps.ServiceResponse.EnumerateWebAppsAsync(Open("fetchScannedWebAppIds__0__qps_rest_3.0_search_was_webapp.xml")))
        {
            Assert.NotNull(app.Id);
            count++;
        }

        Assert.Equal(7, count);
    }

    [Fact]
    public void A_response_code_the_schema_does_not_know_is_kept_not_fatal()
    {
        const string xml = "<ServiceResponse><responseCode>BRAND_NEW_CODE</responseCode><count>0</count></ServiceResponse>";

        var response = ServiceResponse.Parse(Xml.Stream(xml));

        Assert.Equal(ResponseCode.Unknown, response.ResponseCode);
        Assert.Equal("BRAND_NEW_CODE", response.ResponseCodeRaw);
    }

    [Fact]
    public void The_unclosed_published_error_is_malformed()
    {
        var exception = Assert.Throws<QualysXmlException>(() => ServiceResponse.Parse(Open("qps_invalid_request_concurrent_scans.UNCLOSED.bad.xml")));
        Assert.Equal(QualysXmlErrorKind.Malformed, exception.Kind);
    }

    [Fact]
    public void A_qps_boolean_must_be_a_boolean()
    {
        const string xml = "<ServiceResponse><responseCode>SUCCESS</responseCode><hasMoreRecords>maybe</hasMoreRecords></ServiceResponse>";

        var exception = Assert.Throws<QualysXmlException>(() => ServiceResponse.Parse(Xml.Stream(xml), new QualysXmlOptions { Strict = true }));

        Assert.Equal(QualysXmlErrorKind.InvalidValue, exception.Kind);
        Assert.Equal("/ServiceResponse/hasMoreRecords", exception.ElementPath);

        // By default the optional flag is left out and the rest is read.
        var report = new QualysXmlReport();
        var lenient = ServiceResponse.Parse(Xml.Stream(xml), new QualysXmlOptions { Reporter = report });
        Assert.Null(lenient.HasMoreRecords);
        Assert.Equal("/ServiceResponse/hasMoreRecords", Assert.Single(report.Deviations).OmittedPath);
    }

    [Fact]
    public void An_empty_element_takes_its_schema_default_and_an_absent_one_stays_null()
    {
        const string xml = """
            <ServiceResponse><responseCode>SUCCESS</responseCode><data>
              <WebApp><id>1</id><scope/><useSitemap></useSitemap></WebApp>
              <WebApp><id>2</id><scope>DOMAINS</scope><useSitemap>true</useSitemap></WebApp>
              <WebApp><id>3</id></WebApp>
            </data></ServiceResponse>
            """;

        var apps = WebApps.ServiceResponse.Parse(Xml.Stream(xml)).Data;

        Assert.Equal("ALL", apps[0].ScopeRaw);
        Assert.False(apps[0].UseSitemap);
        Assert.Equal("DOMAINS", apps[1].ScopeRaw);
        Assert.True(apps[1].UseSitemap);
        Assert.Null(apps[2].Scope);
        Assert.Null(apps[2].UseSitemap);
    }
}
