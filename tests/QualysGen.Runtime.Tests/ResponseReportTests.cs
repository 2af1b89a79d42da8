using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using QualysGen.Client;
using QualysGen.Runtime.Tests.Infrastructure;
using QualysGen.Runtime.Tests.Qualys.ComplianceScheduleScanListOutputDtd;

namespace QualysGen.Runtime.Tests;

/// <summary>
/// What a response breaks or adds reaches the user of the client without extra work: the page comes through, each deviation
/// and drift is logged as a warning with the endpoint, and passed to the reporter of <see cref="QualysClientOptions.Xml"/>.
/// </summary>
public sealed class ResponseReportTests
{
    private const string Response = """
        <COMPLIANCE_SCHEDULE_SCAN_LIST_OUTPUT><RESPONSE><DATETIME>2026-01-01T00:00:00Z</DATETIME><COMPLIANCE_SCHEDULE_SCAN_LIST>
          <SCAN><ID>1</ID><ACTIVE>1</ACTIVE><USER_LOGIN>u</USER_LOGIN><TARGET>10.0.0.1</TARGET><NEW_FIELD>x</NEW_FIELD>
            <SCHEDULE><DAILY frequency_days="1"/><START_DATE_UTC>2026-01-01T00:00:00Z</START_DATE_UTC><START_HOUR>1</START_HOUR><START_MINUTE>0</START_MINUTE>
              <TIME_ZONE><TIME_ZONE_CODE>UTC</TIME_ZONE_CODE><TIME_ZONE_DETAILS>UTC</TIME_ZONE_DETAILS></TIME_ZONE><DST_SELECTED>0</DST_SELECTED></SCHEDULE></SCAN>
          <SCAN><ID>2</ID><ACTIVE>1</ACTIVE><USER_LOGIN>u</USER_LOGIN>
            <SCHEDULE><DAILY frequency_days="1"/><START_DATE_UTC>2026-01-01T00:00:00Z</START_DATE_UTC><START_HOUR>1</START_HOUR><START_MINUTE>0</START_MINUTE>
              <TIME_ZONE><TIME_ZONE_CODE>UTC</TIME_ZONE_CODE><TIME_ZONE_DETAILS>UTC</TIME_ZONE_DETAILS></TIME_ZONE><DST_SELECTED>0</DST_SELECTED></SCHEDULE></SCAN>
        </COMPLIANCE_SCHEDULE_SCAN_LIST></RESPONSE></COMPLIANCE_SCHEDULE_SCAN_LIST_OUTPUT>
        """;

    [Fact]
    public async Task SendAsync_and_EnumerateAsync_keep_the_page_log_warnings_and_report_to_the_user()
    {
        var bytes = Encoding.UTF8.GetBytes(Response);
        await using var server = RawHttpServer.Start((_, stream, ct) => RawHttpServer.WriteAsync(stream, 200, "text/xml", bytes, ct));
        var logs = new CapturingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(logs));
        var report = new QualysXmlReport();
        var options = Harness.ClientOptions(server.BaseAddress);
        options.Xml = new QualysXmlOptions { Reporter = report };
        await using var client = new QualysClient(options, loggerFactory);

        var sent = await client.SendAsync(TestRequests.ListSchedules(Requests.QualysAuthSchemes.Basic));
        var enumerated = await client.EnumerateAsync(TestRequests.ListSchedules(Requests.QualysAuthSchemes.Basic), ComplianceScheduleScanListOutput.EnumerateScansAsync).CollectAsync();

        // The scan without its required TARGET is left out; the other comes through, both ways.
        Assert.Equal(1, Assert.Single(sent.Response.Scans).Id);
        Assert.Equal(1, Assert.Single(enumerated).Id);
        Assert.Equal(2, report.Deviations.Count);
        Assert.All(report.Deviations, d => Assert.EndsWith("/COMPLIANCE_SCHEDULE_SCAN_LIST/SCAN", d.OmittedPath));
        Assert.Equal(2, report.Drift.Count(d => d.Kind == QualysXmlDriftKind.UndeclaredElement && d.Path.EndsWith("/SCAN/NEW_FIELD")));

        var warnings = logs.Entries.Where(e => e.StartsWith("Warning")).ToList();
        Assert.Equal(2, warnings.Count(w => w.Contains("[15]") && w.Contains("<TARGET>") && w.Contains("ListComplianceSchedules v2.0")));
        Assert.Equal(2, warnings.Count(w => w.Contains("[16]") && w.Contains("NEW_FIELD")));
    }

    [Fact]
    public async Task A_strict_client_fails_the_call_with_the_response_format_exception()
    {
        var bytes = Encoding.UTF8.GetBytes(Response);
        await using var server = RawHttpServer.Start((_, stream, ct) => RawHttpServer.WriteAsync(stream, 200, "text/xml", bytes, ct));
        var options = Harness.ClientOptions(server.BaseAddress);
        options.Xml = new QualysXmlOptions { Strict = true };
        await using var client = new QualysClient(options);

        var failure = await Assert.ThrowsAsync<QualysResponseFormatException>(() => client.SendAsync(TestRequests.ListSchedules(Requests.QualysAuthSchemes.Basic)));
        Assert.Equal(QualysXmlErrorKind.MissingElement, Assert.IsType<QualysXmlException>(failure.InnerException).Kind);
    }

    [Fact]
    public void The_reporter_the_client_adds_keeps_every_other_option()
    {
        var options = new QualysXmlOptions { Strict = true, MaxDepth = 17, MaxBufferedBytes = 12345, MaxRecordBytes = 100_000, MaxDegreeOfParallelism = 3 };
        var reporter = new QualysXmlReport();

        var copy = options.WithReporter(reporter);

        Assert.Same(reporter, copy.Reporter);
        foreach (var property in typeof(QualysXmlOptions).GetProperties().Where(p => p.Name != nameof(QualysXmlOptions.Reporter) && p.GetMethod!.IsStatic is false))
        {
            Assert.Equal(property.GetValue(options), property.GetValue(copy));
        }
    }
}
