using System;
using System.Collections.Generic;

namespace QualysGen.Benchmarks.Verification;

/// <summary>How much memory a parse result keeps alive: the object graph itself, without what parsing allocated and dropped.</summary>
public static class GraphSize
{
    /// <summary>
    /// Parses (after one warm-up parse, which fills the per-thread caches) enough copies to hold about 4 MB of input,
    /// keeps them alive, and divides the growth of the heap after a full GC by the number of copies. Copies make the
    /// measure of a small document exact enough; one copy of a large one is already far above the noise.
    /// </summary>
    public static long Measure(long inputBytes, Func<object> parse)
    {
        GC.KeepAlive(parse());
        var copies = (int)Math.Clamp(4_000_000 / Math.Max(1, inputBytes), 1, 10_000);
        var results = new List<object>(copies);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        for (var i = 0; i < copies; i++)
        {
            results.Add(parse());
        }

        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(results);
        // The list holding the copies is allocated before the first measure, so it is not counted.
        return (after - before) / copies;
    }
}
