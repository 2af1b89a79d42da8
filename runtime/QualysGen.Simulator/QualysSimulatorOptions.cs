using System;

namespace QualysGen.Simulator;

/// <summary>How a <see cref="QualysSimulator"/> behaves. Limits and page sizes may be changed while it runs; they are read per request.</summary>
public sealed class QualysSimulatorOptions
{
    /// <summary>The one account's user name (default <c>demo_user</c>).</summary>
    public string UserName { get; set; } = "demo_user";

    /// <summary>The account's password (default <c>demo-password</c>).</summary>
    public string Password { get; set; } = "demo-password";

    /// <summary>Whether to start with sample data: reports, a compliance schedule, WAS scans and web apps (default true).</summary>
    public bool SeedData { get; set; } = true;

    /// <summary>
    /// Calls allowed per API (per path) in <see cref="RateLimitWindow"/>; beyond it a call gets HTTP 409 with code 1965 and
    /// <c>X-RateLimit-ToWait-Sec</c>. Null turns the rate limit off. Default 300, the Qualys default.
    /// </summary>
    public int? RateLimit { get; set; } = 300;

    /// <summary>The rolling window of <see cref="RateLimit"/> (default 1 hour).</summary>
    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Calls allowed to run at once per API; one more gets HTTP 409 with code 1960. Null turns it off. Default 2.</summary>
    public int? ConcurrencyLimit { get; set; } = 2;

    /// <summary>How long every API call takes (default none); makes concurrency observable.</summary>
    public TimeSpan ProcessingDelay { get; set; } = TimeSpan.Zero;

    /// <summary>Records per classic-API list response before it is truncated with a <c>WARNING</c> (code 1980) and a next-batch URL; 0 = never. Default 1000.</summary>
    public int TruncationLimit { get; set; } = 1000;

    /// <summary>Records per QPS search page when the request sets no <c>limitResults</c> (default 100, as Qualys).</summary>
    public int QpsPageSize { get; set; } = 100;

    /// <summary>How long a JWT from <c>/auth</c> lives (default 4 hours, as Qualys).</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(4);

    /// <summary>The clock (default <see cref="System.TimeProvider.System"/>).</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
