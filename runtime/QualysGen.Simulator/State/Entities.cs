using System;
using System.Collections.Generic;

namespace QualysGen.Simulator;

/// <summary>A report in the simulated account (for <c>/api/N.0/fo/report/?action=cancel</c>).</summary>
public sealed class SimulatedReport
{
    /// <summary>The report ID.</summary>
    public long Id { get; set; }

    /// <summary>The title.</summary>
    public string Title { get; set; } = "";

    /// <summary><c>Running</c>, <c>Finished</c>, <c>Canceled</c>, ...</summary>
    public string State { get; set; } = "Running";
}

/// <summary>A scan report template created through <c>/api/N.0/fo/report/template/scan/?action=create</c>.</summary>
public sealed class SimulatedReportTemplate
{
    /// <summary>The template ID.</summary>
    public long Id { get; set; }

    /// <summary>The API version it was created with, e.g. <c>7.0</c>.</summary>
    public string Version { get; set; } = "";

    /// <summary>The template's title, from the posted XML when it has one.</summary>
    public string? Title { get; set; }

    /// <summary>The posted XML as received.</summary>
    public string Xml { get; set; } = "";
}

/// <summary>A compliance scan schedule (<c>/api/2.0/fo/schedule/scan/compliance/</c>).</summary>
public sealed class SimulatedComplianceSchedule
{
    /// <summary>The schedule ID.</summary>
    public long Id { get; set; }

    /// <summary><c>scan_title</c>.</summary>
    public string Title { get; set; } = "";

    /// <summary><c>active</c>.</summary>
    public bool Active { get; set; }

    /// <summary>The owner.</summary>
    public string UserLogin { get; set; } = "";

    /// <summary><c>ip</c>, as entered.</summary>
    public string Target { get; set; } = "";

    /// <summary><c>asset_groups</c> titles.</summary>
    public List<string> AssetGroups { get; set; } = new();

    /// <summary><c>iscanner_name</c>.</summary>
    public string? ScannerName { get; set; }

    /// <summary>The option profile's title (<c>option_title</c>, or a name made from <c>option_id</c>).</summary>
    public string OptionProfile { get; set; } = "";

    /// <summary><c>daily</c>, <c>weekly</c> or <c>monthly</c>.</summary>
    public string Occurrence { get; set; } = "daily";

    /// <summary><c>frequency_days</c>/<c>_weeks</c>/<c>_months</c>.</summary>
    public int Frequency { get; set; } = 1;

    /// <summary><c>weekdays</c> for a weekly schedule.</summary>
    public string? Weekdays { get; set; }

    /// <summary><c>day_of_month</c> for a monthly schedule.</summary>
    public int? DayOfMonth { get; set; }

    /// <summary><c>day_of_week</c> for a monthly schedule.</summary>
    public int? DayOfWeek { get; set; }

    /// <summary><c>week_of_month</c> for a monthly schedule.</summary>
    public int? WeekOfMonth { get; set; }

    /// <summary>The first run, UTC.</summary>
    public DateTimeOffset StartDateUtc { get; set; }

    /// <summary><c>start_hour</c>.</summary>
    public int StartHour { get; set; }

    /// <summary><c>start_minute</c>.</summary>
    public int StartMinute { get; set; }

    /// <summary><c>time_zone_code</c>.</summary>
    public string TimeZoneCode { get; set; } = "US-CA";

    /// <summary><c>observe_dst</c>.</summary>
    public bool ObserveDst { get; set; }

    /// <summary><c>recurrence</c>.</summary>
    public int? Recurrence { get; set; }

    /// <summary><c>end_after</c> (hours).</summary>
    public int? EndAfterHours { get; set; }

    /// <summary><c>end_after_mins</c>.</summary>
    public int? EndAfterMinutes { get; set; }

    internal SimulatedComplianceSchedule Clone()
    {
        var copy = (SimulatedComplianceSchedule)MemberwiseClone();
        copy.AssetGroups = new List<string>(AssetGroups);
        return copy;
    }
}

/// <summary>A virtual host (<c>/api/2.0/fo/asset/vhost/</c>).</summary>
public sealed class SimulatedVirtualHost
{
    /// <summary>The IP address.</summary>
    public string Ip { get; set; } = "";

    /// <summary>The port.</summary>
    public int Port { get; set; }

    /// <summary>The network ID (0 = the global default network).</summary>
    public long NetworkId { get; set; }

