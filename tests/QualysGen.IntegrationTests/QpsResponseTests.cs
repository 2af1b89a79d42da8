using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using System.Xml.Linq;
using QualysGen.IntegrationTests.Qualys.WasscanXsd;
using QualysGen.Tests;
using WebApps = QualysGen.IntegrationTests.Qualys.WebappXsd;

namespace QualysGen.IntegrationTests;

/// <summary>
/// The QPS envelope and WAS objects, generated from wasscan.xsd and webapp.xsd, against the seed responses (<c>Samples/qps/</c>)
/// and the recorded and published responses of the reference material (read in place; skipped when it is absent).
/// </summary>
public sealed class QpsResponseTests
{
    private static Stream Open(string name) => File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Samples", "qps", name));

    private static Stream Recorded(string name) => ReferenceFiles.Open("samples/recorded/" + name);

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

    [ReferenceFact]
    public void A_scan_status_reads_its_enums()
    {
        // As published, the doc sample has a placeholder inside an attribute value, which is not well-formed XML.
        var published = ReferenceFiles.ReadAllText("samples/docs/was_scan_status.wasscan.xml");
        var scan = Assert.Single(ServiceResponse.Parse(Xml.Stream(published.Replace("<qualys_base_url>", "https://qualysapi.qualys.com"))).Data);

        Assert.Equal(1902350L, scan.Id);
        Assert.Equal(WasScanStatus.Finished, scan.Status);
        Assert.Equal(WasScanSummaryResultsStatus.NoHostAlive, scan.Summary!.ResultsStatus);
        Assert.Equal(WasScanSummaryAuthStatus.None, scan.Summary.AuthStatus);
    }

    [ReferenceFact]
    public void A_launch_response_parses()
        => Assert.Equal(2763740L, Assert.Single(ServiceResponse.Parse(ReferenceFiles.Open("samples/fixtures/was_scan_launch_success.wasscan.xml")).Data).Id);

    [Theory]
    [ReferenceInlineData("iterateWebAppsInvalidFilterValue__0__qps_rest_3.0_search_was_webapp.xml", "INVALID_REQUEST",
        "Criteria: Invalid value format for criteria 'isScanned' (undefined).", "Values expected: true, false.")]
    [ReferenceInlineData("verifyAuthenticationInaccesible__0__qps_rest_portal_version.xml", "INVALID_CREDENTIALS",
        "Authentication failed", "Verify both, user and password credentials.")]
    public void Error_responses_carry_code_message_and_resolution(string file, string code, string message, string resolution)
    {
        var response = WebApps.ServiceResponse.Parse(Recorded(file));

        Assert.Equal(code, response.ResponseCodeRaw);
        Assert.NotEqual(WebApps.ResponseCode.Success, response.ResponseCode);
        Assert.Equal(message, response.ResponseErrorDetails!.ErrorMessage);
        Assert.Equal(resolution, response.ResponseErrorDetails.ErrorResolution);
        Assert.Empty(response.Data);
    }

