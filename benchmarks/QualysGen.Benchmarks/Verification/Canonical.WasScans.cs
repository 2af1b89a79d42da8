using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using G = QualysGen.Benchmarks.Qualys.WasscanXsd;
using H = QualysGen.Benchmarks.HandWritten.WasScans;

namespace QualysGen.Benchmarks.Verification;

/// <summary>
/// The QPS ServiceResponse of wasscan.xsd, generated model and hand-written classes, one line per object in schema order
/// (its scalar fields joined, its lists as a count line and a line per item), the same for both models. Enumerations: the
/// generated model's value, spelled as the schema spells it (or <c>Unknown</c>), then the raw text; the hand-written
/// classes keep the text, and the same first part is derived from it with the schema's value lists below.
/// </summary>
public static partial class Canonical
{
    // The values of the schema's enumerations (wasscan.xsd), to say which raw texts the generated model must know.
    private static readonly string[] ResponseCodes =
    [
        "AUTH_CREDENTIALS_NEEDED", "CANNOT_BE_NULL", "INVALID_XML", "INVALID_CREDENTIALS", "INVALID_API_VERSION", "INVALID_PARAM", "INVALID_URL",
        "INVALID_REQUEST", "NOT_FOUND", "OTHER_ERROR", "OPERATION_NOT_SUPPORTED", "EVALUATION_EXPIRED", "JMS_SERVER_DOWN", "RMI_SERVER_DOWN",
        "SUCCESS", "STILL_PROCESSING", "UNAUTHORIZED", "UNAUTHORIZED_DESTINATION_APPS", "UNIDENTIFIED_PRODUCER", "UNKNOWN_OBJECT",
    ];

    private static readonly string[] ScanTypes = ["VULNERABILITY", "DISCOVERY"];
    private static readonly string[] ScanModes = ["ONDEMAND", "SCHEDULED", "API"];
    private static readonly string[] ScanStatuses = ["SUBMITTED", "RUNNING", "FINISHED", "ERROR", "CANCELED", "PROCESSING"];

    private static readonly string[] ResultsStatuses =
    [
        "NOT_USED", "TO_BE_PROCESSED", "NO_HOST_ALIVE", "NO_WEB_SERVICE", "SERVICE_ERROR", "TIME_LIMIT_REACHED", "SCAN_INTERNAL_ERROR",
        "SCAN_RESULTS_INVALID", "SUCCESSFUL", "PROCESSING", "TIME_LIMIT_EXCEEDED", "SCAN_NOT_LAUNCHED", "SCANNER_NOT_AVAILABLE", "SUBMITTED",
        "RUNNING", "FINISHED", "CANCELED", "CANCELING", "ERROR", "DELETED", "CANCELED_WITH_RESULTS",
    ];

    private static readonly string[] AuthStatuses = ["NONE", "NOT_USED", "SUCCESSFUL", "FAILED", "PARTIAL"];
    private static readonly string[] ApplianceTypes = ["EXTERNAL", "INTERNAL"];

    // ---- ServiceResponse (wasscan.xsd), generated model ----

    public static IEnumerable<string> Of(G.ServiceResponse o)
    {
        yield return "responseCode=" + E(o.ResponseCode) + "," + S(o.ResponseCodeRaw);
        yield return "responseErrorDetails=" + (o.ResponseErrorDetails is { } e ? S(e.ErrorMessage) + "," + S(e.ErrorResolution) + "," + N(e.InternalErrorCodeId) : "null");
        yield return "count=" + N(o.Count);
        yield return "hasMoreRecords=" + B(o.HasMoreRecords);
        yield return "lastId=" + N(o.LastId);
        foreach (var line in WasScans(o.Data))
        {
            yield return line;
        }
    }

    public static IEnumerable<string> WasScans(IEnumerable<G.WasScan> scans)
    {
        var index = 0;
        var lines = new List<string>();
        foreach (var s in scans)
        {
            lines.Clear();
            WasScan(lines, "WasScan[" + index++.ToString(CultureInfo.InvariantCulture) + "]/", s);
            foreach (var line in lines)
            {
                yield return line;
            }
        }

        yield return "WasScan#=" + index.ToString(CultureInfo.InvariantCulture);
    }

