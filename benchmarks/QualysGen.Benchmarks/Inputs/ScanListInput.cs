using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using QualysGen.Benchmarks.HandWritten.ScanList;

namespace QualysGen.Benchmarks.Inputs;

/// <summary>
/// A COMPLIANCE_SCHEDULE_SCAN_LIST_OUTPUT (compliance_schedule_scan_list_output.dtd) with a given number of SCAN
/// records, the same bytes on every run (fixed seed). Every element of the DTD occurs; the optional ones in the
/// share stated below, which is a guess at a typical subscription (most schedules have a title, an option profile and
/// a next launch; few are cloud or EC2 scans). The graph it was written from comes with it, as the expected result.
/// </summary>
public sealed class ScanListInput
{
    /// <summary>The seed of every document; change it and every number in the README changes.</summary>
    public const int Seed = 20_240_601;

    private static readonly ConcurrentDictionary<int, Lazy<ScanListInput>> Cache = new();

    private static readonly string[] Logins = ["quays_sp1", "acme_ab12", "acme_cd34", "acme_ef56", "acme_gh78"];
    private static readonly string[] Words = ["PCI", "Datacenter", "DMZ", "Windows", "Linux", "Oracle", "Finance", "HR", "Branch", "Weekly audit", "CIS & SOX"];
    private static readonly (string Code, string Details)[] TimeZones =
    [
        ("US-CA", "(GMT-0800) United States: America/Los_Angeles"),
        ("US-NY", "(GMT-0500) United States: America/New_York"),
        ("GB", "(GMT+0000) United Kingdom: Europe/London"),
        ("DE", "(GMT+0100) Germany: Europe/Berlin"),
        ("IN", "(GMT+0530) India: Asia/Kolkata"),
    ];

    private ScanListInput(int scans, byte[] xml, ScanListOutput expected)
    {
        Scans = scans;
        Xml = xml;
        Expected = expected;
    }

    public int Scans { get; }

    /// <summary>The document, UTF-8.</summary>
    public byte[] Xml { get; }

    /// <summary>What every parser must read from <see cref="Xml"/>.</summary>
    public ScanListOutput Expected { get; }

    public static ScanListInput Get(int scans) => Cache.GetOrAdd(scans, n => new Lazy<ScanListInput>(() => Create(n))).Value;

    private static ScanListInput Create(int count)
    {
        var random = new Random(Seed);
        var now = new DateTimeOffset(2024, 6, 1, 12, 0, 0, TimeSpan.Zero);
        var scans = new List<Scan>(count);
        for (var i = 0; i < count; i++)
        {
            scans.Add(NewScan(random, 50_000 + i, now));
        }

        var expected = new ScanListOutput
        {
            Request = new Request
            {
                Datetime = now,
                UserLogin = "acme_ab12",
                Resource = "https://qualysapi.qualys.com/api/2.0/fo/schedule/scan/compliance/",
                Params =
                [
                    new Param { Key = "action", Value = "list" },
                    new Param { Key = "echo_request", Value = "1" },
                    new Param { Key = "active", Value = "1" },
                    new Param { Key = "show_notifications", Value = "1" },
                    new Param { Key = "show_cloud_details", Value = "1" },
                ],
            },
            Response = new Response { Datetime = now, Scans = count > 0 ? scans : null },
        };

        return new ScanListInput(count, Write(expected), expected);
    }

