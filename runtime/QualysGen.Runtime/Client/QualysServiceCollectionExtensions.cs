using System;
using System.Net.Http;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QualysGen.Client;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="QualysClient"/> with dependency injection.</summary>
public static class QualysServiceCollectionExtensions
{
    /// <summary>
    /// Registers a singleton <see cref="QualysClient"/> configured by <paramref name="configure"/> (and by anything else that
    /// configures <see cref="QualysClientOptions"/>, such as <c>services.Configure&lt;QualysClientOptions&gt;(configuration.GetSection("Qualys"))</c>),
    /// and the named <see cref="HttpClient"/> <see cref="QualysClient.HttpClientName"/> it sends through.
    /// </summary>
    /// <returns>The HTTP client's builder, to add handlers (a proxy, a message handler of your own) or configure it further.</returns>
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
        var options = services.AddOptions<QualysClientOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(static provider => new QualysClient(
            provider.GetRequiredService<IHttpClientFactory>(),
            provider.GetRequiredService<IOptions<QualysClientOptions>>().Value,
            provider.GetService<ILoggerFactory>()));

        return services.AddHttpClient(QualysClient.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(QualysClient.CreateHandler)
            .ConfigureHttpClient(static client => client.Timeout = System.Threading.Timeout.InfiniteTimeSpan);
    }
}