    private static void WasScan(List<string> o, string at, G.WasScan s)
    {
        o.Add(at + "id=" + N(s.Id));
        o.Add(at + "name=" + S(s.Name));
        o.Add(at + "reference=" + S(s.Reference));
        o.Add(at + "type=" + E(s.Type) + "," + S(s.TypeRaw));
        o.Add(at + "mode=" + E(s.Mode) + "," + S(s.ModeRaw));
        o.Add(at + "multi=" + B(s.Multi));
        o.Add(at + "progressiveScanning=" + S(s.ProgressiveScanning));
        WebApp(o, at + "webApp", s.WebApp);
        if (s.Target is { } t)
        {
            o.Add(at + "target=" + S(t.CancelOption) + "," + S(t.ProfileOption) + "," + S(t.ScannerOption) + "," + S(t.AuthRecordOption));
            if (t.WebApps is { } apps)
            {
                o.Add(at + "target/webApps/count=" + N(apps.Count));
                WebApps(o, at + "target/webApps/list", apps.WebApps);
                WebApps(o, at + "target/webApps/set", apps.Set);
                WebApps(o, at + "target/webApps/add", apps.Add);
                WebApps(o, at + "target/webApps/remove", apps.Remove);
            }
            else
            {
                o.Add(at + "target/webApps=null");
            }

            WebApp(o, at + "target/webApp", t.WebApp);
            if (t.Tags is { } tags)
            {
                TagSelection(o, at + "target/tags/included", tags.Included);
                TagSelection(o, at + "target/tags/excluded", tags.Excluded);
            }
            else
            {
                o.Add(at + "target/tags=null");
            }

            o.Add(at + "target/webAppAuthRecord=" + (t.WebAppAuthRecord is { } r ? N(r.Id) + "," + S(r.Name) : "null"));
            o.Add(at + "target/scannerAppliance=" + (t.ScannerAppliance is { } a ? E(a.Type) + "," + S(a.TypeRaw) + "," + S(a.FriendlyName) : "null"));
            o.Add(at + "target/proxy=" + (t.Proxy is { } p ? N(p.Id) + "," + S(p.Name) + "," + S(p.Url) : "null"));
        }
        else
        {
            o.Add(at + "target=null");
        }

        o.Add(at + "profile=" + (s.Profile is { } profile ? N(profile.Id) + "," + S(profile.Name) : "null"));
        o.Add(at + "cancelAfterNHours=" + N(s.CancelAfterNHours));
        o.Add(at + "cancelTime=" + S(s.CancelTime));
        if (s.Options is { } options)
        {
            o.Add(at + "options/count=" + N(options.Count));
            o.Add(at + "options/list#=" + options.WasScanOptions.Count);
            foreach (var option in options.WasScanOptions)
            {
                o.Add(at + "options/WasScanOption=" + S(option.Name) + "," + S(option.Value));
            }
        }
        else
        {
            o.Add(at + "options=null");
        }

        o.Add(at + "launchedDate=" + D(s.LaunchedDate));
        User(o, at + "launchedBy", s.LaunchedBy);
        o.Add(at + "status=" + E(s.Status) + "," + S(s.StatusRaw));
        o.Add(at + "consolidatedStatus=" + E(s.ConsolidatedStatus) + "," + S(s.ConsolidatedStatusRaw));
        o.Add(at + "endScanDate=" + D(s.EndScanDate));
        o.Add(at + "scanDuration=" + N(s.ScanDuration));
        o.Add(at + "summary=" + (s.Summary is { } m
            ? N(m.CrawlDuration) + "," + N(m.TestDuration) + "," + N(m.LinksCrawled) + "," + N(m.NbRequests) + "," + E(m.ResultsStatus) + ","
              + S(m.ResultsStatusRaw) + "," + E(m.AuthStatus) + "," + S(m.AuthStatusRaw) + "," + S(m.Os)
            : "null"));
        if (s.Stats is { } stats)
        {
            o.Add(at + "stats/global=" + (stats.Global is { } g
                ? string.Join(",", new int?[]
                {
                    g.NbVulnsTotal, g.NbVulnsLevel1, g.NbVulnsLevel2, g.NbVulnsLevel3, g.NbVulnsLevel4, g.NbVulnsLevel5,
                    g.NbScsTotal, g.NbScsLevel1, g.NbScsLevel2, g.NbScsLevel3, g.NbScsLevel4, g.NbScsLevel5,
                    g.NbIgsTotal, g.NbIgsLevel1, g.NbIgsLevel2, g.NbIgsLevel3, g.NbIgsLevel4, g.NbIgsLevel5,
                }.Select(v => N(v)))
                : "null"));
            StatList(o, at + "stats/byGroup", stats.ByGroup?.Count, stats.ByGroup?.GroupStats.Select(x => Stat(x.Group, x.NbTotal, x.NbLevel1, x.NbLevel2, x.NbLevel3, x.NbLevel4, x.NbLevel5)));
            StatList(o, at + "stats/byOwasp", stats.ByOwasp?.Count, stats.ByOwasp?.OwaspStats.Select(x => Stat(x.Owasp, x.NbTotal, x.NbLevel1, x.NbLevel2, x.NbLevel3, x.NbLevel4, x.NbLevel5)));
            StatList(o, at + "stats/byWasc", stats.ByWasc?.Count, stats.ByWasc?.WascStats.Select(x => Stat(x.Wasc, x.NbTotal, x.NbLevel1, x.NbLevel2, x.NbLevel3, x.NbLevel4, x.NbLevel5)));
        }
        else
        {
            o.Add(at + "stats=null");
        }

        if (s.Vulns is { } vulns)
        {
            o.Add(at + "vulns/count=" + N(vulns.Count));
            o.Add(at + "vulns/list#=" + vulns.WasScanVulns.Count);
            foreach (var v in vulns.WasScanVulns)
            {
                var vat = at + "vulns/WasScanVuln";
                o.Add(vat + "=" + N(v.Qid) + "," + S(v.Title) + "," + S(v.Uri) + "," + S(v.Param) + "," + S(v.Content));
                if (v.Instances is { } instances)
                {
                    o.Add(vat + "/instances/count=" + N(instances.Count));
                    o.Add(vat + "/instances/list#=" + instances.WasScanVulnInstances.Count);
                    foreach (var i in instances.WasScanVulnInstances)
                    {
                        o.Add(vat + "/instance=" + B(i.Authenticated) + "," + S(i.Form));
                        Payloads(o, vat + "/instance/payloads", i.Payloads?.Count, i.Payloads?.WasScanVulnPayloads.Select(p => S(p.Payload) + "," + X(p.Result)));
                    }
                }
                else
                {
                    o.Add(vat + "/instances=null");
                }
            }
        }
        else
        {
            o.Add(at + "vulns=null");
        }

        if (s.SensitiveContents is { } contents)
        {
            o.Add(at + "sensitiveContents/count=" + N(contents.Count));
            o.Add(at + "sensitiveContents/list#=" + contents.WasScanSensitiveContents.Count);
            foreach (var c in contents.WasScanSensitiveContents)
            {
                var cat = at + "sensitiveContents/WasScanSensitiveContent";
                o.Add(cat + "=" + N(c.Qid) + "," + S(c.Title) + "," + S(c.Uri) + "," + S(c.Param) + "," + S(c.Content));
                if (c.Instances is { } instances)
                {
                    o.Add(cat + "/instances/count=" + N(instances.Count));
                    o.Add(cat + "/instances/list#=" + instances.WasScanSensitiveContentInstances.Count);
                    foreach (var i in instances.WasScanSensitiveContentInstances)
                    {
                        o.Add(cat + "/instance=" + B(i.Authenticated) + "," + S(i.Form));
                        Payloads(o, cat + "/instance/payloads", i.Payloads?.Count, i.Payloads?.WasScanSensitiveContentPayloads.Select(p => S(p.Payload) + "," + X(p.Result)));
                    }
                }
                else
                {
                    o.Add(cat + "/instances=null");
                }
            }
        }
        else
        {
            o.Add(at + "sensitiveContents=null");
        }

        if (s.Igs is { } igs)
        {
            o.Add(at + "igs/count=" + N(igs.Count));
            o.Add(at + "igs/list#=" + igs.WasScanIgs.Count);
            foreach (var ig in igs.WasScanIgs)
            {
                o.Add(at + "igs/WasScanIg=" + N(ig.Qid) + "," + S(ig.Title) + "," + X(ig.Data) + "," + S(ig.SslData));
            }
        }
        else
        {
            o.Add(at + "igs=null");
        }

        o.Add(at + "sendMail=" + B(s.SendMail));
        o.Add(at + "sendOneMail=" + B(s.SendOneMail));
        o.Add(at + "enableWAFAuth=" + B(s.EnableWAFAuth));
        o.Add(at + "cancelMode=" + S(s.CancelMode));
        User(o, at + "canceledBy", s.CanceledBy);
    }

