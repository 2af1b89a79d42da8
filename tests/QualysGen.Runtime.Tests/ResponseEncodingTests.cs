using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using QualysGen.Client;
using QualysGen.Runtime.Tests.Infrastructure;
using QualysGen.Runtime.Tests.Qualys.ComplianceScheduleScanListOutputDtd;

namespace QualysGen.Runtime.Tests;

/// <summary>A response in a declared single-byte code page reads the same through every entry point.</summary>
public sealed class ResponseEncodingTests
{
    private const string Title = "Café € naïve";

    [Theory]
    [InlineData("windows-1252")]
    [InlineData("iso-8859-15")]
    public async Task A_list_in_a_single_byte_code_page_reads_the_same_through_Parse_ParseAsync_the_record_stream_and_the_client(string encodingName)
    {
        var bytes = await ListInAsync(encodingName);

        var parsed = ComplianceScheduleScanListOutput.Parse(new MemoryStream(bytes));
        var parsedAsync = await ComplianceScheduleScanListOutput.ParseAsync(new MemoryStream(bytes));
        var streamed = await ComplianceScheduleScanListOutput.EnumerateScansAsync(new MemoryStream(bytes)).CollectAsync();
        await using var server = RawHttpServer.Start((_, stream, ct) => RawHttpServer.WriteAsync(stream, 200, "text/xml; charset=" + encodingName, bytes, ct));
        await using var client = new QualysClient(Harness.ClientOptions(server.BaseAddress));
        var sent = await client.SendAsync(TestRequests.ListSchedules(Requests.QualysAuthSchemes.Basic));
        var enumerated = await client.EnumerateAsync(TestRequests.ListSchedules(Requests.QualysAuthSchemes.Basic), ComplianceScheduleScanListOutput.EnumerateScansAsync).CollectAsync();

        Assert.Contains(Title, parsed.Response.Scans.Select(s => s.Title));
        Assert.Equal(Titles(parsed.Response.Scans), Titles(parsedAsync.Response.Scans));
        Assert.Equal(Titles(parsed.Response.Scans), Titles(streamed));
        Assert.Equal(Titles(parsed.Response.Scans), Titles(sent.Response.Scans));
        Assert.Equal(Titles(parsed.Response.Scans), Titles(enumerated));
    }

    [Fact]
    public async Task An_encoding_that_dotnet_does_not_know_is_refused_at_the_root_by_every_entry_point()
    {
        var bytes = Encoding.ASCII.GetBytes("<?xml version=\"1.0\" encoding=\"x-no-such-charset\"?><COMPLIANCE_SCHEDULE_SCAN_LIST_OUTPUT/>");

        var parse = Assert.Throws<QualysXmlException>(() => ComplianceScheduleScanListOutput.Parse(new MemoryStream(bytes)));
        var parseAsync = await Assert.ThrowsAsync<QualysXmlException>(async () => await ComplianceScheduleScanListOutput.ParseAsync(new MemoryStream(bytes)));
        var stream = await Assert.ThrowsAsync<QualysXmlException>(() => ComplianceScheduleScanListOutput.EnumerateScansAsync(new MemoryStream(bytes)).CollectAsync());
        await using var server = RawHttpServer.Start((_, body, ct) => RawHttpServer.WriteAsync(body, 200, "text/xml", bytes, ct));
        await using var client = new QualysClient(Harness.ClientOptions(server.BaseAddress));
        var send = await Assert.ThrowsAsync<QualysResponseFormatException>(() => client.SendAsync(TestRequests.ListSchedules(Requests.QualysAuthSchemes.Basic)));

        foreach (var exception in new[] { parse, parseAsync, stream, Assert.IsType<QualysXmlException>(send.InnerException) })
        {
            Assert.Contains("x-no-such-charset", exception.Message);
            Assert.Equal(1, exception.LineNumber);
        }
    }

    private static string[] Titles(IEnumerable<Scan> scans) => scans.Select(s => s.Title ?? "").ToArray();

    /// <summary>The simulator's list with a schedule titled <see cref="Title"/>, re-encoded and re-declared in <paramref name="encodingName"/>.</summary>
    private static async Task<byte[]> ListInAsync(string encodingName)
    {
        await using var h = await Harness.StartAsync();
        await h.Client.SendAsync(TestRequests.CreateSchedule(Title));
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(h.Simulator.BaseAddress, TestRequests.SchedulePath.TrimStart('/') + "?action=list"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(h.Options.UserName + ":" + h.Options.Password)));
        request.Headers.Add("X-Requested-With", "test");
        using var response = await http.SendAsync(request);
        var xml = await response.Content.ReadAsStringAsync();
        Assert.Contains("encoding=\"UTF-8\"", xml);

        // Encoded by the provider itself, so the test does not depend on the registration it checks.
        var encoding = CodePagesEncodingProvider.Instance.GetEncoding(encodingName)!;
        var bytes = encoding.GetBytes(xml.Replace("encoding=\"UTF-8\"", $"encoding=\"{encodingName}\"", StringComparison.Ordinal));
        Assert.DoesNotContain(Encoding.UTF8.GetBytes("é")[0], bytes);   // no UTF-8 lead byte: single bytes only
        return bytes;
    }
}
