using System;
using Microsoft.Extensions.Http;

namespace QualysGen.Client;

/// <summary>
/// Puts <see cref="ResendGuardHandler"/> innermost in the pipeline of every HTTP client <c>AddQualysClient</c> registers, after
/// whatever the consumer configured (a filter runs after the client's configuration, so a handler added later still sits
/// above the guard).
/// </summary>
internal sealed class ResendGuardFilter : IHttpMessageHandlerBuilderFilter
{
    public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next) => builder =>
    {
        next(builder);
        if (IsQualysClient(builder.Name))
        {
            builder.AdditionalHandlers.Add(new ResendGuardHandler());
        }
    };

    internal static bool IsQualysClient(string? name)
        => name is not null && name.StartsWith(QualysClient.HttpClientName, StringComparison.Ordinal)
            && (name.Length == QualysClient.HttpClientName.Length || name[QualysClient.HttpClientName.Length] == '.');
}