    private static void WebApp(List<string> o, string at, G.WebApp? a)
    {
        if (a is null)
        {
            o.Add(at + "=null");
            return;
        }

        o.Add(at + "=" + N(a.Id) + "," + S(a.Name) + "," + S(a.Url));
        TagList(o, at + "/tags", a.Tags);
    }

    private static void WebApps(List<string> o, string at, IReadOnlyList<G.WebApp> apps)
    {
        o.Add(at + "#=" + apps.Count);
        foreach (var app in apps)
        {
            WebApp(o, at + "/WebApp", app);
        }
    }

    private static void TagSelection(List<string> o, string at, G.TagSelection? s)
    {
        if (s is null)
        {
            o.Add(at + "=null");
            return;
        }

        o.Add(at + "/option=" + S(s.Option));
        TagList(o, at + "/tagList", s.TagList);
    }

    private static void TagList(List<string> o, string at, G.TagList? t)
    {
        if (t is null)
        {
            o.Add(at + "=null");
            return;
        }

        o.Add(at + "/count=" + N(t.Count));
        Tags(o, at + "/list", t.Tags);
        Tags(o, at + "/set", t.Set);
        Tags(o, at + "/add", t.Add);
        Tags(o, at + "/remove", t.Remove);
        Tags(o, at + "/update", t.Update);
    }

