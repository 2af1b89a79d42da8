using System;
using System.Diagnostics;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Threading.Tasks;
using QualysGen;
using QualysGen.Client;
using QualysGen.Demo;
using QualysGen.Demo.Qualys.KnowledgeBase;
using QualysGen.Demo.Qualys.Reports;
using QualysGen.Demo.Qualys.Scans;
using QualysGen.Demo.Qualys.Was;
using QualysGen.Requests;
using QualysGen.Simulator;

// A real workflow through the bindings QualysGen generated from specs/ at build time: typed request builders that check the
// documented parameter rules, the client that sends them (auth, limits, paging), and the generated streaming parsers.
// With no arguments it runs against the Qualys simulator on loopback; see --help for a real account.

var settings = DemoSettings.Parse(args);
if (settings is null)
{
    return 2;
}

await using var simulator = settings.UseSimulator ? await QualysSimulator.StartAsync(new QualysSimulatorOptions { TruncationLimit = 5 }) : null;
var options = simulator is null ? settings.ClientOptions() : new QualysClientOptions
{
    ApiServerUrl = simulator.BaseAddress,
    GatewayUrl = simulator.GatewayAddress,
    UserName = simulator.Options.UserName,
    Password = simulator.Options.Password,
};
await using var client = new QualysClient(options, new DemoLog());
var canWrite = simulator is not null || settings.AllowChanges;

Console.WriteLine("QualysGen demo: typed Qualys API calls through the generated request builders, client and parsers");
Console.WriteLine(simulator is not null
    ? $"Target: the Qualys simulator on loopback (API server {client.ApiServer}, gateway {client.Gateway}); run with --help for a real account."
    : $"Target: {client.ApiServer} (gateway {client.Gateway}), credentials from QUALYS_USERNAME/QUALYS_PASSWORD{(canWrite ? "" : "; read-only, --allow-changes to create and delete")}.");

// 1. Compliance scan schedules: create a few, then list every one of them, across pages.
Step(1, "Compliance scan schedules (/api/2.0/fo/schedule/scan/compliance/)");
if (canWrite)
{
    foreach (var (title, hour) in new[] { ("Nightly PCI baseline", 2), ("Nightly CIS Windows", 3), ("Nightly CIS Linux", 4), ("Weekend full policy", 5), ("DMZ hardening check", 6), ("Branch offices", 7) })
    {
        var created = await client.SendAsync(new CreateComplianceScanScheduleRequest
        {
            ScanTitle = title,
            Active = true,
            OptionTitle = "Initial Options",
            Ips = ["10.10.10.0-10.10.10.255"],
            Occurrence = ScheduleOccurrence.Daily,
            FrequencyDays = 1,
            StartHour = hour,
            StartMinute = 30,
            TimeZoneCode = "US-CA",
            ObserveDst = true,
        }.Build());
        Console.WriteLine($"   created #{Item(created, "ID")} \"{title}\", daily at {hour:00}:30 US-CA ({created.Response.Text})");
    }

    try
    {
        // Monthly needs a day: the builder refuses before anything is sent.
        _ = new CreateComplianceScanScheduleRequest
        {
            ScanTitle = "Broken", Active = true, OptionTitle = "Initial Options", Ips = ["10.0.0.1"],
            Occurrence = ScheduleOccurrence.Monthly, FrequencyMonths = 1, StartHour = 1, StartMinute = 0, TimeZoneCode = "US-CA",
        }.Build();
    }
    catch (QualysParameterException exception)
    {
        Console.WriteLine($"   a schedule that breaks a documented rule fails before it is sent: {exception.Message}");
    }
}

var listed = 0;
var requestsBefore = simulator?.Requests.Count ?? 0;
await foreach (var scan in client.EnumerateAsync(new ListComplianceScanSchedulesRequest().Build()))   // the list request knows its record stream
{
    listed++;
    Console.WriteLine($"   listed #{scan.Id} \"{scan.Title}\" on {scan.Target}, {(scan.Active ? "active" : "inactive")}, starts {scan.Schedule.StartDateUtc:yyyy-MM-dd HH:mm} UTC ({scan.Schedule.TimeZone.TimeZoneCode})");
}

Console.WriteLine(simulator is not null
    ? $"   {listed} schedules in {simulator.Requests.Count - requestsBefore} responses: the simulator truncates lists at 5 records, and the client followed each WARNING 1980 URL as the records were read"
    : $"   {listed} schedules");

