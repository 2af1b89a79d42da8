using System;
using System.Globalization;
using System.Net.Http;
using System.Net.Http.Headers;

namespace QualysGen.Limits;

/// <summary>
/// The limit headers of a Qualys response (looked up case-insensitively; Qualys sends them lower case or mixed): <c>X-RateLimit-Limit</c>,
/// <c>-Window-Sec</c>, <c>-Remaining</c>, <c>-ToWait-Sec</c>, <c>X-Concurrency-Limit-Limit</c>, <c>-Running</c>, and <c>Retry-After</c> from the gateway.
/// </summary>
internal readonly struct LimitHeaders
{
    public int? RateLimit { get; init; }

    public int? RateWindowSeconds { get; init; }

    public int? RateRemaining { get; init; }

    public int? ToWaitSeconds { get; init; }

    public int? ConcurrencyLimit { get; init; }

    public int? ConcurrencyRunning { get; init; }

    public TimeSpan? RetryAfter { get; init; }

    public static LimitHeaders From(HttpResponseMessage response, DateTimeOffset now)
    {
        var headers = response.Headers;
        TimeSpan? retryAfter = null;
        if (headers.RetryAfter is { } value)
        {
            retryAfter = value.Delta ?? (value.Date is { } date ? date - now : null);
            if (retryAfter < TimeSpan.Zero)
            {
                retryAfter = TimeSpan.Zero;
            }
        }

        return new LimitHeaders
        {
            RateLimit = Get(headers, "X-RateLimit-Limit"),
            RateWindowSeconds = Get(headers, "X-RateLimit-Window-Sec"),
            RateRemaining = Get(headers, "X-RateLimit-Remaining"),
            ToWaitSeconds = Get(headers, "X-RateLimit-ToWait-Sec"),
            ConcurrencyLimit = Get(headers, "X-Concurrency-Limit-Limit"),
            ConcurrencyRunning = Get(headers, "X-Concurrency-Limit-Running"),
            RetryAfter = retryAfter,
        };
    }

    private static int? Get(HttpResponseHeaders headers, string name)
    {
        // HttpHeaders compares names case-insensitively.
        if (!headers.TryGetValues(name, out var values))
        {
            return null;
        }

        foreach (var value in values)
        {
            if (int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                return number;
            }
        }

        return null;
    }
}
