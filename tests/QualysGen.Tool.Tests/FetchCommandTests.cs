using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using QualysGen.Simulator;
using QualysGen.Tool.Tests.Infrastructure;

namespace QualysGen.Tool.Tests;

/// <summary><c>qualysgen fetch</c>: failures in transit, credentials, and a download that is not a schema.</summary>
public sealed class FetchCommandTests
{
    [Fact]
    public async Task A_network_failure_exits_3_with_one_line()
    {
        using var project = new TempDirectory();
        Specs.CopyTo(project, "simple_return.dtd");
        var run = await ToolRun.RunAsync(project.Path, "fetch", "--url", $"http://127.0.0.1:{ClosedPort()}/");
        Assert.Equal(3, run.ExitCode);
        Assert.Contains("qualysgen: Could not download http://127.0.0.1:", run.Error);
        Assert.Contains("/api/2.0/simple_return.dtd", run.Error);
        run.AssertNoStackTrace();
    }

    [Fact]
    public async Task An_http_error_and_a_download_that_is_not_a_schema_are_reported()
    {
        using var project = new TempDirectory();
        Specs.CopyTo(project, "simple_return.dtd");
        await using var simulator = await QualysSimulator.StartAsync();
        simulator.Enqueue("/api/2.0/simple_return.dtd", QualysFault.ServerError(503));

        var unavailable = await ToolRun.RunAsync(project.Path, "fetch", "--url", simulator.BaseAddress.AbsoluteUri);
        Assert.Equal(3, unavailable.ExitCode);
        Assert.Contains("HTTP 503", unavailable.Error);

        simulator.Schemas.Publish("simple_return.dtd", "<html><body>Maintenance</body></html>");
        var html = await ToolRun.RunAsync(project.Path, "fetch", "--url", simulator.BaseAddress.AbsoluteUri, "--write");
        Assert.Equal(2, html.ExitCode);
        Assert.Contains("The platform's simple_return.dtd", html.Error);
        Assert.Contains("error QG0001", html.Error);
        Assert.Equal(Specs.Read("simple_return.dtd"), File.ReadAllText(project.File("simple_return.dtd")));
        html.AssertNoStackTrace();
    }

    [Fact]
    public async Task Credentials_come_from_the_environment_and_are_never_printed()
    {
        using var project = new TempDirectory();
        Specs.CopyTo(project, "scan.endpoints.json");
        await using var simulator = await QualysSimulator.StartAsync();
        var environment = new Dictionary<string, string> { ["QUALYS_USERNAME"] = "acme_ab", ["QUALYS_PASSWORD"] = "s3cret-Pa55" };

        // The spec names two schemas the project lacks: fetch downloads them, and --write adds them beside the spec.
        var run = await ToolRun.RunAsync(project.Path, environment, "fetch", "--url", simulator.BaseAddress.AbsoluteUri, "--write");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("wrote compliance_schedule_scan_list_output.dtd", run.Out);
        Assert.Contains("wrote simple_return.dtd", run.Out);
        Assert.Equal(Specs.Read("simple_return.dtd"), File.ReadAllText(project.File("simple_return.dtd")));
        Assert.All(simulator.Requests, r => Assert.Equal("Basic", r.Auth));
        Assert.DoesNotContain("s3cret", run.Out + run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String("acme_ab:s3cret-Pa55"u8.ToArray()), run.Out + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task It_needs_a_platform_or_a_url_and_something_to_fetch()
    {
        using var project = new TempDirectory();
        var none = await ToolRun.RunAsync(project.Path, "fetch");
        Assert.Equal(2, none.ExitCode);
        Assert.Contains("fetch needs one of --platform", none.Error);

        var platform = await ToolRun.RunAsync(project.Path, "fetch", "--platform", "MARS1");
        Assert.Equal(2, platform.ExitCode);
        Assert.Contains("Unknown platform 'MARS1'. Platforms: US1, US2", platform.Error);

        var empty = await ToolRun.RunAsync(project.Path, "fetch", "--platform", "US1");
        Assert.Equal(2, empty.ExitCode);
        Assert.Contains("nothing to fetch", empty.Error);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
