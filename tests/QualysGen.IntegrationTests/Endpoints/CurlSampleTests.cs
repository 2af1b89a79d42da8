#pragma warning disable QG0249 // the deprecated versions are what some seed samples call

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using QualysGen.IntegrationTests.Qualys.Assets;
using QualysGen.IntegrationTests.Qualys.KnowledgeBase;
using QualysGen.IntegrationTests.Qualys.Reports;
using QualysGen.IntegrationTests.Qualys.Scans;
using QualysGen.IntegrationTests.Qualys.Was;
using QualysGen.Requests;

namespace QualysGen.IntegrationTests.Endpoints;

/// <summary>
/// Every curl sample in the seed documents (<c>../shared/seeds/*.txt</c>), rebuilt through the generated builders, gives the same method,
/// path and parameters (query and form together: Qualys reads FO parameters from either) and uses an auth scheme the version accepts.
/// </summary>
/// <remarks>
/// The samples are transcribed as published, except where the PDF extraction broke them: lines wrapped inside a URL or a value are joined,
/// and the missing spaces between arguments of the report cancel v2 sample are restored. Equivalences the comparison allows, each a
/// documentation quirk: a trailing <c>/</c> or <c>index.php</c> on the path; numbers compared as numbers (<c>start_minute=00</c>); enum values
/// compared ignoring case (<c>weekdays=Sunday</c> where the parameter table says <c>sunday</c>); and a sample without <c>-X</c> or data
/// (which curl would send as GET) is compared with the method its page documents.
/// </remarks>
public sealed class CurlSampleTests
{
    private static readonly ReadOnlyMemory<byte> Template = Encoding.UTF8.GetBytes("<REPORTTEMPLATE/>");