    private static Scan NewScan(Random r, long id, DateTimeOffset now)
    {
        bool Chance(double p) => r.NextDouble() < p;
        string Word() => Words[r.Next(Words.Length)];
        string Guid() => new Guid(RandomBytes(r, 16)).ToString();
        string Ip() => string.Create(CultureInfo.InvariantCulture, $"10.{r.Next(256)}.{r.Next(256)}.{r.Next(1, 255)}");

        var start = now.AddDays(r.Next(-400, 60)).AddHours(r.Next(24));
        var timeZone = TimeZones[r.Next(TimeZones.Length)];
        var hasEndAfter = Chance(0.3);
        var hasPauseAfter = Chance(0.15);
        var schedule = new Schedule
        {
            StartDateUtc = start,
            StartHour = r.Next(24),
            StartMinute = r.Next(4) * 15,
            EndAfterHours = hasEndAfter ? r.Next(1, 24) : null,
            EndAfterMinutes = hasEndAfter && Chance(0.5) ? r.Next(4) * 15 : null,
            PauseAfterHours = hasPauseAfter ? r.Next(1, 12) : null,
            PauseAfterMinutes = hasPauseAfter && Chance(0.5) ? r.Next(4) * 15 : null,
            ResumeInDays = hasPauseAfter && Chance(0.5) ? r.Next(1, 7) : null,
            ResumeInHours = hasPauseAfter && Chance(0.5) ? r.Next(1, 24) : null,
            NextlaunchUtc = Chance(0.8) ? start.AddDays(r.Next(1, 30)) : null,
            TimeZone = new HandWritten.ScanList.TimeZone { TimeZoneCode = timeZone.Code, TimeZoneDetails = timeZone.Details },
            DstSelected = Chance(0.5),
            MaxOccurrence = Chance(0.2) ? r.Next(1, 100) : null,
        };
        var kind = r.NextDouble();
        if (kind < 0.4)
        {
            schedule.Daily = new Daily { FrequencyDays = r.Next(1, 8) };
        }
        else if (kind < 0.8)
        {
            schedule.Weekly = new Weekly { FrequencyWeeks = r.Next(1, 5), Weekdays = Chance(0.5) ? "1,3,5" : r.Next(7).ToString(CultureInfo.InvariantCulture) };
        }
        else
        {
            schedule.Monthly = Chance(0.5)
                ? new Monthly { FrequencyMonths = r.Next(1, 4), DayOfMonth = r.Next(1, 29) }
                : new Monthly { FrequencyMonths = r.Next(1, 4), DayOfWeekRaw = r.Next(7).ToString(CultureInfo.InvariantCulture), WeekOfMonthRaw = r.Next(1, 6).ToString(CultureInfo.InvariantCulture) };
        }

        var scan = new Scan
        {
            Id = id,
            ScanType = Chance(0.3) ? (Chance(0.8) ? "Scanner" : "Cloud Perimeter") : null,
            Active = Chance(0.85),
            Title = Chance(0.95) ? $"{Word()} compliance scan {id}" : null,
            Client = Chance(0.1) ? new HandWritten.ScanList.Client { Id = r.Next(1, 500), Name = $"Client {Word()}" } : null,
            UserLogin = Logins[r.Next(Logins.Length)],
            Target = Chance(0.7) ? $"{Ip()}-{Ip()}" : $"{Ip()}, {Ip()}, {Ip()}",
            NetworkId = Chance(0.6) ? (Chance(0.5) ? 0 : r.Next(1000, 99_999)) : null,
            IscannerName = Chance(0.5) ? $"scanner-{Word().ToLowerInvariant().Replace(' ', '-')}-{r.Next(10)}" : null,
            Schedule = schedule,
            ExcludeIpPerScan = Chance(0.2) ? $"{Ip()}-{Ip()}" : null,
        };

        if (Chance(0.05))
        {
            scan.Ec2Instance = new Ec2Instance { ConnectorUuid = Guid(), Ec2Endpoint = Chance(0.5) ? "us-east-1" : "eu-west-1", Ec2OnlyClassic = Chance(0.5) ? Chance(0.5) : null };
        }

        if (Chance(0.08))
        {
            scan.CloudDetails = new CloudDetails
            {
                Provider = Chance(0.6) ? "AWS" : Chance(0.5) ? "AZURE" : "GCP",
                Connector = new Connector { Id = Chance(0.7) ? r.Next(1, 10_000) : null, Uuid = Guid(), Name = $"{Word()} connector" },
                ScanType = Chance(0.5) ? "Internal" : "External",
                CloudTarget = new CloudTarget
                {
                    Platform = Chance(0.7) ? "VPC" : "Classic",
                    Region = Chance(0.6) ? new Region { Uuid = Guid(), Code = Chance(0.8) ? "us-east-1" : null, Name = Chance(0.8) ? "US East (N. Virginia)" : null } : null,
                    VpcScope = Chance(0.5) ? "ALL" : "SELECTED",
                    Vpcs = Chance(0.5) ? Repeat(r, 1, 3, () => new Vpc { Uuid = Guid() }) : null,
                },
            };
        }

        scan.AssetGroupTitles = Chance(0.6) ? Repeat(r, 1, 4, () => $"{Word()} assets") : null;
        if (Chance(0.35))
        {
            var exclude = Chance(0.4);
            scan.AssetTags = new AssetTags
            {
                TagIncludeSelectorRaw = Chance(0.5) ? "any" : "all",
                TagSetInclude = string.Join(",", Repeat(r, 1, 4, () => r.Next(1000, 99_999).ToString(CultureInfo.InvariantCulture))),
                TagExcludeSelectorRaw = exclude ? (Chance(0.5) ? "any" : "all") : null,
                TagSetExclude = exclude ? r.Next(1000, 99_999).ToString(CultureInfo.InvariantCulture) : null,
                UseIpNtRangeTags = Chance(0.3),
            };
        }

        scan.UserEnteredIps = Chance(0.4) ? Repeat(r, 1, 5, () => new IpRange { Start = Ip(), End = Ip() }) : null;
        scan.ElbDns = Chance(0.05) ? Repeat(r, 1, 3, () => $"lb-{r.Next(1000)}.elb.amazonaws.com") : null;
        scan.OptionProfile = Chance(0.9) ? new OptionProfile { Title = $"{Word()} profile", DefaultFlag = Chance(0.7) ? Chance(0.2) : null } : null;
        if (Chance(0.5))
        {
            scan.Notifications = new Notifications
            {
                BeforeLaunch = Chance(0.6) ? new BeforeLaunch { Time = r.Next(1, 48), Unit = Chance(0.5) ? "hours" : "days", Message = $"The {Word()} scan starts soon <see the schedule>" } : null,
                AfterComplete = Chance(0.6) ? new AfterComplete { Message = $"The {Word()} scan has finished" } : null,
                DistributionGroups = Chance(0.4) ? Repeat(r, 1, 3, () => new DistributionGroup { Id = r.Next(1, 1000), Title = $"{Word()} team" }) : null,
            };
        }

        return scan;
    }