    private static void Tags(List<string> o, string at, IReadOnlyList<G.Tag> tags)
    {
        o.Add(at + "#=" + tags.Count);
        foreach (var tag in tags)
        {
            o.Add(at + "/Tag=" + N(tag.Id) + "," + S(tag.Name));
        }
    }

    private static void User(List<string> o, string at, G.User? u)
        => o.Add(at + "=" + (u is null ? "null" : N(u.Id) + "," + S(u.Username) + "," + S(u.FirstName) + "," + S(u.LastName)));

    private static string X(G.Base64Cdata? b) => b is null ? "null" : "base64:" + B(b.Base64) + "," + S(b.Value);

    // ---- ServiceResponse (wasscan.xsd), hand-written classes ----

    public static IEnumerable<string> Of(H.WasScanResponse o)
    {
        yield return "responseCode=" + K(o.ResponseCodeRaw, ResponseCodes) + "," + S(o.ResponseCodeRaw);
        yield return "responseErrorDetails=" + (o.ResponseErrorDetails is { } e ? S(e.ErrorMessage) + "," + S(e.ErrorResolution) + "," + N(e.InternalErrorCodeId) : "null");
        yield return "count=" + N(o.Count);
        yield return "hasMoreRecords=" + B(o.HasMoreRecords);
        yield return "lastId=" + N(o.LastId);
        foreach (var line in WasScans(o.Data ?? []))
        {
            yield return line;
        }
    }

    public static IEnumerable<string> WasScans(IEnumerable<H.WasScan> scans)
    {
        var index = 0;
        var lines = new List<string>();
        foreach (var s in scans)
        {
            lines.Clear();
            WasScan(lines, "WasScan[" + index++.ToString(CultureInfo.InvariantCulture) + "]/", s);
            foreach (var line in lines)
            {
                yield return line;
            }
        }

        yield return "WasScan#=" + index.ToString(CultureInfo.InvariantCulture);
    }

