using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using QualysGen.Client;
using QualysGen.Runtime.Tests.Infrastructure;
using QualysGen.Simulator;

namespace QualysGen.Runtime.Tests;

public sealed class DependencyInjectionTests
{
    [Fact]
    public async Task AddQualysClient_registers_one_client_over_the_factory()
    {
        await using var simulator = await QualysSimulator.StartAsync();
        var services = new ServiceCollection();
        var builder = services.AddQualysClient(o =>
        {
            o.ApiServerUrl = simulator.BaseAddress;
            o.UserName = simulator.Options.UserName;
        });
        services.Configure<QualysClientOptions>(o => o.Password = simulator.Options.Password);

        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<QualysClient>();

        Assert.Same(client, provider.GetRequiredService<QualysClient>());
        Assert.Same(client, provider.GetRequiredService<IQualysClient>());
        Assert.Equal(QualysClient.HttpClientName, builder.Name);
        Assert.Equal(simulator.BaseAddress, client.ApiServer);
        Assert.Equal(simulator.BaseAddress, client.Gateway);
        Assert.NotNull(provider.GetRequiredService<IHttpClientFactory>().CreateClient(QualysClient.HttpClientName));
        var list = await client.SendAsync(TestRequests.ListSchedules());
        Assert.Single(list.Response.Scans);
    }

    [Fact]
    public void Options_bind_a_platform()
    {
        var services = new ServiceCollection();
        services.AddQualysClient(o => o.Platform = QualysPlatform.KSA1);
        using var provider = services.BuildServiceProvider();

        var urls = provider.GetRequiredService<IOptions<QualysClientOptions>>().Value.ResolveUrls();

        Assert.Equal("https://qualysapi.qg1.apps.qualysksa.com/", urls.ApiServer.ToString());
        Assert.Equal("https://gateway.qg1.apps.qualysksa.com/", urls.Gateway.ToString());
    }

    [Fact]
    public async Task Several_accounts_live_in_one_container_each_with_its_own_options_and_HttpClient()
    {
        await using var us = await QualysSimulator.StartAsync();
        await using var eu = await QualysSimulator.StartAsync(new QualysSimulatorOptions { UserName = "eu_user", Password = "eu-password" });
        var services = new ServiceCollection();
        services.AddQualysClient(o => Point(o, us));
        var euBuilder = services.AddQualysClient("eu", o => o.ApiServerUrl = eu.BaseAddress);
        services.Configure<QualysClientOptions>("eu", o =>
        {
            o.UserName = eu.Options.UserName;
            o.Password = eu.Options.Password;
        });

        await using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
        var usClient = provider.GetRequiredService<IQualysClient>();
        var euClient = provider.GetRequiredKeyedService<IQualysClient>("eu");

        Assert.NotSame(usClient, euClient);
        Assert.Same(euClient, provider.GetRequiredKeyedService<QualysClient>("eu"));
        Assert.Equal(eu.BaseAddress, euClient.ApiServer);
        Assert.Equal(us.BaseAddress, usClient.ApiServer);
        Assert.Equal("QualysGen.Client.eu", euBuilder.Name);
        await usClient.SendAsync(TestRequests.ListSchedules());
        await euClient.SendAsync(TestRequests.ListSchedules());
        Assert.Single(us.Requests);
        Assert.Equal("basic", Assert.Single(eu.Requests).Auth, ignoreCase: true);
    }

    [Fact]
    public void Options_are_validated_when_the_host_starts_not_at_the_first_call()
    {
        var services = new ServiceCollection();
        services.AddQualysClient("nowhere", o => o.UserName = "someone");
        services.AddQualysClient(o =>
        {
            o.Platform = QualysPlatform.US1;
            o.BodyIdleTimeout = System.TimeSpan.Zero;
        });
        using var provider = services.BuildServiceProvider();

        // Both failures at once (an AggregateException of one OptionsValidationException per name), as a host reports them.
        var exception = Assert.Throws<System.AggregateException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        var messages = string.Join("\n", exception.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures));
        Assert.Contains("QualysClientOptions \"nowhere\": Set QualysClientOptions.Platform", messages);
        Assert.Contains("BodyIdleTimeout must be positive", messages);
    }

    [Fact]
    public async Task The_containers_TimeProvider_is_the_clients_clock()
    {
        await using var simulator = await QualysSimulator.StartAsync();
        var clock = new ManualTimeProvider();
        var services = new ServiceCollection();
        services.AddSingleton<System.TimeProvider>(clock);
        services.AddQualysClient(o => Point(o, simulator));
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IQualysClient>();
        var headers = new System.Collections.Generic.Dictionary<string, string> { ["X-RateLimit-Remaining"] = "0", ["X-RateLimit-ToWait-Sec"] = "600" };
        simulator.Enqueue("/qps/rest/portal/version", QualysFault.Respond(200, "<Portal-Version/>", headers: headers));

        await client.SendAsync(TestRequests.PortalVersion());
        await Assert.ThrowsAsync<QualysLimitExceededException>(() => client.SendAsync(TestRequests.PortalVersion()));
        clock.Offset = System.TimeSpan.FromSeconds(601);
        await client.SendAsync(TestRequests.PortalVersion());

        Assert.Equal(2, simulator.Requests.Count);
    }

    private static void Point(QualysClientOptions options, QualysSimulator simulator)
    {
        options.ApiServerUrl = simulator.BaseAddress;
        options.UserName = simulator.Options.UserName;
        options.Password = simulator.Options.Password;
    }
}