    private static List<T> Repeat<T>(Random r, int min, int max, Func<T> item)
    {
        var count = r.Next(min, max + 1);
        var list = new List<T>(count);
        for (var i = 0; i < count; i++)
        {
            list.Add(item());
        }

        return list;
    }

    private static byte[] RandomBytes(Random r, int length)
    {
        var bytes = new byte[length];
        r.NextBytes(bytes);
        return bytes;
    }

    private static byte[] Write(ScanListOutput output)
    {
        var w = new QualysXmlWriter("COMPLIANCE_SCHEDULE_SCAN_LIST_OUTPUT", "https://qualysapi.qualys.com/api/2.0/fo/schedule/scan/compliance/compliance_schedule_scan_list_output.dtd");
        w.Start("COMPLIANCE_SCHEDULE_SCAN_LIST_OUTPUT");
        if (output.Request is { } request)
        {
            w.Start("REQUEST");
            w.Utc("DATETIME", request.Datetime);
            w.Text("USER_LOGIN", request.UserLogin);
            w.Text("RESOURCE", request.Resource);
            if (request.Params is { } parameters)
            {
                w.Start("PARAM_LIST");
                foreach (var p in parameters)
                {
                    w.Start("PARAM");
                    w.Text("KEY", p.Key);
                    w.Cdata("VALUE", p.Value);
                    w.End("PARAM");
                }

                w.End("PARAM_LIST");
            }

            w.Text("POST_DATA", request.PostData);
            w.End("REQUEST");
        }

        w.Start("RESPONSE");
        w.Utc("DATETIME", output.Response.Datetime);
        if (output.Response.Scans is { } scans)
        {
            w.Start("COMPLIANCE_SCHEDULE_SCAN_LIST");
            foreach (var scan in scans)
            {
                WriteScan(w, scan);
            }

            w.End("COMPLIANCE_SCHEDULE_SCAN_LIST");
        }

        w.End("RESPONSE");
        w.End("COMPLIANCE_SCHEDULE_SCAN_LIST_OUTPUT");
        return w.ToUtf8();
    }

