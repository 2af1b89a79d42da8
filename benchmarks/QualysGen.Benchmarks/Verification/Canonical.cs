using System;
using System.Collections.Generic;
using System.Globalization;
using G = QualysGen.Benchmarks.Qualys.ComplianceScheduleScanListOutputDtd;
using GS = QualysGen.Benchmarks.Qualys.SimpleReturnDtd;
using H = QualysGen.Benchmarks.HandWritten.ScanList;
using HS = QualysGen.Benchmarks.HandWritten.SimpleReturn;

namespace QualysGen.Benchmarks.Verification;

/// <summary>
/// One line per field (<c>path=value</c>, every field, in schema order) of a parse result, the same for the generated
/// model and the hand-written classes, so that two results of different types can be compared field by field. Lazy,
/// so that comparing two 100,000-record graphs needs no second copy of either.
/// </summary>
public static partial class Canonical
{
    /// <summary>Throws, naming the first difference, unless both sequences are equal.</summary>
    public static void AssertSame(string expectedName, IEnumerable<string> expected, string actualName, IEnumerable<string> actual)
    {
        using var e = expected.GetEnumerator();
        using var a = actual.GetEnumerator();
        var line = 0;
        while (true)
        {
            var hasE = e.MoveNext();
            var hasA = a.MoveNext();
            if (!hasE && !hasA)
            {
                if (line == 0)
                {
                    throw new InvalidOperationException($"{expectedName} and {actualName}: nothing to compare.");
                }

                return;
            }

            line++;
            if (hasE != hasA || !string.Equals(e.Current, a.Current, StringComparison.Ordinal))
            {
                throw new InvalidOperationException(
                    $"{actualName} does not read the same object graph as {expectedName}; first difference at field {line}:\n" +
                    $"  {expectedName}: {(hasE ? e.Current : "<end>")}\n  {actualName}: {(hasA ? a.Current : "<end>")}");
            }
        }
    }

    // ---- COMPLIANCE_SCHEDULE_SCAN_LIST_OUTPUT, generated model ----

    public static IEnumerable<string> Of(G.ComplianceScheduleScanListOutput o)
    {
        if (o.Request is null)
        {
            yield return "REQUEST=null";
        }
        else
        {
            var r = o.Request;
            yield return "REQUEST/DATETIME=" + D(r.Datetime);
            yield return "REQUEST/USER_LOGIN=" + S(r.UserLogin);
            yield return "REQUEST/RESOURCE=" + S(r.Resource);
            yield return "REQUEST/PARAM_LIST#=" + r.Params.Count;
            foreach (var p in r.Params)
            {
                yield return "PARAM=" + S(p.Key) + ":" + S(p.Value);
            }

            yield return "REQUEST/POST_DATA=" + S(r.PostData);
        }

        yield return "RESPONSE/DATETIME=" + D(o.Response.Datetime);
        foreach (var line in Scans(o.Response.Scans))
        {
            yield return line;
        }
    }

