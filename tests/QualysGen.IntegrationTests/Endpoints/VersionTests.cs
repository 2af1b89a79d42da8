#pragma warning disable QG0249 // the deprecated versions are what these tests look at

using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Threading.Tasks;
using QualysGen.IntegrationTests.Qualys.Reports;
using QualysGen.IntegrationTests.Qualys.Scans;
using QualysGen.Requests;

namespace QualysGen.IntegrationTests.Endpoints;

/// <summary>Versions: the unversioned entry, <c>[Obsolete]</c> past EOS, auth per version, and what each request carries.</summary>
public sealed class VersionTests
{
    private static readonly ReadOnlyMemory<byte> Template = Encoding.UTF8.GetBytes("<REPORTTEMPLATE/>");

    [Fact]
    public void The_unversioned_entry_is_bound_to_the_newest_version_not_past_EOS()
    {
        Assert.Equal("3.0", new CancelReportRequest { Id = 1 }.Build().Version);
        Assert.Equal("/api/3.0/fo/report/", new CancelReportRequest { Id = 1 }.Build().Path);

        // 7.0 is active; 4.0 has an EOS date (December 2026), so it is not the default although it is not past EOS on every date.
        var template = new CreateScanReportTemplateRequest { Body = Template }.Build();
        Assert.Equal("7.0", template.Version);
        Assert.Equal(QualysAuthSchemes.Bearer, template.AuthSchemes);
    }

    [Theory]
    [InlineData(typeof(CancelReportV2Request), "Qualys API v2.0 of CancelReport is deprecated: end of support (EOS) December 2025, end of life (EOL) June 2026. Use v3.0 (CancelReportV3Request).")]
    [InlineData(typeof(CreateScanReportTemplateV2Request), "Qualys API v2.0 of CreateScanReportTemplate is deprecated: end of support (EOS) December 2025, end of life (EOL) June 2026. Use v7.0 (CreateScanReportTemplateV7Request).")]
    [InlineData(typeof(CreateScanReportTemplateV3Request), "Qualys API v3.0 of CreateScanReportTemplate is deprecated: end of support (EOS) December 2025, end of life (EOL) June 2026. Use v7.0 (CreateScanReportTemplateV7Request).")]
    [InlineData(typeof(CreateScanReportTemplateV4Request), "Qualys API v4.0 of CreateScanReportTemplate is deprecated: end of support (EOS) December 2026, end of life (EOL) June 2027. Use v7.0 (CreateScanReportTemplateV7Request).")]
    public void A_version_with_an_EOS_date_is_obsolete_with_its_dates_and_replacement(Type type, string message)
    {
        var obsolete = type.GetCustomAttribute<ObsoleteAttribute>();

        Assert.NotNull(obsolete);
        Assert.Equal(message, obsolete.Message);
        Assert.Equal("QG0249", obsolete.DiagnosticId);
        Assert.False(obsolete.IsError);
    }

    [Theory]
    [InlineData(typeof(CancelReportRequest))]
    [InlineData(typeof(CancelReportV3Request))]
    [InlineData(typeof(CreateScanReportTemplateRequest))]
    [InlineData(typeof(CreateScanReportTemplateV7Request))]
    [InlineData(typeof(CreateComplianceScanScheduleV2Request))]
    public void An_active_version_is_not_obsolete(Type type) => Assert.Null(type.GetCustomAttribute<ObsoleteAttribute>());

    [Fact]
    public void Each_version_says_which_auth_it_accepts()
    {
        Assert.Equal(QualysAuthSchemes.Basic | QualysAuthSchemes.Session, new CancelReportV2Request { Id = 1 }.Build().AuthSchemes);
        Assert.Equal(QualysAuthSchemes.Basic, new CancelReportV3Request { Id = 1 }.Build().AuthSchemes);
        Assert.Equal(QualysAuthSchemes.Basic, new CreateScanReportTemplateV4Request { Body = Template }.Build().AuthSchemes);
        Assert.Equal(QualysAuthSchemes.Bearer, new CreateScanReportTemplateV7Request { Body = Template }.Build().AuthSchemes);
    }