    [ReferenceFact]
    public void Every_recorded_page_carries_its_paging_values()
    {
        var expectedLastIds = new[] { 238483924L, 238483925L, 238483926L, 238483927L, 238483928L };
        for (var page = 0; page <= 5; page++)
        {
            var response = WebApps.ServiceResponse.Parse(Recorded($"iterateWebAppsPagination__{page}__qps_rest_3.0_search_was_webapp.xml"));

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

        var first = Assert.Single(WebApps.ServiceResponse.Parse(Recorded("iterateWebAppsPagination__0__qps_rest_3.0_search_was_webapp.xml")).Data);
        Assert.Equal("http://rest.vulnweb.com/", first.Name);
        Assert.Equal("http://rest.vulnweb.com/", first.Url);
        Assert.Equal(17729931L, first.Owner!.Id);
        Assert.Equal(new DateTimeOffset(2022, 4, 12, 21, 12, 52, TimeSpan.Zero), first.CreatedDate);
        Assert.Equal(0, first.Tags!.Count);
    }

    [ReferenceFact]
    public void An_empty_result_has_no_records()
    {
        var response = WebApps.ServiceResponse.Parse(Recorded("iterateWebAppsFilteredNotFound__0__qps_rest_3.0_search_was_webapp.xml"));

        Assert.Equal(0, response.Count);
        Assert.Empty(response.Data);
    }

    [ReferenceFact]
    public async Task Several_web_apps_stream()
    {
        var count = 0;
        await foreach (var app in WebApps.ServiceResponse.EnumerateWebAppsAsync(Recorded("fetchScannedWebAppIds__0__qps_rest_3.0_search_was_webapp.xml")))
        {
            Assert.NotNull(app.Id);
            count++;
        }

        Assert.Equal(7, count);
    }

    [Fact]
    public async Task A_web_app_page_reads_its_paging_and_every_declared_field()
    {
        const string xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <ServiceResponse xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="https://qualysapi.qualys.com/qps/xsd/3.0/was/webapp.xsd">
              <responseCode>SUCCESS</responseCode>
              <count>2</count>
              <hasMoreRecords>true</hasMoreRecords>
              <lastId>5002</lastId>
              <data>
                <WebApp>
                  <updatedDate>2026-03-02T08:30:00Z</updatedDate>
                  <id>5001</id>
                  <name><![CDATA[Shop & Checkout]]></name>
                  <url><![CDATA[https://shop.example.com/?a=1&b=2]]></url>
                  <owner><id>77</id></owner>
                  <tags><count>2</count><list><Tag><id>9</id><name>PCI</name></Tag><Tag><id>10</id><name>Prod</name></Tag></list></tags>
                  <isScanned>true</isScanned>
                  <createdDate>2026-03-01T12:00:00Z</createdDate>
                </WebApp>
                <WebApp><id>5002</id><name>Intranet</name><isScanned>false</isScanned><riskScore>7</riskScore></WebApp>
              </data>
            </ServiceResponse>
            """;

        var response = WebApps.ServiceResponse.Parse(Xml.Stream(xml));

        Assert.Equal((WebApps.ResponseCode.Success, 2, true, 5002L), (response.ResponseCode, response.Count, response.HasMoreRecords, response.LastId));
        var shop = response.Data[0];
        Assert.Equal((5001L, "Shop & Checkout", "https://shop.example.com/?a=1&b=2", 77L), (shop.Id, shop.Name, shop.Url, shop.Owner!.Id));
        Assert.Equal(2, shop.Tags!.Count);
        Assert.Equal(["PCI", "Prod"], shop.Tags.Tags.Select(t => t.Name));
        Assert.Equal(true, shop.IsScanned);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero), shop.CreatedDate);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 8, 30, 0, TimeSpan.Zero), shop.UpdatedDate);
        var intranet = response.Data[1];
        Assert.Equal((5002L, "Intranet", false), (intranet.Id, intranet.Name, intranet.IsScanned));
        Assert.Null(intranet.Tags);

        var streamed = new List<long?>();
        await foreach (var app in WebApps.ServiceResponse.EnumerateWebAppsAsync(Xml.Stream(xml)))
        {
            streamed.Add(app.Id);
        }

        Assert.Equal([5001L, 5002L], streamed);
    }

    [Fact]
    public void A_response_code_the_schema_does_not_know_is_kept_not_fatal()
    {
        const string xml = "<ServiceResponse><responseCode>BRAND_NEW_CODE</responseCode><count>0</count></ServiceResponse>";

        var response = ServiceResponse.Parse(Xml.Stream(xml));

        Assert.Equal(ResponseCode.Unknown, response.ResponseCode);
        Assert.Equal("BRAND_NEW_CODE", response.ResponseCodeRaw);
    }

    [ReferenceFact]
    public void The_unclosed_published_error_is_malformed()
    {
        var exception = Assert.Throws<QualysXmlException>(() => ServiceResponse.Parse(ReferenceFiles.Open("samples/fixtures/qps_invalid_request_concurrent_scans.AS_PUBLISHED_UNCLOSED.xml")));
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