    public static IEnumerable<string> Scans(IEnumerable<G.Scan> scans)
    {
        var index = 0;
        foreach (var s in scans)
        {
            var at = "SCAN[" + index++.ToString(CultureInfo.InvariantCulture) + "]/";
            yield return at + "ID=" + N(s.Id);
            yield return at + "SCAN_TYPE=" + S(s.ScanType);
            yield return at + "ACTIVE=" + B(s.Active);
            yield return at + "TITLE=" + S(s.Title);
            yield return at + "CLIENT=" + (s.Client is { } c ? N(c.Id) + "," + S(c.Name) : "null");
            yield return at + "USER_LOGIN=" + S(s.UserLogin);
            yield return at + "TARGET=" + S(s.Target);
            yield return at + "NETWORK_ID=" + N(s.NetworkId);
            yield return at + "ISCANNER_NAME=" + S(s.IscannerName);
            yield return at + "EC2_INSTANCE=" + (s.Ec2Instance is { } e ? S(e.ConnectorUuid) + "," + S(e.Ec2Endpoint) + "," + B(e.Ec2OnlyClassic) : "null");
            if (s.CloudDetails is { } cd)
            {
                yield return at + "CLOUD_DETAILS=" + S(cd.Provider) + "," + S(cd.ScanType);
                yield return at + "CONNECTOR=" + N(cd.Connector.Id) + "," + S(cd.Connector.Uuid) + "," + S(cd.Connector.Name);
                var t = cd.CloudTarget;
                yield return at + "CLOUD_TARGET=" + S(t.Platform) + "," + S(t.VpcScope);
                yield return at + "REGION=" + (t.Region is { } rg ? S(rg.Uuid) + "," + S(rg.Code) + "," + S(rg.Name) : "null");
                yield return at + "VPC#=" + t.Vpcs.Count;
                foreach (var v in t.Vpcs)
                {
                    yield return at + "VPC=" + S(v.Uuid);
                }
            }
            else
            {
                yield return at + "CLOUD_DETAILS=null";
            }

            yield return at + "ASSET_GROUP_TITLE#=" + s.AssetGroupTitles.Count;
            foreach (var title in s.AssetGroupTitles)
            {
                yield return at + "ASSET_GROUP_TITLE=" + S(title);
            }

            yield return at + "ASSET_TAGS=" + (s.AssetTags is { } a
                ? a.TagIncludeSelector + "," + S(a.TagIncludeSelectorRaw) + "," + S(a.TagSetInclude) + "," + (a.TagExcludeSelector?.ToString() ?? "null") + ","
                  + S(a.TagExcludeSelectorRaw) + "," + S(a.TagSetExclude) + "," + B(a.UseIpNtRangeTags)
                : "null");
            yield return at + "EXCLUDE_IP_PER_SCAN=" + S(s.ExcludeIpPerScan);
            yield return at + "RANGE#=" + s.UserEnteredIps.Count;
            foreach (var range in s.UserEnteredIps)
            {
                yield return at + "RANGE=" + S(range.Start) + "-" + S(range.End);
            }

            yield return at + "DNS#=" + s.ElbDns.Count;
            foreach (var dns in s.ElbDns)
            {
                yield return at + "DNS=" + S(dns);
            }

            yield return at + "OPTION_PROFILE=" + (s.OptionProfile is { } op ? S(op.Title) + "," + B(op.DefaultFlag) : "null");
            var sc = s.Schedule;
            yield return at + "SCHEDULE/CHOICE=" + sc.Choice;
            yield return at + "DAILY=" + (sc.Daily is { } d ? N(d.FrequencyDays) : "null");
            yield return at + "WEEKLY=" + (sc.Weekly is { } w ? N(w.FrequencyWeeks) + "," + S(w.Weekdays) : "null");
            yield return at + "MONTHLY=" + (sc.Monthly is { } m
                ? N(m.FrequencyMonths) + "," + N(m.DayOfMonth) + "," + (m.DayOfWeek?.ToString() ?? "null") + "," + S(m.DayOfWeekRaw) + ","
                  + (m.WeekOfMonth?.ToString() ?? "null") + "," + S(m.WeekOfMonthRaw)
                : "null");
            yield return at + "SCHEDULE=" + D(sc.StartDateUtc) + "," + N(sc.StartHour) + "," + N(sc.StartMinute) + "," + N(sc.EndAfterHours) + ","
                + N(sc.EndAfterMinutes) + "," + N(sc.PauseAfterHours) + "," + N(sc.PauseAfterMinutes) + "," + N(sc.ResumeInDays) + ","
                + N(sc.ResumeInHours) + "," + D(sc.NextlaunchUtc) + "," + B(sc.DstSelected) + "," + N(sc.MaxOccurrence);
            yield return at + "TIME_ZONE=" + S(sc.TimeZone.TimeZoneCode) + "," + S(sc.TimeZone.TimeZoneDetails);
            if (s.Notifications is { } n)
            {
                yield return at + "BEFORE_LAUNCH=" + (n.BeforeLaunch is { } b ? N(b.Time) + "," + S(b.Unit) + "," + S(b.Message) : "null");
                yield return at + "AFTER_COMPLETE=" + (n.AfterComplete is { } ac ? S(ac.Message) : "null");
                yield return at + "DISTRIBUTION_GROUP#=" + n.DistributionGroups.Count;
                foreach (var g in n.DistributionGroups)
                {
                    yield return at + "DISTRIBUTION_GROUP=" + N(g.Id) + "," + S(g.Title);
                }
            }
            else
            {
                yield return at + "NOTIFICATIONS=null";
            }
        }

        yield return "SCAN#=" + index.ToString(CultureInfo.InvariantCulture);
    }

    // ---- COMPLIANCE_SCHEDULE_SCAN_LIST_OUTPUT, hand-written classes ----

    public static IEnumerable<string> Of(H.ScanListOutput o)
    {
        if (o.Request is null)
        {
            yield return "REQUEST=null";
        }
        else
        {
            var r = o.Request;
            var parameters = r.Params ?? [];
            yield return "REQUEST/DATETIME=" + D(r.Datetime);
            yield return "REQUEST/USER_LOGIN=" + S(r.UserLogin);
            yield return "REQUEST/RESOURCE=" + S(r.Resource);
            yield return "REQUEST/PARAM_LIST#=" + parameters.Count;
            foreach (var p in parameters)
            {
                yield return "PARAM=" + S(p.Key) + ":" + S(p.Value);
            }

            yield return "REQUEST/POST_DATA=" + S(r.PostData);
        }

        yield return "RESPONSE/DATETIME=" + D(o.Response.Datetime);
        foreach (var line in Scans(o.Response.Scans ?? []))
        {
            yield return line;
        }
    }