    private static void WasScan(List<string> o, string at, H.WasScan s)
    {
        o.Add(at + "id=" + N(s.Id));
        o.Add(at + "name=" + S(s.Name));
        o.Add(at + "reference=" + S(s.Reference));
        o.Add(at + "type=" + K(s.TypeRaw, ScanTypes) + "," + S(s.TypeRaw));
        o.Add(at + "mode=" + K(s.ModeRaw, ScanModes) + "," + S(s.ModeRaw));
        o.Add(at + "multi=" + B(s.Multi));
        o.Add(at + "progressiveScanning=" + S(s.ProgressiveScanning));
        WebApp(o, at + "webApp", s.WebApp);
        if (s.Target is { } t)
        {
            o.Add(at + "target=" + S(t.CancelOption) + "," + S(t.ProfileOption) + "," + S(t.ScannerOption) + "," + S(t.AuthRecordOption));
            if (t.WebApps is { } apps)
            {
                o.Add(at + "target/webApps/count=" + N(apps.Count));
                WebApps(o, at + "target/webApps/list", apps.List);
                WebApps(o, at + "target/webApps/set", apps.Set);
                WebApps(o, at + "target/webApps/add", apps.Add);
                WebApps(o, at + "target/webApps/remove", apps.Remove);
            }
            else
            {
                o.Add(at + "target/webApps=null");
            }

            WebApp(o, at + "target/webApp", t.WebApp);
            if (t.Tags is { } tags)
            {
                TagSelection(o, at + "target/tags/included", tags.Included);
                TagSelection(o, at + "target/tags/excluded", tags.Excluded);
            }
            else
            {
                o.Add(at + "target/tags=null");
            }

            o.Add(at + "target/webAppAuthRecord=" + (t.WebAppAuthRecord is { } r ? N(r.Id) + "," + S(r.Name) : "null"));
            o.Add(at + "target/scannerAppliance=" + (t.ScannerAppliance is { } a ? K(a.TypeRaw, ApplianceTypes) + "," + S(a.TypeRaw) + "," + S(a.FriendlyName) : "null"));
            o.Add(at + "target/proxy=" + (t.Proxy is { } p ? N(p.Id) + "," + S(p.Name) + "," + S(p.Url) : "null"));
        }
        else
        {
            o.Add(at + "target=null");
        }

        o.Add(at + "profile=" + (s.Profile is { } profile ? N(profile.Id) + "," + S(profile.Name) : "null"));
        o.Add(at + "cancelAfterNHours=" + N(s.CancelAfterNHours));
        o.Add(at + "cancelTime=" + S(s.CancelTime));
        if (s.Options is { } options)
        {
            var list = options.List ?? [];
            o.Add(at + "options/count=" + N(options.Count));
            o.Add(at + "options/list#=" + list.Count);
            foreach (var option in list)
            {
                o.Add(at + "options/WasScanOption=" + S(option.Name) + "," + S(option.Value));
            }
        }
        else
        {
            o.Add(at + "options=null");
        }

        o.Add(at + "launchedDate=" + D(s.LaunchedDate));
        User(o, at + "launchedBy", s.LaunchedBy);
        o.Add(at + "status=" + K(s.StatusRaw, ScanStatuses) + "," + S(s.StatusRaw));
        o.Add(at + "consolidatedStatus=" + K(s.ConsolidatedStatusRaw, ScanStatuses) + "," + S(s.ConsolidatedStatusRaw));
        o.Add(at + "endScanDate=" + D(s.EndScanDate));
        o.Add(at + "scanDuration=" + N(s.ScanDuration));
        o.Add(at + "summary=" + (s.Summary is { } m
            ? N(m.CrawlDuration) + "," + N(m.TestDuration) + "," + N(m.LinksCrawled) + "," + N(m.NbRequests) + "," + K(m.ResultsStatusRaw, ResultsStatuses) + ","
              + S(m.ResultsStatusRaw) + "," + K(m.AuthStatusRaw, AuthStatuses) + "," + S(m.AuthStatusRaw) + "," + S(m.Os)
            : "null"));
        if (s.Stats is { } stats)
        {
            o.Add(at + "stats/global=" + (stats.Global is { } g
                ? string.Join(",", new int?[]
                {
                    g.NbVulnsTotal, g.NbVulnsLevel1, g.NbVulnsLevel2, g.NbVulnsLevel3, g.NbVulnsLevel4, g.NbVulnsLevel5,
                    g.NbScsTotal, g.NbScsLevel1, g.NbScsLevel2, g.NbScsLevel3, g.NbScsLevel4, g.NbScsLevel5,
                    g.NbIgsTotal, g.NbIgsLevel1, g.NbIgsLevel2, g.NbIgsLevel3, g.NbIgsLevel4, g.NbIgsLevel5,
                }.Select(v => N(v)))
                : "null"));
            StatList(o, at + "stats/byGroup", stats.ByGroup?.Count, stats.ByGroup is null ? null : (stats.ByGroup.List ?? []).Select(x => Stat(x.Group, x.NbTotal, x.NbLevel1, x.NbLevel2, x.NbLevel3, x.NbLevel4, x.NbLevel5)));
            StatList(o, at + "stats/byOwasp", stats.ByOwasp?.Count, stats.ByOwasp is null ? null : (stats.ByOwasp.List ?? []).Select(x => Stat(x.Owasp, x.NbTotal, x.NbLevel1, x.NbLevel2, x.NbLevel3, x.NbLevel4, x.NbLevel5)));
            StatList(o, at + "stats/byWasc", stats.ByWasc?.Count, stats.ByWasc is null ? null : (stats.ByWasc.List ?? []).Select(x => Stat(x.Wasc, x.NbTotal, x.NbLevel1, x.NbLevel2, x.NbLevel3, x.NbLevel4, x.NbLevel5)));
        }
        else
        {
            o.Add(at + "stats=null");
        }

        if (s.Vulns is { } vulns)
        {
            var list = vulns.List ?? [];
            o.Add(at + "vulns/count=" + N(vulns.Count));
            o.Add(at + "vulns/list#=" + list.Count);
            foreach (var v in list)
            {
                var vat = at + "vulns/WasScanVuln";
                o.Add(vat + "=" + N(v.Qid) + "," + S(v.Title) + "," + S(v.Uri) + "," + S(v.Param) + "," + S(v.Content));
                if (v.Instances is { } instances)
                {
                    var items = instances.List ?? [];
                    o.Add(vat + "/instances/count=" + N(instances.Count));
                    o.Add(vat + "/instances/list#=" + items.Count);
                    foreach (var i in items)
                    {
                        o.Add(vat + "/instance=" + B(i.Authenticated) + "," + S(i.Form));
                        Payloads(o, vat + "/instance/payloads", i.Payloads?.Count, i.Payloads is null ? null : (i.Payloads.List ?? []).Select(p => S(p.Payload) + "," + X(p.Result)));
                    }
                }
                else
                {
                    o.Add(vat + "/instances=null");
                }
            }
        }
        else
        {
            o.Add(at + "vulns=null");
        }

        if (s.SensitiveContents is { } contents)
        {
            var list = contents.List ?? [];
            o.Add(at + "sensitiveContents/count=" + N(contents.Count));
            o.Add(at + "sensitiveContents/list#=" + list.Count);
            foreach (var c in list)
            {
                var cat = at + "sensitiveContents/WasScanSensitiveContent";
                o.Add(cat + "=" + N(c.Qid) + "," + S(c.Title) + "," + S(c.Uri) + "," + S(c.Param) + "," + S(c.Content));
                if (c.Instances is { } instances)
                {
                    var items = instances.List ?? [];
                    o.Add(cat + "/instances/count=" + N(instances.Count));
                    o.Add(cat + "/instances/list#=" + items.Count);
                    foreach (var i in items)
                    {
                        o.Add(cat + "/instance=" + B(i.Authenticated) + "," + S(i.Form));
                        Payloads(o, cat + "/instance/payloads", i.Payloads?.Count, i.Payloads is null ? null : (i.Payloads.List ?? []).Select(p => S(p.Payload) + "," + X(p.Result)));
                    }
                }
                else
                {
                    o.Add(cat + "/instances=null");
                }
            }
        }
        else
        {
            o.Add(at + "sensitiveContents=null");
        }

        if (s.Igs is { } igs)
        {
            var list = igs.List ?? [];
            o.Add(at + "igs/count=" + N(igs.Count));
            o.Add(at + "igs/list#=" + list.Count);
            foreach (var ig in list)
            {
                o.Add(at + "igs/WasScanIg=" + N(ig.Qid) + "," + S(ig.Title) + "," + X(ig.Data) + "," + S(ig.SslData));
            }
        }
        else
        {
            o.Add(at + "igs=null");
        }

        o.Add(at + "sendMail=" + B(s.SendMail));
        o.Add(at + "sendOneMail=" + B(s.SendOneMail));
        o.Add(at + "enableWAFAuth=" + B(s.EnableWafAuth));
        o.Add(at + "cancelMode=" + S(s.CancelMode));
        User(o, at + "canceledBy", s.CanceledBy);
    }

