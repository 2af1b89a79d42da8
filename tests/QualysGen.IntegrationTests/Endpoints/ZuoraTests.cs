using System;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using QualysGen.IntegrationTests.Qualys.Zuora;
using QualysGen.Requests;

namespace QualysGen.IntegrationTests.Endpoints;

/// <summary>Seed 002: the Zuora "cancel a report run" JSON endpoint, with a path parameter, data-center base URLs and a reflection-free reader.</summary>
public sealed class ZuoraTests
{
    private const string Id = "ff808081527368d401527b24d20900d9";

    [Fact]
    public void The_request_is_a_DELETE_with_the_run_id_in_the_path()
    {
        var request = new CancelReportRunRequest { ReportRunId = Id }.Build();

        Assert.Equal("DELETE", request.Method.Method);
        Assert.Equal("/api/rest/v1/reportruns/" + Id, request.PathAndQuery);
        Assert.Equal(QualysHost.Custom, request.Host);
        Assert.Equal(QualysAuthSchemes.Bearer, request.AuthSchemes);
        Assert.True(request.IsRetrySafe);
        Assert.True(request.Body.IsEmpty);
    }

    [Theory]
    [InlineData("UsSandbox", "https://zconnectsandbox.zuora.com")]
    [InlineData("UsProduction", "https://zconnect.zuora.com")]
    [InlineData("EuSandbox", "https://zconnect.sandbox.eu.zuora.com")]
    [InlineData("EuProduction", "https://zconnect.eu.zuora.com")]
    [InlineData("UsCloudSandbox", "https://zconnect.sandbox.na.zuora.com")]
    [InlineData("UsCloudProduction", "https://zconnect.na.zuora.com")]
    public void Each_data_center_of_the_request_table_is_a_base_url(string name, string origin)
    {
        var baseUrl = (Uri)typeof(ZuoraBaseUrls).GetProperty(name)!.GetValue(null)!;
        var request = new CancelReportRunRequest { ReportRunId = "{ReportRunId}" }.Build();

        Assert.Equal(new Uri(origin), baseUrl);
        Assert.Equal(origin + "/api/rest/v1/reportruns/%7BReportRunId%7D", new Uri(baseUrl, request.PathAndQuery).AbsoluteUri);
    }

    [Fact]
    public void The_seed_example_differs_from_the_request_table_only_by_its_repeated_segment()
    {
        // The seed's example prints ".../api/rest/v1/rest/v1/reportruns/{id}"; every row of its request table has ".../api/rest/v1/reportruns/{id}".
        const string Example = "https://zconnectsandbox.zuora.com/api/rest/v1/rest/v1/reportruns/" + Id;
        var request = new CancelReportRunRequest { ReportRunId = Id }.Build();

        Assert.Equal(Example.Replace("/rest/v1/rest/v1/", "/rest/v1/", StringComparison.Ordinal), new Uri(ZuoraBaseUrls.UsSandbox, request.PathAndQuery).AbsoluteUri);
    }

    [Fact]
    public void A_path_parameter_is_escaped()
        => Assert.Equal("/api/rest/v1/reportruns/a%2Fb%3Fc", new CancelReportRunRequest { ReportRunId = "a/b?c" }.Build().PathAndQuery);

    [Theory]
    [InlineData("""{ "success" : true, "response" : "The report run has been canceled" }""", "The report run has been canceled")]
    [InlineData("""{ "success": true, "response": "The report run was canceled" }""", "The report run was canceled")]
    [InlineData("""{"response":null,"success":true}""", null)]
    [InlineData("""{"success":true,"extra":{"nested":[1,{"a":2}]},"more":[true]}""", null)]
    public async Task The_response_is_read_through_the_request(string json, string? text)
    {
        var response = await new CancelReportRunRequest { ReportRunId = Id }.Build().ParseResponseAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)));

        Assert.True(response.Success);
        Assert.Equal(text, response.Response);
    }

    [Fact]
    public void The_published_sample_without_a_comma_is_refused_where_the_comma_is_missing()
    {
        var error = Assert.ThrowsAny<JsonException>(() => CancelReportRunResult.Parse("""{ "success" : true "response" : "The report run has been canceled" }"""u8));

        Assert.Equal(0, error.LineNumber);
        Assert.Equal(19, error.BytePositionInLine);
    }

    [Fact]
    public void A_missing_required_property_is_located()
    {
        var error = Assert.Throws<JsonException>(() => CancelReportRunResult.Parse("{\n  \"response\": \"x\"\n}"u8));

        Assert.Equal("$.success", error.Path);
        Assert.Equal(2, error.LineNumber);
        Assert.Equal(0, error.BytePositionInLine);
        Assert.Contains("required property is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_of_the_wrong_type_is_located()
    {
        var error = Assert.Throws<JsonException>(() => CancelReportRunResult.Parse("{\n  \"success\": \"yes\"\n}"u8));

        Assert.Equal("$.success", error.Path);
        Assert.Equal(1, error.LineNumber);
        Assert.Equal(13, error.BytePositionInLine);
        Assert.Contains("Expected true or false but found a string", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("{\"success\":true} {}")]
    public void Not_one_object_is_refused(string json)
        => Assert.ThrowsAny<JsonException>(() => CancelReportRunResult.Parse(Encoding.UTF8.GetBytes(json)));
}