    public static IEnumerable<string> Scans(IEnumerable<H.Scan> scans)
    {
        var index = 0;
        foreach (var s in scans)
        {
            var at = "SCAN[" + index++.ToString(CultureInfo.InvariantCulture) + "]/";
            yield return at + "ID=" + N(s.Id);
            yield return at + "SCAN_TYPE=" + S(s.ScanType);
            yield return at + "ACTIVE=" + B(s.Active);
            yield return at + "TITLE=" + S(s.Title);
            yield return at + "CLIENT=" + (s.Client is { } c ? N(c.Id) + "," + S(c.Name) : "null");
            yield return at + "USER_LOGIN=" + S(s.UserLogin);
            yield return at + "TARGET=" + S(s.Target);
            yield return at + "NETWORK_ID=" + N(s.NetworkId);
            yield return at + "ISCANNER_NAME=" + S(s.IscannerName);
            yield return at + "EC2_INSTANCE=" + (s.Ec2Instance is { } e ? S(e.ConnectorUuid) + "," + S(e.Ec2Endpoint) + "," + B(e.Ec2OnlyClassic) : "null");
            if (s.CloudDetails is { } cd)
            {
                var t = cd.CloudTarget;
                var vpcs = t.Vpcs ?? [];
                yield return at + "CLOUD_DETAILS=" + S(cd.Provider) + "," + S(cd.ScanType);
                yield return at + "CONNECTOR=" + N(cd.Connector.Id) + "," + S(cd.Connector.Uuid) + "," + S(cd.Connector.Name);
                yield return at + "CLOUD_TARGET=" + S(t.Platform) + "," + S(t.VpcScope);
                yield return at + "REGION=" + (t.Region is { } rg ? S(rg.Uuid) + "," + S(rg.Code) + "," + S(rg.Name) : "null");
                yield return at + "VPC#=" + vpcs.Count;
                foreach (var v in vpcs)
                {
                    yield return at + "VPC=" + S(v.Uuid);
                }
            }
            else
            {
                yield return at + "CLOUD_DETAILS=null";
            }

            var titles = s.AssetGroupTitles ?? [];
            yield return at + "ASSET_GROUP_TITLE#=" + titles.Count;
            foreach (var title in titles)
            {
                yield return at + "ASSET_GROUP_TITLE=" + S(title);
            }

            yield return at + "ASSET_TAGS=" + (s.AssetTags is { } a
                ? a.TagIncludeSelector + "," + S(a.TagIncludeSelectorRaw) + "," + S(a.TagSetInclude) + "," + (a.TagExcludeSelector?.ToString() ?? "null") + ","
                  + S(a.TagExcludeSelectorRaw) + "," + S(a.TagSetExclude) + "," + B(a.UseIpNtRangeTags)
                : "null");
            yield return at + "EXCLUDE_IP_PER_SCAN=" + S(s.ExcludeIpPerScan);
            var ranges = s.UserEnteredIps ?? [];
            yield return at + "RANGE#=" + ranges.Count;
            foreach (var range in ranges)
            {
                yield return at + "RANGE=" + S(range.Start) + "-" + S(range.End);
            }

            var dnsNames = s.ElbDns ?? [];
            yield return at + "DNS#=" + dnsNames.Count;
            foreach (var dns in dnsNames)
            {
                yield return at + "DNS=" + S(dns);
            }

            yield return at + "OPTION_PROFILE=" + (s.OptionProfile is { } op ? S(op.Title) + "," + B(op.DefaultFlag) : "null");
            var sc = s.Schedule;
            yield return at + "SCHEDULE/CHOICE=" + (sc.Daily is not null ? "Daily" : sc.Weekly is not null ? "Weekly" : sc.Monthly is not null ? "Monthly" : "None");
            yield return at + "DAILY=" + (sc.Daily is { } d ? N(d.FrequencyDays) : "null");
            yield return at + "WEEKLY=" + (sc.Weekly is { } w ? N(w.FrequencyWeeks) + "," + S(w.Weekdays) : "null");
            yield return at + "MONTHLY=" + (sc.Monthly is { } m
                ? N(m.FrequencyMonths) + "," + N(m.DayOfMonth) + "," + OpenEnum(m.DayOfWeekRaw, "0123456") + "," + S(m.DayOfWeekRaw) + ","
                  + OpenEnum(m.WeekOfMonthRaw, "12345") + "," + S(m.WeekOfMonthRaw)
                : "null");
            yield return at + "SCHEDULE=" + D(sc.StartDateUtc) + "," + N(sc.StartHour) + "," + N(sc.StartMinute) + "," + N(sc.EndAfterHours) + ","
                + N(sc.EndAfterMinutes) + "," + N(sc.PauseAfterHours) + "," + N(sc.PauseAfterMinutes) + "," + N(sc.ResumeInDays) + ","
                + N(sc.ResumeInHours) + "," + D(sc.NextlaunchUtc) + "," + B(sc.DstSelected) + "," + N(sc.MaxOccurrence);
            yield return at + "TIME_ZONE=" + S(sc.TimeZone.TimeZoneCode) + "," + S(sc.TimeZone.TimeZoneDetails);
            if (s.Notifications is { } n)
            {
                var groups = n.DistributionGroups ?? [];
                yield return at + "BEFORE_LAUNCH=" + (n.BeforeLaunch is { } b ? N(b.Time) + "," + S(b.Unit) + "," + S(b.Message) : "null");
                yield return at + "AFTER_COMPLETE=" + (n.AfterComplete is { } ac ? S(ac.Message) : "null");
                yield return at + "DISTRIBUTION_GROUP#=" + groups.Count;
                foreach (var g in groups)
                {
                    yield return at + "DISTRIBUTION_GROUP=" + N(g.Id) + "," + S(g.Title);
                }
            }
            else
            {
                yield return at + "NOTIFICATIONS=null";
            }
        }

        yield return "SCAN#=" + index.ToString(CultureInfo.InvariantCulture);
    }