    private static void WebApp(List<string> o, string at, H.WebApp? a)
    {
        if (a is null)
        {
            o.Add(at + "=null");
            return;
        }

        o.Add(at + "=" + N(a.Id) + "," + S(a.Name) + "," + S(a.Url));
        TagList(o, at + "/tags", a.Tags);
    }

    private static void WebApps(List<string> o, string at, List<H.WebApp>? apps)
    {
        apps ??= [];
        o.Add(at + "#=" + apps.Count);
        foreach (var app in apps)
        {
            WebApp(o, at + "/WebApp", app);
        }
    }

    private static void TagSelection(List<string> o, string at, H.TagSelection? s)
    {
        if (s is null)
        {
            o.Add(at + "=null");
            return;
        }

        o.Add(at + "/option=" + S(s.Option));
        TagList(o, at + "/tagList", s.TagList);
    }

    private static void TagList(List<string> o, string at, H.TagList? t)
    {
        if (t is null)
        {
            o.Add(at + "=null");
            return;
        }

        o.Add(at + "/count=" + N(t.Count));
        Tags(o, at + "/list", t.List);
        Tags(o, at + "/set", t.Set);
        Tags(o, at + "/add", t.Add);
        Tags(o, at + "/remove", t.Remove);
        Tags(o, at + "/update", t.Update);
    }

