using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using QualysGen.Benchmarks.HandWritten;
using QualysGen.Benchmarks.HandWritten.WasScans;

namespace QualysGen.Benchmarks.Alternatives;

/// <summary>The QPS <c>ServiceResponse</c> of wasscan.xsd projected into <see cref="WasScanResponse"/>, in the same style as the FO projections.</summary>
public static partial class XDocumentProjection
{
    /// <summary>The element names of wasscan.xsd (camelCase, unlike the FO DTDs), cached as the FO ones are.</summary>
    private static class Q
    {
        public static readonly XName ResponseCode = "responseCode", ResponseErrorDetails = "responseErrorDetails", ErrorMessage = "errorMessage",
            ErrorResolution = "errorResolution", InternalErrorCodeId = "internalErrorCodeId", Count = "count", HasMoreRecords = "hasMoreRecords",
            LastId = "lastId", Data = "data", WasScan = "WasScan", Id = "id", Name = "name", Reference = "reference", Type = "type", Mode = "mode",
            Multi = "multi", ProgressiveScanning = "progressiveScanning", WebApp = "webApp", Target = "target", Profile = "profile",
            CancelAfterNHours = "cancelAfterNHours", CancelTime = "cancelTime", Options = "options", LaunchedDate = "launchedDate",
            LaunchedBy = "launchedBy", Status = "status", ConsolidatedStatus = "consolidatedStatus", EndScanDate = "endScanDate",
            ScanDuration = "scanDuration", Summary = "summary", Stats = "stats", Vulns = "vulns", SensitiveContents = "sensitiveContents",
            Igs = "igs", SendMail = "sendMail", SendOneMail = "sendOneMail", EnableWafAuth = "enableWAFAuth", CancelMode = "cancelMode",
            CanceledBy = "canceledBy", Url = "url", Tags = "tags", List = "list", Set = "set", Add = "add", Remove = "remove", Update = "update",
            Tag = "Tag", WebApps = "webApps", WebAppItem = "WebApp", WebAppAuthRecord = "webAppAuthRecord", ScannerAppliance = "scannerAppliance",
            CancelOption = "cancelOption", ProfileOption = "profileOption", ScannerOption = "scannerOption", AuthRecordOption = "authRecordOption",
            Proxy = "proxy", Included = "included", Excluded = "excluded", Option = "option", TagList = "tagList", FriendlyName = "friendlyName",
            WasScanOption = "WasScanOption", Value = "value", Username = "username", FirstName = "firstName", LastName = "lastName",
            CrawlDuration = "crawlDuration", TestDuration = "testDuration", LinksCrawled = "linksCrawled", NbRequests = "nbRequests",
            ResultsStatus = "resultsStatus", AuthStatus = "authStatus", Os = "os", Global = "global", ByGroup = "byGroup", ByOwasp = "byOwasp",
            ByWasc = "byWasc", GroupStat = "GroupStat", OwaspStat = "OwaspStat", WascStat = "WascStat", Group = "group", Owasp = "owasp",
            Wasc = "wasc", NbTotal = "nbTotal", NbLevel1 = "nbLevel1", NbLevel2 = "nbLevel2", NbLevel3 = "nbLevel3", NbLevel4 = "nbLevel4",
            NbLevel5 = "nbLevel5", NbVulnsTotal = "nbVulnsTotal", NbVulnsLevel1 = "nbVulnsLevel1", NbVulnsLevel2 = "nbVulnsLevel2",
            NbVulnsLevel3 = "nbVulnsLevel3", NbVulnsLevel4 = "nbVulnsLevel4", NbVulnsLevel5 = "nbVulnsLevel5", NbScsTotal = "nbScsTotal",
            NbScsLevel1 = "nbScsLevel1", NbScsLevel2 = "nbScsLevel2", NbScsLevel3 = "nbScsLevel3", NbScsLevel4 = "nbScsLevel4",
            NbScsLevel5 = "nbScsLevel5", NbIgsTotal = "nbIgsTotal", NbIgsLevel1 = "nbIgsLevel1", NbIgsLevel2 = "nbIgsLevel2",
            NbIgsLevel3 = "nbIgsLevel3", NbIgsLevel4 = "nbIgsLevel4", NbIgsLevel5 = "nbIgsLevel5", WasScanVuln = "WasScanVuln",
            WasScanSensitiveContent = "WasScanSensitiveContent", WasScanIg = "WasScanIg", Qid = "qid", Title = "title", Uri = "uri",
            Param = "param", Content = "content", Instances = "instances", WasScanVulnInstance = "WasScanVulnInstance",
            WasScanSensitiveContentInstance = "WasScanSensitiveContentInstance", Authenticated = "authenticated", Form = "form",
            Payloads = "payloads", WasScanVulnPayload = "WasScanVulnPayload", WasScanSensitiveContentPayload = "WasScanSensitiveContentPayload",
            Payload = "payload", Result = "result", SslData = "sslData", Base64 = "base64";
    }

