using System;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using QualysGen.Requests;
using QualysGen.Runtime.Tests.Infrastructure;
using QualysGen.Runtime.Tests.Qualys.Assets;
using QualysGen.Runtime.Tests.Qualys.ComplianceScheduleScanListOutputDtd;
using QualysGen.Runtime.Tests.Qualys.KnowledgeBase;
using QualysGen.Runtime.Tests.Qualys.Reports;
using QualysGen.Runtime.Tests.Qualys.Scans;
using QualysGen.Runtime.Tests.Qualys.Was;
using QualysGen.Runtime.Tests.Qualys.Zuora;

namespace QualysGen.Runtime.Tests;

/// <summary>
/// Every endpoint in specs/, built by its generated builder, sent by the client, answered by the simulator and read by the
/// generated parser: the three agree on paths, parameters, bodies, auth and response shapes.
/// </summary>
#pragma warning disable QG0249 // The deprecated versions are exercised on purpose.
public sealed class BuilderEndToEndTests
{
    private static readonly byte[] Template = Encoding.UTF8.GetBytes("<SCAN_TEMPLATE><TITLE><INFO key=\"title\">E2E</INFO></TITLE></SCAN_TEMPLATE>");

    [Fact]
    public async Task Compliance_schedules_create_list_update_delete()
    {
        await using var h = await Harness.StartAsync(simulator: o => o.TruncationLimit = 2);

        var created = await h.Client.SendAsync(new CreateComplianceScanScheduleRequest
        {
            ScanTitle = "E2E weekly", Active = true, OptionId = 76960, IscannerNames = ["pyscandsp"], AssetGroups = ["policyred7"],
            Occurrence = ScheduleOccurrence.Weekly, FrequencyWeeks = 1, Weekdays = [Weekday.Sunday, Weekday.Wednesday],
            StartHour = 13, StartMinute = 30, TimeZoneCode = "IN", ObserveDst = false, StartDate = new DateOnly(2026, 12, 1),
            EndAfter = 0, EndAfterMins = 45,
        }.Build());
        var id = long.Parse(created.Response.Items.Single(i => i.Key == "ID").Values.Single());
        await h.Client.SendAsync(new CreateComplianceScanScheduleRequest
        {
            ScanTitle = "E2E monthly", Active = false, OptionTitle = "nordea windows", Ips = ["10.10.10.10", "10.10.10.11"],
            Occurrence = ScheduleOccurrence.Monthly, FrequencyMonths = 12, DayOfMonth = 20, StartHour = 22, StartMinute = 0, TimeZoneCode = "IN",
        }.Build());

        // A list request carries its record stream; naming it explicitly gives the same records.
        var scans = await h.Client.EnumerateAsync(new ListComplianceScanSchedulesRequest().Build()).CollectAsync();
        var named = await h.Client.EnumerateAsync(new ListComplianceScanSchedulesRequest().Build(), ComplianceScheduleScanListOutput.EnumerateScansAsync).CollectAsync();
        Assert.Equal(3, scans.Count);
        Assert.Equal(named.Select(s => s.Id), scans.Select(s => s.Id));
        var weekly = scans.Single(s => s.Id == id);
        Assert.Equal(ScheduleChoice.Weekly, weekly.Schedule.Choice);
        Assert.Equal("0,3", weekly.Schedule.Weekly!.Weekdays);
        Assert.Equal(["policyred7"], weekly.AssetGroupTitles);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 13, 30, 0, TimeSpan.Zero), weekly.Schedule.StartDateUtc);
        Assert.Equal(45, weekly.Schedule.EndAfterMinutes);
        Assert.Equal(ScheduleChoice.Monthly, scans.Single(s => s.Title == "E2E monthly").Schedule.Choice);

        var updated = await h.Client.SendAsync(new UpdateComplianceScanScheduleRequest { Id = id, OptionId = 39594, Active = false }.Build());
        Assert.Equal("Edit scheduled Scan Completed successfully", updated.Response.Text);
        var listed = await h.Client.SendAsync(new ListComplianceScanSchedulesRequest { Id = id }.Build());
        Assert.False(listed.Response.Scans.Single().Active);

        var deleted = await h.Client.SendAsync(new DeleteComplianceScanScheduleRequest { Id = id }.Build());
        Assert.Equal("Schedule scan deleted successfully", deleted.Response.Text);
        Assert.DoesNotContain(h.Simulator.State.ComplianceSchedules, s => s.Id == id);
    }

    [Fact]
    public async Task Reports_cancel_on_v3_and_the_deprecated_v2()
    {
        await using var h = await Harness.StartAsync();

        var v3 = await h.Client.SendAsync(new CancelReportRequest { Id = 6627719 }.Build());
        var v2 = await h.Client.SendAsync(new CancelReportV2Request { Id = 6627720, EchoRequest = false }.Build());

        Assert.Equal("Report canceled", v3.Response.Text);
        Assert.Equal("Report canceled", v2.Response.Text);
        Assert.All(h.Simulator.State.Reports.Where(r => r.Id is 6627719 or 6627720), r => Assert.Equal("Canceled", r.State));
        var error = await Assert.ThrowsAsync<QualysApiException>(() => h.Client.SendAsync(new CancelReportRequest { Id = 6627721 }.Build()));
        Assert.Equal(1905, error.Code);
    }

    [Fact]
    public async Task Scan_report_templates_on_every_version_with_the_auth_each_takes()
    {
        await using var h = await Harness.StartAsync();

        var v7 = await h.Client.SendAsync(new CreateScanReportTemplateRequest { Body = Template }.Build());
        var v4 = await h.Client.SendAsync(new CreateScanReportTemplateV4Request { Body = Template }.Build());
        var v3 = await h.Client.SendAsync(new CreateScanReportTemplateV3Request { Body = Template }.Build());
        var v2 = await h.Client.SendAsync(new CreateScanReportTemplateV2Request { Body = Template }.Build());

        Assert.Equal("Scan Report Template(s) Successfully Created.", v7.Response.Text);
        Assert.Equal("Scan Report Template(s) Successfully Created.", v4.Response.Text);
        Assert.Equal("Scan Report Template(s) Successfully Created.", v3.Response.Text);
        Assert.StartsWith("Scan Report Template(s) Created Successfully [", v2.Response.Code);
        Assert.Equal(["Bearer", "Basic", "Basic", "Basic"], h.Simulator.Requests.Where(r => r.Host == "api").Select(r => r.Auth));
        Assert.Equal(["7.0", "4.0", "3.0", "2.0"], h.Simulator.State.ReportTemplates.Select(t => t.Version));
        Assert.All(h.Simulator.State.ReportTemplates, t => Assert.Equal("E2E", t.Title));
    }

    [Fact]
    public async Task Virtual_hosts_through_their_whole_life()
    {
        await using var h = await Harness.StartAsync();

        Assert.Equal("Virtual host successfully created.", (await h.Client.SendAsync(new CreateVirtualHostRequest { Ip = "10.10.10.20", Port = 8080, NetworkId = 5004, Fqdns = ["example1.fqdn.com", "example2.fqdn.com"] }.Build())).Response.Text);
        Assert.Equal("Virtual host successfully updated.", (await h.Client.SendAsync(new UpdateVirtualHostRequest { Ip = "10.10.10.20", Port = 8080, NetworkId = 5004, Fqdns = ["example1.fqdn.com"] }.Build())).Response.Text);
        Assert.Equal("Virtual host FQDN(s) successfully added.", (await h.Client.SendAsync(new AddVirtualHostFqdnsRequest { Ip = "10.10.10.20", Port = 8080, NetworkId = 5004, Fqdns = ["example5.fqdn.com", "example6.fqdn.com"] }.Build())).Response.Text);
        Assert.Equal(["example1.fqdn.com", "example5.fqdn.com", "example6.fqdn.com"], h.Simulator.State.VirtualHosts.Single().Fqdns);
        Assert.Equal("Virtual host FQDN(s) successfully deleted.", (await h.Client.SendAsync(new DeleteVirtualHostFqdnsRequest { Ip = "10.10.10.20", Port = 8080, NetworkId = 5004, Fqdns = ["example1.fqdn.com"] }.Build())).Response.Text);
        Assert.Equal("Virtual host successfully deleted.", (await h.Client.SendAsync(new DeleteVirtualHostRequest { Ip = "10.10.10.20", Port = 8080, NetworkId = 5004 }.Build())).Response.Text);
        Assert.Empty(h.Simulator.State.VirtualHosts);
    }

    [Fact]
    public async Task KnowledgeBase_edit_and_reset()
    {
        await using var h = await Harness.StartAsync();

        var edited = await h.Client.SendAsync(new EditVulnerabilityRequest { Qid = 150198, Severity = 3, SolutionComment = "Patch" }.Build());
        Assert.Equal("Custom Vuln Data has been updated successfully", edited.Response.Text);
        Assert.Equal(3, h.Simulator.State.VulnEdits.Single().Severity);

        var reset = await h.Client.SendAsync(new ResetVulnerabilityRequest { Qid = 150198 }.Build());
        Assert.Equal("Custom Vuln Data has been reset successfully", reset.Response.Text);
        Assert.Empty(h.Simulator.State.VulnEdits);
    }

    [Fact]
    public async Task Compliance_scans_launch_and_list()
    {
        await using var h = await Harness.StartAsync();

        var launched = await h.Client.SendAsync(new LaunchComplianceScanRequest { ScanTitle = "E2E scan", OptionTitle = "Initial Options", Ips = ["10.10.10.1"], IscannerNames = ["pyscandsp"] }.Build());
        var reference = launched.Response.Items.Single(i => i.Key == "REFERENCE").Values.Single();
        var list = await h.Client.SendAsync(new ListComplianceScansRequest { ScanRef = reference }.Build());

        Assert.Equal("New compliance scan launched", launched.Response.Text);
        Assert.StartsWith("compliance/", reference);
        Assert.Contains($"<REF>{reference}</REF>", list.Text);
        Assert.Contains("<SCAN_LIST_OUTPUT>", list.Text);
    }

    [Fact]
    public async Task Cloud_perimeter_scan_jobs_create_and_update()
    {
        await using var h = await Harness.StartAsync();

        var created = await h.Client.SendAsync(new CreateCloudPerimeterScanJobRequest
        {
            Module = "vm", Active = false, Schedule = "now", OptionTitle = "Initial Options", ConnectorUuid = "9ef995a8-0708-4155-a3f2-49a3cfcb2b7b",
            IncludeMicroNanoInstances = true, PlatformType = "vpc_peered", RegionCode = "us-east-1",
        }.Build());
        var id = long.Parse(created.Response.Items.Single().Values.Single());
        await h.Client.SendAsync(new UpdateCloudPerimeterScanJobRequest { Id = id, IncludeMicroNanoInstances = false, IncludeLbFromConnector = true }.Build());

        var job = h.Simulator.State.CloudPerimeterJobs.Single();
        Assert.Equal("0", job.Parameters["include_micro_nano_instances"]);
        Assert.Equal("1", job.Parameters["include_lb_from_connector"]);
        Assert.Equal("us-east-1", job.Parameters["region_code"]);
    }

    [Fact]
    public async Task WAS_scans_delete_by_id_and_by_filter()
    {
        await using var h = await Harness.StartAsync();

        var one = await h.Client.SendAsync(new DeleteWasScanRequest { Id = 12405 }.Build());
        var vuln = await h.Client.SendAsync(new DeleteWasScansRequest { Filters = [WasScanFilter.Name.Contains("VULN")] }.Build());

        Assert.Equal([12405L], one.Data.Select(s => s.Id!.Value));
        Assert.Equal([12874L, 13093], vuln.Data.Select(s => s.Id!.Value));
        Assert.Equal(2, vuln.Count);
        Assert.Equal([13110L, 13200], h.Simulator.State.WasScans.Select(s => s.Id));

        var running = await Assert.ThrowsAsync<QualysServiceException>(() => h.Client.SendAsync(new DeleteWasScanRequest { Id = 13110 }.Build()));
        Assert.Equal("INVALID_REQUEST", running.ResponseCode);
        var missing = await Assert.ThrowsAsync<QualysServiceException>(() => h.Client.SendAsync(new DeleteWasScanRequest { Id = 1 }.Build()));
        Assert.Equal("NOT_FOUND", missing.ResponseCode);
    }

    [Fact]
    public async Task A_custom_host_endpoint_goes_to_its_own_base_URL_without_Qualys_credentials()
    {
        await using var h = await Harness.StartAsync();
        await using var client = h.NewClient(o => o.CustomHostUrl = h.Simulator.BaseAddress);

        var first = await client.SendAsync(new CancelReportRunRequest { ReportRunId = "ff808081527368d401527b24d20900d9" }.Build());
        var second = await client.SendAsync(new CancelReportRunRequest { ReportRunId = "ff808081527368d401527b24d20900d9" }.Build());

        Assert.True(first.Success);
        Assert.Equal("The report run has been canceled", first.Response);
        Assert.Equal("The report run was canceled", second.Response);
        Assert.All(h.Simulator.Requests, r => Assert.Equal("None", r.Auth));
        Assert.All(h.Simulator.Requests, r => Assert.Equal("DELETE", r.Method));
    }

    [Fact]
    public async Task A_rule_broken_in_a_builder_sends_nothing()
    {
        await using var h = await Harness.StartAsync();

        Assert.Throws<QualysParameterException>(() => new CreateComplianceScanScheduleRequest
        {
            ScanTitle = "x", Active = true, OptionId = 1, OptionTitle = "both", Ips = ["10.0.0.1"],
            Occurrence = ScheduleOccurrence.Daily, FrequencyDays = 1, StartHour = 1, StartMinute = 1, TimeZoneCode = "US-CA",
        }.Build());

        Assert.Empty(h.Simulator.Requests);
    }
}
#pragma warning restore QG0249
