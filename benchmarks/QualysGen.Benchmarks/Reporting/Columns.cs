using System;
using System.Globalization;
using System.Linq;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace QualysGen.Benchmarks.Reporting;

/// <summary>The columns this suite adds to BenchmarkDotNet's table; see benchmarks/README.md for how to read them.</summary>
public abstract class SuiteColumn(string id, string name, string legend, int priority) : IColumn
{
    public string Id => "QualysGen." + id;
    public string ColumnName => name;
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => priority;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => legend;

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => Value(summary, benchmarkCase) ?? "-";

    protected abstract string? Value(Summary summary, BenchmarkCase benchmarkCase);

    protected static double? Median(Summary summary, BenchmarkCase benchmarkCase) => summary[benchmarkCase]?.ResultStatistics?.Median;

    protected static double? Mean(Summary summary, BenchmarkCase benchmarkCase) => summary[benchmarkCase]?.ResultStatistics?.Mean;

    /// <summary>The case of method <paramref name="method"/> with the same parameters and job as <paramref name="benchmarkCase"/>.</summary>
    protected static BenchmarkCase? Sibling(Summary summary, BenchmarkCase benchmarkCase, string method)
        => summary.BenchmarksCases.FirstOrDefault(c =>
            c.Descriptor.Type == benchmarkCase.Descriptor.Type
            && c.Descriptor.WorkloadMethod.Name == method
            && c.Parameters.DisplayInfo == benchmarkCase.Parameters.DisplayInfo
            && c.Job.DisplayInfo == benchmarkCase.Job.DisplayInfo);

    protected static string Format(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}

/// <summary>The size of the input document.</summary>
public sealed class InputBytesColumn() : SuiteColumn("InputBytes", "Input bytes", "Size of the input document in bytes (UTF-8)", 0)
{
    protected override string? Value(Summary summary, BenchmarkCase benchmarkCase)
        => BenchmarkInputs.Of(benchmarkCase) is { } input ? input.InputBytes.ToString("N0", CultureInfo.InvariantCulture) : null;
}

/// <summary>Input megabytes (10^6 bytes) read per second at the mean time.</summary>
public sealed class ThroughputColumn() : SuiteColumn("Throughput", "MB/s", "Input read per second at the mean time, in MB (10^6 bytes)", 1)
{
    protected override string? Value(Summary summary, BenchmarkCase benchmarkCase)
        => BenchmarkInputs.Of(benchmarkCase) is { } input && Mean(summary, benchmarkCase) is { } nanoseconds and > 0
            ? Format(input.InputBytes * 1_000.0 / nanoseconds, "F1")
            : null;
}

/// <summary>Median time over the floor's median time (lower is better; the targets are stated on this).</summary>
public sealed class FloorRatioColumn() : SuiteColumn("FloorRatio", "x Floor (median)", "Median time / median time of XmlReader_Floor in the same run (lower is better)", 2)
{
    protected override string? Value(Summary summary, BenchmarkCase benchmarkCase)
        => Sibling(summary, benchmarkCase, "XmlReader_Floor") is { } floor && Median(summary, floor) is { } f and > 0 && Median(summary, benchmarkCase) is { } m
            ? Format(m / f, "F2")
            : null;
}

/// <summary>How many times faster than another method of the same benchmark (median over median; higher is better).</summary>
public sealed class SpeedupColumn(string method, string name)
    : SuiteColumn("Speedup." + method, name, $"Median time of {method} / this median time in the same run: how many times faster than {method} (higher is better)", 3)
{
    protected override string? Value(Summary summary, BenchmarkCase benchmarkCase)
        => Sibling(summary, benchmarkCase, method) is { } other && Median(summary, other) is { } o && Median(summary, benchmarkCase) is { } m and > 0
            ? Format(o / m, "F2")
            : null;
}

/// <summary>Bytes allocated per parse over the bytes the generated parser's result keeps alive.</summary>
public sealed class AllocationToGraphColumn() : SuiteColumn("AllocToGraph", "Alloc / graph", "Allocated bytes per operation / bytes the generated parser's result graph keeps alive (target for Generated_Parse: <= 1.10)", 4)
{
    protected override string? Value(Summary summary, BenchmarkCase benchmarkCase)
        => BenchmarkInputs.Of(benchmarkCase) is { GraphBytes: > 0 } input
           && summary[benchmarkCase]?.GcStats.GetBytesAllocatedPerOperation(benchmarkCase) is { } allocated
            ? Format((double)allocated / input.GraphBytes, "F2")
            : null;
}

/// <summary>The bytes the generated parser's result keeps alive, for the row's input.</summary>
public sealed class GraphBytesColumn() : SuiteColumn("GraphBytes", "Graph bytes", "Managed bytes that the generated parser's result for this input keeps alive (measured in the host after a full GC)", 5)
{
    protected override string? Value(Summary summary, BenchmarkCase benchmarkCase)
        => BenchmarkInputs.Of(benchmarkCase) is { GraphBytes: > 0 } input ? input.GraphBytes.ToString("N0", CultureInfo.InvariantCulture) : null;
}
