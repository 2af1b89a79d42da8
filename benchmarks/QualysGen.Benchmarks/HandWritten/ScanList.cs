using System;
using System.Collections.Generic;
using System.Xml.Serialization;

// The classes a team would write by hand for XmlSerializer: the same data as the generated model of
// compliance_schedule_scan_list_output.dtd, annotated with the XML names. XDocumentParsers fills the same classes.
// Lists stay null when their wrapper is absent (the generated model uses an empty array); dates and the values
// XmlSerializer cannot read as Qualys writes them (UTC without 'Z', optional attributes, open enumerations) are
// bound through a text property, the usual workaround.
namespace QualysGen.Benchmarks.HandWritten.ScanList;

[XmlRoot("COMPLIANCE_SCHEDULE_SCAN_LIST_OUTPUT")]
public sealed class ScanListOutput
{
    [XmlElement("REQUEST")] public Request? Request { get; set; }
    [XmlElement("RESPONSE")] public Response Response { get; set; } = null!;
}

public sealed class Request
{
    [XmlIgnore] public DateTimeOffset Datetime { get; set; }
    [XmlElement("DATETIME")] public string DatetimeText { get => UtcText.Format(Datetime); set => Datetime = UtcText.Parse(value); }
    [XmlElement("USER_LOGIN")] public string UserLogin { get; set; } = null!;
    [XmlElement("RESOURCE")] public string Resource { get; set; } = null!;
    [XmlArray("PARAM_LIST"), XmlArrayItem("PARAM")] public List<Param>? Params { get; set; }
    [XmlElement("POST_DATA")] public string? PostData { get; set; }
}

public sealed class Param
{
    [XmlElement("KEY")] public string Key { get; set; } = null!;
    [XmlElement("VALUE")] public string Value { get; set; } = null!;
}

public sealed class Response
{
    [XmlIgnore] public DateTimeOffset Datetime { get; set; }
    [XmlElement("DATETIME")] public string DatetimeText { get => UtcText.Format(Datetime); set => Datetime = UtcText.Parse(value); }
    [XmlArray("COMPLIANCE_SCHEDULE_SCAN_LIST"), XmlArrayItem("SCAN")] public List<Scan>? Scans { get; set; }
}

public sealed class Scan
{
    [XmlElement("ID")] public long Id { get; set; }
    [XmlElement("SCAN_TYPE")] public string? ScanType { get; set; }
    [XmlElement("ACTIVE")] public bool Active { get; set; }
    [XmlElement("TITLE")] public string? Title { get; set; }
    [XmlElement("CLIENT")] public Client? Client { get; set; }
    [XmlElement("USER_LOGIN")] public string UserLogin { get; set; } = null!;
    [XmlElement("TARGET")] public string Target { get; set; } = null!;
    [XmlElement("NETWORK_ID")] public long? NetworkId { get; set; }
    [XmlElement("ISCANNER_NAME")] public string? IscannerName { get; set; }
    [XmlElement("EC2_INSTANCE")] public Ec2Instance? Ec2Instance { get; set; }
    [XmlElement("CLOUD_DETAILS")] public CloudDetails? CloudDetails { get; set; }
    [XmlArray("ASSET_GROUP_TITLE_LIST"), XmlArrayItem("ASSET_GROUP_TITLE")] public List<string>? AssetGroupTitles { get; set; }
    [XmlElement("ASSET_TAGS")] public AssetTags? AssetTags { get; set; }
    [XmlElement("EXCLUDE_IP_PER_SCAN")] public string? ExcludeIpPerScan { get; set; }
    [XmlArray("USER_ENTERED_IPS"), XmlArrayItem("RANGE")] public List<IpRange>? UserEnteredIps { get; set; }
    [XmlArray("ELB_DNS"), XmlArrayItem("DNS")] public List<string>? ElbDns { get; set; }
    [XmlElement("OPTION_PROFILE")] public OptionProfile? OptionProfile { get; set; }
    [XmlElement("SCHEDULE")] public Schedule Schedule { get; set; } = null!;
    [XmlElement("NOTIFICATIONS")] public Notifications? Notifications { get; set; }
}

