using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using QualysGen.Benchmarks.HandWritten.WasScans;

namespace QualysGen.Benchmarks.Inputs;

/// <summary>
/// A QPS <c>ServiceResponse</c> of <c>wasscan.xsd</c> (the answer of <c>/qps/rest/3.0/search/was/wasscan</c>, one page of a
/// larger result: <c>count</c>, <c>hasMoreRecords</c>, <c>lastId</c>) with a given number of <c>WasScan</c> records, the same
/// bytes on every run (fixed seed). Every element of the WasScan subtree occurs; every record has an <c>id</c> (search
/// results are paged by it), and every other element is left out of some records, in the shares stated in
/// <see cref="NewScan"/>: a guess at a typical subscription, where most records are finished vulnerability scans of one web
/// application and the findings (vulns, igs, sensitive contents, stats) come with a minority of them. The request-side parts
/// of the QList lists (<c>set</c>, <c>add</c>, <c>remove</c>, <c>update</c>), which responses do not normally carry, occur
/// in about 2 % of the lists so that reading them is measured too. The graph it was written from comes with it, as the
/// expected result.
/// </summary>
public sealed class WasScanInput
{
    /// <summary>The seed of every document; change it and every number in the README changes.</summary>
    public const int Seed = 20_241_128;

    public const string SchemaUrl = "https://qualysapi.qualys.com/qps/xsd/3.0/was/wasscan.xsd";

    private static readonly ConcurrentDictionary<int, Lazy<WasScanInput>> Cache = new();

    private static readonly string[] Hosts = ["shop", "portal", "api", "intranet", "billing", "hr", "blog", "support", "partners", "status"];
    private static readonly string[] Domains = ["acme-corp.example", "acme.example.com", "acme-eu.example", "acme-retail.example"];
    private static readonly string[] Words = ["PCI", "Production", "Staging", "DMZ", "Customer", "Internal", "Quarterly", "OWASP", "Finance & HR", "Release <beta>"];

    private static readonly (long Id, string Username, string First, string Last)[] Users =
    [
        (17_729_931, "acme_ab12", "Alice", "Bauer"),
        (17_729_932, "acme_cd34", "Carlos", "Díaz"),
        (17_729_940, "acme_ef56", "Siobhan", "O'Brien"),
        (17_730_002, "acme_gh78", "Jürgen", "Müller"),
        (17_730_118, "acme_api1", "API", "Integration"),
    ];

    private static readonly (long Id, string Name)[] Profiles =
    [
        (1_090_217, "Initial WAS Options"),
        (1_090_344, "OWASP Top 10 - deep crawl"),
        (1_091_002, "Quick crawl & XSS only"),
        (1_092_513, "Authenticated full scan"),
    ];

    private static readonly (long Id, string Name)[] TagNames =
    [
        (7_450_101, "Production"), (7_450_102, "Internet facing"), (7_450_103, "PCI"), (7_450_104, "EU"),
        (7_450_105, "Owner: Web team"), (7_450_106, "Critical <tier 1>"), (7_450_107, "Legacy"),
    ];

    private static readonly string[] OptionNames =
    [
        "Web Application Name", "Web Application URL", "Option Profile Name", "Scanner Appliance", "Authentication Record Name",
        "Crawling Scope", "Cancel Scan After", "Progressive Scanning",
    ];

    private static readonly string[] ResultsStatuses =
    [
        "NOT_USED", "TO_BE_PROCESSED", "NO_HOST_ALIVE", "NO_WEB_SERVICE", "SERVICE_ERROR", "TIME_LIMIT_REACHED", "SCAN_INTERNAL_ERROR",
        "SCAN_RESULTS_INVALID", "SUCCESSFUL", "PROCESSING", "TIME_LIMIT_EXCEEDED", "SCAN_NOT_LAUNCHED", "SCANNER_NOT_AVAILABLE", "SUBMITTED",
        "RUNNING", "FINISHED", "CANCELED", "CANCELING", "ERROR", "DELETED", "CANCELED_WITH_RESULTS",
    ];

    private static readonly string[] Groups = ["XSS", "SQL", "INFO", "PATH", "CC", "SSN", "CUSTOM"];

    private static readonly string[] Owasp =
    [
        "OWASP A1 BROKEN ACCESS CONTROL", "OWASP A2 CRYPTOGRAPHIC FAILURES", "OWASP A3 INJECTION", "OWASP A5 SECURITY MISCONFIGURATION",
        "OWASP A6 VULNERABLE AND OUTDATED COMPONENTS", "OWASP A7 IDENTIFICATION AND AUTHENTICATION FAILURES",
    ];

    private static readonly string[] Wasc =
    [
        "WASC-1 INSUFFICIENT AUTHENTICATION", "WASC-8 CROSS-SITE SCRIPTING", "WASC-13 INFORMATION LEAKAGE", "WASC-15 APPLICATION MISCONFIGURATION",
        "WASC-19 SQL INJECTION", "WASC-33 PATH TRAVERSAL",
    ];

    private static readonly (long Qid, string Title, string Param)[] Vulns =
    [
        (150_001, "Reflected Cross-Site Scripting (XSS) Vulnerabilities", "q"),
        (150_003, "SQL Injection", "id"),
        (150_012, "Blind SQL Injection", "order"),
        (150_022, "Verbose Error Message", "page"),
        (150_046, "Reflected Cross-Site Scripting In HTTP Header", "Referer"),
        (150_081, "Possible Clickjacking Vulnerability", ""),
        (150_124, "Clickjacking - Framable Page", ""),
        (150_263, "Insecure Transport", ""),
    ];

