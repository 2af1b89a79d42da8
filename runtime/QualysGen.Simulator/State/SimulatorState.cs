using System;
using System.Collections.Generic;
using System.Linq;

namespace QualysGen.Simulator;

/// <summary>
/// The simulated account's data. Every member is thread-safe; the lists returned are snapshots. Tests may seed data before a
/// call and inspect it after.
/// </summary>
public sealed class SimulatorState
{
    private readonly object _lock = new();
    private readonly SortedDictionary<long, SimulatedReport> _reports = new();
    private readonly SortedDictionary<long, SimulatedReportTemplate> _templates = new();
    private readonly SortedDictionary<long, SimulatedComplianceSchedule> _schedules = new();
    private readonly List<SimulatedVirtualHost> _virtualHosts = new();
    private readonly SortedDictionary<long, SimulatedVulnEdit> _vulnEdits = new();
    private readonly SortedDictionary<long, SimulatedWasScan> _wasScans = new();
    private readonly SortedDictionary<long, SimulatedWebApp> _webApps = new();
    private readonly SortedDictionary<long, SimulatedComplianceScan> _complianceScans = new();
    private readonly SortedDictionary<long, SimulatedCloudPerimeterJob> _perimeterJobs = new();
    private long _nextScanId = 6630000;
    private long _nextTemplateId = 10104919;
    private long _nextScheduleId = 57368;

    /// <summary>The reports.</summary>
    public IReadOnlyList<SimulatedReport> Reports => Snapshot(_reports.Values);

    /// <summary>The scan report templates created.</summary>
    public IReadOnlyList<SimulatedReportTemplate> ReportTemplates => Snapshot(_templates.Values);

    /// <summary>The compliance scan schedules.</summary>
    public IReadOnlyList<SimulatedComplianceSchedule> ComplianceSchedules => Snapshot(_schedules.Values);

    /// <summary>The virtual hosts.</summary>
    public IReadOnlyList<SimulatedVirtualHost> VirtualHosts => Snapshot(_virtualHosts);

    /// <summary>The customized vulnerabilities.</summary>
    public IReadOnlyList<SimulatedVulnEdit> VulnEdits => Snapshot(_vulnEdits.Values);

    /// <summary>The compliance scans launched.</summary>
    public IReadOnlyList<SimulatedComplianceScan> ComplianceScans => Snapshot(_complianceScans.Values);

    /// <summary>The Cloud Perimeter scan jobs.</summary>
    public IReadOnlyList<SimulatedCloudPerimeterJob> CloudPerimeterJobs => Snapshot(_perimeterJobs.Values);

    /// <summary>The WAS scans.</summary>
    public IReadOnlyList<SimulatedWasScan> WasScans => Snapshot(_wasScans.Values);

    /// <summary>The WAS web applications.</summary>
    public IReadOnlyList<SimulatedWebApp> WebApps => Snapshot(_webApps.Values);

    /// <summary>Adds or replaces a report.</summary>
    public void Add(SimulatedReport report) => Locked(() => _reports[report.Id] = report);

    /// <summary>Adds or replaces a compliance schedule.</summary>
    public void Add(SimulatedComplianceSchedule schedule) => Locked(() =>
    {
        _schedules[schedule.Id] = schedule;
        _nextScheduleId = Math.Max(_nextScheduleId, schedule.Id + 1);
    });

    /// <summary>Adds or replaces a WAS scan.</summary>
    public void Add(SimulatedWasScan scan) => Locked(() => _wasScans[scan.Id] = scan);

    /// <summary>Adds or replaces a web application.</summary>
    public void Add(SimulatedWebApp webApp) => Locked(() => _webApps[webApp.Id] = webApp);

    /// <summary>Adds <paramref name="count"/> compliance schedules named "<paramref name="titlePrefix"/> N" (for paging tests).</summary>
    public void AddComplianceSchedules(int count, string titlePrefix = "Schedule")
    {
        lock (_lock)
        {
            for (var i = 1; i <= count; i++)
            {
                var id = _nextScheduleId++;
                _schedules[id] = new SimulatedComplianceSchedule
                {
                    Id = id,
                    Title = titlePrefix + " " + i,
                    Active = true,
                    UserLogin = "demo_user",
                    Target = "10.10.10." + (i % 250 + 1),
                    OptionProfile = "Initial Options",
                    Occurrence = "daily",
                    Frequency = 1 + (i % 7),
                    StartDateUtc = new DateTimeOffset(2026, 1, 1, 22, 0, 0, TimeSpan.Zero),
                    StartHour = 14,
                    TimeZoneCode = "US-CA",
                    ObserveDst = true,
                };
            }
        }
    }

    internal T Locked<T>(Func<T> action)
    {
        lock (_lock)
        {
            return action();
        }
    }