    /// <summary>The FQDNs.</summary>
    public List<string> Fqdns { get; set; } = new();
}

/// <summary>A customized KnowledgeBase vulnerability (<c>/api/2.0/fo/knowledge_base/vuln/?action=edit</c>).</summary>
public sealed class SimulatedVulnEdit
{
    /// <summary>The QID.</summary>
    public long Qid { get; set; }

    /// <summary>The severity set, if any.</summary>
    public int? Severity { get; set; }

    /// <summary>Whether it was disabled.</summary>
    public bool Disabled { get; set; }

    /// <summary>Comments appended to the threat, impact and solution texts.</summary>
    public string? ThreatComment { get; set; }

    /// <summary>Impact comment.</summary>
    public string? ImpactComment { get; set; }

    /// <summary>Solution comment.</summary>
    public string? SolutionComment { get; set; }
}

/// <summary>A WAS scan (<c>/qps/rest/3.0/.../was/wasscan</c>).</summary>
public sealed class SimulatedWasScan
{
    /// <summary>The scan ID.</summary>
    public long Id { get; set; }

    /// <summary>The name.</summary>
    public string Name { get; set; } = "";

    /// <summary>e.g. <c>was/1412697001370.1789435</c>.</summary>
    public string Reference { get; set; } = "";

    /// <summary><c>VULNERABILITY</c> or <c>DISCOVERY</c>.</summary>
    public string Type { get; set; } = "VULNERABILITY";

    /// <summary><c>ONDEMAND</c>, <c>SCHEDULED</c> or <c>API</c>.</summary>
    public string Mode { get; set; } = "ONDEMAND";

    /// <summary><c>SUBMITTED</c>, <c>RUNNING</c>, <c>FINISHED</c>, <c>ERROR</c>, <c>CANCELED</c>, <c>PROCESSING</c>.</summary>
    public string Status { get; set; } = "FINISHED";

    /// <summary>The scanned web application's ID.</summary>
    public long WebAppId { get; set; }

    /// <summary>The scanned web application's name.</summary>
    public string WebAppName { get; set; } = "";

    /// <summary>When it was launched.</summary>
    public DateTimeOffset LaunchedDate { get; set; }
}

/// <summary>A WAS web application (<c>/qps/rest/3.0/search/was/webapp</c>).</summary>
public sealed class SimulatedWebApp
{
    /// <summary>The ID.</summary>
    public long Id { get; set; }

    /// <summary>The name.</summary>
    public string Name { get; set; } = "";

    /// <summary>The URL.</summary>
    public string Url { get; set; } = "";

    /// <summary>The owner's user ID.</summary>
    public long OwnerId { get; set; }

    /// <summary>Created.</summary>
    public DateTimeOffset CreatedDate { get; set; }

    /// <summary>Last updated.</summary>
    public DateTimeOffset UpdatedDate { get; set; }

    /// <summary>Whether it has been scanned.</summary>
    public bool IsScanned { get; set; }
}

/// <summary>A compliance scan launched through <c>/api/2.0/fo/scan/compliance/?action=launch</c>.</summary>
public sealed class SimulatedComplianceScan
{
    /// <summary>The scan ID.</summary>
    public long Id { get; set; }

    /// <summary>The reference, <c>compliance/&lt;seconds&gt;.&lt;n&gt;</c>.</summary>
    public string Reference { get; set; } = "";

    /// <summary>The title.</summary>
    public string Title { get; set; } = "";

    /// <summary>The target as entered.</summary>
    public string Target { get; set; } = "";

    /// <summary>Who launched it.</summary>
    public string UserLogin { get; set; } = "";

    /// <summary><c>On-Demand</c>, <c>Scheduled</c> or <c>API</c>.</summary>
    public string Type { get; set; } = "API";

    /// <summary><c>Running</c>, <c>Finished</c>, ...</summary>
    public string State { get; set; } = "Running";

    /// <summary>When it was launched.</summary>
    public DateTimeOffset LaunchedAt { get; set; }
}

/// <summary>A Cloud Perimeter scan job (<c>/api/2.0/fo/scan/cloud/perimeter/job/</c>).</summary>
public sealed class SimulatedCloudPerimeterJob
{
    /// <summary>The job ID.</summary>
    public long Id { get; set; }

    /// <summary>Every parameter the job was created or last updated with (but <c>action</c>).</summary>
    public Dictionary<string, string> Parameters { get; set; } = new(StringComparer.Ordinal);
}