    private static void WriteScan(QualysXmlWriter w, Scan s)
    {
        w.Start("SCAN");
        w.Text("ID", s.Id);
        w.Text("SCAN_TYPE", s.ScanType);
        w.Flag("ACTIVE", s.Active);
        w.Cdata("TITLE", s.Title);
        if (s.Client is { } client)
        {
            w.Start("CLIENT");
            w.Text("ID", client.Id);
            w.Cdata("NAME", client.Name);
            w.End("CLIENT");
        }

        w.Text("USER_LOGIN", s.UserLogin);
        w.Cdata("TARGET", s.Target);
        w.Cdata("NETWORK_ID", s.NetworkId);
        w.Cdata("ISCANNER_NAME", s.IscannerName);
        if (s.Ec2Instance is { } ec2)
        {
            w.Start("EC2_INSTANCE");
            w.Text("CONNECTOR_UUID", ec2.ConnectorUuid);
            w.Text("EC2_ENDPOINT", ec2.Ec2Endpoint);
            w.Flag("EC2_ONLY_CLASSIC", ec2.Ec2OnlyClassic);
            w.End("EC2_INSTANCE");
        }

        if (s.CloudDetails is { } cloud)
        {
            w.Start("CLOUD_DETAILS");
            w.Text("PROVIDER", cloud.Provider);
            w.Start("CONNECTOR");
            w.Text("ID", cloud.Connector.Id);
            w.Text("UUID", cloud.Connector.Uuid);
            w.Cdata("NAME", cloud.Connector.Name);
            w.End("CONNECTOR");
            w.Text("SCAN_TYPE", cloud.ScanType);
            w.Start("CLOUD_TARGET");
            w.Text("PLATFORM", cloud.CloudTarget.Platform);
            if (cloud.CloudTarget.Region is { } region)
            {
                w.Start("REGION");
                w.Text("UUID", region.Uuid);
                w.Text("CODE", region.Code);
                w.Text("NAME", region.Name);
                w.End("REGION");
            }

            w.Text("VPC_SCOPE", cloud.CloudTarget.VpcScope);
            if (cloud.CloudTarget.Vpcs is { } vpcs)
            {
                w.Start("VPC_LIST");
                foreach (var vpc in vpcs)
                {
                    w.Start("VPC");
                    w.Text("UUID", vpc.Uuid);
                    w.End("VPC");
                }

                w.End("VPC_LIST");
            }

            w.End("CLOUD_TARGET");
            w.End("CLOUD_DETAILS");
        }

        if (s.AssetGroupTitles is { } titles)
        {
            w.Start("ASSET_GROUP_TITLE_LIST");
            foreach (var title in titles)
            {
                w.Cdata("ASSET_GROUP_TITLE", title);
            }

            w.End("ASSET_GROUP_TITLE_LIST");
        }

        if (s.AssetTags is { } tags)
        {
            w.Start("ASSET_TAGS");
            w.Text("TAG_INCLUDE_SELECTOR", tags.TagIncludeSelectorRaw);
            w.Text("TAG_SET_INCLUDE", tags.TagSetInclude);
            w.Text("TAG_EXCLUDE_SELECTOR", tags.TagExcludeSelectorRaw);
            w.Text("TAG_SET_EXCLUDE", tags.TagSetExclude);
            w.Flag("USE_IP_NT_RANGE_TAGS", tags.UseIpNtRangeTags);
            w.End("ASSET_TAGS");
        }

        w.Cdata("EXCLUDE_IP_PER_SCAN", s.ExcludeIpPerScan);
        if (s.UserEnteredIps is { } ranges)
        {
            w.Start("USER_ENTERED_IPS");
            foreach (var range in ranges)
            {
                w.Start("RANGE");
                w.Text("START", range.Start);
                w.Text("END", range.End);
                w.End("RANGE");
            }

            w.End("USER_ENTERED_IPS");
        }

        if (s.ElbDns is { } dns)
        {
            w.Start("ELB_DNS");
            foreach (var name in dns)
            {
                w.Text("DNS", name);
            }

            w.End("ELB_DNS");
        }

        if (s.OptionProfile is { } profile)
        {
            w.Start("OPTION_PROFILE");
            w.Cdata("TITLE", profile.Title);
            w.Flag("DEFAULT_FLAG", profile.DefaultFlag);
            w.End("OPTION_PROFILE");
        }

        WriteSchedule(w, s.Schedule);
        if (s.Notifications is { } notifications)
        {
            w.Start("NOTIFICATIONS");
            if (notifications.BeforeLaunch is { } before)
            {
                w.Start("BEFORE_LAUNCH");
                w.Text("TIME", before.Time);
                w.Text("UNIT", before.Unit);
                w.Text("MESSAGE", before.Message);
                w.End("BEFORE_LAUNCH");
            }

            if (notifications.AfterComplete is { } after)
            {
                w.Start("AFTER_COMPLETE");
                w.Text("MESSAGE", after.Message);
                w.End("AFTER_COMPLETE");
            }

            if (notifications.DistributionGroups is { } groups)
            {
                w.Start("DISTRIBUTION_GROUPS");
                foreach (var group in groups)
                {
                    w.Start("DISTRIBUTION_GROUP");
                    w.Text("ID", group.Id);
                    w.Cdata("TITLE", group.Title);
                    w.End("DISTRIBUTION_GROUP");
                }

                w.End("DISTRIBUTION_GROUPS");
            }

            w.End("NOTIFICATIONS");
        }

        w.End("SCAN");
    }

