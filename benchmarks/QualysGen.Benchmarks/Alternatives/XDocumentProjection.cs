using System.Linq;
using System.Xml.Linq;
using QualysGen.Benchmarks.HandWritten;
using QualysGen.Benchmarks.HandWritten.ScanList;
using QualysGen.Benchmarks.HandWritten.SimpleReturn;
using ScanListRequest = QualysGen.Benchmarks.HandWritten.ScanList.Request;
using ScanListResponse = QualysGen.Benchmarks.HandWritten.ScanList.Response;
using ScanListParam = QualysGen.Benchmarks.HandWritten.ScanList.Param;
using SimpleRequest = QualysGen.Benchmarks.HandWritten.SimpleReturn.Request;
using SimpleResponse = QualysGen.Benchmarks.HandWritten.SimpleReturn.Response;
using SimpleParam = QualysGen.Benchmarks.HandWritten.SimpleReturn.Param;
using TimeZone = QualysGen.Benchmarks.HandWritten.ScanList.TimeZone;

namespace QualysGen.Benchmarks.Alternatives;

/// <summary>
/// LINQ to XML projections of a loaded document into the hand-written classes, the way such code is usually written:
/// <c>Element(name)</c> lookups with cached <see cref="XName"/>s and explicit conversions.
/// </summary>
public static partial class XDocumentProjection
{
    private static readonly XName Request = "REQUEST", Response = "RESPONSE", Datetime = "DATETIME", UserLogin = "USER_LOGIN",
        Resource = "RESOURCE", ParamList = "PARAM_LIST", Param = "PARAM", PostData = "POST_DATA", Key = "KEY", Value = "VALUE",
        ScanListName = "COMPLIANCE_SCHEDULE_SCAN_LIST", Scan = "SCAN", Id = "ID", ScanType = "SCAN_TYPE", Active = "ACTIVE",
        Title = "TITLE", Client = "CLIENT", Name = "NAME", Target = "TARGET", NetworkId = "NETWORK_ID", IscannerName = "ISCANNER_NAME",
        Ec2Instance = "EC2_INSTANCE", ConnectorUuid = "CONNECTOR_UUID", Ec2Endpoint = "EC2_ENDPOINT", Ec2OnlyClassic = "EC2_ONLY_CLASSIC",
        CloudDetails = "CLOUD_DETAILS", Provider = "PROVIDER", Connector = "CONNECTOR", Uuid = "UUID", CloudTarget = "CLOUD_TARGET",
        Platform = "PLATFORM", Region = "REGION", Code = "CODE", VpcScope = "VPC_SCOPE", VpcList = "VPC_LIST", Vpc = "VPC",
        AssetGroupTitleList = "ASSET_GROUP_TITLE_LIST", AssetGroupTitle = "ASSET_GROUP_TITLE", AssetTags = "ASSET_TAGS",
        TagIncludeSelector = "TAG_INCLUDE_SELECTOR", TagSetInclude = "TAG_SET_INCLUDE", TagExcludeSelector = "TAG_EXCLUDE_SELECTOR",
        TagSetExclude = "TAG_SET_EXCLUDE", UseIpNtRangeTags = "USE_IP_NT_RANGE_TAGS", ExcludeIpPerScan = "EXCLUDE_IP_PER_SCAN",
        UserEnteredIps = "USER_ENTERED_IPS", Range = "RANGE", Start = "START", End = "END", ElbDns = "ELB_DNS", Dns = "DNS",
        OptionProfile = "OPTION_PROFILE", DefaultFlag = "DEFAULT_FLAG", Schedule = "SCHEDULE", Daily = "DAILY", Weekly = "WEEKLY",
        Monthly = "MONTHLY", FrequencyDays = "frequency_days", FrequencyWeeks = "frequency_weeks", Weekdays = "weekdays",
        FrequencyMonths = "frequency_months", DayOfMonth = "day_of_month", DayOfWeek = "day_of_week", WeekOfMonth = "week_of_month",
        StartDateUtc = "START_DATE_UTC", StartHour = "START_HOUR", StartMinute = "START_MINUTE", EndAfterHours = "END_AFTER_HOURS",
        EndAfterMinutes = "END_AFTER_MINUTES", PauseAfterHours = "PAUSE_AFTER_HOURS", PauseAfterMinutes = "PAUSE_AFTER_MINUTES",
        ResumeInDays = "RESUME_IN_DAYS", ResumeInHours = "RESUME_IN_HOURS", NextlaunchUtc = "NEXTLAUNCH_UTC", TimeZone = "TIME_ZONE",
        TimeZoneCode = "TIME_ZONE_CODE", TimeZoneDetails = "TIME_ZONE_DETAILS", DstSelected = "DST_SELECTED",
        MaxOccurrence = "MAX_OCCURRENCE", Notifications = "NOTIFICATIONS", BeforeLaunch = "BEFORE_LAUNCH", Time = "TIME",
        Unit = "UNIT", Message = "MESSAGE", AfterComplete = "AFTER_COMPLETE", DistributionGroups = "DISTRIBUTION_GROUPS",
        DistributionGroup = "DISTRIBUTION_GROUP", Text = "TEXT", ItemList = "ITEM_LIST", Item = "ITEM";

