using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using QualysGen.Requests;
using QualysGen.Runtime.Tests.Qualys.ComplianceScheduleScanListOutputDtd;
using QualysGen.Runtime.Tests.Qualys.SimpleReturnDtd;

namespace QualysGen.Runtime.Tests.Infrastructure;

/// <summary>
/// Requests built by hand, the way the generated builders build them: the transport is tested on its own contract
/// (<see cref="QualysRequest{TResponse}"/>), whatever the builders' surface.
/// </summary>
internal static class TestRequests
{
    public const string SchedulePath = "/api/2.0/fo/schedule/scan/compliance/";
    public const string WasScanSearchPath = "/qps/rest/3.0/search/was/wasscan";

    private static readonly KeyValuePair<string, string>[] None = [];

    public static QualysRequest<SimpleReturn> CancelReport(long id, string version = "3.0", QualysAuthSchemes? auth = null)
        => new(
            "CancelReport", version, HttpMethod.Post, $"/api/{version}/fo/report/",
            [new("action", "cancel"), new("id", id.ToString())],
            QualysBodyKind.Query, None, default, null,
            auth ?? (version == "2.0" ? QualysAuthSchemes.Basic | QualysAuthSchemes.Session : QualysAuthSchemes.Basic),
            QualysHost.ApiServer, isRetrySafe: false, SimpleReturn.ParseAsync);

    public static QualysRequest<ComplianceScheduleScanListOutput> ListSchedules(QualysAuthSchemes auth = QualysAuthSchemes.Basic | QualysAuthSchemes.Session | QualysAuthSchemes.Bearer, params KeyValuePair<string, string>[] parameters)
    {
        var query = new List<KeyValuePair<string, string>> { new("action", "list") };
        query.AddRange(parameters);
        return new(
            "ListComplianceSchedules", "2.0", HttpMethod.Get, SchedulePath, query,
            QualysBodyKind.Query, None, default, null, auth,
            QualysHost.ApiServer, isRetrySafe: true, ComplianceScheduleScanListOutput.ParseAsync);
    }

    /// <summary>The list sent as a form POST, so that paging must carry the next batch's parameters in the form.</summary>
    public static QualysRequest<ComplianceScheduleScanListOutput> ListSchedulesByForm()
        => new(
            "ListComplianceSchedules", "2.0", HttpMethod.Post, SchedulePath, None,
            QualysBodyKind.Form, [new("action", "list")], default, null, QualysAuthSchemes.Basic,
            QualysHost.ApiServer, isRetrySafe: true, ComplianceScheduleScanListOutput.ParseAsync);

    public static QualysRequest<SimpleReturn> CreateSchedule(string title, QualysAuthSchemes auth = QualysAuthSchemes.Basic | QualysAuthSchemes.Session)
        => new(
            "CreateComplianceSchedule", "2.0", HttpMethod.Post, SchedulePath, None,
            QualysBodyKind.Form,
            [
                new("action", "create"), new("scan_title", title), new("active", "1"), new("option_title", "Initial Options"),
                new("ip", "10.10.10.10"), new("occurrence", "daily"), new("frequency_days", "1"), new("start_hour", "2"),
                new("start_minute", "30"), new("time_zone_code", "US-CA"),
            ],
            default, null, auth, QualysHost.ApiServer, isRetrySafe: false, SimpleReturn.ParseAsync);

    /// <summary>A create that breaks a documented rule (no title): Qualys answers 1903 with HTTP 400.</summary>
    public static QualysRequest<SimpleReturn> CreateScheduleWithout(string parameter)
    {
        var request = CreateSchedule("x");
        var form = new List<KeyValuePair<string, string>>(request.Form);
        form.RemoveAll(p => p.Key == parameter);
        return new(request.Endpoint, request.Version, request.Method, request.Path, request.Query, request.BodyKind, form, default, null, request.AuthSchemes, request.Host, false, SimpleReturn.ParseAsync);
    }

    public static QualysRequest<SimpleReturn> CreateTemplate(string version, string title = "Quarterly CVSS v4 template")
        => new(
            "CreateScanReportTemplate", version, HttpMethod.Post, $"/api/{version}/fo/report/template/scan/",
            [new("action", "create"), new("report_format", "xml")],
            QualysBodyKind.Xml, None, Encoding.UTF8.GetBytes($"<ScanTemplate><TITLE><INFO key=\"title\">{title}</INFO></TITLE></ScanTemplate>"), "text/xml",
            version switch
            {
                "7.0" => QualysAuthSchemes.Bearer,
                "2.0" => QualysAuthSchemes.Basic | QualysAuthSchemes.Session,
                _ => QualysAuthSchemes.Basic,
            },
            QualysHost.ApiServer, isRetrySafe: false, SimpleReturn.ParseAsync);

    public static QualysRequest<string> SearchWasScans(int? limit = null, string? nameContains = null)
        => Search("SearchWasScans", WasScanSearchPath, limit, nameContains);

    public static QualysRequest<string> SearchWebApps(int? limit = null)
        => Search("SearchWebApps", "/qps/rest/3.0/search/was/webapp", limit, nameContains: null);

    private static QualysRequest<string> Search(string endpoint, string path, int? limit, string? nameContains)
    {
        var body = new StringBuilder("<ServiceRequest>");
        if (nameContains is not null)
        {
            body.Append($"<filters><Criteria field=\"name\" operator=\"CONTAINS\">{nameContains}</Criteria></filters>");
        }

        if (limit is not null)
        {
            body.Append($"<preferences><limitResults>{limit}</limitResults></preferences>");
        }

        body.Append("</ServiceRequest>");
        return new(
            endpoint, "3.0", HttpMethod.Post, path, None,
            QualysBodyKind.Xml, None, Encoding.UTF8.GetBytes(body.ToString()), "text/xml",
            QualysAuthSchemes.Basic, QualysHost.ApiServer, isRetrySafe: true, ReadToEndAsync);
    }

    public static QualysRequest<string> DeleteWasScans(string nameContains)
        => new(
            "DeleteWasScans", "3.0", HttpMethod.Post, "/qps/rest/3.0/delete/was/wasscan", None,
            QualysBodyKind.Xml, None,
            Encoding.UTF8.GetBytes($"<ServiceRequest><filters><Criteria field=\"name\" operator=\"CONTAINS\">{nameContains}</Criteria></filters></ServiceRequest>"),
            "text/xml", QualysAuthSchemes.Basic, QualysHost.ApiServer, isRetrySafe: false, ReadToEndAsync);

    public static QualysRequest<string> PortalVersion(QualysAuthSchemes auth = QualysAuthSchemes.Basic)
        => new("PortalVersion", "1.0", HttpMethod.Get, "/qps/rest/portal/version", None, QualysBodyKind.Query, None, default, null, auth, QualysHost.ApiServer, true, ReadToEndAsync);

    public static async ValueTask<string> ReadToEndAsync(Stream stream, QualysXmlOptions? options, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync(cancellationToken);
    }
}