    private static void WriteSchedule(QualysXmlWriter w, Schedule s)
    {
        static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);

        w.Start("SCHEDULE");
        if (s.Daily is { } daily)
        {
            w.Empty("DAILY", ("frequency_days", Number(daily.FrequencyDays)));
        }
        else if (s.Weekly is { } weekly)
        {
            w.Empty("WEEKLY", ("frequency_weeks", Number(weekly.FrequencyWeeks)), ("weekdays", weekly.Weekdays));
        }
        else if (s.Monthly is { } monthly)
        {
            w.Empty("MONTHLY", ("frequency_months", Number(monthly.FrequencyMonths)), ("day_of_month", Number(monthly.DayOfMonth)), ("day_of_week", monthly.DayOfWeekRaw), ("week_of_month", monthly.WeekOfMonthRaw));
        }

        w.Utc("START_DATE_UTC", s.StartDateUtc);
        w.Text("START_HOUR", s.StartHour);
        w.Text("START_MINUTE", s.StartMinute);
        w.Text("END_AFTER_HOURS", s.EndAfterHours);
        w.Text("END_AFTER_MINUTES", s.EndAfterMinutes);
        w.Text("PAUSE_AFTER_HOURS", s.PauseAfterHours);
        w.Text("PAUSE_AFTER_MINUTES", s.PauseAfterMinutes);
        w.Text("RESUME_IN_DAYS", s.ResumeInDays);
        w.Text("RESUME_IN_HOURS", s.ResumeInHours);
        w.Utc("NEXTLAUNCH_UTC", s.NextlaunchUtc, withZ: false);
        w.Start("TIME_ZONE");
        w.Text("TIME_ZONE_CODE", s.TimeZone.TimeZoneCode);
        w.Text("TIME_ZONE_DETAILS", s.TimeZone.TimeZoneDetails);
        w.End("TIME_ZONE");
        w.Flag("DST_SELECTED", s.DstSelected);
        w.Text("MAX_OCCURRENCE", s.MaxOccurrence);
        w.End("SCHEDULE");
    }
}