    public static ScanListOutput ScanList(XDocument document)
    {
        var root = document.Root!;
        var request = root.Element(Request);
        var response = root.Element(Response)!;
        return new ScanListOutput
        {
            Request = request is null ? null : new ScanListRequest
            {
                Datetime = UtcText.Parse((string)request.Element(Datetime)!),
                UserLogin = (string)request.Element(UserLogin)!,
                Resource = (string)request.Element(Resource)!,
                Params = request.Element(ParamList)?.Elements(Param).Select(p => new ScanListParam { Key = (string)p.Element(Key)!, Value = (string)p.Element(Value)! }).ToList(),
                PostData = (string?)request.Element(PostData),
            },
            Response = new ScanListResponse
            {
                Datetime = UtcText.Parse((string)response.Element(Datetime)!),
                Scans = response.Element(ScanListName)?.Elements(Scan).Select(ReadScan).ToList(),
            },
        };
    }

    private static HandWritten.ScanList.Scan ReadScan(XElement e)
    {
        var client = e.Element(Client);
        var ec2 = e.Element(Ec2Instance);
        var cloud = e.Element(CloudDetails);
        var tags = e.Element(AssetTags);
        var profile = e.Element(OptionProfile);
        var notifications = e.Element(Notifications);
        return new HandWritten.ScanList.Scan
        {
            Id = (long)e.Element(Id)!,
            ScanType = (string?)e.Element(ScanType),
            Active = Flag(e.Element(Active)!),
            Title = (string?)e.Element(Title),
            Client = client is null ? null : new HandWritten.ScanList.Client { Id = (long)client.Element(Id)!, Name = (string)client.Element(Name)! },
            UserLogin = (string)e.Element(UserLogin)!,
            Target = (string)e.Element(Target)!,
            NetworkId = (long?)e.Element(NetworkId),
            IscannerName = (string?)e.Element(IscannerName),
            Ec2Instance = ec2 is null ? null : new HandWritten.ScanList.Ec2Instance
            {
                ConnectorUuid = (string)ec2.Element(ConnectorUuid)!,
                Ec2Endpoint = (string)ec2.Element(Ec2Endpoint)!,
                Ec2OnlyClassic = OptionalFlag(ec2.Element(Ec2OnlyClassic)),
            },
            CloudDetails = cloud is null ? null : ReadCloudDetails(cloud),
            AssetGroupTitles = e.Element(AssetGroupTitleList)?.Elements(AssetGroupTitle).Select(t => (string)t).ToList(),
            AssetTags = tags is null ? null : new HandWritten.ScanList.AssetTags
            {
                TagIncludeSelectorRaw = (string)tags.Element(TagIncludeSelector)!,
                TagSetInclude = (string)tags.Element(TagSetInclude)!,
                TagExcludeSelectorRaw = (string?)tags.Element(TagExcludeSelector),
                TagSetExclude = (string?)tags.Element(TagSetExclude),
                UseIpNtRangeTags = Flag(tags.Element(UseIpNtRangeTags)!),
            },
            ExcludeIpPerScan = (string?)e.Element(ExcludeIpPerScan),
            UserEnteredIps = e.Element(UserEnteredIps)?.Elements(Range).Select(r => new IpRange { Start = (string)r.Element(Start)!, End = (string)r.Element(End)! }).ToList(),
            ElbDns = e.Element(ElbDns)?.Elements(Dns).Select(d => (string)d).ToList(),
            OptionProfile = profile is null ? null : new HandWritten.ScanList.OptionProfile { Title = (string)profile.Element(Title)!, DefaultFlag = OptionalFlag(profile.Element(DefaultFlag)) },
            Schedule = ReadSchedule(e.Element(Schedule)!),
            Notifications = notifications is null ? null : new HandWritten.ScanList.Notifications
            {
                BeforeLaunch = notifications.Element(BeforeLaunch) is { } before
                    ? new HandWritten.ScanList.BeforeLaunch { Time = (int)before.Element(Time)!, Unit = (string)before.Element(Unit)!, Message = (string)before.Element(Message)! }
                    : null,
                AfterComplete = notifications.Element(AfterComplete) is { } after ? new HandWritten.ScanList.AfterComplete { Message = (string)after.Element(Message)! } : null,
                DistributionGroups = notifications.Element(DistributionGroups)?.Elements(DistributionGroup)
                    .Select(g => new HandWritten.ScanList.DistributionGroup { Id = (long)g.Element(Id)!, Title = (string)g.Element(Title)! }).ToList(),
            },
        };
    }

