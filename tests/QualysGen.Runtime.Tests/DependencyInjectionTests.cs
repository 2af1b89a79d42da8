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
}
