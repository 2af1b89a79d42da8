using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace QualysGen.Benchmarks.Reporting;

/// <summary>The suite's configuration: BenchmarkDotNet's defaults plus memory diagnostics and this suite's columns.</summary>
public static class SuiteConfig
{
    /// <summary>
    /// <paramref name="quick"/>: every case in this process (no per-case process, so each input is made and checked
    /// once), one warm-up and five measured iterations: minutes instead of most of an hour, noisier, so read ratios
    /// rather than absolute times from it. Otherwise BenchmarkDotNet's default job: a process per case, its own pilot,
    /// warm-up and iteration counts.
    /// </summary>
    public static IConfig Create(bool quick)
    {
        var job = quick
            ? Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(1).WithIterationCount(5).WithId("Quick")
            : Job.Default.WithId("Full");
        return ManualConfig.Create(DefaultConfig.Instance)
            .AddJob(job.AsDefault())
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumn(
                new InputBytesColumn(),
                new ThroughputColumn(),
                new FloorRatioColumn(),
                new SpeedupColumn("XmlSerializer_Deserialize", "x faster than XmlSerializer"),
                new SpeedupColumn("XDocument_Linq", "x faster than XDocument"),
                new AllocationToGraphColumn(),
                new GraphBytesColumn())
            .HideColumns(Column.RatioSD, Column.Error)
            .WithSummaryStyle(SummaryStyle.Default.WithMaxParameterColumnWidth(20));
    }
}