    private static void Tags(List<string> o, string at, List<H.Tag>? tags)
    {
        tags ??= [];
        o.Add(at + "#=" + tags.Count);
        foreach (var tag in tags)
        {
            o.Add(at + "/Tag=" + N(tag.Id) + "," + S(tag.Name));
        }
    }

    private static void User(List<string> o, string at, H.User? u)
        => o.Add(at + "=" + (u is null ? "null" : N(u.Id) + "," + S(u.Username) + "," + S(u.FirstName) + "," + S(u.LastName)));

    private static string X(H.Base64Cdata? b) => b is null ? "null" : "base64:" + B(b.Base64) + "," + S(b.Value);

    // ---- shared ----

    private static void StatList(List<string> o, string at, int? count, IEnumerable<string>? items)
    {
        if (items is null)
        {
            o.Add(at + "=null");
            return;
        }

        var start = o.Count;
        o.Add(at + "/count=" + N(count));
        o.Add(string.Empty); // the item count, once known
        var n = 0;
        foreach (var item in items)
        {
            o.Add(at + "/Stat=" + item);
            n++;
        }

        o[start + 1] = at + "/list#=" + n.ToString(CultureInfo.InvariantCulture);
    }

    private static string Stat(string? key, int? total, int? l1, int? l2, int? l3, int? l4, int? l5)
        => S(key) + "," + N(total) + "," + N(l1) + "," + N(l2) + "," + N(l3) + "," + N(l4) + "," + N(l5);

    private static void Payloads(List<string> o, string at, int? count, IEnumerable<string>? items)
    {
        if (items is null)
        {
            o.Add(at + "=null");
            return;
        }

        var start = o.Count;
        o.Add(at + "/count=" + N(count));
        o.Add(string.Empty);
        var n = 0;
        foreach (var item in items)
        {
            o.Add(at + "/payload=" + item);
            n++;
        }

        o[start + 1] = at + "/list#=" + n.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>A generated enumeration value as the schema spells it (<c>CanceledWithResults</c> → <c>CANCELED_WITH_RESULTS</c>), or <c>Unknown</c>.</summary>
    private static string E<T>(T? value)
        where T : struct, Enum
        => value is { } v ? E(v) : "null";

    private static string E<T>(T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        if (name == "Unknown")
        {
            return "Unknown";
        }

        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
            {
                text.Append('_');
            }

            text.Append(char.ToUpperInvariant(name[i]));
        }

        return text.ToString();
    }

    /// <summary>What the generated model must make of a raw enumeration text: the value when the schema lists it, else <c>Unknown</c>.</summary>
    private static string K(string? raw, string[] known)
        => raw is null ? "null" : Array.IndexOf(known, raw.Trim()) >= 0 ? raw.Trim() : "Unknown";
}