    internal void Locked(Action action)
    {
        lock (_lock)
        {
            action();
        }
    }

    internal SortedDictionary<long, SimulatedReport> ReportTable => _reports;

    internal SortedDictionary<long, SimulatedComplianceSchedule> ScheduleTable => _schedules;

    internal List<SimulatedVirtualHost> VirtualHostTable => _virtualHosts;

    internal SortedDictionary<long, SimulatedVulnEdit> VulnEditTable => _vulnEdits;

    internal SortedDictionary<long, SimulatedWasScan> WasScanTable => _wasScans;

    internal SortedDictionary<long, SimulatedWebApp> WebAppTable => _webApps;

    internal SortedDictionary<long, SimulatedComplianceScan> ComplianceScanTable => _complianceScans;

    internal SortedDictionary<long, SimulatedCloudPerimeterJob> PerimeterJobTable => _perimeterJobs;

    internal long NewScanId() => _nextScanId++;

    internal HashSet<string> CanceledReportRuns { get; } = new(StringComparer.Ordinal);

    internal long NewTemplate(string version, string? title, string xml)
    {
        var id = _nextTemplateId++;
        _templates[id] = new SimulatedReportTemplate { Id = id, Version = version, Title = title, Xml = xml };
        return id;
    }

    internal long NewScheduleId() => _nextScheduleId++;

    private IReadOnlyList<T> Snapshot<T>(IEnumerable<T> items)
    {
        lock (_lock)
        {
            return items.ToArray();
        }
    }

    internal void Seed(DateTimeOffset now)
    {
        lock (_lock)
        {
            // The documentation's examples: report 6627719 (seed 000), schedule 57363 (seed 003).
            _reports[6627719] = new SimulatedReport { Id = 6627719, Title = "Monthly Scan Report", State = "Running" };
            _reports[6627720] = new SimulatedReport { Id = 6627720, Title = "PCI Executive Report", State = "Running" };
            _reports[6627721] = new SimulatedReport { Id = 6627721, Title = "Patch Report", State = "Finished" };
            _schedules[57363] = new SimulatedComplianceSchedule
            {
                Id = 57363,
                Title = "My Scan Schedule api6",
                Active = true,
                UserLogin = "quays_sp1",
                Target = "10.10.10.185",
                ScannerName = "pyscandsp",
                AssetGroups = { "policyred7" },
                OptionProfile = "duplicate IO",
                Occurrence = "daily",
                Frequency = 5,
                StartDateUtc = new DateTimeOffset(2019, 11, 19, 22, 0, 0, TimeSpan.Zero),
                StartHour = 14,
                TimeZoneCode = "US-CA",
                ObserveDst = true,
            };

            // Web apps as in the recorded QPS pagination (graph-qualys recordings, qg3, 2022).
            var apps = new (long Id, string Name)[]
            {
                (238483924, "http://rest.vulnweb.com/"),
                (238483925, "http://testhtml5.vulnweb.com"),
                (238483926, "http://testphp.vulnweb.com/"),
                (238483927, "http://testasp.vulnweb.com"),
                (238483928, "http://testaspnet.vulnweb.com"),
                (251316885, "Juice Shop"),
            };
            foreach (var (id, name) in apps)
            {
                _webApps[id] = new SimulatedWebApp
                {
                    Id = id,
                    Name = name,
                    Url = name.StartsWith("http", StringComparison.Ordinal) ? name : "http://d218uuknkwwh79.cloudfront.net/#/",
                    OwnerId = 17729931,
                    CreatedDate = new DateTimeOffset(2022, 4, 12, 21, 12, 52, TimeSpan.Zero),
                    UpdatedDate = new DateTimeOffset(2022, 4, 12, 21, 39, 40, TimeSpan.Zero),
                    IsScanned = true,
                };
            }

            var scans = new (long Id, string Name, string Status, long App)[]
            {
                (12405, "Discovery scan - REST API site", "FINISHED", 238483924),
                (12874, "VULN scan - testphp", "FINISHED", 238483926),
                (13093, "Weekly VULN scan - Juice Shop", "FINISHED", 251316885),
                (13110, "VULN scan - testasp (running)", "RUNNING", 238483927),
                (13200, "Baseline scan - testhtml5", "FINISHED", 238483925),
            };
            foreach (var (id, name, status, app) in scans)
            {
                _wasScans[id] = new SimulatedWasScan
                {
                    Id = id,
                    Name = name,
                    Reference = "was/" + (1412697001370 + id) + ".1789435",
                    Type = name.StartsWith("Discovery", StringComparison.Ordinal) ? "DISCOVERY" : "VULNERABILITY",
                    Status = status,
                    WebAppId = app,
                    WebAppName = _webApps[app].Name,
                    LaunchedDate = now.AddDays(-(id % 30)),
                };
            }
        }
    }
}
