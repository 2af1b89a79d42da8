using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using QualysGen.Client;
using QualysGen.Requests;
using QualysGen.Runtime.Tests.Infrastructure;
using QualysGen.Simulator;

namespace QualysGen.Runtime.Tests;

/// <summary>
/// A retry or resilience handler a consumer adds on top of <c>AddQualysClient</c>: the guard at the bottom of the pipeline lets
/// each of the client's requests reach the connection once, so the handler's retry fails the call clearly instead of
/// multiplying the client's own attempts; a call that is not safe to repeat leaves the client at most once.
/// </summary>
public sealed class ResilienceHandlerTests
{
    [Fact]
    public async Task A_standard_resilience_handler_on_top_fails_the_call_clearly_instead_of_sending_it_again()
    {
        await using var simulator = await QualysSimulator.StartAsync();
        simulator.Enqueue("/api/", QualysFault.ServerError(503));
        await using var provider = Provider(simulator, builder => builder.AddStandardResilienceHandler(o => o.Retry.Delay = TimeSpan.Zero));
        var client = provider.GetRequiredService<IQualysClient>();

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => client.SendAsync(TestRequests.ListSchedules(QualysAuthSchemes.Basic)));

        Assert.Contains("AddStandardResilienceHandler", exception.Message);
        Assert.Contains("QualysClientOptions.Retry", exception.Message);
        Assert.Equal(503, Assert.Single(simulator.Requests).Status);
    }

    [Fact]
    public async Task A_retrying_handler_of_your_own_on_top_cannot_send_a_safe_call_twice()
    {
        await using var simulator = await QualysSimulator.StartAsync();
        simulator.Enqueue("/api/", QualysFault.ServerError(503));
        await using var provider = Provider(simulator, builder => builder.AddHttpMessageHandler(() => new RetryingHandler()));
        var client = provider.GetRequiredService<IQualysClient>();

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => client.SendAsync(TestRequests.ListSchedules(QualysAuthSchemes.Basic)));

        Assert.Equal(ResendGuardHandler.ResentMessage, exception.Message);
        Assert.Equal(503, Assert.Single(simulator.Requests).Status);
    }

    [Fact]
    public async Task A_retrying_handler_of_your_own_on_top_leaves_an_unsafe_call_on_the_wire_at_most_once()
    {
        await using var server = RawHttpServer.DroppingEveryRequest();
        var services = new ServiceCollection();
        services.AddQualysClient(o => Configure(o, Harness.ClientOptions(server.BaseAddress))).AddHttpMessageHandler(() => new RetryingHandler());
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IQualysClient>();

        var cancel = TestRequests.CancelReport(6627719);
        var create = TestRequests.CreateSchedule("once");
        Assert.False(cancel.IsRetrySafe || create.IsRetrySafe);

        var cancelled = await Assert.ThrowsAsync<InvalidOperationException>(() => client.SendAsync(cancel));
        Assert.Single(server.Requests);
        var created = await Assert.ThrowsAsync<InvalidOperationException>(() => client.SendAsync(create));
        Assert.Equal(2, server.Requests.Count);
        Assert.All([cancelled, created], e => Assert.Equal(ResendGuardHandler.ResentMessage, e.Message));
    }

    [Fact]
    public async Task The_guard_leaves_the_clients_own_retries_and_handlers_that_do_not_resend_alone()
    {
        await using var simulator = await QualysSimulator.StartAsync();
        simulator.Enqueue("/api/", QualysFault.ConcurrencyLimited());
        simulator.Enqueue("/api/", QualysFault.ServerError(503));
        var passThrough = new CountingHandler();
        await using var provider = Provider(simulator, builder => builder.AddHttpMessageHandler(() => passThrough));
        var client = provider.GetRequiredService<IQualysClient>();

        var list = await client.SendAsync(TestRequests.ListSchedules(QualysAuthSchemes.Basic));

        Assert.NotNull(list.Response);
        Assert.Equal([409, 503, 200], simulator.Requests.Select(r => r.Status));
        Assert.Equal(3, passThrough.Sent);
    }

    [Fact]
    public async Task Every_client_AddQualysClient_registers_ends_in_the_guard_and_other_clients_do_not()
    {
        var services = new ServiceCollection();
        services.AddQualysClient(o => o.Platform = QualysPlatform.US1);
        services.AddQualysClient("eu", o => o.Platform = QualysPlatform.EU1);
        services.AddHttpClient("other");
        await using var provider = services.BuildServiceProvider();
        var handlers = provider.GetRequiredService<IHttpMessageHandlerFactory>();

        Assert.True(EndsInGuard(handlers.CreateHandler(QualysClient.HttpClientName)));
        Assert.True(EndsInGuard(handlers.CreateHandler(QualysClient.HttpClientName + ".eu")));
        Assert.False(EndsInGuard(handlers.CreateHandler("other")));
        Assert.False(ResendGuardFilter.IsQualysClient(QualysClient.HttpClientName + "Other"));
    }

    private static bool EndsInGuard(HttpMessageHandler handler)
    {
        for (var current = handler as DelegatingHandler; current is not null; current = current.InnerHandler as DelegatingHandler)
        {
            if (current is ResendGuardHandler)
            {
                return current.InnerHandler is SocketsHttpHandler || current.InnerHandler is DelegatingHandler { InnerHandler: SocketsHttpHandler };
            }
        }

        return false;
    }

    private static ServiceProvider Provider(QualysSimulator simulator, Action<IHttpClientBuilder> configure)
    {
        var services = new ServiceCollection();
        configure(services.AddQualysClient(o => Configure(o, Harness.ClientOptions(simulator))));
        return services.BuildServiceProvider();
    }

    private static void Configure(QualysClientOptions target, QualysClientOptions from)
    {
        target.ApiServerUrl = from.ApiServerUrl;
        target.GatewayUrl = from.GatewayUrl;
        target.UserName = from.UserName;
        target.Password = from.Password;
        target.Timeout = from.Timeout;
        target.Retry = from.Retry;
    }

    /// <summary>A consumer's retry handler: up to three sends of the same message after an exception or a 5xx.</summary>
    private sealed class RetryingHandler : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    var response = await base.SendAsync(request, cancellationToken);
                    if ((int)response.StatusCode < 500 || attempt == 3)
                    {
                        return response;
                    }

                    response.Dispose();
                }
                catch (HttpRequestException) when (attempt < 3)
                {
                }
            }
        }
    }

    /// <summary>A handler that looks and passes on, as a logging or header handler does.</summary>
    private sealed class CountingHandler : DelegatingHandler
    {
        private int _sent;

        public int Sent => _sent;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _sent);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
