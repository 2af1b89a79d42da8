using System;
using System.Collections.Concurrent;
using System.Reflection;
using BenchmarkDotNet.Running;

namespace QualysGen.Benchmarks.Reporting;

/// <summary>
/// Asks a parsing benchmark, in the host process, about its input for a case's parameters (size, retained graph size).
/// Memoized: the columns ask for every row.
/// </summary>
internal static class BenchmarkInputs
{
    private static readonly ConcurrentDictionary<string, Lazy<(long InputBytes, long GraphBytes)>> Cache = new();

    public static (long InputBytes, long GraphBytes)? Of(BenchmarkCase benchmarkCase)
    {
        var type = benchmarkCase.Descriptor.Type;
        if (!typeof(IParsingBenchmark).IsAssignableFrom(type))
        {
            return null;
        }

        var key = type.FullName + "|" + benchmarkCase.Parameters.DisplayInfo;
        return Cache.GetOrAdd(key, _ => new Lazy<(long, long)>(() => Measure(type, benchmarkCase))).Value;
    }

    private static (long, long) Measure(Type type, BenchmarkCase benchmarkCase)
    {
        var benchmark = (IParsingBenchmark)Activator.CreateInstance(type)!;
        foreach (var parameter in benchmarkCase.Parameters.Items)
        {
            var property = type.GetProperty(parameter.Name, BindingFlags.Public | BindingFlags.Instance);
            if (property is not null)
            {
                property.SetValue(benchmark, parameter.Value);
            }
            else
            {
                type.GetField(parameter.Name, BindingFlags.Public | BindingFlags.Instance)?.SetValue(benchmark, parameter.Value);
            }
        }

        benchmark.PrepareInput();
        return (benchmark.InputBytes, benchmark.RetainedGraphBytes());
    }
}