    public static WasScanResponse WasScans(XDocument document)
    {
        var root = document.Root!;
        var error = root.Element(Q.ResponseErrorDetails);
        return new WasScanResponse
        {
            ResponseCodeRaw = (string)root.Element(Q.ResponseCode)!,
            ResponseErrorDetails = error is null ? null : new ResponseErrorDetails
            {
                ErrorMessage = (string)error.Element(Q.ErrorMessage)!,
                ErrorResolution = (string?)error.Element(Q.ErrorResolution),
                InternalErrorCodeId = (int?)error.Element(Q.InternalErrorCodeId),
            },
            Count = (int?)root.Element(Q.Count),
            HasMoreRecords = (bool?)root.Element(Q.HasMoreRecords),
            LastId = (long?)root.Element(Q.LastId),
            Data = root.Element(Q.Data)?.Elements(Q.WasScan).Select(ReadWasScan).ToList(),
        };
    }

    private static WasScan ReadWasScan(XElement e)
    {
        var target = e.Element(Q.Target);
        var profile = e.Element(Q.Profile);
        var options = e.Element(Q.Options);
        var summary = e.Element(Q.Summary);
        var stats = e.Element(Q.Stats);
        var vulns = e.Element(Q.Vulns);
        var contents = e.Element(Q.SensitiveContents);
        var igs = e.Element(Q.Igs);
        return new WasScan
        {
            Id = (long?)e.Element(Q.Id),
            Name = (string?)e.Element(Q.Name),
            Reference = (string?)e.Element(Q.Reference),
            TypeRaw = (string?)e.Element(Q.Type),
            ModeRaw = (string?)e.Element(Q.Mode),
            Multi = (bool?)e.Element(Q.Multi),
            ProgressiveScanning = (string?)e.Element(Q.ProgressiveScanning),
            WebApp = ReadWebApp(e.Element(Q.WebApp)),
            Target = target is null ? null : ReadTarget(target),
            Profile = profile is null ? null : new WasScanOptionProfile { Id = (long?)profile.Element(Q.Id), Name = (string?)profile.Element(Q.Name) },
            CancelAfterNHours = (int?)e.Element(Q.CancelAfterNHours),
            CancelTime = (string?)e.Element(Q.CancelTime),
            Options = options is null ? null : new WasScanOptionList
            {
                Count = (int?)options.Element(Q.Count),
                List = options.Element(Q.List)?.Elements(Q.WasScanOption)
                    .Select(o => new WasScanOption { Name = (string?)o.Element(Q.Name), Value = (string?)o.Element(Q.Value) }).ToList(),
            },
            LaunchedDate = UtcText.ParseOptional((string?)e.Element(Q.LaunchedDate)),
            LaunchedBy = ReadUser(e.Element(Q.LaunchedBy)),
            StatusRaw = (string?)e.Element(Q.Status),
            ConsolidatedStatusRaw = (string?)e.Element(Q.ConsolidatedStatus),
            EndScanDate = UtcText.ParseOptional((string?)e.Element(Q.EndScanDate)),
            ScanDuration = (int?)e.Element(Q.ScanDuration),
            Summary = summary is null ? null : new WasScanSummary
            {
                CrawlDuration = (long?)summary.Element(Q.CrawlDuration),
                TestDuration = (long?)summary.Element(Q.TestDuration),
                LinksCrawled = (int?)summary.Element(Q.LinksCrawled),
                NbRequests = (int?)summary.Element(Q.NbRequests),
                ResultsStatusRaw = (string?)summary.Element(Q.ResultsStatus),
                AuthStatusRaw = (string?)summary.Element(Q.AuthStatus),
                Os = (string?)summary.Element(Q.Os),
            },
            Stats = stats is null ? null : ReadStats(stats),
            Vulns = vulns is null ? null : new WasScanVulnList
            {
                Count = (int?)vulns.Element(Q.Count),
                List = vulns.Element(Q.List)?.Elements(Q.WasScanVuln).Select(ReadVuln).ToList(),
            },
            SensitiveContents = contents is null ? null : new WasScanSensitiveContentList
            {
                Count = (int?)contents.Element(Q.Count),
                List = contents.Element(Q.List)?.Elements(Q.WasScanSensitiveContent).Select(ReadSensitiveContent).ToList(),
            },
            Igs = igs is null ? null : new WasScanIgList
            {
                Count = (int?)igs.Element(Q.Count),
                List = igs.Element(Q.List)?.Elements(Q.WasScanIg).Select(ig => new WasScanIg
                {
                    Qid = (long?)ig.Element(Q.Qid),
                    Title = (string?)ig.Element(Q.Title),
                    Data = ReadBase64(ig.Element(Q.Data)),
                    SslData = (string?)ig.Element(Q.SslData),
                }).ToList(),
            },
            SendMail = (bool?)e.Element(Q.SendMail),
            SendOneMail = (bool?)e.Element(Q.SendOneMail),
            EnableWafAuth = (bool?)e.Element(Q.EnableWafAuth),
            CancelMode = (string?)e.Element(Q.CancelMode),
            CanceledBy = ReadUser(e.Element(Q.CanceledBy)),
        };
    }