    // ---- SIMPLE_RETURN ----

    public static IEnumerable<string> Of(GS.SimpleReturn o)
    {
        foreach (var line in Request(o.Request is null ? null : (o.Request.Datetime, o.Request.UserLogin, o.Request.Resource, o.Request.PostData)))
        {
            yield return line;
        }

        foreach (var p in o.Request?.Params ?? [])
        {
            yield return "PARAM=" + S(p.Key) + ":" + S(p.Value);
        }

        yield return "RESPONSE=" + D(o.Response.Datetime) + "," + S(o.Response.Code) + "," + S(o.Response.Text);
        foreach (var line in Items(o.Response.Items))
        {
            yield return line;
        }
    }

    public static IEnumerable<string> Items(IEnumerable<GS.Item> items)
    {
        var count = 0;
        foreach (var item in items)
        {
            count++;
            yield return "ITEM=" + S(item.Key) + ":" + string.Join("|", item.Values);
        }

        yield return "ITEM#=" + count;
    }

    public static IEnumerable<string> Of(HS.SimpleReturnOutput o)
    {
        foreach (var line in Request(o.Request is null ? null : (o.Request.Datetime, o.Request.UserLogin, o.Request.Resource, o.Request.PostData)))
        {
            yield return line;
        }

        foreach (var p in o.Request?.Params ?? [])
        {
            yield return "PARAM=" + S(p.Key) + ":" + S(p.Value);
        }

        yield return "RESPONSE=" + D(o.Response.Datetime) + "," + S(o.Response.Code) + "," + S(o.Response.Text);
        foreach (var line in Items(o.Response.Items ?? []))
        {
            yield return line;
        }
    }

    public static IEnumerable<string> Items(IEnumerable<HS.Item> items)
    {
        var count = 0;
        foreach (var item in items)
        {
            count++;
            yield return "ITEM=" + S(item.Key) + ":" + string.Join("|", item.Values ?? []);
        }

        yield return "ITEM#=" + count;
    }

    private static IEnumerable<string> Request((DateTimeOffset Datetime, string UserLogin, string Resource, string? PostData)? request)
    {
        yield return request is { } r ? "REQUEST=" + D(r.Datetime) + "," + S(r.UserLogin) + "," + S(r.Resource) + "," + S(r.PostData) : "REQUEST=null";
    }

    private static string S(string? value) => value is null ? "null" : "\"" + value + "\"";

    private static string N(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "null";

    private static string B(bool? value) => value is null ? "null" : value.Value ? "true" : "false";

    private static string D(DateTimeOffset? value) => value?.ToString("o", CultureInfo.InvariantCulture) ?? "null";

    // The generated model's open enumerations name a value "Value<digit>", and anything else "Unknown".
    private static string OpenEnum(string? raw, string digits)
        => raw is null ? "null" : raw.Trim() is { Length: 1 } t && digits.Contains(t[0], StringComparison.Ordinal) ? "Value" + t : "Unknown";
}
