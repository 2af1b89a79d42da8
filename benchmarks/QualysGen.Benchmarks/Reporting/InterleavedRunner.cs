using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;

namespace QualysGen.Benchmarks.Reporting;

/// <summary>
/// <c>--interleaved</c>: the parsing benchmarks measured round-robin in one process, every method of an input once per
/// round, the best and the median round kept. On a shared machine the load of other processes comes and goes within
/// a BenchmarkDotNet run of one method, so its means and medians carry that load unevenly from row to row; here every
/// method of an input meets the same load, and the best round is the one least disturbed. A cross-check of the
/// BenchmarkDotNet ratios, not a replacement: same [GlobalSetup] checks, same methods.
/// </summary>
internal static class InterleavedRunner
{
    /// <summary>The sizes of the QPS ServiceResponse (wasscan.xsd), as in <see cref="WasScanBenchmarks.Scans"/>.</summary>
    private static readonly int[] WasScanCounts = [10, 10_000];

    public static int Run(int rounds, IReadOnlyList<int> scanCounts)
    {
        var output = new StringBuilder();
        output.AppendLine(CultureInfo.InvariantCulture, $"Interleaved: {rounds} rounds, every method once per round in rotating order; GC forced before each batch; times per operation.");
        output.AppendLine();
        output.AppendLine("| Input | Method | Best | Median | x Floor (best) | x Floor (median) | x faster than XmlSerializer (best) | x faster than XDocument (best) | Allocated/op |");
        output.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|");

        var simple = new SimpleReturnBenchmarks();
        simple.Setup();
        Measure("SIMPLE_RETURN", simple, rounds, output);
        foreach (var scans in scanCounts)
        {
            var list = new ScanListBenchmarks { Scans = scans };
            list.Setup();
            Measure($"{scans:N0} SCAN", list, rounds, output);
        }

        foreach (var scans in WasScanCounts)
        {
            var wasScans = new WasScanBenchmarks { Scans = scans };
            wasScans.Setup();
            Measure($"{scans:N0} WasScan", wasScans, rounds, output);
        }

        Console.WriteLine();
        Console.WriteLine(output.ToString());
        return 0;
    }

    private static void Measure(string input, object benchmark, int rounds, StringBuilder output)
    {
        var methods = benchmark.GetType().GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null)
            .OrderBy(m => m.MetadataToken)
            .ToList();
        var calls = methods.Select(m => (Func<object?>)(() => m.Invoke(benchmark, null))).ToList();

        // Batch size: enough calls for about 100 ms, at least one.
        var batch = calls.Select(call =>
        {
            Invoke(call);
            var stopwatch = Stopwatch.StartNew();
            Invoke(call);
            return (int)Math.Clamp(0.1 / Math.Max(stopwatch.Elapsed.TotalSeconds, 1e-7), 1, 100_000);
        }).ToList();

        var times = methods.Select(_ => new List<double>()).ToList();
        var allocated = new long[methods.Count];
        for (var round = 0; round < rounds; round++)
        {
            for (var k = 0; k < methods.Count; k++)
            {
                var i = (k + round) % methods.Count;
                GC.Collect();
                GC.WaitForPendingFinalizers();
                GC.Collect();
                // Every thread's allocations: the parallel methods allocate on worker threads too.
                var before = GC.GetTotalAllocatedBytes(precise: true);
                var stopwatch = Stopwatch.StartNew();
                for (var n = 0; n < batch[i]; n++)
                {
                    Invoke(calls[i]);
                }

                times[i].Add(stopwatch.Elapsed.TotalMilliseconds * 1_000_000 / batch[i]);
                allocated[i] = (GC.GetTotalAllocatedBytes(precise: true) - before) / batch[i];
            }

            Console.WriteLine($"// {input}: round {round + 1} of {rounds} done");
        }

        double Best(string name) => times[methods.FindIndex(m => m.Name == name)].Min();
        double Median(string name) => MedianOf(times[methods.FindIndex(m => m.Name == name)]);
        for (var i = 0; i < methods.Count; i++)
        {
            var name = methods[i].Name;
            var best = times[i].Min();
            var median = MedianOf(times[i]);
            output.AppendLine(CultureInfo.InvariantCulture,
                $"| {input} | {name} | {Time(best)} | {Time(median)} | {best / Best("XmlReader_Floor"):F2} | {median / Median("XmlReader_Floor"):F2} | {Best("XmlSerializer_Deserialize") / best:F2} | {Best("XDocument_Linq") / best:F2} | {allocated[i]:N0} B |");
        }
    }

    private static void Invoke(Func<object?> call)
    {
        if (call() is Task task)
        {
            task.GetAwaiter().GetResult();
        }
    }

    private static double MedianOf(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string Time(double nanoseconds) => nanoseconds switch
    {
        >= 1e9 => (nanoseconds / 1e9).ToString("F3", CultureInfo.InvariantCulture) + " s",
        >= 1e6 => (nanoseconds / 1e6).ToString("F2", CultureInfo.InvariantCulture) + " ms",
        _ => (nanoseconds / 1e3).ToString("F1", CultureInfo.InvariantCulture) + " us",
    };
}