    private static HandWritten.ScanList.CloudDetails ReadCloudDetails(XElement cloud)
    {
        var connector = cloud.Element(Connector)!;
        var target = cloud.Element(CloudTarget)!;
        var region = target.Element(Region);
        return new HandWritten.ScanList.CloudDetails
        {
            Provider = (string)cloud.Element(Provider)!,
            Connector = new HandWritten.ScanList.Connector { Id = (long?)connector.Element(Id), Uuid = (string)connector.Element(Uuid)!, Name = (string)connector.Element(Name)! },
            ScanType = (string)cloud.Element(ScanType)!,
            CloudTarget = new HandWritten.ScanList.CloudTarget
            {
                Platform = (string)target.Element(Platform)!,
                Region = region is null ? null : new HandWritten.ScanList.Region { Uuid = (string)region.Element(Uuid)!, Code = (string?)region.Element(Code), Name = (string?)region.Element(Name) },
                VpcScope = (string)target.Element(VpcScope)!,
                Vpcs = target.Element(VpcList)?.Elements(Vpc).Select(v => new HandWritten.ScanList.Vpc { Uuid = (string)v.Element(Uuid)! }).ToList(),
            },
        };
    }

    private static HandWritten.ScanList.Schedule ReadSchedule(XElement s)
    {
        var daily = s.Element(Daily);
        var weekly = s.Element(Weekly);
        var monthly = s.Element(Monthly);
        var timeZone = s.Element(TimeZone)!;
        return new HandWritten.ScanList.Schedule
        {
            Daily = daily is null ? null : new HandWritten.ScanList.Daily { FrequencyDays = (int)daily.Attribute(FrequencyDays)! },
            Weekly = weekly is null ? null : new HandWritten.ScanList.Weekly { FrequencyWeeks = (int)weekly.Attribute(FrequencyWeeks)!, Weekdays = (string)weekly.Attribute(Weekdays)! },
            Monthly = monthly is null ? null : new HandWritten.ScanList.Monthly
            {
                FrequencyMonths = (int)monthly.Attribute(FrequencyMonths)!,
                DayOfMonth = (int?)monthly.Attribute(DayOfMonth),
                DayOfWeekRaw = (string?)monthly.Attribute(DayOfWeek),
                WeekOfMonthRaw = (string?)monthly.Attribute(WeekOfMonth),
            },
            StartDateUtc = UtcText.Parse((string)s.Element(StartDateUtc)!),
            StartHour = (int)s.Element(StartHour)!,
            StartMinute = (int)s.Element(StartMinute)!,
            EndAfterHours = (int?)s.Element(EndAfterHours),
            EndAfterMinutes = (int?)s.Element(EndAfterMinutes),
            PauseAfterHours = (int?)s.Element(PauseAfterHours),
            PauseAfterMinutes = (int?)s.Element(PauseAfterMinutes),
            ResumeInDays = (int?)s.Element(ResumeInDays),
            ResumeInHours = (int?)s.Element(ResumeInHours),
            NextlaunchUtc = UtcText.ParseOptional((string?)s.Element(NextlaunchUtc)),
            TimeZone = new TimeZone { TimeZoneCode = (string)timeZone.Element(TimeZoneCode)!, TimeZoneDetails = (string)timeZone.Element(TimeZoneDetails)! },
            DstSelected = Flag(s.Element(DstSelected)!),
            MaxOccurrence = (int?)s.Element(MaxOccurrence),
        };
    }

    public static SimpleReturnOutput SimpleReturn(XDocument document)
    {
        var root = document.Root!;
        var request = root.Element(Request);
        var response = root.Element(Response)!;
        return new SimpleReturnOutput
        {
            Request = request is null ? null : new SimpleRequest
            {
                Datetime = UtcText.Parse((string)request.Element(Datetime)!),
                UserLogin = (string)request.Element(UserLogin)!,
                Resource = (string)request.Element(Resource)!,
                Params = request.Element(ParamList)?.Elements(Param).Select(p => new SimpleParam { Key = (string)p.Element(Key)!, Value = (string)p.Element(Value)! }).ToList(),
                PostData = (string?)request.Element(PostData),
            },
            Response = new SimpleResponse
            {
                Datetime = UtcText.Parse((string)response.Element(Datetime)!),
                Code = (string?)response.Element(Code),
                Text = (string)response.Element(Text)!,
                Items = response.Element(ItemList)?.Elements(Item).Select(i => new HandWritten.SimpleReturn.Item
                {
                    Key = (string)i.Element(Key)!,
                    Values = i.Elements(Value).Select(v => (string)v).ToList(),
                }).ToList(),
            },
        };
    }

    // The explicit (bool) conversion of XElement uses XmlConvert.ToBoolean, which takes 0/1 as well.
    private static bool Flag(XElement element) => (bool)element;

    private static bool? OptionalFlag(XElement? element) => (bool?)element;
}