    private static readonly (long Qid, string Title)[] SensitiveContents =
    [
        (150_007, "Credit Card Number Disclosed"),
        (150_008, "Social Security Number Disclosed"),
        (150_059, "Custom Sensitive Content Found"),
    ];

    private static readonly (long Qid, string Title)[] Igs =
    [
        (6, "DNS Host Name"), (45_038, "Host Scan Time - Scanner"), (150_009, "Links Crawled"), (150_010, "External Links Discovered"),
        (150_021, "Scan Diagnostics"), (150_028, "Cookies Collected"), (150_041, "Links Rejected By Crawl Scope or Exclusion List"),
        (150_104, "Form Contains Email Address Field"), (150_152, "Forms Crawled"), (38_116, "SSL Server Information Retrieval"),
    ];

    private static readonly string[] Payloads =
    [
        "\"'><qss a=X158950446Y2_1Z>",
        "q=%22%3E%3Cscript%3Ealert(document.domain)%3C%2Fscript%3E",
        "' OR '1'='1' --",
        "1 AND SLEEP(5)",
        "../../../../../../etc/passwd",
        "<img src=x onerror=alert(1)>",
    ];

    private static readonly string[] OperatingSystems = ["Linux 3.x", "Linux 4.x", "Windows Server 2019", "FreeBSD 12", "Ubuntu / Tiny Core Linux"];

    private WasScanInput(int scans, byte[] xml, WasScanResponse expected)
    {
        Scans = scans;
        Xml = xml;
        Expected = expected;
    }

    public int Scans { get; }

    /// <summary>The document, UTF-8.</summary>
    public byte[] Xml { get; }

    /// <summary>What every parser must read from <see cref="Xml"/>.</summary>
    public WasScanResponse Expected { get; }

    public static WasScanInput Get(int scans) => Cache.GetOrAdd(scans, n => new Lazy<WasScanInput>(() => Create(n))).Value;

    private static WasScanInput Create(int count)
    {
        var random = new Random(Seed);
        var now = new DateTimeOffset(2024, 11, 28, 12, 0, 0, TimeSpan.Zero);
        var scans = new List<WasScan>(count);
        long id = 2_763_740;
        for (var i = 0; i < count; i++)
        {
            id += random.Next(1, 40);
            scans.Add(NewScan(random, id, now));
        }

        var expected = new WasScanResponse
        {
            ResponseCodeRaw = "SUCCESS",
            Count = count,
            HasMoreRecords = true,
            LastId = count > 0 ? id : null,
            Data = count > 0 ? scans : null,
        };

        return new WasScanInput(count, Write(expected), expected);
    }

    /// <summary>One record. The shares are of all records unless said otherwise.</summary>
    private static WasScan NewScan(Random r, long id, DateTimeOffset now)
    {
        bool Chance(double p) => r.NextDouble() < p;

        // status 95 %: FINISHED 75 %, CANCELED 7 %, ERROR 5 %, RUNNING 5 %, PROCESSING 5 %, SUBMITTED 3 %.
        var statusRoll = r.NextDouble();
        var status = statusRoll switch
        {
            < 0.75 => "FINISHED",
            < 0.82 => "CANCELED",
            < 0.87 => "ERROR",
            < 0.92 => "RUNNING",
            < 0.97 => "PROCESSING",
            _ => "SUBMITTED",
        };
        var ended = status is "FINISHED" or "CANCELED" or "ERROR";
        var launched = now.AddMinutes(-r.Next(10, 400 * 24 * 60));
        var duration = r.Next(120, 6 * 3600);
        var multiple = Chance(0.12);

        var scan = new WasScan
        {
            Id = id,
            Name = Chance(0.97)
                ? Chance(0.6)
                    ? "Web Application Vulnerability Scan - " + launched.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)
                    : $"{Words[r.Next(Words.Length)]} WAS scan #{id % 1000}"
                : null,
            Reference = Chance(0.95) ? string.Create(CultureInfo.InvariantCulture, $"was/{launched.ToUnixTimeMilliseconds()}.{r.Next(1_000_000, 9_999_999)}") : null,
            TypeRaw = Chance(0.95) ? (Chance(0.8) ? "VULNERABILITY" : "DISCOVERY") : null,
            ModeRaw = Chance(0.95) ? r.NextDouble() switch { < 0.4 => "ONDEMAND", < 0.9 => "SCHEDULED", _ => "API" } : null,
            Multi = Chance(0.9) ? multiple : null,
            ProgressiveScanning = Chance(0.6) ? (Chance(0.85) ? "DISABLED" : "ENABLED") : null,
            // A web application beside the target: 8 %.
            WebApp = Chance(0.08) ? NewWebApp(r) : null,
            Target = Chance(0.92) ? NewTarget(r, multiple) : null,
            Profile = Chance(0.9) ? NewProfile(r) : null,
            CancelAfterNHours = Chance(0.15) ? r.Next(1, 25) : null,
            CancelTime = Chance(0.1) ? string.Create(CultureInfo.InvariantCulture, $"{r.Next(24):00}:{r.Next(4) * 15:00}") : null,
            Options = Chance(0.7) ? NewOptions(r) : null,
            LaunchedDate = Chance(0.95) ? launched : null,
            LaunchedBy = Chance(0.9) ? NewUser(r) : null,
            StatusRaw = Chance(0.95) ? status : null,
            ConsolidatedStatusRaw = Chance(0.85) ? status : null,
            // endScanDate and scanDuration: 90 % of the ended scans.
            EndScanDate = ended && Chance(0.9) ? launched.AddSeconds(duration) : null,
            ScanDuration = ended && Chance(0.9) ? duration : null,
            Summary = Chance(0.8) ? NewSummary(r, status, duration) : null,
            Stats = Chance(0.4) ? NewStats(r) : null,
            Vulns = Chance(0.3) ? NewVulns(r) : null,
            SensitiveContents = Chance(0.08) ? NewSensitiveContents(r) : null,
            Igs = Chance(0.35) ? NewIgs(r) : null,
            SendMail = Chance(0.6) ? Chance(0.7) : null,
            SendOneMail = Chance(0.6) ? Chance(0.3) : null,
            EnableWafAuth = Chance(0.3) ? Chance(0.2) : null,
        };