    private static readonly Dictionary<string, Sample> Samples = new Sample[]
    {
        // Seed 000: cancel report.
        new("000 cancel v2.0", "POST",
            """curl -H "X-Requested-With: Curl Sample" -d "action=cancel;id=1462" -b "QualysSession=71e6cda2a35d2cd404cddaf305ea0208; path=/api; secure" "<qualys_base_url>/api/2.0/fo/report/" """,
            () => new CancelReportV2Request { Id = 1462 }.Build()),
        new("000 cancel v3.0", "POST",
            """curl --location --request POST '<qualys_base_url>/api/3.0/fo/report/?echo_request=1&action=cancel&id=6619731' --header 'X-Requested-With: curl' --header 'Authorization: Basic Encoded username:passwordstring'""",
            () => new CancelReportRequest { Id = 6619731, EchoRequest = true }.Build()),

        // Seed 001: WAS scan delete.
        new("001 delete scan by id", "POST",
            """curl -u "USERNAME:PASSWORD" -H "content-type: text/xml" -X "POST" "<qualys_base_url>/qps/rest/3.0/delete/was/wasscan/12405" """,
            () => new DeleteWasScanRequest { Id = 12405 }.Build()),
        new("001 delete scans by filter", "POST",
            """curl -u "USERNAME:PASSWORD" -H "content-type: text/xml" -X "POST" --data-binary @- "<qualys_base_url>/qps/rest/3.0/delete/was/wasscan" """,
            () => new DeleteWasScansRequest { Filters = [WasScanFilter.Name.Contains("VULN")] }.Build()),

        // Seed 003: Cloud Perimeter scan jobs.
        new("003 cloud perimeter create (micro/nano)", "POST",
            """curl -u "USERNAME:PASSWORD" -H "X-Requested-With: Curl" "action=create&module=vm&active=0&schedule=now&option_title=Initial Options&connector_uuid=9ef995a8-0708-4155-a3f2-49a3cfcb2b7b&include_micro_nano_instances=1&platform_type=vpc_peered&region_code=us-east-1" "https://qualysapi.qualys.com/api/2.0/fo/scan/cloud/perimeter/job/index.php?" """,
            () => new CreateCloudPerimeterScanJobRequest
            {
                Module = "vm", Active = false, Schedule = "now", OptionTitle = "Initial Options", ConnectorUuid = "9ef995a8-0708-4155-a3f2-49a3cfcb2b7b",
                IncludeMicroNanoInstances = true, PlatformType = "vpc_peered", RegionCode = "us-east-1",
            }.Build()),
        new("003 cloud perimeter update (micro/nano)", "POST",
            """curl -u "USERNAME:PASSWORD" -H "X-Requested-With: Curl" "action=update&id=1640258&include_micro_nano_instances=0" "https://qualysapi.qualys.com/api/2.0/fo/scan/cloud/perimeter/job/index.php?" """,
            () => new UpdateCloudPerimeterScanJobRequest { Id = 1640258, IncludeMicroNanoInstances = false }.Build()),
        new("003 cloud perimeter create (load balancers)", "POST",
            """curl -u "USERNAME:PASSWORD" -H "X-Requested-With: Curl" "action=create&module=vm&active=0&schedule=now&option_title=Initial Options&connector_uuid=9ef995a8-0708-4155-a3f2-49a3cfcb2b7b&include_lb_from_connector=1" "https://qualysapi.qualys.com/api/2.0/fo/scan/cloud/perimeter/job/index.php?" """,
            () => new CreateCloudPerimeterScanJobRequest
            {
                Module = "vm", Active = false, Schedule = "now", OptionTitle = "Initial Options", ConnectorUuid = "9ef995a8-0708-4155-a3f2-49a3cfcb2b7b",
                IncludeLbFromConnector = true,
            }.Build()),
        new("003 cloud perimeter update (load balancers)", "POST",
            """curl -u "USERNAME:PASSWORD" -H "X-Requested-With: Curl" "action=update&id=1645230&include_lb_from_connector=0" "https://qualysapi.qualys.com/api/2.0/fo/scan/cloud/perimeter/job/index.php?" """,
            () => new UpdateCloudPerimeterScanJobRequest { Id = 1645230, IncludeLbFromConnector = false }.Build()),

        // Seed 003: compliance scan schedules.
        new("003 list compliance schedules", "GET",
            """curl -u "USERNAME:PASSWORD" -H "X-Requested-With: Curl" "https://qualysapi.qualys.com/api/2.0/fo/schedule/scan/compliance?action=list" """,
            () => new ListComplianceScanSchedulesRequest().Build()),
        new("003 create compliance schedule (daily)", "POST",
            """curl -u "USERNAME:PASSWORD" -H "X-Requested-With: Curl" "https://qualysapi.qualys.com/api/2.0/fo/schedule/scan/compliance?action=create&scan_title=My+Scan+Schedule+api6&active=1&option_id=76960&asset_groups=policyred7&iscanner_name=pyscandsp&occurrence=daily&frequency_days=5&time_zone_code=US-CA&observe_dst=yes&start_hour=14&start_minute=0" """,
            () => new CreateComplianceScanScheduleRequest
            {
                ScanTitle = "My Scan Schedule api6", Active = true, OptionId = 76960, AssetGroups = ["policyred7"], IscannerNames = ["pyscandsp"],
                Occurrence = ScheduleOccurrence.Daily, FrequencyDays = 5, TimeZoneCode = "US-CA", ObserveDst = true, StartHour = 14, StartMinute = 0,
            }.Build()),
        new("003 create compliance schedule (weekly, end after 45 minutes)", "POST",
            """curl -u "USERNAME:PASSWORD" -H "X-Requested-With: Curl" "https://qualysapi.qualys.com/api/2.0/fo/schedule/scan/compliance?action=create&scan_title=My_Weekly_Scan&option_title=nordea windows&ip=10.10.10.10&active=1&occurrence=weekly&start_hour=13&start_minute=30&time_zone_code=IN&frequency_weeks=1&weekdays=Sunday&end_after=0&end_after_mins=45&iscanner_name=pyscandsp&before_notify=1&before_notify_unit=hours&before_notify_time=20" """,
            () => new CreateComplianceScanScheduleRequest
            {
                ScanTitle = "My_Weekly_Scan", OptionTitle = "nordea windows", Ips = ["10.10.10.10"], Active = true, Occurrence = ScheduleOccurrence.Weekly,
                StartHour = 13, StartMinute = 30, TimeZoneCode = "IN", FrequencyWeeks = 1, Weekdays = [Weekday.Sunday], EndAfter = 0, EndAfterMins = 45,
                IscannerNames = ["pyscandsp"], BeforeNotify = true, BeforeNotifyUnit = NotificationUnit.Hours, BeforeNotifyTime = 20,
            }.Build(),
            "weekdays"),
        new("003 create compliance schedule (monthly, all scanners in network)", "POST",
            """curl -u "USERNAME:PASSWORD" -H "X-Requested-With: Curl" "https://qualysapi.qualys.com/api/2.0/fo/schedule/scan/compliance?action=create&scan_title=API+Schedule+scan&option_title=nordea windows&ip_network_id=52010&scanners_in_network=1&ip=10.10.10.10,10.10.10.11&occurrence=monthly&frequency_months=12&day_of_month=20&start_minute=00&start_hour=22&time_zone_code=IN&observe_dst=no&pause_after_hours=3&resume_in_days=4&recurrence=5&start_date=08/20/2020&active=1" """,
            () => new CreateComplianceScanScheduleRequest
            {
                ScanTitle = "API Schedule scan", OptionTitle = "nordea windows", IpNetworkId = 52010, ScannersInNetwork = true, Ips = ["10.10.10.10", "10.10.10.11"],
                Occurrence = ScheduleOccurrence.Monthly, FrequencyMonths = 12, DayOfMonth = 20, StartMinute = 0, StartHour = 22, TimeZoneCode = "IN",
                ObserveDst = false, PauseAfterHours = 3, ResumeInDays = "4", Recurrence = 5, StartDate = new DateOnly(2020, 8, 20), Active = true,
            }.Build()),
        new("003 update compliance schedule", "POST",
            """curl -u "USERNAME:PASSWORD" -H "X-Requested-With: Curl" "http://qualysapi.qualys.com/api/2.0/fo/schedule/scan/compliance/?action=update&id=57360&option_id=39594" """,
            () => new UpdateComplianceScanScheduleRequest { Id = 57360, OptionId = 39594 }.Build()),
        new("003 delete compliance schedule", "POST",
            """curl -u "USERNAME:PASSWORD" -H "X-Requested-With: Curl" "https://qualysapi.qualys.com/api/2.0/fo/schedule/scan/compliance/?action=delete&id=57360" """,
            () => new DeleteComplianceScanScheduleRequest { Id = 57360 }.Build()),

        // Seed 003: virtual hosts with network_id.
        new("003 create virtual host", "POST",
            """curl -u "username:password" -H "Content-type: text/xml" -X "POST" -d "action=create&network_id=5004&ip=10.10.10.20&port=8080&fqdn=example1.fqdn.com,example2.fqdn.com" "https://qualysapi.qualys.com/api/2.0/fo/asset/vhost/" """,
            () => new CreateVirtualHostRequest { NetworkId = 5004, Ip = "10.10.10.20", Port = 8080, Fqdns = ["example1.fqdn.com", "example2.fqdn.com"] }.Build()),
        new("003 update virtual host", "POST",
            """curl -u "username:password" -H "Content-type: text/xml" -X "POST" -d "action=update&network_id=5004&ip=10.10.10.20&port=8080&fqdn=example1.fqdn.com,example2.fqdn.com" "https://qualysapi.qualys.com/api/2.0/fo/asset/vhost/" """,
            () => new UpdateVirtualHostRequest { NetworkId = 5004, Ip = "10.10.10.20", Port = 8080, Fqdns = ["example1.fqdn.com", "example2.fqdn.com"] }.Build()),
        new("003 add virtual host FQDNs", "POST",
            """curl -u "username:password" -H "Content-type: text/xml" -X "POST" -d "action=add_fqdn&network_id=5004&ip=10.10.10.20&port=8080&fqdn=example5.fqdn.com,example6.fqdn.com" "https://qualysapi.qualys.com/api/2.0/fo/asset/vhost/" """,
            () => new AddVirtualHostFqdnsRequest { NetworkId = 5004, Ip = "10.10.10.20", Port = 8080, Fqdns = ["example5.fqdn.com", "example6.fqdn.com"] }.Build()),
        new("003 delete virtual host FQDNs", "POST",
            """curl -u "username:password" -H "Content-type: text/xml" -X "POST" -d "action=delete_fqdn&network_id=5004&ip=10.10.10.20&port=8080&fqdn=example1.fqdn.com,example5.fqdn.com" "https://qualysapi.qualys.com/api/2.0/fo/asset/vhost/" """,
            () => new DeleteVirtualHostFqdnsRequest { NetworkId = 5004, Ip = "10.10.10.20", Port = 8080, Fqdns = ["example1.fqdn.com", "example5.fqdn.com"] }.Build()),
        new("003 delete virtual host", "POST",
            """curl -u "username:password" -H "Content-type: text/xml" -X "POST" -d "action=delete&network_id=5004&ip=10.10.10.20&port=8080" "https://qualysapi.qualys.com/api/2.0/fo/asset/vhost/" """,
            () => new DeleteVirtualHostRequest { NetworkId = 5004, Ip = "10.10.10.20", Port = 8080 }.Build()),

        // Seed 003: KnowledgeBase edit and reset.
        new("003 edit vulnerability", "POST",
            """curl -u "USERNAME:PASSWORD" -H "X-Requested-With:curl" -X POST "action=edit&severity=3&qid=150198" "https://qualysapi.qualys.com/api/2.0/fo/knowledge_base/vuln/" """,
            () => new EditVulnerabilityRequest { Severity = 3, Qid = 150198 }.Build()),
        new("003 reset vulnerability", "POST",
            """curl -u "USERNAME:PASSWORD" -H "X-Requested-With:curl" -X POST "action=reset&qid=150198" "https://qualysapi.qualys.com/api/2.0/fo/knowledge_base/vuln/" """,
            () => new ResetVulnerabilityRequest { Qid = 150198 }.Build()),

        // Seed 004: scan report template create, v2.0, v3.0, v4.0 and v7.0 (the body is the template XML).
        new("004 create template v2.0", "POST",
            """curl -u "<username>:<password>" -H "X-Requested-With:curl" -X POST -H "Content-type: text/xml" --data-binary @scan_export.xml "<qualys_base_url>/api/2.0/fo/report/template/scan/?action=create&report_format=xml" """,
            () => new CreateScanReportTemplateV2Request { Body = Template }.Build()),
        new("004 create template v3.0", "POST",
            """curl --location '<qualys_base_url>/api/3.0/fo/report/template/scan/?action=create&report_format=xml' --header 'X-Requested-With: curl' --header 'Content-Type: text/xml' --header 'Authorization: encoded username:passwordstring' --data @scan_export.xml""",
            () => new CreateScanReportTemplateV3Request { Body = Template }.Build()),
        new("004 create template v4.0", "POST",
            """curl --location --request POST '<qualys_base_url>/api/4.0/fo/report/template/scan/?action=create&report_format=xml' --header 'Accept: */*' --header 'X-Requested-With: curl' --header 'content-type: text/xml' --header 'Authorization: Basic encoded username:passwordstring'""",
            () => new CreateScanReportTemplateV4Request { Body = Template }.Build()),
        new("004 create template v7.0", "POST",
            """curl --location '<qualys_base_url>/api/7.0/fo/report/template/scan/?action=create&report_format=xml' --header 'Accept: */*' --header 'X-Requested-With: curl' --header 'content-type: text/xml' --header 'Authorization: Bearer <JWT Token>'""",
            () => new CreateScanReportTemplateRequest { Body = Template }.Build()),
    }.ToDictionary(s => s.Name);

