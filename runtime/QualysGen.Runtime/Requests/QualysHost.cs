namespace QualysGen.Requests;

/// <summary>Which of a platform's hosts serves an endpoint.</summary>
public enum QualysHost
{
    /// <summary>The API server: <c>qualysapi.qualys.com</c> and its per-platform siblings (FO and QPS APIs).</summary>
    ApiServer,

    /// <summary>The gateway: <c>gateway.qg1.apps.qualys.com</c> and siblings (JWT APIs).</summary>
    Gateway,

    /// <summary>A base URL of the endpoint's own (a third-party API described by a spec).</summary>
    Custom,
}
