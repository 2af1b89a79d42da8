using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Threading.Tasks;
using System.Xml.Linq;
using QualysGen.IntegrationTests.Qualys.Was;
using QualysGen.Requests;

namespace QualysGen.IntegrationTests.Endpoints;

/// <summary>The WAS scan delete endpoints (seed 001): typed QPS filters with only the operators each field's type allows.</summary>
public sealed class QpsFilterTests
{
    /// <summary>The seed's "Request POST data" for deleting the scans whose name contains VULN.</summary>
    private const string SeedRequest = """
        <ServiceRequest>
            <filters>
                <Criteria field="name" operator="CONTAINS">VULN</Criteria>
            </filters>
        </ServiceRequest>
        """;

    [Fact]
    public void The_seed_delete_by_filter_body_is_built_from_typed_filters()
    {
        var request = new DeleteWasScansRequest { Filters = [WasScanFilter.Name.Contains("VULN")] }.Build();

        Assert.Equal("POST", request.Method.Method);
        Assert.Equal("/qps/rest/3.0/delete/was/wasscan", request.PathAndQuery);
        Assert.Equal(QualysBodyKind.Xml, request.BodyKind);
        Assert.Equal("text/xml", request.ContentType);
        Assert.True(XNode.DeepEquals(XElement.Parse(SeedRequest, LoadOptions.None), XElement.Parse(Encoding.UTF8.GetString(request.Body.Span))), Encoding.UTF8.GetString(request.Body.Span));
    }

    [Fact]
    public void The_delete_by_id_puts_the_id_in_the_path()
    {
        var request = new DeleteWasScanRequest { Id = 12405 }.Build();

        Assert.Equal("/qps/rest/3.0/delete/was/wasscan/12405", request.PathAndQuery);
        Assert.True(request.Body.IsEmpty);
        Assert.Equal(QualysAuthSchemes.Basic, request.AuthSchemes);
        Assert.False(request.IsRetrySafe);
    }

    [Theory]
    [InlineData(nameof(WasScanFilter.Id), "EqualTo,GreaterThan,In,LessThan,NotEqualTo")]
    [InlineData(nameof(WasScanFilter.WebAppId), "EqualTo,GreaterThan,In,LessThan,NotEqualTo")]
    [InlineData(nameof(WasScanFilter.Name), "Contains,EqualTo,NotEqualTo")]
    [InlineData(nameof(WasScanFilter.WebAppName), "Contains,EqualTo,NotEqualTo")]
    [InlineData(nameof(WasScanFilter.Reference), "Contains,EqualTo,NotEqualTo")]
    [InlineData(nameof(WasScanFilter.LaunchedDate), "EqualTo,GreaterThan,LessThan,NotEqualTo")]
    [InlineData(nameof(WasScanFilter.Type), "EqualTo,In,NotEqualTo")]
    [InlineData(nameof(WasScanFilter.Mode), "EqualTo,In,NotEqualTo")]
    [InlineData(nameof(WasScanFilter.Status), "EqualTo,In,NotEqualTo")]
    [InlineData(nameof(WasScanFilter.AuthStatus), "EqualTo,In,NotEqualTo")]
    [InlineData(nameof(WasScanFilter.ResultsStatus), "EqualTo,In,NotEqualTo")]
    public void Each_field_offers_only_its_types_operators(string field, string operators)
    {
        var type = typeof(WasScanFilter).GetProperty(field)!.PropertyType;
        var methods = type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Select(m => m.Name).Order();

        Assert.Equal(operators, string.Join(",", methods));
    }

    [Fact]
    public void Criteria_values_are_written_as_QPS_reads_them()
    {
        Assert.Equal("id IN 1,2,3", WasScanFilter.Id.In(1, 2, 3).ToString());
        Assert.Equal("status NOT EQUALS RUNNING", WasScanFilter.Status.NotEqualTo(ScanStatus.Running).ToString());
        Assert.Equal("resultsStatus IN CANCELED_WITH_RESULTS,TIME_LIMIT_REACHED", WasScanFilter.ResultsStatus.In(ScanResultsStatus.CanceledWithResults, ScanResultsStatus.TimeLimitReached).ToString());
        Assert.Equal("launchedDate GREATER 2026-11-27T22:00:00Z", WasScanFilter.LaunchedDate.GreaterThan(new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.FromHours(2))).ToString());
        Assert.Equal("webApp.name EQUALS My App", WasScanFilter.WebAppName.EqualTo("My App").ToString());
        Assert.Equal(QpsOperator.Lesser, WasScanFilter.WebAppId.LessThan(10).Operator);
    }

    [Fact]
    public void Several_filters_are_all_written_in_order()
    {
        var request = new DeleteWasScansRequest
        {
            Filters = [WasScanFilter.Status.In(ScanStatus.Finished, ScanStatus.Error), WasScanFilter.WebAppId.EqualTo(42)],
        }.Build();

        Assert.Equal(
            "<ServiceRequest><filters><Criteria field=\"status\" operator=\"IN\">FINISHED,ERROR</Criteria><Criteria field=\"webApp.id\" operator=\"EQUALS\">42</Criteria></filters></ServiceRequest>",
            Encoding.UTF8.GetString(request.Body.Span));
    }

    [Fact]
    public void Criteria_text_is_escaped()
    {
        var request = new DeleteWasScansRequest { Filters = [WasScanFilter.Name.Contains("<a&b>")] }.Build();

        Assert.Contains(">&lt;a&amp;b&gt;</Criteria>", Encoding.UTF8.GetString(request.Body.Span), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("seed001_delete_scan_by_id.response.xml", 1, new long[] { 12405 })]
    [InlineData("seed001_delete_scans_by_filter.response.xml", 2, new long[] { 12874, 13093 })]
    public async Task The_seed_responses_parse_through_the_request(string file, int count, long[] ids)
    {
        await using var stream = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Samples", "qps", file));
        var response = await new DeleteWasScansRequest { Filters = [WasScanFilter.Name.Contains("VULN")] }.Build().ParseResponseAsync(stream);

        Assert.Equal(count, response.Count);
        Assert.Equal(ids.Select(id => (long?)id), response.Data.Select(s => s.Id));
    }
}
