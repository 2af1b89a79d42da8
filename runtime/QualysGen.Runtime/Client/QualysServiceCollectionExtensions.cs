using System;
using System.Net.Http;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QualysGen.Client;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="QualysClient"/> with dependency injection, once per account.</summary>
public static class QualysServiceCollectionExtensions
{
    /// <summary>
    /// Registers a singleton <see cref="QualysClient"/> (also as <see cref="IQualysClient"/>) configured by <paramref name="configure"/>
    /// (and by anything else that configures <see cref="QualysClientOptions"/>, such as
    /// <c>services.Configure&lt;QualysClientOptions&gt;(configuration.GetSection("Qualys"))</c>), and the named
    /// <see cref="HttpClient"/> <see cref="QualysClient.HttpClientName"/> it sends through. The options are validated when the
    /// host starts (<c>ValidateOnStart</c>); a <see cref="TimeProvider"/> registered in the container is the client's clock unless
    /// the options name one.
    /// </summary>
    /// <returns>The HTTP client's builder, to add handlers (a proxy, a message handler of your own) or configure it further.</returns>
    /// <remarks>
    /// Do not add a retry or resilience handler (<c>AddStandardResilienceHandler</c>, a Polly retry policy, a handler of your own
    /// that sends a request again): the client retries by Qualys' rules itself (<see cref="QualysClientOptions.Retry"/>), and the
    /// pipeline registered here ends in a guard that lets each of the client's requests reach the connection once. A handler
    /// above it that sends a request a second time gets an <see cref="InvalidOperationException"/> saying so, and the call fails
    /// with it rather than multiplying attempts; an unsafe call (a create, a launch, a delete) never leaves twice either way.
    /// Handlers that do not repeat requests (a proxy, logging, a custom host's own auth) are fine.
    /// </remarks>
    /// <example>
    /// <code>
    /// services.AddQualysClient(o =>
    /// {
    ///     o.Platform = QualysPlatform.US2;
    ///     o.UserName = configuration["Qualys:UserName"];
    ///     o.Password = configuration["Qualys:Password"];
    /// });
    /// </code>
    /// </example>
    public static IHttpClientBuilder AddQualysClient(this IServiceCollection services, Action<QualysClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        AddOptions(services, Options.Options.DefaultName, configure);
        services.TryAddSingleton(static provider => Create(provider, Options.Options.DefaultName, QualysClient.HttpClientName));
        services.TryAddSingleton<IQualysClient>(static provider => provider.GetRequiredService<QualysClient>());
        return AddHttpClient(services, QualysClient.HttpClientName);
    }

    /// <summary>
    /// Registers one more account: a singleton <see cref="QualysClient"/> and <see cref="IQualysClient"/> keyed by
    /// <paramref name="name"/> (<c>[FromKeyedServices("eu")] IQualysClient eu</c>, <c>GetRequiredKeyedService&lt;IQualysClient&gt;("eu")</c>),
    /// configured by the named options <paramref name="name"/> (<c>services.Configure&lt;QualysClientOptions&gt;("eu", section)</c>
    /// works too), with an <see cref="HttpClient"/> of its own, named <c>QualysGen.Client.{name}</c>. Each account has its own
    /// session, token and gates.
    /// </summary>
    /// <returns>The builder of this account's HTTP client.</returns>
    public static IHttpClientBuilder AddQualysClient(this IServiceCollection services, string name, Action<QualysClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(name);
        var httpClientName = QualysClient.HttpClientName + "." + name;
        AddOptions(services, name, configure);
        services.TryAddKeyedSingleton(name, (provider, _) => Create(provider, name, httpClientName));
        services.TryAddKeyedSingleton<IQualysClient>(name, static (provider, key) => provider.GetRequiredKeyedService<QualysClient>(key));
        return AddHttpClient(services, httpClientName);
    }

    private static void AddOptions(IServiceCollection services, string name, Action<QualysClientOptions>? configure)
    {
        var options = services.AddOptions<QualysClientOptions>(name);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<QualysClientOptions>, QualysClientOptionsValidator>());
    }

    private static QualysClient Create(IServiceProvider provider, string name, string httpClientName)
    {
        var options = provider.GetRequiredService<IOptionsMonitor<QualysClientOptions>>().Get(name).Clone();
        if (ReferenceEquals(options.TimeProvider, TimeProvider.System) && provider.GetService<TimeProvider>() is { } time)
        {
            options.TimeProvider = time;
        }

        return new QualysClient(provider.GetRequiredService<IHttpClientFactory>(), httpClientName, options, provider.GetService<ILoggerFactory>());
    }

    private static IHttpClientBuilder AddHttpClient(IServiceCollection services, string httpClientName)
    {
        var builder = services.AddHttpClient(httpClientName)
            .ConfigurePrimaryHttpMessageHandler(QualysClient.CreateHandler)
            .ConfigureHttpClient(static client => client.Timeout = System.Threading.Timeout.InfiniteTimeSpan);

        // After the factory's own filters, so the guard goes in after everything the consumer adds: innermost but for its logger.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHttpMessageHandlerBuilderFilter, ResendGuardFilter>());
        return builder;
    }
}
