using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Compliance = QualysGen.IntegrationTests.Qualys.ComplianceScheduleScanListOutputDtd;
using Simple = QualysGen.IntegrationTests.Qualys.SimpleReturnDtd;
using WasScans = QualysGen.IntegrationTests.Qualys.WasscanXsd;
using WebApps = QualysGen.IntegrationTests.Qualys.WebappXsd;

namespace QualysGen.IntegrationTests.HostileInput;

/// <summary>A record stream of a root: its record path, its generated <c>Enumerate*Async</c>, and the same records in <c>Parse</c>'s model.</summary>
internal sealed record RecordStreamEntry(
    string Name,
    string[] RecordPath,
    Func<Stream, QualysXmlOptions?, CancellationToken, IAsyncEnumerable<object>> Enumerate,
    Func<object, IEnumerable<object>> RecordsOf);

/// <summary>The generated entry points of one document root: <c>Parse</c>, <c>ParseAsync</c> and every record stream.</summary>
internal sealed record ResponseTarget(
    string Name,
    Func<Stream, QualysXmlOptions?, object> Parse,
    Func<Stream, CancellationToken, ValueTask<object>> ParseAsync,
    IReadOnlyList<RecordStreamEntry> Streams)
{
    public override string ToString() => Name;

    public static ResponseTarget SimpleReturn { get; } = new(
        "SIMPLE_RETURN",
        (s, o) => Simple.SimpleReturn.Parse(s, o),
        async (s, c) => await Simple.SimpleReturn.ParseAsync(s, c),
        [new("EnumerateItemsAsync", ["SIMPLE_RETURN", "RESPONSE", "ITEM_LIST", "ITEM"], Simple.SimpleReturn.EnumerateItemsAsync, m => ((Simple.SimpleReturn)m).Response.Items)]);

    public static ResponseTarget ComplianceList { get; } = new(
        "COMPLIANCE_SCHEDULE_SCAN_LIST_OUTPUT",
        (s, o) => Compliance.ComplianceScheduleScanListOutput.Parse(s, o),
        async (s, c) => await Compliance.ComplianceScheduleScanListOutput.ParseAsync(s, c),
        [new("EnumerateScansAsync", ["COMPLIANCE_SCHEDULE_SCAN_LIST_OUTPUT", "RESPONSE", "COMPLIANCE_SCHEDULE_SCAN_LIST", "SCAN"], Compliance.ComplianceScheduleScanListOutput.EnumerateScansAsync, m => ((Compliance.ComplianceScheduleScanListOutput)m).Response.Scans)]);

    public static ResponseTarget WasScanResponse { get; } = new(
        "ServiceResponse (wasscan.xsd)",
        (s, o) => WasScans.ServiceResponse.Parse(s, o),
        async (s, c) => await WasScans.ServiceResponse.ParseAsync(s, c),
        [new("EnumerateWasScansAsync", ["ServiceResponse", "data", "WasScan"], WasScans.ServiceResponse.EnumerateWasScansAsync, m => ((WasScans.ServiceResponse)m).Data)]);

    public static ResponseTarget WebAppResponse { get; } = new(
        "ServiceResponse (webapp.xsd)",
        (s, o) => WebApps.ServiceResponse.Parse(s, o),
        async (s, c) => await WebApps.ServiceResponse.ParseAsync(s, c),
        [new("EnumerateWebAppsAsync", ["ServiceResponse", "data", "WebApp"], WebApps.ServiceResponse.EnumerateWebAppsAsync, m => ((WebApps.ServiceResponse)m).Data)]);

    public static ResponseTarget WasScanRequest { get; } = new(
        "ServiceRequest (wasscan.xsd)",
        (s, o) => WasScans.ServiceRequest.Parse(s, o),
        async (s, c) => await WasScans.ServiceRequest.ParseAsync(s, c),
        [new("EnumerateCriteriaAsync", ["ServiceRequest", "filters", "Criteria"], WasScans.ServiceRequest.EnumerateCriteriaAsync, m => ((WasScans.ServiceRequest)m).Filters)]);

    public static IReadOnlyList<ResponseTarget> All { get; } = [SimpleReturn, ComplianceList, WasScanResponse, WebAppResponse, WasScanRequest];
}

/// <summary>A valid document of a target, the seed that mutations start from.</summary>
internal sealed record SeedDocument(string Name, ResponseTarget Target, byte[] Bytes)
{
    public override string ToString() => Name;

    private static string Samples => Path.Combine(AppContext.BaseDirectory, "Samples");

    /// <summary>
    /// The project's own samples (transcribed from the seed documents, not copies of the shared reference files) and documents
    /// built here, with the markup a scanner can stumble on: CDATA, comments and PIs holding tags, a DOCTYPE internal subset
    /// with quotes in a comment, attribute values with '&gt;', an encoding declaration.
    /// </summary>
    public static IReadOnlyList<SeedDocument> All { get; } = Load();