        // cancelMode and canceledBy: 80 % of the canceled scans (≈ 5 %).
        if (status == "CANCELED" && Chance(0.8))
        {
            scan.CancelMode = Chance(0.7) ? "MANUAL" : "AUTOMATIC";
            scan.CanceledBy = NewUser(r);
        }

        return scan;
    }

    private static WasScanOptionProfile NewProfile(Random r)
    {
        var (id, name) = Profiles[r.Next(Profiles.Length)];
        return new WasScanOptionProfile { Id = r.NextDouble() < 0.98 ? id : null, Name = r.NextDouble() < 0.98 ? name : null };
    }

    private static User NewUser(Random r)
    {
        var (id, username, first, last) = Users[r.Next(Users.Length)];
        // firstName and lastName: 95 % of the users.
        return new User { Id = id, Username = username, FirstName = r.NextDouble() < 0.95 ? first : null, LastName = r.NextDouble() < 0.95 ? last : null };
    }

    private static string Url(Random r) => $"https://{Hosts[r.Next(Hosts.Length)]}.{Domains[r.Next(Domains.Length)]}/";

    private static WebApp NewWebApp(Random r)
    {
        var url = Url(r);
        return new WebApp
        {
            Id = r.Next(238_483_900, 238_499_999),
            Name = r.NextDouble() < 0.7 ? url : $"{Words[r.Next(Words.Length)]} site ({url})",
            Url = r.NextDouble() < 0.9 ? url + (r.NextDouble() < 0.2 ? "index.php?lang=en&ref=scan" : "") : null,
            // tags: 50 % of the web applications, with no tag in a third of them (<count>0</count> only).
            Tags = r.NextDouble() < 0.5 ? NewTagList(r, r.NextDouble() < 0.33 ? 0 : r.Next(1, 4)) : null,
        };
    }

    /// <summary>A QList of tags: count, list when there are some, and in 2 % of the lists one of the request-side parts.</summary>
    private static TagList NewTagList(Random r, int count)
    {
        List<Tag> Tags(int n) => Enumerable.Range(0, n).Select(_ => TagNames[r.Next(TagNames.Length)]).Select(t => new Tag { Id = t.Id, Name = r.NextDouble() < 0.9 ? t.Name : null }).ToList();

        var list = new TagList { Count = count, List = count > 0 ? Tags(count) : null };
        if (r.NextDouble() < 0.02)
        {
            switch (r.Next(4))
            {
                case 0: list.Set = Tags(r.Next(1, 3)); break;
                case 1: list.Add = Tags(r.Next(1, 3)); break;
                case 2: list.Remove = Tags(r.Next(1, 3)); break;
                default: list.Update = Tags(r.Next(1, 3)); break;
            }
        }

        return list;
    }

    private static WasScanTarget NewTarget(Random r, bool multiple)
    {
        bool Chance(double p) => r.NextDouble() < p;
        string? Option() => Chance(0.25) ? (Chance(0.6) ? "DEFAULT" : "SPECIFIC") : null;

        var target = new WasScanTarget();
        if (multiple)
        {
            // A multi-scan names its web applications in webApps (12 % of the scans).
            var apps = Enumerable.Range(0, r.Next(2, 6)).Select(_ => NewWebApp(r)).ToList();
            target.WebApps = new WebAppList { Count = apps.Count, List = apps };
            if (Chance(0.05))
            {
                switch (r.Next(3))
                {
                    case 0: target.WebApps.Set = [NewWebApp(r)]; break;
                    case 1: target.WebApps.Add = [NewWebApp(r)]; break;
                    default: target.WebApps.Remove = [NewWebApp(r)]; break;
                }
            }
        }
        else if (Chance(0.95))
        {
            target.WebApp = NewWebApp(r);
        }

        if (Chance(0.06))
        {
            target.Tags = new WasScanTargetTags
            {
                Included = new TagSelection { Option = Chance(0.9) ? (Chance(0.5) ? "ANY" : "ALL") : null, TagList = Chance(0.95) ? NewTagList(r, r.Next(1, 4)) : null },
                Excluded = Chance(0.4) ? new TagSelection { Option = Chance(0.9) ? "ANY" : null, TagList = NewTagList(r, r.Next(1, 3)) } : null,
            };
        }

        target.WebAppAuthRecord = Chance(0.3) ? new WebAppAuthRecord { Id = r.Next(3_000_000, 3_100_000), Name = Chance(0.95) ? $"{Words[r.Next(Words.Length)]} login (form)" : null } : null;
        if (Chance(0.92))
        {
            var external = Chance(0.7);
            target.ScannerAppliance = new ScannerAppliance
            {
                TypeRaw = external ? "EXTERNAL" : "INTERNAL",
                FriendlyName = external ? (Chance(0.1) ? "Qualys cloud scanner" : null) : $"was_scanner_{r.Next(1, 20):00}",
            };
        }

        target.CancelOption = Option();
        target.ProfileOption = Option();
        target.ScannerOption = Option();
        target.AuthRecordOption = Option();
        target.Proxy = Chance(0.04) ? new HttpProxy { Id = r.Next(100, 999), Name = Chance(0.9) ? "Corporate egress proxy" : null, Url = Chance(0.9) ? "http://proxy.acme-corp.example:3128" : null } : null;
        return target;
    }

    private static WasScanOptionList NewOptions(Random r)
    {
        // count always; the list in 90 % (the rest: <count>0</count>).
        if (r.NextDouble() < 0.1)
        {
            return new WasScanOptionList { Count = 0 };
        }

        var options = Enumerable.Range(0, r.Next(2, 7)).Select(_ =>
        {
            var name = OptionNames[r.Next(OptionNames.Length)];
            return new WasScanOption
            {
                Name = r.NextDouble() < 0.98 ? name : null,
                Value = r.NextDouble() < 0.95 ? name switch
                {
                    "Web Application URL" => Url(r),
                    "Option Profile Name" => Profiles[r.Next(Profiles.Length)].Name,
                    "Cancel Scan After" => r.Next(1, 25).ToString(CultureInfo.InvariantCulture) + " hours",
                    "Progressive Scanning" => "Disabled",
                    _ => $"{Words[r.Next(Words.Length)]} value {r.Next(100)}",
                } : null,
            };
        }).ToList();
        return new WasScanOptionList { Count = options.Count, List = options };
    }

    private static WasScanSummary NewSummary(Random r, string status, int duration)
    {
        bool Chance(double p) => r.NextDouble() < p;
        var crawl = r.Next(30, Math.Max(31, duration / 2));
        return new WasScanSummary
        {
            CrawlDuration = Chance(0.9) ? crawl : null,
            TestDuration = Chance(0.9) ? duration - crawl : null,
            LinksCrawled = Chance(0.9) ? r.Next(1, 3000) : null,
            NbRequests = Chance(0.9) ? r.Next(100, 250_000) : null,
            ResultsStatusRaw = Chance(0.95)
                ? status == "FINISHED" && Chance(0.8) ? "SUCCESSFUL" : ResultsStatuses[r.Next(ResultsStatuses.Length)]
                : null,
            AuthStatusRaw = Chance(0.95) ? r.NextDouble() switch { < 0.5 => "NONE", < 0.6 => "NOT_USED", < 0.85 => "SUCCESSFUL", < 0.95 => "FAILED", _ => "PARTIAL" } : null,
            Os = Chance(0.6) ? OperatingSystems[r.Next(OperatingSystems.Length)] : null,
        };
    }

    private static WasScanStats NewStats(Random r)
    {
        bool Chance(double p) => r.NextDouble() < p;
        int[] Levels() => [r.Next(0, 10), r.Next(0, 6), r.Next(0, 5), r.Next(0, 3), r.Next(0, 2)];
        List<T> Counts<T>(string[] keys, Func<string, int[], T> make)
            => keys.OrderBy(_ => r.Next()).Take(r.Next(1, keys.Length + 1)).Select(k => make(k, Levels())).ToList();

        var vulns = Levels();
        var scs = Levels();
        var igs = Levels();
        var stats = new WasScanStats
        {
            Global = Chance(0.95)
                ? new WasScanGlobalStat
                {
                    NbVulnsTotal = vulns.Sum(), NbVulnsLevel1 = vulns[0], NbVulnsLevel2 = vulns[1], NbVulnsLevel3 = vulns[2], NbVulnsLevel4 = vulns[3], NbVulnsLevel5 = vulns[4],
                    NbScsTotal = scs.Sum(), NbScsLevel1 = scs[0], NbScsLevel2 = scs[1], NbScsLevel3 = scs[2], NbScsLevel4 = scs[3], NbScsLevel5 = scs[4],
                    NbIgsTotal = igs.Sum(), NbIgsLevel1 = igs[0], NbIgsLevel2 = igs[1], NbIgsLevel3 = igs[2], NbIgsLevel4 = igs[3], NbIgsLevel5 = igs[4],
                }
                : null,
        };

        if (Chance(0.7))
        {
            var list = Counts(Groups, (k, l) => new GroupStat { Group = k, NbTotal = l.Sum(), NbLevel1 = l[0], NbLevel2 = l[1], NbLevel3 = l[2], NbLevel4 = l[3], NbLevel5 = l[4] });
            stats.ByGroup = new GroupStatList { Count = list.Count, List = list };
        }

        if (Chance(0.7))
        {
            var list = Counts(Owasp, (k, l) => new OwaspStat { Owasp = k, NbTotal = l.Sum(), NbLevel1 = l[0], NbLevel2 = l[1], NbLevel3 = l[2], NbLevel4 = l[3], NbLevel5 = l[4] });
            stats.ByOwasp = new OwaspStatList { Count = list.Count, List = list };
        }

        if (Chance(0.7))
        {
            var list = Counts(Wasc, (k, l) => new WascStat { Wasc = k, NbTotal = l.Sum(), NbLevel1 = l[0], NbLevel2 = l[1], NbLevel3 = l[2], NbLevel4 = l[3], NbLevel5 = l[4] });
            stats.ByWasc = new WascStatList { Count = list.Count, List = list };
        }

        return stats;
    }

    /// <summary>The base64 of an HTTP response excerpt, padded or not (Qualys may leave the padding out).</summary>
    private static Base64Cdata NewResult(Random r, string payload)
    {
        if (r.NextDouble() < 0.1)
        {
            // Without the attribute: plain text.
            return new Base64Cdata { Base64 = false, Value = "No response body; the payload was reflected in a redirect." };
        }

        var body = $"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n<html><body><div class=\"results\">Search results for {payload}</div>{new string('.', r.Next(0, 120))}</body></html>";
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(body));
        return new Base64Cdata { Base64 = true, Value = r.NextDouble() < 0.5 ? encoded.TrimEnd('=') : encoded };
    }

    private static WasScanVulnList NewVulns(Random r)
    {
        bool Chance(double p) => r.NextDouble() < p;
        var list = Enumerable.Range(0, r.Next(1, 6)).Select(_ =>
        {
            var (qid, title, param) = Vulns[r.Next(Vulns.Length)];
            var instances = Enumerable.Range(0, r.Next(1, 3)).Select(_ =>
            {
                var payloads = Enumerable.Range(0, r.Next(1, 4)).Select(_ =>
                {
                    var payload = Payloads[r.Next(Payloads.Length)];
                    return new WasScanVulnPayload { Payload = Chance(0.98) ? payload : null, Result = Chance(0.95) ? NewResult(r, payload) : null };
                }).ToList();
                return new WasScanVulnInstance
                {
                    Authenticated = Chance(0.95) ? Chance(0.3) : null,
                    Form = Chance(0.3) ? $"<form name=\"search\" action=\"/search.php\" method=\"{(Chance(0.5) ? "GET" : "POST")}\">" : null,
                    Payloads = Chance(0.95) ? new WasScanVulnPayloadList { Count = payloads.Count, List = payloads } : null,
                };
            }).ToList();
            return new WasScanVuln
            {
                Qid = qid,
                Title = Chance(0.98) ? title : null,
                Uri = Chance(0.95) ? Url(r) + (param.Length > 0 ? $"search.php?{param}=test&lang=en" : "") : null,
                Param = param.Length > 0 && Chance(0.9) ? param : null,
                Content = Chance(0.25) ? "<script>alert(document.domain)</script> reflected in the page body" : null,
                Instances = Chance(0.95) ? new WasScanVulnInstanceList { Count = instances.Count, List = instances } : null,
            };
        }).ToList();
        return new WasScanVulnList { Count = list.Count, List = list };
    }

    private static WasScanSensitiveContentList NewSensitiveContents(Random r)
    {
        bool Chance(double p) => r.NextDouble() < p;
        var list = Enumerable.Range(0, r.Next(1, 3)).Select(_ =>
        {
            var (qid, title) = SensitiveContents[r.Next(SensitiveContents.Length)];
            var instances = Enumerable.Range(0, r.Next(1, 3)).Select(_ =>
            {
                var payloads = Enumerable.Range(0, r.Next(1, 3)).Select(_ =>
                {
                    var payload = "GET /account/statement?id=" + r.Next(1000, 9999).ToString(CultureInfo.InvariantCulture);
                    return new WasScanSensitiveContentPayload { Payload = Chance(0.98) ? payload : null, Result = Chance(0.95) ? NewResult(r, "4111-1111-1111-1111") : null };
                }).ToList();
                return new WasScanSensitiveContentInstance
                {
                    Authenticated = Chance(0.95) ? Chance(0.6) : null,
                    Form = Chance(0.3) ? "<form name=\"statement\" action=\"/account/statement\" method=\"GET\">" : null,
                    Payloads = Chance(0.95) ? new WasScanSensitiveContentPayloadList { Count = payloads.Count, List = payloads } : null,
                };
            }).ToList();
            return new WasScanSensitiveContent
            {
                Qid = qid,
                Title = Chance(0.98) ? title : null,
                Uri = Chance(0.95) ? Url(r) + "account/statement" : null,
                Param = Chance(0.5) ? "id" : null,
                Content = Chance(0.7) ? (qid == 150_008 ? "SSN: 078-05-1120" : "Card: 4111 1111 1111 1111") : null,
                Instances = Chance(0.95) ? new WasScanSensitiveContentInstanceList { Count = instances.Count, List = instances } : null,
            };
        }).ToList();
        return new WasScanSensitiveContentList { Count = list.Count, List = list };
    }

    private static WasScanIgList NewIgs(Random r)
    {
        bool Chance(double p) => r.NextDouble() < p;
        var list = Enumerable.Range(0, r.Next(1, 6)).Select(_ =>
        {
            var (qid, title) = Igs[r.Next(Igs.Length)];
            var text = qid switch
            {
                150_009 => string.Join("\n", Enumerable.Range(0, r.Next(2, 12)).Select(i => Url(r) + "page" + i.ToString(CultureInfo.InvariantCulture) + ".html")),
                45_038 => $"Scan duration: {r.Next(60, 20_000)} seconds\nStart time: Thu, Nov 28 2024, 10:00:00 GMT",
                _ => $"{title}: {r.Next(1, 500)} item(s) found",
            };
            var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
            return new WasScanIg
            {
                Qid = qid,
                Title = Chance(0.98) ? title : null,
                Data = Chance(0.95) ? (Chance(0.9) ? new Base64Cdata { Base64 = true, Value = Chance(0.5) ? encoded.TrimEnd('=') : encoded } : new Base64Cdata { Base64 = false, Value = text }) : null,
                SslData = qid == 38_116 || Chance(0.05) ? "TLSv1.2 ECDHE-RSA-AES256-GCM-SHA384 (256 bits); certificate CN=*.acme-corp.example" : null,
            };
        }).ToList();
        return new WasScanIgList { Count = list.Count, List = list };
    }

    private static byte[] Write(WasScanResponse response)
    {
        var w = new QpsXmlWriter("ServiceResponse", SchemaUrl);
        w.Text("responseCode", response.ResponseCodeRaw);
        if (response.ResponseErrorDetails is { } error)
        {
            w.Start("responseErrorDetails");
            w.Text("errorMessage", error.ErrorMessage);
            w.Text("errorResolution", error.ErrorResolution);
            w.Text("internalErrorCodeId", error.InternalErrorCodeId);
            w.End("responseErrorDetails");
        }

        w.Text("count", response.Count);
        w.Flag("hasMoreRecords", response.HasMoreRecords);
        w.Text("lastId", response.LastId);
        if (response.Data is { } scans)
        {
            w.Start("data");
            foreach (var scan in scans)
            {
                WriteScan(w, scan);
            }

            w.End("data");
        }

        return w.ToUtf8();
    }

    private static void WriteScan(QpsXmlWriter w, WasScan s)
    {
        w.Start("WasScan");
        w.Text("id", s.Id);
        w.Cdata("name", s.Name);
        w.Text("reference", s.Reference);
        w.Text("type", s.TypeRaw);
        w.Text("mode", s.ModeRaw);
        w.Flag("multi", s.Multi);
        w.Text("progressiveScanning", s.ProgressiveScanning);
        WriteWebApp(w, "webApp", s.WebApp);
        if (s.Target is { } target)
        {
            w.Start("target");
            if (target.WebApps is { } apps)
            {
                w.Start("webApps");
                w.Text("count", apps.Count);
                WriteWebApps(w, "list", apps.List);
                WriteWebApps(w, "set", apps.Set);
                WriteWebApps(w, "add", apps.Add);
                WriteWebApps(w, "remove", apps.Remove);
                w.End("webApps");
            }

            WriteWebApp(w, "webApp", target.WebApp);
            if (target.Tags is { } tags)
            {
                w.Start("tags");
                WriteTagSelection(w, "included", tags.Included);
                WriteTagSelection(w, "excluded", tags.Excluded);
                w.End("tags");
            }

            if (target.WebAppAuthRecord is { } record)
            {
                w.Start("webAppAuthRecord");
                w.Text("id", record.Id);
                w.Cdata("name", record.Name);
                w.End("webAppAuthRecord");
            }

            if (target.ScannerAppliance is { } appliance)
            {
                w.Start("scannerAppliance");
                w.Text("type", appliance.TypeRaw);
                w.Cdata("friendlyName", appliance.FriendlyName);
                w.End("scannerAppliance");
            }

            w.Text("cancelOption", target.CancelOption);
            w.Text("profileOption", target.ProfileOption);
            w.Text("scannerOption", target.ScannerOption);
            w.Text("authRecordOption", target.AuthRecordOption);
            if (target.Proxy is { } proxy)
            {
                w.Start("proxy");
                w.Text("id", proxy.Id);
                w.Cdata("name", proxy.Name);
                w.Cdata("url", proxy.Url);
                w.End("proxy");
            }

            w.End("target");
        }

        if (s.Profile is { } profile)
        {
            w.Start("profile");
            w.Text("id", profile.Id);
            w.Cdata("name", profile.Name);
            w.End("profile");
        }

        w.Text("cancelAfterNHours", s.CancelAfterNHours);
        w.Text("cancelTime", s.CancelTime);
        if (s.Options is { } options)
        {
            w.Start("options");
            w.Text("count", options.Count);
            if (options.List is { } list)
            {
                w.Start("list");
                foreach (var option in list)
                {
                    w.Start("WasScanOption");
                    w.Cdata("name", option.Name);
                    w.Cdata("value", option.Value);
                    w.End("WasScanOption");
                }

                w.End("list");
            }

            w.End("options");
        }

        w.Utc("launchedDate", s.LaunchedDate);
        WriteUser(w, "launchedBy", s.LaunchedBy);
        w.Text("status", s.StatusRaw);
        w.Text("consolidatedStatus", s.ConsolidatedStatusRaw);
        w.Utc("endScanDate", s.EndScanDate);
        w.Text("scanDuration", s.ScanDuration);
        if (s.Summary is { } summary)
        {
            w.Start("summary");
            w.Text("crawlDuration", summary.CrawlDuration);
            w.Text("testDuration", summary.TestDuration);
            w.Text("linksCrawled", summary.LinksCrawled);
            w.Text("nbRequests", summary.NbRequests);
            w.Text("resultsStatus", summary.ResultsStatusRaw);
            w.Text("authStatus", summary.AuthStatusRaw);
            w.Cdata("os", summary.Os);
            w.End("summary");
        }

        if (s.Stats is { } stats)
        {
            WriteStats(w, stats);
        }

        if (s.Vulns is { } vulns)
        {
            w.Start("vulns");
            w.Text("count", vulns.Count);
            if (vulns.List is { } list)
            {
                w.Start("list");
                foreach (var v in list)
                {
                    w.Start("WasScanVuln");
                    WriteFinding(w, v.Qid, v.Title, v.Uri, v.Param, v.Content);
                    WriteInstances(w, v.Instances);

                    w.End("WasScanVuln");
                }

                w.End("list");
            }

            w.End("vulns");
        }

        if (s.SensitiveContents is { } contents)
        {
            w.Start("sensitiveContents");
            w.Text("count", contents.Count);
            if (contents.List is { } list)
            {
                w.Start("list");
                foreach (var c in list)
                {
                    w.Start("WasScanSensitiveContent");
                    WriteFinding(w, c.Qid, c.Title, c.Uri, c.Param, c.Content);
                    WriteInstances(w, c.Instances);

                    w.End("WasScanSensitiveContent");
                }

                w.End("list");
            }

            w.End("sensitiveContents");
        }

        if (s.Igs is { } igs)
        {
            w.Start("igs");
            w.Text("count", igs.Count);
            if (igs.List is { } list)
            {
                w.Start("list");
                foreach (var ig in list)
                {
                    w.Start("WasScanIg");
                    w.Text("qid", ig.Qid);
                    w.Cdata("title", ig.Title);
                    WriteBase64(w, "data", ig.Data);
                    w.Cdata("sslData", ig.SslData);
                    w.End("WasScanIg");
                }

                w.End("list");
            }

            w.End("igs");
        }

        w.Flag("sendMail", s.SendMail);
        w.Flag("sendOneMail", s.SendOneMail);
        w.Flag("enableWAFAuth", s.EnableWafAuth);
        w.Text("cancelMode", s.CancelMode);
        WriteUser(w, "canceledBy", s.CanceledBy);
        w.End("WasScan");
    }

    private static void WriteWebApp(QpsXmlWriter w, string name, WebApp? app)
    {
        if (app is null)
        {
            return;
        }

        w.Start(name);
        w.Text("id", app.Id);
        w.Cdata("name", app.Name);
        w.Cdata("url", app.Url);
        WriteTagList(w, "tags", app.Tags);
        w.End(name);
    }

    private static void WriteWebApps(QpsXmlWriter w, string name, List<WebApp>? apps)
    {
        if (apps is null)
        {
            return;
        }

        w.Start(name);
        foreach (var app in apps)
        {
            WriteWebApp(w, "WebApp", app);
        }

        w.End(name);
    }

    private static void WriteTagList(QpsXmlWriter w, string name, TagList? tags)
    {
        if (tags is null)
        {
            return;
        }

        w.Start(name);
        w.Text("count", tags.Count);
        WriteTags(w, "list", tags.List);
        WriteTags(w, "set", tags.Set);
        WriteTags(w, "add", tags.Add);
        WriteTags(w, "remove", tags.Remove);
        WriteTags(w, "update", tags.Update);
        w.End(name);
    }

    private static void WriteTags(QpsXmlWriter w, string name, List<Tag>? tags)
    {
        if (tags is null)
        {
            return;
        }

        w.Start(name);
        foreach (var tag in tags)
        {
            w.Start("Tag");
            w.Text("id", tag.Id);
            w.Cdata("name", tag.Name);
            w.End("Tag");
        }

        w.End(name);
    }

    private static void WriteTagSelection(QpsXmlWriter w, string name, TagSelection? selection)
    {
        if (selection is null)
        {
            return;
        }

        w.Start(name);
        w.Text("option", selection.Option);
        WriteTagList(w, "tagList", selection.TagList);
        w.End(name);
    }

    private static void WriteUser(QpsXmlWriter w, string name, User? user)
    {
        if (user is null)
        {
            return;
        }

        w.Start(name);
        w.Text("id", user.Id);
        w.Text("username", user.Username);
        w.Cdata("firstName", user.FirstName);
        w.Cdata("lastName", user.LastName);
        w.End(name);
    }

    private static void WriteStats(QpsXmlWriter w, WasScanStats stats)
    {
        w.Start("stats");
        if (stats.Global is { } g)
        {
            w.Start("global");
            w.Text("nbVulnsTotal", g.NbVulnsTotal);
            w.Text("nbVulnsLevel1", g.NbVulnsLevel1);
            w.Text("nbVulnsLevel2", g.NbVulnsLevel2);
            w.Text("nbVulnsLevel3", g.NbVulnsLevel3);
            w.Text("nbVulnsLevel4", g.NbVulnsLevel4);
            w.Text("nbVulnsLevel5", g.NbVulnsLevel5);
            w.Text("nbScsTotal", g.NbScsTotal);
            w.Text("nbScsLevel1", g.NbScsLevel1);
            w.Text("nbScsLevel2", g.NbScsLevel2);
            w.Text("nbScsLevel3", g.NbScsLevel3);
            w.Text("nbScsLevel4", g.NbScsLevel4);
            w.Text("nbScsLevel5", g.NbScsLevel5);
            w.Text("nbIgsTotal", g.NbIgsTotal);
            w.Text("nbIgsLevel1", g.NbIgsLevel1);
            w.Text("nbIgsLevel2", g.NbIgsLevel2);
            w.Text("nbIgsLevel3", g.NbIgsLevel3);
            w.Text("nbIgsLevel4", g.NbIgsLevel4);
            w.Text("nbIgsLevel5", g.NbIgsLevel5);
            w.End("global");
        }

        WriteStatList(w, "byGroup", "GroupStat", "group", stats.ByGroup?.Count, stats.ByGroup?.List?.Select(x => (x.Group, new[] { x.NbTotal, x.NbLevel1, x.NbLevel2, x.NbLevel3, x.NbLevel4, x.NbLevel5 })));
        WriteStatList(w, "byOwasp", "OwaspStat", "owasp", stats.ByOwasp?.Count, stats.ByOwasp?.List?.Select(x => (x.Owasp, new[] { x.NbTotal, x.NbLevel1, x.NbLevel2, x.NbLevel3, x.NbLevel4, x.NbLevel5 })));
        WriteStatList(w, "byWasc", "WascStat", "wasc", stats.ByWasc?.Count, stats.ByWasc?.List?.Select(x => (x.Wasc, new[] { x.NbTotal, x.NbLevel1, x.NbLevel2, x.NbLevel3, x.NbLevel4, x.NbLevel5 })));
        w.End("stats");
    }

    private static readonly string[] StatNames = ["nbTotal", "nbLevel1", "nbLevel2", "nbLevel3", "nbLevel4", "nbLevel5"];

    private static void WriteStatList(QpsXmlWriter w, string name, string item, string key, int? count, IEnumerable<(string? Key, int?[] Values)>? list)
    {
        if (count is null && list is null)
        {
            return;
        }

        w.Start(name);
        w.Text("count", count);
        if (list is not null)
        {
            w.Start("list");
            foreach (var (k, values) in list)
            {
                w.Start(item);
                w.Text(key, k);
                for (var i = 0; i < StatNames.Length; i++)
                {
                    w.Text(StatNames[i], values[i]);
                }

                w.End(item);
            }

            w.End("list");
        }

        w.End(name);
    }

    private static void WriteFinding(QpsXmlWriter w, long? qid, string? title, string? uri, string? param, string? content)
    {
        w.Text("qid", qid);
        w.Cdata("title", title);
        w.Cdata("uri", uri);
        w.Cdata("param", param);
        w.Cdata("content", content);
    }

    private static void WriteInstances(QpsXmlWriter w, WasScanVulnInstanceList? instances)
    {
        if (instances is null)
        {
            return;
        }

        w.Start("instances");
        w.Text("count", instances.Count);
        if (instances.List is { } list)
        {
            w.Start("list");
            foreach (var instance in list)
            {
                w.Start("WasScanVulnInstance");
                w.Flag("authenticated", instance.Authenticated);
                w.Cdata("form", instance.Form);
                if (instance.Payloads is { } payloads)
                {
                    w.Start("payloads");
                    w.Text("count", payloads.Count);
                    if (payloads.List is { } items)
                    {
                        w.Start("list");
                        foreach (var item in items)
                        {
                            w.Start("WasScanVulnPayload");
                            w.Cdata("payload", item.Payload);
                            WriteBase64(w, "result", item.Result);
                            w.End("WasScanVulnPayload");
                        }

                        w.End("list");
                    }

                    w.End("payloads");
                }

                w.End("WasScanVulnInstance");
            }

            w.End("list");
        }

        w.End("instances");
    }

    private static void WriteInstances(QpsXmlWriter w, WasScanSensitiveContentInstanceList? instances)
    {
        if (instances is null)
        {
            return;
        }

        w.Start("instances");
        w.Text("count", instances.Count);
        if (instances.List is { } list)
        {
            w.Start("list");
            foreach (var instance in list)
            {
                w.Start("WasScanSensitiveContentInstance");
                w.Flag("authenticated", instance.Authenticated);
                w.Cdata("form", instance.Form);
                if (instance.Payloads is { } payloads)
                {
                    w.Start("payloads");
                    w.Text("count", payloads.Count);
                    if (payloads.List is { } items)
                    {
                        w.Start("list");
                        foreach (var item in items)
                        {
                            w.Start("WasScanSensitiveContentPayload");
                            w.Cdata("payload", item.Payload);
                            WriteBase64(w, "result", item.Result);
                            w.End("WasScanSensitiveContentPayload");
                        }

                        w.End("list");
                    }

                    w.End("payloads");
                }

                w.End("WasScanSensitiveContentInstance");
            }

            w.End("list");
        }

        w.End("instances");
    }

    private static void WriteBase64(QpsXmlWriter w, string name, Base64Cdata? value)
    {
        if (value is not null)
        {
            w.Cdata(name, value.Value, "base64", value.Base64 ? "true" : null);
        }
    }
}