// 2. Cancel a running report on v3, and see what v2 (past its end of support) looks like.
Step(2, "Cancel a running report (/api/N.0/fo/report/?action=cancel)");
if (settings.ReportIds is [var v3Report, var v2Report] && canWrite)
{
    var canceled = await client.SendAsync(new CancelReportRequest { Id = v3Report }.Build());
    Console.WriteLine($"   v3: \"{canceled.Response.Text}\" (ID {Item(canceled, "ID")})");

#pragma warning disable QG0249 // Calling the deprecated version on purpose, to show it.
    var obsolete = typeof(CancelReportV2Request).GetCustomAttribute<ObsoleteAttribute>()!;
    var v2 = new CancelReportV2Request { Id = v2Report }.Build();
#pragma warning restore QG0249
    Console.WriteLine($"   v2: the builder is [Obsolete] (compiler warning {obsolete.DiagnosticId}): \"{obsolete.Message}\"");
    try
    {
        var canceledV2 = await client.SendAsync(v2);
        Console.WriteLine($"   v2 called anyway ({v2.Method} {v2.Path}, form body): \"{canceledV2.Response.Text}\" (ID {Item(canceledV2, "ID")}); Qualys may stop answering it at any time");
    }
    catch (QualysException exception)
    {
        Console.WriteLine($"   v2 called anyway: {exception.GetType().Name}: {exception.Message}");
    }
}
else
{
    Console.WriteLine("   skipped: pass --report-id <v3 id> --report-id <v2 id> and --allow-changes");
}

// 3. A scan report template on v7, which takes a JWT: the client gets one from the gateway's /auth and reuses it.
Step(3, "Create a scan report template on v7 with a JWT (/api/7.0/fo/report/template/scan/)");
if (canWrite)
{
    var template = """
        <?xml version="1.0" encoding="UTF-8"?>
        <SCAN_TEMPLATE><TITLE><INFO key="title">QualysGen demo: CVSS v4 findings</INFO></TITLE><DISPLAY><INFO key="cvss">cvssV4</INFO></DISPLAY></SCAN_TEMPLATE>
        """;
    var created = await client.SendAsync(new CreateScanReportTemplateRequest { Body = Encoding.UTF8.GetBytes(template) }.Build());
    Console.WriteLine($"   created template {Item(created, "ID")}: \"{created.Response.Text}\"");
    if (simulator is not null)
    {
        Console.WriteLine($"   the client fetched {simulator.TokensIssued} JWT from {client.Gateway}auth and sent it as Authorization: Bearer (v7 takes nothing else)");
    }
}
else
{
    Console.WriteLine("   skipped (read-only)");
}

// 4. Delete the WAS scans whose name contains "VULN" (QPS REST, a ServiceRequest with a Criteria filter).
Step(4, "Delete the WAS scans whose name contains \"VULN\" (/qps/rest/3.0/delete/was/wasscan)");
if (canWrite)
{
    var deleted = await client.SendAsync(new DeleteWasScansRequest { Filters = [WasScanFilter.Name.Contains("VULN")] }.Build());
    Console.WriteLine($"   {deleted.ResponseCodeRaw ?? deleted.ResponseCode.ToString()}: deleted {deleted.Count ?? 0} scan(s): {string.Join(", ", deleted.Data.Select(s => s.Id))}");
    if (simulator is not null)
    {
        foreach (var kept in simulator.State.WasScans.Where(s => s.Name.Contains("VULN", StringComparison.OrdinalIgnoreCase)))
        {
            Console.WriteLine($"   kept #{kept.Id} \"{kept.Name}\": it is {kept.Status}, and running scans are not deleted");
        }
    }
}
else
{
    Console.WriteLine("   skipped (read-only)");
}

// 5. A rate limit: Qualys answers 409 with code 1965 and X-RateLimit-ToWait-Sec; the client waits, then sends again.
Step(5, "Survive a rate limit (/api/2.0/fo/knowledge_base/vuln/)");
if (simulator is not null)
{
    simulator.Options.RateLimit = 2;
    simulator.Options.RateLimitWindow = TimeSpan.FromSeconds(2);
    Console.WriteLine("   the simulator now allows 2 calls per 2 seconds to this API");
    foreach (var qid in new long[] { 150198, 150199, 150200 })
    {
        var watch = Stopwatch.StartNew();
        var edited = await client.SendAsync(new EditVulnerabilityRequest { Qid = qid, Severity = 3, ThreatComment = "Raised by the QualysGen demo" }.Build());
        Console.WriteLine($"   edit QID {qid}: \"{edited.Response.Text}\" after {watch.ElapsedMilliseconds} ms");
    }

    simulator.Options.RateLimit = 300;
}
else
{
    Console.WriteLine("   against a real account the client honours limits the same way when they come; nothing to provoke here");
}

if (simulator is not null)
{
    Console.WriteLine();
    Console.WriteLine($"What the simulator received ({simulator.Requests.Count} requests):");
    foreach (var request in simulator.Requests)
    {
        var action = request.Action is null ? "" : $" action={request.Action}";
        Console.WriteLine($"   {request.Method,-6} {request.Host,-7} {request.Path}{action}  auth={request.Auth}  -> {(request.Dropped ? "dropped" : request.Status.ToString())}");
    }
}

return 0;

static void Step(int number, string title)
{
    Console.WriteLine();
    Console.WriteLine($"{number}. {title}");
}

static string Item(QualysGen.Demo.Qualys.SimpleReturnDtd.SimpleReturn answer, string key)
    => answer.Response.Items.FirstOrDefault(i => i.Key == key)?.Values.FirstOrDefault() ?? "?";