    [Fact]
    public void A_pinned_version_and_the_unversioned_entry_build_the_same_request()
    {
        var latest = new CancelReportRequest { Id = 6619731, EchoRequest = true }.Build();
        var pinned = new CancelReportV3Request { Id = 6619731, EchoRequest = true }.Build();

        Assert.Equal((pinned.Endpoint, pinned.Version, pinned.Method, pinned.PathAndQuery), (latest.Endpoint, latest.Version, latest.Method, latest.PathAndQuery));
        Assert.Equal((pinned.BodyKind, pinned.AuthSchemes, pinned.Host, pinned.IsRetrySafe), (latest.BodyKind, latest.AuthSchemes, latest.Host, latest.IsRetrySafe));
        Assert.Equal("/api/3.0/fo/report/?action=cancel&echo_request=1&id=6619731", latest.PathAndQuery);
    }

    [Fact]
    public void Parameters_travel_as_the_version_says()
    {
        var v2 = new CancelReportV2Request { Id = 1462 }.Build();
        Assert.Equal(QualysBodyKind.Form, v2.BodyKind);
        Assert.Equal("application/x-www-form-urlencoded", v2.ContentType);
        Assert.Equal([new("action", "cancel")], v2.Query);
        Assert.Equal([new("id", "1462")], v2.Form);

        var v3 = new CancelReportV3Request { Id = 1462 }.Build();
        Assert.Equal(QualysBodyKind.Query, v3.BodyKind);
        Assert.Null(v3.ContentType);
        Assert.Empty(v3.Form);
        Assert.True(v3.Body.IsEmpty);

        var template = new CreateScanReportTemplateRequest { Body = Template }.Build();
        Assert.Equal(QualysBodyKind.Xml, template.BodyKind);
        Assert.Equal("text/xml", template.ContentType);
        Assert.Equal("<REPORTTEMPLATE/>", Encoding.UTF8.GetString(template.Body.Span));
        Assert.Equal("/api/7.0/fo/report/template/scan/?action=create&report_format=xml", template.PathAndQuery);
    }

    [Fact]
    public void Retry_safety_follows_the_spec()
    {
        Assert.True(new ListComplianceScanSchedulesRequest().Build().IsRetrySafe);
        Assert.False(new CancelReportRequest { Id = 1 }.Build().IsRetrySafe);
        Assert.False(new DeleteComplianceScanScheduleRequest { Id = 1 }.Build().IsRetrySafe);
        Assert.Equal(QualysHost.ApiServer, new ListComplianceScanSchedulesRequest().Build().Host);
    }

    [Fact]
    public async Task The_request_parses_its_response_with_the_generated_parser()
    {
        await using (var stream = SampleFiles.Open("seed004_report_template_scan_create_v7_a.simple_return.xml"))
        {
            var response = await new CreateScanReportTemplateRequest { Body = Template }.Build().ParseResponseAsync(stream);
            Assert.Equal("Scan Report Template(s) Successfully Created.", response.Response.Text);
        }

        await using (var stream = SampleFiles.Open("seed003_compliance_schedule_list.xml"))
        {
            var list = await new ListComplianceScanSchedulesRequest().Build().ParseResponseAsync(stream);
            Assert.Equal(57363, Assert.Single(list.Response.Scans).Id);
        }
    }

    [Fact]
    public async Task An_endpoint_without_a_schema_hands_over_the_raw_body()
    {
        var request = new ListComplianceScansRequest { States = [ScanState.Running, ScanState.Finished] }.Build();
        var raw = await request.ParseResponseAsync(new MemoryStream(Encoding.UTF8.GetBytes("<SCAN_LIST_OUTPUT/>")));

        Assert.Equal("<SCAN_LIST_OUTPUT/>", raw.Text);
        Assert.Equal(typeof(QualysRawResponse), request.GetType().GetGenericArguments().Single());
    }
}
