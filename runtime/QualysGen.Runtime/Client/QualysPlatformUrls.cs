using System;

namespace QualysGen.Client;

/// <summary>The two hosts of a Qualys platform: the API server (classic <c>/api/N.0/fo/</c> and QPS <c>/qps/rest/</c> APIs) and the gateway (<c>/auth</c> and the JWT APIs).</summary>
public sealed class QualysPlatformUrls
{
    /// <summary>Creates the pair.</summary>
    public QualysPlatformUrls(Uri apiServer, Uri gateway)
    {
        ApiServer = apiServer ?? throw new ArgumentNullException(nameof(apiServer));
        Gateway = gateway ?? throw new ArgumentNullException(nameof(gateway));
    }

    /// <summary>The API server, e.g. <c>https://qualysapi.qualys.com/</c>.</summary>
    public Uri ApiServer { get; }

    /// <summary>The gateway, e.g. <c>https://gateway.qg1.apps.qualys.com/</c>.</summary>
    public Uri Gateway { get; }

    /// <summary>
    /// The hosts of <paramref name="platform"/>. Sources: Qualys' own GitHub Action (github-action-qwas, ApiServerUrl/ApiGatewayUrl),
    /// cross-checked with the qualysdk and Qualys Postman platform tables; EU3 is the Italian platform (<c>qualys.it</c>).
    /// </summary>
    public static QualysPlatformUrls For(QualysPlatform platform) => platform switch
    {
        QualysPlatform.US1 => Create("qualysapi.qualys.com", "gateway.qg1.apps.qualys.com"),
        QualysPlatform.US2 => Create("qualysapi.qg2.apps.qualys.com", "gateway.qg2.apps.qualys.com"),
        QualysPlatform.US3 => Create("qualysapi.qg3.apps.qualys.com", "gateway.qg3.apps.qualys.com"),
        QualysPlatform.US4 => Create("qualysapi.qg4.apps.qualys.com", "gateway.qg4.apps.qualys.com"),
        QualysPlatform.EU1 => Create("qualysapi.qualys.eu", "gateway.qg1.apps.qualys.eu"),
        QualysPlatform.EU2 => Create("qualysapi.qg2.apps.qualys.eu", "gateway.qg2.apps.qualys.eu"),
        QualysPlatform.EU3 => Create("qualysapi.qg3.apps.qualys.it", "gateway.qg3.apps.qualys.it"),
        QualysPlatform.IN1 => Create("qualysapi.qg1.apps.qualys.in", "gateway.qg1.apps.qualys.in"),
        QualysPlatform.CA1 => Create("qualysapi.qg1.apps.qualys.ca", "gateway.qg1.apps.qualys.ca"),
        QualysPlatform.AE1 => Create("qualysapi.qg1.apps.qualys.ae", "gateway.qg1.apps.qualys.ae"),
        QualysPlatform.UK1 => Create("qualysapi.qg1.apps.qualys.co.uk", "gateway.qg1.apps.qualys.co.uk"),
        QualysPlatform.AU1 => Create("qualysapi.qg1.apps.qualys.com.au", "gateway.qg1.apps.qualys.com.au"),
        QualysPlatform.KSA1 => Create("qualysapi.qg1.apps.qualysksa.com", "gateway.qg1.apps.qualysksa.com"),
        _ => throw new ArgumentOutOfRangeException(nameof(platform), platform, "Not a known Qualys platform; set ApiServerUrl and GatewayUrl instead."),
    };

    private static QualysPlatformUrls Create(string apiServer, string gateway)
        => new(new Uri("https://" + apiServer + "/"), new Uri("https://" + gateway + "/"));

    /// <inheritdoc />
    public override string ToString() => $"API server {ApiServer}, gateway {Gateway}";
}
