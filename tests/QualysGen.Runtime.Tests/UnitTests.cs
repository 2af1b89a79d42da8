using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using QualysGen.Auth;
using QualysGen.Client;
using QualysGen.Limits;
using QualysGen.Paging;
using QualysGen.Requests;
using QualysGen.Responses;
using QualysGen.Runtime.Tests.Infrastructure;

namespace QualysGen.Runtime.Tests;

/// <summary>The pieces without a server: platforms, the envelope sniffer and its replay, the truncation warning, next-page requests, the gate, JWT expiry.</summary>
public sealed class UnitTests
{
    [Theory]
    [InlineData(QualysPlatform.US1, "qualysapi.qualys.com", "gateway.qg1.apps.qualys.com")]
    [InlineData(QualysPlatform.US2, "qualysapi.qg2.apps.qualys.com", "gateway.qg2.apps.qualys.com")]
    [InlineData(QualysPlatform.US3, "qualysapi.qg3.apps.qualys.com", "gateway.qg3.apps.qualys.com")]
    [InlineData(QualysPlatform.US4, "qualysapi.qg4.apps.qualys.com", "gateway.qg4.apps.qualys.com")]
    [InlineData(QualysPlatform.EU1, "qualysapi.qualys.eu", "gateway.qg1.apps.qualys.eu")]
    [InlineData(QualysPlatform.EU2, "qualysapi.qg2.apps.qualys.eu", "gateway.qg2.apps.qualys.eu")]
    [InlineData(QualysPlatform.EU3, "qualysapi.qg3.apps.qualys.it", "gateway.qg3.apps.qualys.it")]
    [InlineData(QualysPlatform.IN1, "qualysapi.qg1.apps.qualys.in", "gateway.qg1.apps.qualys.in")]
    [InlineData(QualysPlatform.CA1, "qualysapi.qg1.apps.qualys.ca", "gateway.qg1.apps.qualys.ca")]
    [InlineData(QualysPlatform.AE1, "qualysapi.qg1.apps.qualys.ae", "gateway.qg1.apps.qualys.ae")]
    [InlineData(QualysPlatform.UK1, "qualysapi.qg1.apps.qualys.co.uk", "gateway.qg1.apps.qualys.co.uk")]
    [InlineData(QualysPlatform.AU1, "qualysapi.qg1.apps.qualys.com.au", "gateway.qg1.apps.qualys.com.au")]
    [InlineData(QualysPlatform.KSA1, "qualysapi.qg1.apps.qualysksa.com", "gateway.qg1.apps.qualysksa.com")]
    public void Every_platform_has_its_API_server_and_gateway(QualysPlatform platform, string apiServer, string gateway)
    {
        var urls = new QualysClientOptions { Platform = platform }.ResolveUrls();

        Assert.Equal($"https://{apiServer}/", urls.ApiServer.ToString());
        Assert.Equal($"https://{gateway}/", urls.Gateway.ToString());
    }

    [Fact]
    public void A_custom_URL_overrides_the_platform_and_the_gateway_defaults_to_it()
    {
        var urls = new QualysClientOptions { ApiServerUrl = new Uri("https://qualys.private.example/prefix") }.ResolveUrls();

        Assert.Equal("https://qualys.private.example/prefix/", urls.ApiServer.ToString());
        Assert.Equal(urls.ApiServer, urls.Gateway);
        Assert.Throws<InvalidOperationException>(() => new QualysClientOptions().ResolveUrls());
    }

    [Theory]
    [InlineData("<?xml version=\"1.0\"?>\n<!DOCTYPE SIMPLE_RETURN SYSTEM \"x.dtd\">\n<SIMPLE_RETURN><RESPONSE><DATETIME>2020-01-01T00:00:00Z</DATETIME><CODE>1905</CODE><TEXT>bad</TEXT><ITEM_LIST><ITEM><KEY>K</KEY><VALUE>1</VALUE><VALUE>2</VALUE></ITEM></ITEM_LIST></RESPONSE></SIMPLE_RETURN>", 1)]
    [InlineData("\uFEFF   <SIMPLE_RETURN><RESPONSE><DATETIME>2020-01-01T00:00:00Z</DATETIME><CODE>1905</CODE><TEXT>bad</TEXT><ITEM_LIST><ITEM><KEY>K</KEY><VALUE>1</VALUE><VALUE>2</VALUE></ITEM></ITEM_LIST></RESPONSE></SIMPLE_RETURN><!-- trailing -->", 3)]
    public async Task The_envelope_reads_a_SIMPLE_RETURN_and_replays_every_byte(string document, int chunk)
    {
        var bytes = Encoding.UTF8.GetBytes(document);
        using var response = new HttpResponseMessage(HttpStatusCode.BadRequest) { Content = new StreamContent(new TrickleStream(bytes, chunk)) };

        var envelope = await ResponseEnvelope.ReadAsync(response, CancellationToken.None);

        Assert.Equal(ResponseRoot.SimpleReturn, envelope.Root);
        Assert.Equal(1905, envelope.SimpleReturn!.Code);
        Assert.Equal("bad", envelope.SimpleReturn.Text);
        Assert.Equal(["1", "2"], envelope.SimpleReturn.Items.Single().Value);
        Assert.Equal(bytes, await ReadAll(envelope.Body));
    }