    private static WasScanTarget ReadTarget(XElement t)
    {
        var apps = t.Element(Q.WebApps);
        var tags = t.Element(Q.Tags);
        var record = t.Element(Q.WebAppAuthRecord);
        var appliance = t.Element(Q.ScannerAppliance);
        var proxy = t.Element(Q.Proxy);
        return new WasScanTarget
        {
            WebApps = apps is null ? null : new WebAppList
            {
                Count = (int?)apps.Element(Q.Count),
                List = ReadWebApps(apps.Element(Q.List)),
                Set = ReadWebApps(apps.Element(Q.Set)),
                Add = ReadWebApps(apps.Element(Q.Add)),
                Remove = ReadWebApps(apps.Element(Q.Remove)),
            },
            WebApp = ReadWebApp(t.Element(Q.WebApp)),
            Tags = tags is null ? null : new WasScanTargetTags { Included = ReadTagSelection(tags.Element(Q.Included)), Excluded = ReadTagSelection(tags.Element(Q.Excluded)) },
            WebAppAuthRecord = record is null ? null : new WebAppAuthRecord { Id = (long?)record.Element(Q.Id), Name = (string?)record.Element(Q.Name) },
            ScannerAppliance = appliance is null ? null : new ScannerAppliance { TypeRaw = (string)appliance.Element(Q.Type)!, FriendlyName = (string?)appliance.Element(Q.FriendlyName) },
            CancelOption = (string?)t.Element(Q.CancelOption),
            ProfileOption = (string?)t.Element(Q.ProfileOption),
            ScannerOption = (string?)t.Element(Q.ScannerOption),
            AuthRecordOption = (string?)t.Element(Q.AuthRecordOption),
            Proxy = proxy is null ? null : new HttpProxy { Id = (long?)proxy.Element(Q.Id), Name = (string?)proxy.Element(Q.Name), Url = (string?)proxy.Element(Q.Url) },
        };
    }

    private static WebApp? ReadWebApp(XElement? a)
        => a is null ? null : new WebApp { Id = (long?)a.Element(Q.Id), Name = (string?)a.Element(Q.Name), Url = (string?)a.Element(Q.Url), Tags = ReadTagList(a.Element(Q.Tags)) };

    private static List<WebApp>? ReadWebApps(XElement? wrapper) => wrapper?.Elements(Q.WebAppItem).Select(a => ReadWebApp(a)!).ToList();

