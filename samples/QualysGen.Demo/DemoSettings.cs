using System;
using System.Collections.Generic;
using QualysGen.Client;

namespace QualysGen.Demo;

/// <summary>The command line: nothing for the simulator; a platform or URL (and the credentials in environment variables) for a real account.</summary>
internal sealed class DemoSettings
{
    private const string Usage = """
        usage: dotnet run --project samples/QualysGen.Demo [-- options]

          (no options)              run against the Qualys simulator on loopback
          --platform US1..KSA1      run against a real account on that platform
          --base-url URL            ... or on this API server (private cloud); --gateway-url URL for its gateway
          --allow-changes           let the demo create schedules and a template, cancel reports and delete WAS scans
          --report-id ID            a running report to cancel with v3, then one to cancel with v2 (give it twice)

        The credentials come from the environment variables QUALYS_USERNAME and QUALYS_PASSWORD; they are never printed.
        """;

    private QualysPlatform? _platform;
    private Uri? _baseUrl;
    private Uri? _gatewayUrl;

    public bool UseSimulator => _platform is null && _baseUrl is null;

    public bool AllowChanges { get; private set; }

    /// <summary>The reports to cancel: two IDs (v3, v2). The simulator's seeded running reports by default.</summary>
    public long[] ReportIds { get; private set; } = [];

    public static DemoSettings? Parse(string[] args)
    {
        var settings = new DemoSettings();
        var reports = new List<long>();
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--platform" when value is not null && Enum.TryParse<QualysPlatform>(value, ignoreCase: true, out var platform):
                    settings._platform = platform;
                    i++;
                    break;
                case "--base-url" when Uri.TryCreate(value, UriKind.Absolute, out var url):
                    settings._baseUrl = url;
                    i++;
                    break;
                case "--gateway-url" when Uri.TryCreate(value, UriKind.Absolute, out var gateway):
                    settings._gatewayUrl = gateway;
                    i++;
                    break;
                case "--report-id" when long.TryParse(value, out var id):
                    reports.Add(id);
                    i++;
                    break;
                case "--allow-changes":
                    settings.AllowChanges = true;
                    break;
                default:
                    Console.Error.WriteLine(args[i] is "--help" or "-h" ? Usage : $"Not understood: {args[i]}\n\n{Usage}");
                    return null;
            }
        }

        settings.ReportIds = settings.UseSimulator ? [6627719, 6627720] : reports.ToArray();
        if (!settings.UseSimulator && (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("QUALYS_USERNAME")) || Environment.GetEnvironmentVariable("QUALYS_PASSWORD") is null))
        {
            Console.Error.WriteLine("Set QUALYS_USERNAME and QUALYS_PASSWORD to run against a real account.");
            return null;
        }

        return settings;
    }

    public QualysClientOptions ClientOptions() => new()
    {
        Platform = _platform,
        ApiServerUrl = _baseUrl,
        GatewayUrl = _gatewayUrl,
        UserName = Environment.GetEnvironmentVariable("QUALYS_USERNAME"),
        Password = Environment.GetEnvironmentVariable("QUALYS_PASSWORD"),
        RequestedWith = "QualysGen demo",
    };
}
