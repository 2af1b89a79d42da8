using System;
using System.Collections.Concurrent;

namespace QualysGen.Limits;

/// <summary>
/// The limits stage of one client: an <see cref="EndpointLimits"/> (gate and rate window) per API the client has called. Qualys
/// counts per API, so the key is the host and the path without its query.
/// </summary>
internal sealed class LimitTable
{
    private readonly ConcurrentDictionary<string, EndpointLimits> _limits = new(StringComparer.Ordinal);
    private readonly int _defaultConcurrency;

    public LimitTable(int defaultConcurrency) => _defaultConcurrency = defaultConcurrency;

    /// <summary>The limits of the API at <paramref name="path"/> (no query) on <paramref name="baseUri"/>, made on first use.</summary>
    public EndpointLimits For(Uri baseUri, string path)
        => _limits.GetOrAdd(Key(baseUri, path), static (key, capacity) => new EndpointLimits(key, capacity), _defaultConcurrency);

    /// <summary>The current size of that API's gate: the default until Qualys has said its limit.</summary>
    public int ConcurrencyLimit(Uri baseUri, string path)
        => _limits.TryGetValue(Key(baseUri, path), out var limits) ? limits.Gate.Capacity : _defaultConcurrency;

    private static string Key(Uri baseUri, string path) => baseUri.Authority + path;
}
