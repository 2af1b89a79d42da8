using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Running;
using QualysGen.Benchmarks.Inputs;
using QualysGen.Benchmarks.Reporting;

namespace QualysGen.Benchmarks;

/// <summary>
/// Runs the suite: <c>dotnet run -c Release --project benchmarks/QualysGen.Benchmarks -- [--quick] [BenchmarkDotNet options]</c>.
/// Without a <c>--filter</c>, every benchmark runs. See benchmarks/README.md.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var arguments = new List<string>(args);
        var at = arguments.IndexOf("--write-inputs");
        if (at >= 0)
        {
            return WriteInputs(at + 1 < arguments.Count ? arguments[at + 1] : "inputs");
        }

        at = arguments.IndexOf("--loop");
        if (at >= 0)
        {
            return Loop(arguments.Skip(at + 1).ToArray());
        }

        at = arguments.IndexOf("--interleaved");
        if (at >= 0)
        {
            var rounds = at + 1 < arguments.Count && int.TryParse(arguments[at + 1], out var r) ? r : 9;
            return InterleavedRunner.Run(rounds, arguments.Contains("--no-100k") ? [10, 1_000] : [10, 1_000, 100_000]);
        }

        var quick = arguments.Remove("--quick");
        if (!arguments.Contains("--filter") && !arguments.Contains("-f") && !arguments.Contains("--list"))
        {
            arguments.AddRange(["--filter", "*"]);
        }

        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run([.. arguments], SuiteConfig.Create(quick));
        var failed = summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success));
        if (failed)
        {
            Console.Error.WriteLine("Some benchmarks failed; see the log above.");
        }

        return failed ? 1 : 0;
    }

    /// <summary>
    /// <c>--loop [WasScan.]Method [scans] [seconds]</c>: calls one ScanListBenchmarks method (SimpleReturnBenchmarks when
    /// scans is 0, WasScanBenchmarks when the method is prefixed with <c>WasScan.</c>, GeneratorBenchmarks for Cold and
    /// UnrelatedEdit) in a loop, for a profiler to attach to (see the README's profiling section). Prints the mean time per
    /// call, the cores kept busy, what the GC did (<see cref="EphemeralCollections"/>), and with <c>--allocations</c> what
    /// was allocated by type (<see cref="AllocationSampler"/>).
    /// </summary>
    private static int Loop(string[] args)
    {
        const string WasScanPrefix = "WasScan.";
        var sampleAllocations = args.Contains("--allocations");
        args = args.Where(a => a != "--allocations").ToArray();
        var method = args.Length > 0 ? args[0] : nameof(ScanListBenchmarks.Generated_Parse);
        var wasScan = method.StartsWith(WasScanPrefix, StringComparison.Ordinal);
        if (wasScan)
        {
            method = method[WasScanPrefix.Length..];
        }

        var scans = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1_000;
        var seconds = args.Length > 2 ? double.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 20;
        object benchmark;
        if (method is nameof(GeneratorBenchmarks.Cold) or nameof(GeneratorBenchmarks.UnrelatedEdit))
        {
            var generator = new GeneratorBenchmarks();
            generator.Setup();
            benchmark = generator;
        }
        else
        {
            benchmark = wasScan ? new WasScanBenchmarks { Scans = scans }
                : scans == 0 ? new SimpleReturnBenchmarks()
                : new ScanListBenchmarks { Scans = scans };
            ((IParsingBenchmark)benchmark).PrepareInput();
        }

        var call = benchmark.GetType().GetMethod(method) ?? throw new ArgumentException("No benchmark method " + method);
        // Three seconds untimed first, so that what is timed runs tiered-up code (for a profiler: perf record -D 4000).
        var warmUp = System.Diagnostics.Stopwatch.StartNew();
        while (warmUp.Elapsed.TotalSeconds < 3)
        {
            if (call.Invoke(benchmark, null) is System.Threading.Tasks.Task warmUpTask)
            {
                warmUpTask.GetAwaiter().GetResult();
            }
        }

        var cpu0 = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        var gc0 = GC.CollectionCount(0);
        var gc1 = GC.CollectionCount(1);
        var gc2 = GC.CollectionCount(2);
        var alloc0 = GC.GetTotalAllocatedBytes(true);
        var pause0 = GC.GetTotalPauseDuration();
        using var allocations = sampleAllocations ? new AllocationSampler() : null;
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        var calls = 0;
        var collections = new EphemeralCollections();
        object? last = null;
        while (stopwatch.Elapsed.TotalSeconds < seconds)
        {
            last = call.Invoke(benchmark, null);
            if (last is System.Threading.Tasks.Task task)
            {
                task.GetAwaiter().GetResult();
            }

            calls++;
            collections.Sample();
        }

        // How many cores the calls kept busy, and what the GC cost them: for the parallel methods.
        Console.WriteLine($"cpu {(System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds / stopwatch.Elapsed.TotalSeconds:F2} cores, gen0/1/2 {GC.CollectionCount(0) - gc0}/{GC.CollectionCount(1) - gc1}/{GC.CollectionCount(2) - gc2}, GC pause {(GC.GetTotalPauseDuration() - pause0).TotalMilliseconds / calls:F2} ms/call, alloc {(GC.GetTotalAllocatedBytes(true) - alloc0) / calls:N0} B/call, promoted {GC.GetGCMemoryInfo(GCKind.Any).PromotedBytes:N0} B by the last GC");
        Console.WriteLine(collections.ToString());
        allocations?.Print(calls);
        if (last is long number)
        {
            Console.WriteLine($"the last call returned {number:N0}");   // RetainedGraphBytes: the graph's size
        }
        Console.WriteLine($"{method}: {calls} calls in {stopwatch.Elapsed.TotalSeconds:F1} s, {stopwatch.Elapsed.TotalMilliseconds * 1000 / calls:F1} us per call");
        return 0;
    }

    /// <summary>Writes the input documents to <paramref name="folder"/> and prints their sizes (the benchmarks make them in memory).</summary>
    private static int WriteInputs(string folder)
    {
        Directory.CreateDirectory(folder);
        var inputs = new List<(string Name, byte[] Xml)> { ("simple_return.xml", SimpleReturnInput.Get().Xml) };
        foreach (var scans in new[] { 10, 1_000, 100_000 })
        {
            inputs.Add(($"compliance_schedule_scan_list_{scans}.xml", ScanListInput.Get(scans).Xml));
        }

        foreach (var scans in new[] { 10, 10_000 })
        {
            inputs.Add(($"wasscan_{scans}.xml", WasScanInput.Get(scans).Xml));
        }

        foreach (var (name, xml) in inputs)
        {
            var path = Path.Combine(folder, name);
            File.WriteAllBytes(path, xml);
            Console.WriteLine($"{xml.Length,14:N0} bytes  {path}");
        }

        return 0;
    }
}