    private static TagSelection? ReadTagSelection(XElement? s)
        => s is null ? null : new TagSelection { Option = (string?)s.Element(Q.Option), TagList = ReadTagList(s.Element(Q.TagList)) };

    private static TagList? ReadTagList(XElement? t)
        => t is null ? null : new TagList
        {
            Count = (int?)t.Element(Q.Count),
            List = ReadTags(t.Element(Q.List)),
            Set = ReadTags(t.Element(Q.Set)),
            Add = ReadTags(t.Element(Q.Add)),
            Remove = ReadTags(t.Element(Q.Remove)),
            Update = ReadTags(t.Element(Q.Update)),
        };

    private static List<Tag>? ReadTags(XElement? wrapper)
        => wrapper?.Elements(Q.Tag).Select(t => new Tag { Id = (long)t.Element(Q.Id)!, Name = (string?)t.Element(Q.Name) }).ToList();

    private static User? ReadUser(XElement? u)
        => u is null ? null : new User
        {
            Id = (long?)u.Element(Q.Id),
            Username = (string?)u.Element(Q.Username),
            FirstName = (string?)u.Element(Q.FirstName),
            LastName = (string?)u.Element(Q.LastName),
        };

    private static WasScanStats ReadStats(XElement s)
    {
        var g = s.Element(Q.Global);
        var byGroup = s.Element(Q.ByGroup);
        var byOwasp = s.Element(Q.ByOwasp);
        var byWasc = s.Element(Q.ByWasc);
        return new WasScanStats
        {
            Global = g is null ? null : new WasScanGlobalStat
            {
                NbVulnsTotal = (int?)g.Element(Q.NbVulnsTotal),
                NbVulnsLevel1 = (int?)g.Element(Q.NbVulnsLevel1),
                NbVulnsLevel2 = (int?)g.Element(Q.NbVulnsLevel2),
                NbVulnsLevel3 = (int?)g.Element(Q.NbVulnsLevel3),
                NbVulnsLevel4 = (int?)g.Element(Q.NbVulnsLevel4),
                NbVulnsLevel5 = (int?)g.Element(Q.NbVulnsLevel5),
                NbScsTotal = (int?)g.Element(Q.NbScsTotal),
                NbScsLevel1 = (int?)g.Element(Q.NbScsLevel1),
                NbScsLevel2 = (int?)g.Element(Q.NbScsLevel2),
                NbScsLevel3 = (int?)g.Element(Q.NbScsLevel3),
                NbScsLevel4 = (int?)g.Element(Q.NbScsLevel4),
                NbScsLevel5 = (int?)g.Element(Q.NbScsLevel5),
                NbIgsTotal = (int?)g.Element(Q.NbIgsTotal),
                NbIgsLevel1 = (int?)g.Element(Q.NbIgsLevel1),
                NbIgsLevel2 = (int?)g.Element(Q.NbIgsLevel2),
                NbIgsLevel3 = (int?)g.Element(Q.NbIgsLevel3),
                NbIgsLevel4 = (int?)g.Element(Q.NbIgsLevel4),
                NbIgsLevel5 = (int?)g.Element(Q.NbIgsLevel5),
            },
            ByGroup = byGroup is null ? null : new GroupStatList
            {
                Count = (int?)byGroup.Element(Q.Count),
                List = byGroup.Element(Q.List)?.Elements(Q.GroupStat).Select(x => new GroupStat
                {
                    Group = (string?)x.Element(Q.Group),
                    NbTotal = (int?)x.Element(Q.NbTotal),
                    NbLevel1 = (int?)x.Element(Q.NbLevel1),
                    NbLevel2 = (int?)x.Element(Q.NbLevel2),
                    NbLevel3 = (int?)x.Element(Q.NbLevel3),
                    NbLevel4 = (int?)x.Element(Q.NbLevel4),
                    NbLevel5 = (int?)x.Element(Q.NbLevel5),
                }).ToList(),
            },
            ByOwasp = byOwasp is null ? null : new OwaspStatList
            {
                Count = (int?)byOwasp.Element(Q.Count),
                List = byOwasp.Element(Q.List)?.Elements(Q.OwaspStat).Select(x => new OwaspStat
                {
                    Owasp = (string?)x.Element(Q.Owasp),
                    NbTotal = (int?)x.Element(Q.NbTotal),
                    NbLevel1 = (int?)x.Element(Q.NbLevel1),
                    NbLevel2 = (int?)x.Element(Q.NbLevel2),
                    NbLevel3 = (int?)x.Element(Q.NbLevel3),
                    NbLevel4 = (int?)x.Element(Q.NbLevel4),
                    NbLevel5 = (int?)x.Element(Q.NbLevel5),
                }).ToList(),
            },
            ByWasc = byWasc is null ? null : new WascStatList
            {
                Count = (int?)byWasc.Element(Q.Count),
                List = byWasc.Element(Q.List)?.Elements(Q.WascStat).Select(x => new WascStat
                {
                    Wasc = (string?)x.Element(Q.Wasc),
                    NbTotal = (int?)x.Element(Q.NbTotal),
                    NbLevel1 = (int?)x.Element(Q.NbLevel1),
                    NbLevel2 = (int?)x.Element(Q.NbLevel2),
                    NbLevel3 = (int?)x.Element(Q.NbLevel3),
                    NbLevel4 = (int?)x.Element(Q.NbLevel4),
                    NbLevel5 = (int?)x.Element(Q.NbLevel5),
                }).ToList(),
            },
        };
    }

