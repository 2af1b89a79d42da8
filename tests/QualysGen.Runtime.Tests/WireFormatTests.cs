using System;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using QualysGen.Client;
using QualysGen.Requests;
using QualysGen.Runtime.Tests.Infrastructure;
using QualysGen.Runtime.Tests.Qualys.Reports;
using QualysGen.Runtime.Tests.Qualys.Was;

namespace QualysGen.Runtime.Tests;

/// <summary>What goes on the wire is what the request says: its content type is decided once, by the request.</summary>
public sealed class WireFormatTests
{
    [Fact]
    public void The_body_kind_decides_the_content_type_when_the_builder_names_none()
    {
        Assert.Null(new CancelReportRequest { Id = 1 }.Build().ContentType);
        Assert.Equal("text/xml", new DeleteWasScansRequest { Filters = [WasScanFilter.Name.Contains("x")] }.Build().ContentType);
        Assert.Equal("application/x-www-form-urlencoded", TestRequests.CreateSchedule("t").ContentType);
        Assert.Equal("application/json", QualysRequest.DefaultContentType(QualysBodyKind.Json));
    }

    [Theory]
    [InlineData("form", "application/x-www-form-urlencoded")]
    [InlineData("xml", "text/xml")]
    [InlineData("query", null)]
    public async Task The_content_type_sent_is_the_requests(string kind, string? expected)
    {
        var answer = Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><SIMPLE_RETURN><RESPONSE><DATETIME>2026-12-05T00:00:00Z</DATETIME><TEXT>ok</TEXT></RESPONSE></SIMPLE_RETURN>");
        await using var server = RawHttpServer.Start((_, stream, ct) => RawHttpServer.WriteAsync(stream, 200, "text/xml", answer, ct));
        await using var client = new QualysClient(Harness.ClientOptions(server.BaseAddress));

        _ = kind switch
        {
            "form" => await client.SendAsync(TestRequests.CreateSchedule("t")),
            "xml" => await client.SendAsync(TestRequests.CreateTemplate("3.0")),
            _ => await client.SendAsync(TestRequests.CancelReport(1)),
        };

        var sent = Assert.Single(server.Requests);
        var contentType = sent.Headers.Split("\r\n").SingleOrDefault(h => h.StartsWith("Content-Type:", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(expected, contentType?.Substring("Content-Type:".Length).Trim().Split(';')[0]);
    }
}