    [Fact]
    public async Task The_envelope_stops_a_ServiceResponse_at_data_and_leaves_the_records_on_the_wire()
    {
        var head = "<?xml version=\"1.0\"?><ServiceResponse><responseCode>SUCCESS</responseCode><count>2</count><hasMoreRecords>true</hasMoreRecords><lastId>7</lastId><data>";
        var records = string.Concat(Enumerable.Range(0, 2000).Select(i => $"<WasScan><id>{i}</id></WasScan>"));
        var bytes = Encoding.UTF8.GetBytes(head + records + "</data></ServiceResponse>");
        var stream = new TrickleStream(bytes, 512);
        using var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(stream) };

        var envelope = await ResponseEnvelope.ReadAsync(response, CancellationToken.None);

        Assert.Equal(ResponseRoot.ServiceResponse, envelope.Root);
        Assert.True(envelope.Service!.IsSuccess);
        Assert.True(envelope.Service.HasMoreRecords);
        Assert.Equal("7", envelope.Service.LastId);
        Assert.True(stream.Position < 16 * 1024, $"read {stream.Position} of {bytes.Length} bytes to decide");
        Assert.Equal(bytes, await ReadAll(envelope.Body));
    }

    [Theory]
    [InlineData("", "Empty")]
    [InlineData("  \n ", "NotXml")]
    [InlineData("eyJhbGciOi.token", "NotXml")]
    [InlineData("{\"success\":true}", "NotXml")]
    [InlineData("<COMPLIANCE_SCHEDULE_SCAN_LIST_OUTPUT><RESPONSE/></COMPLIANCE_SCHEDULE_SCAN_LIST_OUTPUT>", "Other")]
    [InlineData("<not xml", "MalformedXml")]
    public async Task The_envelope_classifies_what_is_not_a_Qualys_envelope(string body, string root)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body) };

        var envelope = await ResponseEnvelope.ReadAsync(response, CancellationToken.None);

        Assert.Equal(Enum.Parse<ResponseRoot>(root), envelope.Root);
        Assert.Equal(body, Encoding.UTF8.GetString(await ReadAll(envelope.Body)));
    }

    [Fact]
    public void The_truncation_warning_is_found_after_the_records()
    {
        var tail = Encoding.UTF8.GetBytes("""
            </SCAN></HOST_LIST>
               <WARNING>
                  <CODE>1980</CODE>
                  <TEXT>1000 record limit exceeded. Use URL to get next batch of results.</TEXT>
                  <URL><![CDATA[https://qualysapi.qualys.com/api/2.0/fo/asset/host/?action=list&id_min=2400356]]></URL>
               </WARNING>
            </RESPONSE>
            </HOST_LIST_OUTPUT>
            <!-- CONFIDENTIAL AND PROPRIETARY INFORMATION. -->
            """);

        var warning = TruncationWarning.Find(tail);

        Assert.NotNull(warning);
        Assert.Equal("1980", warning.Code);
        Assert.Equal("https://qualysapi.qualys.com/api/2.0/fo/asset/host/?action=list&id_min=2400356", warning.Url);
    }

    [Theory]
    [InlineData("</SCAN></LIST></RESPONSE></X>")]
    [InlineData("<WARNING><CODE>1234</CODE><TEXT>other</TEXT><URL>https://x/?a=1</URL></WARNING></RESPONSE>")]
    [InlineData("<WARNING><CODE>1980</CODE><TEXT>no url</TEXT></WARNING></RESPONSE>")]
    [InlineData("<WARNINGS/>")]
    public void No_next_page_without_a_1980_warning_and_a_URL(string tail)
        => Assert.Null(TruncationWarning.Find(Encoding.UTF8.GetBytes(tail)));

    [Fact]
    public void The_next_FO_page_keeps_the_endpoint_and_takes_only_the_query_of_the_URL()
    {
        var request = TestRequests.ListSchedules();
        var next = NextPage.FromWarningUrl(request, "https://evil.example/elsewhere/?action=list&active=1&id_min=42&title=a%20b+c", out var host);

        Assert.Equal("evil.example", host);
        Assert.Equal(request.Path, next.Path);
        Assert.Equal(QualysHost.ApiServer, next.Host);
        Assert.Equal(
            [new("action", "list"), new("active", "1"), new("id_min", "42"), new KeyValuePair<string, string>("title", "a b c")],
            next.Query);
        Assert.Equal(request.IsRetrySafe, next.IsRetrySafe);
    }

    [Fact]
    public void The_next_QPS_page_filters_on_lastId_and_drops_offsets()
    {
        var request = new QualysRequest<string>("S", "3.0", HttpMethod.Post, "/qps/rest/3.0/search/was/webapp", [], QualysBodyKind.Xml, [],
            "<ServiceRequest><preferences><limitResults>5</limitResults><startFromOffset>11</startFromOffset></preferences><filters><Criteria field=\"name\" operator=\"CONTAINS\">x</Criteria><Criteria field=\"id\" operator=\"GREATER\">3</Criteria></filters></ServiceRequest>"u8.ToArray(),
            "text/xml", QualysAuthSchemes.Basic, QualysHost.ApiServer, true, TestRequests.ReadToEndAsync);

        var body = Encoding.UTF8.GetString(NextPage.FromLastId(request, "99")!.Body.Span);

        Assert.Equal("<ServiceRequest><preferences><limitResults>5</limitResults></preferences><filters><Criteria field=\"name\" operator=\"CONTAINS\">x</Criteria><Criteria field=\"id\" operator=\"GREATER\">99</Criteria></filters></ServiceRequest>", body);
    }

    [Fact]
    public void The_next_QPS_page_of_an_empty_request_gets_a_filter()
    {
        var request = new QualysRequest<string>("S", "3.0", HttpMethod.Post, "/qps/rest/3.0/search/was/wasscan", [], QualysBodyKind.Xml, [], default, null, QualysAuthSchemes.Basic, QualysHost.ApiServer, true, TestRequests.ReadToEndAsync);

        var next = NextPage.FromLastId(request, "5")!;

        Assert.Equal("<ServiceRequest><filters><Criteria field=\"id\" operator=\"GREATER\">5</Criteria></filters></ServiceRequest>", Encoding.UTF8.GetString(next.Body.Span));
        Assert.Equal("text/xml", next.ContentType);
    }

    [Fact]
    public async Task The_gate_resizes_and_a_cancelled_waiter_takes_no_slot()
    {
        var gate = new ConcurrencyGate(1);
        var first = await gate.AcquireAsync(CancellationToken.None);
        using var cancellation = new CancellationTokenSource();
        var cancelled = gate.AcquireAsync(cancellation.Token).AsTask();
        var waiting = gate.AcquireAsync(CancellationToken.None).AsTask();

        cancellation.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.False(waiting.IsCompleted);

        gate.SetCapacity(2);
        var second = await waiting.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(2, gate.InUse);

        first.Dispose();
        first.Dispose();
        second.Dispose();
        Assert.Equal(0, gate.InUse);
    }

    [Fact]
    public void JWT_expiry_is_read_from_exp()
    {
        static string Part(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var token = Part("{\"alg\":\"HS256\"}") + "." + Part("{\"sub\":\"a\",\"nested\":{\"exp\":1},\"exp\":1893456000}") + ".sig";

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1893456000), JwtExpiry.Read(token));
        Assert.Null(JwtExpiry.Read("not-a-jwt"));
        Assert.Null(JwtExpiry.Read("a.%%%.c"));
    }

    private static async Task<byte[]> ReadAll(Stream stream)
    {
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    /// <summary>A stream that gives at most <c>chunk</c> bytes per read, as a slow network does.</summary>
    private sealed class TrickleStream(byte[] bytes, int chunk) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => base.ReadAsync(buffer, offset, Math.Min(count, chunk), cancellationToken);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => base.ReadAsync(buffer[..Math.Min(buffer.Length, chunk)], cancellationToken);
    }
}