    private static WasScanVuln ReadVuln(XElement v)
    {
        var instances = v.Element(Q.Instances);
        return new WasScanVuln
        {
            Qid = (long?)v.Element(Q.Qid),
            Title = (string?)v.Element(Q.Title),
            Uri = (string?)v.Element(Q.Uri),
            Param = (string?)v.Element(Q.Param),
            Content = (string?)v.Element(Q.Content),
            Instances = instances is null ? null : new WasScanVulnInstanceList
            {
                Count = (int?)instances.Element(Q.Count),
                List = instances.Element(Q.List)?.Elements(Q.WasScanVulnInstance).Select(i =>
                {
                    var payloads = i.Element(Q.Payloads);
                    return new WasScanVulnInstance
                    {
                        Authenticated = (bool?)i.Element(Q.Authenticated),
                        Form = (string?)i.Element(Q.Form),
                        Payloads = payloads is null ? null : new WasScanVulnPayloadList
                        {
                            Count = (int?)payloads.Element(Q.Count),
                            List = payloads.Element(Q.List)?.Elements(Q.WasScanVulnPayload)
                                .Select(p => new WasScanVulnPayload { Payload = (string?)p.Element(Q.Payload), Result = ReadBase64(p.Element(Q.Result)) }).ToList(),
                        },
                    };
                }).ToList(),
            },
        };
    }

    private static WasScanSensitiveContent ReadSensitiveContent(XElement c)
    {
        var instances = c.Element(Q.Instances);
        return new WasScanSensitiveContent
        {
            Qid = (long?)c.Element(Q.Qid),
            Title = (string?)c.Element(Q.Title),
            Uri = (string?)c.Element(Q.Uri),
            Param = (string?)c.Element(Q.Param),
            Content = (string?)c.Element(Q.Content),
            Instances = instances is null ? null : new WasScanSensitiveContentInstanceList
            {
                Count = (int?)instances.Element(Q.Count),
                List = instances.Element(Q.List)?.Elements(Q.WasScanSensitiveContentInstance).Select(i =>
                {
                    var payloads = i.Element(Q.Payloads);
                    return new WasScanSensitiveContentInstance
                    {
                        Authenticated = (bool?)i.Element(Q.Authenticated),
                        Form = (string?)i.Element(Q.Form),
                        Payloads = payloads is null ? null : new WasScanSensitiveContentPayloadList
                        {
                            Count = (int?)payloads.Element(Q.Count),
                            List = payloads.Element(Q.List)?.Elements(Q.WasScanSensitiveContentPayload)
                                .Select(p => new WasScanSensitiveContentPayload { Payload = (string?)p.Element(Q.Payload), Result = ReadBase64(p.Element(Q.Result)) }).ToList(),
                        },
                    };
                }).ToList(),
            },
        };
    }

    private static Base64Cdata? ReadBase64(XElement? e)
        => e is null ? null : new Base64Cdata { Base64 = (bool?)e.Attribute(Q.Base64) ?? false, Value = e.Value };
}
