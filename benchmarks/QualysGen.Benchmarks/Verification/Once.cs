using System;
using System.Collections.Concurrent;

namespace QualysGen.Benchmarks.Verification;

/// <summary>
/// Runs a check once per process and key. Out of process (the default), every benchmark case has its own process, so
/// each checks before it measures; in process (<c>--quick</c>), the cases of one input share the check.
/// </summary>
internal static class Once
{
    private static readonly ConcurrentDictionary<string, Lazy<bool>> Done = new();

    public static void Check(string key, Action check)
        => _ = Done.GetOrAdd(key, _ => new Lazy<bool>(() =>
        {
            check();
            return true;
        })).Value;
}