public sealed class Client
{
    [XmlElement("ID")] public long Id { get; set; }
    [XmlElement("NAME")] public string Name { get; set; } = null!;
}

public sealed class Ec2Instance
{
    [XmlElement("CONNECTOR_UUID")] public string ConnectorUuid { get; set; } = null!;
    [XmlElement("EC2_ENDPOINT")] public string Ec2Endpoint { get; set; } = null!;
    [XmlElement("EC2_ONLY_CLASSIC")] public bool? Ec2OnlyClassic { get; set; }
}

public sealed class CloudDetails
{
    [XmlElement("PROVIDER")] public string Provider { get; set; } = null!;
    [XmlElement("CONNECTOR")] public Connector Connector { get; set; } = null!;
    [XmlElement("SCAN_TYPE")] public string ScanType { get; set; } = null!;
    [XmlElement("CLOUD_TARGET")] public CloudTarget CloudTarget { get; set; } = null!;
}

public sealed class Connector
{
    [XmlElement("ID")] public long? Id { get; set; }
    [XmlElement("UUID")] public string Uuid { get; set; } = null!;
    [XmlElement("NAME")] public string Name { get; set; } = null!;
}

public sealed class CloudTarget
{
    [XmlElement("PLATFORM")] public string Platform { get; set; } = null!;
    [XmlElement("REGION")] public Region? Region { get; set; }
    [XmlElement("VPC_SCOPE")] public string VpcScope { get; set; } = null!;
    [XmlArray("VPC_LIST"), XmlArrayItem("VPC")] public List<Vpc>? Vpcs { get; set; }
}

public sealed class Region
{
    [XmlElement("UUID")] public string Uuid { get; set; } = null!;
    [XmlElement("CODE")] public string? Code { get; set; }
    [XmlElement("NAME")] public string? Name { get; set; }
}

public sealed class Vpc
{
    [XmlElement("UUID")] public string Uuid { get; set; } = null!;
}

public enum TagSelector
{
    Unknown,
    Any,
    All,
}

public sealed class AssetTags
{
    [XmlIgnore] public TagSelector TagIncludeSelector { get; private set; }
    [XmlElement("TAG_INCLUDE_SELECTOR")] public string TagIncludeSelectorRaw { get; set { field = value; TagIncludeSelector = ParseSelector(value); } } = null!;
    [XmlElement("TAG_SET_INCLUDE")] public string TagSetInclude { get; set; } = null!;
    [XmlIgnore] public TagSelector? TagExcludeSelector { get; private set; }
    [XmlElement("TAG_EXCLUDE_SELECTOR")] public string? TagExcludeSelectorRaw { get; set { field = value; TagExcludeSelector = value is null ? null : ParseSelector(value); } }
    [XmlElement("TAG_SET_EXCLUDE")] public string? TagSetExclude { get; set; }
    [XmlElement("USE_IP_NT_RANGE_TAGS")] public bool UseIpNtRangeTags { get; set; }

    private static TagSelector ParseSelector(string text) => text.Trim() switch
    {
        "any" => TagSelector.Any,
        "all" => TagSelector.All,
        _ => TagSelector.Unknown,
    };
}

public sealed class IpRange
{
    [XmlElement("START")] public string Start { get; set; } = null!;
    [XmlElement("END")] public string End { get; set; } = null!;
}

public sealed class OptionProfile
{
    [XmlElement("TITLE")] public string Title { get; set; } = null!;
    [XmlElement("DEFAULT_FLAG")] public bool? DefaultFlag { get; set; }
}