    public static TheoryData<string> Names => new(Samples.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public void The_builder_sends_what_the_sample_sends(string name)
    {
        var sample = Samples[name];
        var curl = CurlCommand.Parse(sample.Curl);
        var request = sample.Build();

        Assert.Equal(curl.Method ?? sample.DocumentedMethod, request.Method.Method);
        Assert.Equal(sample.DocumentedMethod, request.Method.Method);
        Assert.Equal(NormalizePath(curl.Path), NormalizePath(request.Path));
        Assert.Equal(Sorted(curl.Parameters), Sorted(request.Query.Concat(request.Form)), new ParameterComparer(sample.CaseInsensitive));
        if (curl.Auth is { } auth)
        {
            Assert.True(request.AuthSchemes.HasFlag(Enum.Parse<QualysAuthSchemes>(auth)), $"{auth} is not among {request.AuthSchemes}");
        }
    }

    [Fact]
    public void Every_seed_with_a_curl_sample_is_covered()
    {
        var seeds = Samples.Keys.Select(k => k.Substring(0, 3)).Distinct().Order();
        // Seed 002 (Zuora) has no curl sample, only an HTTPS request line: ZuoraTests covers it.
        Assert.Equal(["000", "001", "003", "004"], seeds);
        Assert.Equal(25, Samples.Count);
    }

    private static string NormalizePath(string path)
    {
        if (path.EndsWith("index.php", StringComparison.Ordinal))
        {
            path = path.Substring(0, path.Length - "index.php".Length);
        }

        return path.TrimEnd('/');
    }

    private static List<KeyValuePair<string, string>> Sorted(IEnumerable<KeyValuePair<string, string>> parameters)
        => parameters.OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.OrdinalIgnoreCase).ToList();

    private sealed record Sample(string Name, string DocumentedMethod, string Curl, Func<QualysRequest> Build, params string[] CaseInsensitive);

    private sealed class ParameterComparer(string[] caseInsensitive) : IEqualityComparer<KeyValuePair<string, string>>
    {
        public bool Equals(KeyValuePair<string, string> x, KeyValuePair<string, string> y)
            => x.Key == y.Key
               && (x.Value == y.Value
                   || (long.TryParse(x.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var a) && long.TryParse(y.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var b) && a == b)
                   || (caseInsensitive.Contains(x.Key) && string.Equals(x.Value, y.Value, StringComparison.OrdinalIgnoreCase)));

        public int GetHashCode(KeyValuePair<string, string> pair) => pair.Key.GetHashCode(StringComparison.Ordinal);
    }
}