    private static List<SeedDocument> Load()
    {
        var seeds = new List<SeedDocument>();
        foreach (var file in Directory.GetFiles(Path.Combine(Samples, "fo"), "seed00*.xml").Order(StringComparer.Ordinal))
        {
            var target = file.Contains("compliance_schedule_list", StringComparison.Ordinal) ? ResponseTarget.ComplianceList : ResponseTarget.SimpleReturn;
            seeds.Add(new(Path.GetFileName(file), target, File.ReadAllBytes(file)));
        }

        foreach (var file in new[] { "seed001_delete_scan_by_id.response.xml", "seed001_delete_scans_by_filter.response.xml" })
        {
            seeds.Add(new(file, ResponseTarget.WasScanResponse, File.ReadAllBytes(Path.Combine(Samples, "qps", file))));
        }

        seeds.Add(new("seed001_delete_scans_by_filter.request.xml", ResponseTarget.WasScanRequest, File.ReadAllBytes(Path.Combine(Samples, "qps", "seed001_delete_scans_by_filter.request.xml"))));
        seeds.Add(new("built: compliance list of 6", ResponseTarget.ComplianceList, Utf8(BuiltComplianceList(6))));
        seeds.Add(new("built: compliance list of 150", ResponseTarget.ComplianceList, Utf8(BuiltComplianceList(150))));
        seeds.Add(new("built: SIMPLE_RETURN with 5 items", ResponseTarget.SimpleReturn, Utf8(BuiltSimpleReturn(5))));
        seeds.Add(new("built: webapp search of 4", ResponseTarget.WebAppResponse, Utf8(BuiltWebApps(4))));
        return seeds;
    }

    private static byte[] Utf8(string text) => System.Text.Encoding.UTF8.GetBytes(text);

    public static string BuiltComplianceList(int count)
        => "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n"
            + "<!DOCTYPE COMPLIANCE_SCHEDULE_SCAN_LIST_OUTPUT SYSTEM \"https://qualysapi.qualys.com/x.dtd\" [\n  <!-- the list's DTD isn't here: it's '\"' -->\n  <!ELEMENT X (#PCDATA)>\n]>\n"
            + "<COMPLIANCE_SCHEDULE_SCAN_LIST_OUTPUT>\n  <RESPONSE>\n    <DATETIME>2026-01-01T00:00:00Z</DATETIME>\n    <COMPLIANCE_SCHEDULE_SCAN_LIST>\n"
            + string.Concat(Enumerable.Range(1, count).Select(i => $"""
                      <SCAN>
                        <ID>{i}</ID>
                        <ACTIVE>{i % 2}</ACTIVE>
                        <TITLE><![CDATA[scan </SCAN> {i} ]]></TITLE>
                        <!-- <SCAN> in a comment -->
                        <USER_LOGIN>user_{i}</USER_LOGIN>
                        <TARGET>10.0.0.{i}</TARGET>
                        <SCHEDULE>
                          <DAILY frequency_days="{i}" note='a>b' />
                          <START_DATE_UTC>2026-01-0{i % 9 + 1}T00:00:00Z</START_DATE_UTC>
                          <START_HOUR>{i % 24}</START_HOUR>
                          <START_MINUTE>0</START_MINUTE>
                          <TIME_ZONE><TIME_ZONE_CODE>UTC</TIME_ZONE_CODE><TIME_ZONE_DETAILS>UTC &amp; more</TIME_ZONE_DETAILS></TIME_ZONE>
                          <DST_SELECTED>0</DST_SELECTED>
                        </SCHEDULE>
                      </SCAN>

                """))
            + "    </COMPLIANCE_SCHEDULE_SCAN_LIST>\n  </RESPONSE>\n</COMPLIANCE_SCHEDULE_SCAN_LIST_OUTPUT>\n<!-- generated -->\n";

    public static string BuiltSimpleReturn(int count)
        => "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE SIMPLE_RETURN SYSTEM \"https://qualysapi.qualys.com/api/2.0/simple_return.dtd\">\n"
            + "<SIMPLE_RETURN>\n  <RESPONSE>\n    <DATETIME>2026-01-01T00:00:00Z</DATETIME>\n    <TEXT>Done</TEXT>\n    <ITEM_LIST>\n"
            + string.Concat(Enumerable.Range(1, count).Select(i => $"      <ITEM>\n        <KEY>K{i}</KEY>\n        <VALUE><![CDATA[v{i}]]></VALUE>\n        <VALUE>w{i}</VALUE>\n      </ITEM>\n"))
            + "    </ITEM_LIST>\n  </RESPONSE>\n</SIMPLE_RETURN>\n";

    public static string BuiltWebApps(int count)
        => "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ServiceResponse xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n"
            + $"  <responseCode>SUCCESS</responseCode>\n  <count>{count}</count>\n  <hasMoreRecords>false</hasMoreRecords>\n  <data>\n"
            + string.Concat(Enumerable.Range(1, count).Select(i => $"    <WebApp>\n      <id>{1000 + i}</id>\n      <name><![CDATA[App {i}]]></name>\n      <url><![CDATA[https://app{i}.example.com/]]></url>\n    </WebApp>\n"))
            + "  </data>\n</ServiceResponse>\n";
}
