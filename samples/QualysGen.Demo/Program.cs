using System;
using System.IO;
using System.Reflection;
using System.Threading.Tasks;
using QualysGen;
using QualysGen.Demo.Qualys.ComplianceScheduleScanListOutputDtd;
using QualysGen.Demo.Qualys.SimpleReturnDtd;

// Reads real Qualys responses (from the API documentation and recorded traffic, embedded in this program)
// through the parsers QualysGen generated at build time from specs/*.dtd and specs/fo.endpoints.json.

Console.WriteLine("QualysGen demo: parsers generated from the Qualys DTDs in specs/");
Console.WriteLine();

Console.WriteLine("1. A compliance scan schedule list, read whole:");
var list = ComplianceScheduleScanListOutput.Parse(Open("compliance_schedule_list.xml"));
Console.WriteLine($"   generated at {list.Response.Datetime:u}, {list.Response.Scans.Count} schedule(s)");
foreach (var scan in list.Response.Scans)
{
    var schedule = scan.Schedule;
    var when = schedule.Choice switch
    {
        ScheduleChoice.Daily => $"every {schedule.Daily!.FrequencyDays} day(s)",
        ScheduleChoice.Weekly => $"every {schedule.Weekly!.FrequencyWeeks} week(s) on days {schedule.Weekly.Weekdays}",
        ScheduleChoice.Monthly => $"every {schedule.Monthly!.FrequencyMonths} month(s)",
        _ => "unscheduled",
    };
    Console.WriteLine($"   #{scan.Id} \"{scan.Title}\" on {scan.Target}, {(scan.Active ? "active" : "inactive")}, {when},");
    Console.WriteLine($"      starts {schedule.StartDateUtc:u} at {schedule.StartHour:00}:{schedule.StartMinute:00} {schedule.TimeZone.TimeZoneCode}, asset groups: {string.Join(", ", scan.AssetGroupTitles)}");
}

Console.WriteLine();
Console.WriteLine("2. The same list streamed record by record (constant memory for any size):");
await foreach (var scan in ComplianceScheduleScanListOutput.EnumerateScansAsync(Open("compliance_schedule_list.xml")))
{
    Console.WriteLine($"   streamed schedule #{scan.Id} (option profile \"{scan.OptionProfile?.Title}\")");
}

Console.WriteLine();
Console.WriteLine("3. A rate-limit error (SIMPLE_RETURN, code 1965):");
var error = SimpleReturn.Parse(Open("rate_limit.xml"));
Console.WriteLine($"   code {error.Response.Code}: {error.Response.Text}");
foreach (var item in error.Response.Items)
{
    Console.WriteLine($"   {item.Key} = {string.Join(", ", item.Values)}");
}

Console.WriteLine();
Console.WriteLine("4. A response that breaks its DTD fails with one exception that says where:");
try
{
    ComplianceScheduleScanListOutput.Parse(new MemoryStream("<COMPLIANCE_SCHEDULE_SCAN_LIST_OUTPUT><RESPONSE><DATETIME>yesterday</DATETIME></RESPONSE></COMPLIANCE_SCHEDULE_SCAN_LIST_OUTPUT>"u8.ToArray()));
}
catch (QualysXmlException exception)
{
    Console.WriteLine($"   {exception.Kind}: {exception.Message}");
}

return 0;

static Stream Open(string name)
    => Assembly.GetExecutingAssembly().GetManifestResourceStream(name) ?? throw new FileNotFoundException(name);
