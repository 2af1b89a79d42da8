using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using QualysGen.Client;
using QualysGen.Requests;
using QualysGen.Runtime.Tests.Infrastructure;
using QualysGen.Runtime.Tests.Qualys.ComplianceScheduleScanListOutputDtd;
using QualysGen.Simulator;

namespace QualysGen.Runtime.Tests;

/// <summary>
/// Passwords, tokens, session cookies and Authorization values never reach a log (at any level, including the HTTP client
/// factory's own handlers), an exception message, a ToString() or an activity tag.
/// </summary>
public sealed class SecretTests
{
    private const string Password = "S3cr3t-p@ss!word";

    [Fact]
    public async Task No_secret_is_ever_written()
    {
        await using var simulator = await QualysSimulator.StartAsync(new QualysSimulatorOptions { Password = Password, TruncationLimit = 2 });
        simulator.State.AddComplianceSchedules(3);
        var logs = new CapturingLoggerProvider();
        var activities = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is QualysTelemetry.ActivitySourceName or "System.Net.Http",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activities.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);

        var written = new List<string>();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        services.AddQualysClient(o =>
        {
            o.ApiServerUrl = simulator.BaseAddress;
            o.GatewayUrl = simulator.GatewayAddress;
            o.UserName = simulator.Options.UserName;
            o.Password = Password;
            o.PreferredAuthScheme = QualysAuthSchemes.Session;
            o.Retry.ConcurrencyDelay = TimeSpan.FromMilliseconds(10);
        });

        await using (var provider = services.BuildServiceProvider())
        {
            var client = provider.GetRequiredService<QualysClient>();
            written.Add(client.ToString());
            written.Add(provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<QualysClientOptions>>().Value.ToString());

            // Session, Basic, Bearer (and a refresh), paging, a limit, and errors of every kind.
            await foreach (var _ in client.EnumerateAsync(TestRequests.ListSchedules(), ComplianceScheduleScanListOutput.EnumerateScansAsync))
            {
            }

            await client.SendAsync(TestRequests.CancelReport(6627719, "3.0"));
            await client.SendAsync(TestRequests.CreateTemplate("7.0"));
            simulator.RevokeTokens();
            simulator.EndSessions();
            await client.SendAsync(TestRequests.CreateTemplate("7.0"));
            await client.SendAsync(TestRequests.ListSchedules());
            simulator.Enqueue("/api/", QualysFault.ConcurrencyLimited());
            await client.SendAsync(TestRequests.ListSchedules());
            written.Add(await Capture(() => client.SendAsync(TestRequests.CreateScheduleWithout("active"))));
            simulator.Enqueue("/api/", QualysFault.DropConnection());
            written.Add(await Capture(() => client.SendAsync(TestRequests.CreateSchedule("dropped"))));
            simulator.Enqueue("/api/", QualysFault.RateLimited(7200));
            written.Add(await Capture(() => client.SendAsync(TestRequests.ListSchedules())));
        }

        // Wrong passwords, on each scheme.
        foreach (var scheme in new[] { QualysAuthSchemes.Basic, QualysAuthSchemes.Session, QualysAuthSchemes.Bearer })
        {
            var options = Harness.ClientOptions(simulator);
            options.Password = Password + "-wrong";
            options.PreferredAuthScheme = scheme;
            using var loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
            await using var wrong = new QualysClient(options, loggerFactory);
            written.Add(await Capture(() => scheme == QualysAuthSchemes.Bearer ? wrong.SendAsync(TestRequests.CreateTemplate("7.0")) : wrong.SendAsync(TestRequests.ListSchedules())));
            written.Add(options.ToString());
        }

        written.Add(TestRequests.CreateSchedule("x").ToString());
        written.AddRange(activities.SelectMany(a => a.TagObjects.Select(t => $"{t.Key}={t.Value}")).Concat(activities.Select(a => a.DisplayName)));
        var everything = logs.AllText + "\n" + string.Join("\n", written);

        var secrets = new List<string> { Password, Password + "-wrong", Convert.ToBase64String(Encoding.UTF8.GetBytes(simulator.Options.UserName + ":" + Password)) };
        secrets.AddRange(simulator.IssuedSecrets);
        Assert.True(simulator.IssuedSecrets.Count >= 4, "sessions and tokens were issued");
        Assert.True(logs.Entries.Count > 50, "the run was logged");
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, everything);
            Assert.DoesNotContain(Uri.EscapeDataString(secret), everything);
        }

        // The HTTP client factory logs header names at Trace, with every value redacted to "*".
        Assert.DoesNotMatch(@"(?i)authorization:\s*[^*\s]", everything);
        Assert.DoesNotMatch(@"(?i)cookie:\s*[^*\s]", everything);
        Assert.DoesNotContain("QualysSession=", everything);
    }

    private static async Task<string> Capture(Func<Task> call)
    {
        try
        {
            await call();
            return "";
        }
        catch (QualysException exception)
        {
            return exception.ToString() + "\n" + exception.Call;
        }
    }

    [Fact]
    public void Options_and_client_print_no_password()
    {
        var options = new QualysClientOptions { Platform = QualysPlatform.EU2, UserName = "acme_ab12", Password = Password };
        using var client = new QualysClient(options);

        Assert.DoesNotContain(Password, options.ToString());
        Assert.Contains("password (set)", options.ToString());
        Assert.DoesNotContain(Password, client.ToString());
        Assert.Contains("qualysapi.qg2.apps.qualys.eu", client.ToString());
    }

    [Fact]
    public void Credential_requests_print_no_form_values()
    {
        var request = new QualysRequest<string>("SessionLogin", "2.0", HttpMethod.Post, "/api/2.0/fo/session/", [], QualysBodyKind.Form,
            [new("action", "login"), new("username", "u"), new("password", Password)], default, null, QualysAuthSchemes.None, QualysHost.ApiServer, true, TestRequests.ReadToEndAsync);

        Assert.DoesNotContain(Password, request.ToString());
    }
}