public sealed class Schedule
{
    [XmlElement("DAILY")] public Daily? Daily { get; set; }
    [XmlElement("WEEKLY")] public Weekly? Weekly { get; set; }
    [XmlElement("MONTHLY")] public Monthly? Monthly { get; set; }
    [XmlIgnore] public DateTimeOffset StartDateUtc { get; set; }
    [XmlElement("START_DATE_UTC")] public string StartDateUtcText { get => UtcText.Format(StartDateUtc); set => StartDateUtc = UtcText.Parse(value); }
    [XmlElement("START_HOUR")] public int StartHour { get; set; }
    [XmlElement("START_MINUTE")] public int StartMinute { get; set; }
    [XmlElement("END_AFTER_HOURS")] public int? EndAfterHours { get; set; }
    [XmlElement("END_AFTER_MINUTES")] public int? EndAfterMinutes { get; set; }
    [XmlElement("PAUSE_AFTER_HOURS")] public int? PauseAfterHours { get; set; }
    [XmlElement("PAUSE_AFTER_MINUTES")] public int? PauseAfterMinutes { get; set; }
    [XmlElement("RESUME_IN_DAYS")] public int? ResumeInDays { get; set; }
    [XmlElement("RESUME_IN_HOURS")] public int? ResumeInHours { get; set; }
    [XmlIgnore] public DateTimeOffset? NextlaunchUtc { get; set; }
    [XmlElement("NEXTLAUNCH_UTC")] public string? NextlaunchUtcText { get => NextlaunchUtc is { } value ? UtcText.Format(value) : null; set => NextlaunchUtc = UtcText.ParseOptional(value); }
    [XmlElement("TIME_ZONE")] public TimeZone TimeZone { get; set; } = null!;
    [XmlElement("DST_SELECTED")] public bool DstSelected { get; set; }
    [XmlElement("MAX_OCCURRENCE")] public int? MaxOccurrence { get; set; }
}

public sealed class Daily
{
    [XmlAttribute("frequency_days")] public int FrequencyDays { get; set; }
}

public sealed class Weekly
{
    [XmlAttribute("frequency_weeks")] public int FrequencyWeeks { get; set; }
    [XmlAttribute("weekdays")] public string Weekdays { get; set; } = null!;
}

public sealed class Monthly
{
    [XmlAttribute("frequency_months")] public int FrequencyMonths { get; set; }
    [XmlIgnore] public int? DayOfMonth { get; set; }
    [XmlAttribute("day_of_month")] public string? DayOfMonthText { get => DayOfMonth?.ToString(System.Globalization.CultureInfo.InvariantCulture); set => DayOfMonth = UtcText.ParseInt32(value); }
    // Open enumerations (0-6, 1-5): kept as sent, like the generated model's *Raw properties.
    [XmlAttribute("day_of_week")] public string? DayOfWeekRaw { get; set; }
    [XmlAttribute("week_of_month")] public string? WeekOfMonthRaw { get; set; }
}

public sealed class TimeZone
{
    [XmlElement("TIME_ZONE_CODE")] public string TimeZoneCode { get; set; } = null!;
    [XmlElement("TIME_ZONE_DETAILS")] public string TimeZoneDetails { get; set; } = null!;
}

public sealed class Notifications
{
    [XmlElement("BEFORE_LAUNCH")] public BeforeLaunch? BeforeLaunch { get; set; }
    [XmlElement("AFTER_COMPLETE")] public AfterComplete? AfterComplete { get; set; }
    [XmlArray("DISTRIBUTION_GROUPS"), XmlArrayItem("DISTRIBUTION_GROUP")] public List<DistributionGroup>? DistributionGroups { get; set; }
}

public sealed class BeforeLaunch
{
    [XmlElement("TIME")] public int Time { get; set; }
    [XmlElement("UNIT")] public string Unit { get; set; } = null!;
    [XmlElement("MESSAGE")] public string Message { get; set; } = null!;
}

public sealed class AfterComplete
{
    [XmlElement("MESSAGE")] public string Message { get; set; } = null!;
}

public sealed class DistributionGroup
{
    [XmlElement("ID")] public long Id { get; set; }
    [XmlElement("TITLE")] public string Title { get; set; } = null!;
}
