using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using QualysGen.Benchmarks.Inputs;
using QualysGen.Benchmarks.Qualys.ComplianceScheduleScanListOutputDtd;
using QualysGen.Benchmarks.Verification;

namespace QualysGen.Benchmarks.Tests;

/// <summary>
/// Runs every [Benchmark] method of the suite once, on the smallest inputs, after the [GlobalSetup] that asserts that
/// all parsers read the same object graph. Nothing is timed: this catches a broken benchmark, not a slow one.
/// </summary>
[Collection(SmokeTests.Collection)]
public sealed class SmokeTests
{
    /// <summary>
    /// The smoke test classes run one after the other, not in parallel: <see cref="The_retained_graph_is_measured"/> measures
    /// process-wide heap growth, which another class's parse (the 10,000-record QPS input is 61 MB) would disturb.
    /// </summary>
    public const string Collection = "Benchmarks smoke";

    public static TheoryData<Type> BenchmarkTypes()
    {
        var data = new TheoryData<Type>();
        foreach (var type in typeof(Program).Assembly.GetTypes().Where(IsBenchmark).OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            data.Add(type);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BenchmarkTypes))]
    public async Task Every_benchmark_method_runs_once_after_the_setup_checks(Type type)
    {
        var benchmark = Activator.CreateInstance(type)!;
        SetSmallestParameters(benchmark);

        var setups = Methods<GlobalSetupAttribute>(type);
        Assert.NotEmpty(setups);
        foreach (var setup in setups)
        {
            setup.Invoke(benchmark, null); // throws if the parsers disagree
        }

        var benchmarks = Methods<BenchmarkAttribute>(type);
        Assert.NotEmpty(benchmarks);
        foreach (var method in benchmarks)
        {
            var result = method.Invoke(benchmark, null);
            if (result is Task task)
            {
                await task;
                result = task.GetType().GetProperty("Result")?.GetValue(task);
            }

            Assert.True(result is not null, $"{type.Name}.{method.Name} returned nothing");
        }

        Assert.Single(benchmarks, m => m.GetCustomAttribute<BenchmarkAttribute>()!.Baseline);
    }

    [Fact]
    public void The_parsing_benchmarks_compare_the_same_five_ways_of_reading()
    {
        string[] required = ["XmlReader_Floor", "Generated_Parse", "Generated_Stream", "XmlSerializer_Deserialize", "XDocument_Linq"];
        foreach (var type in new[] { typeof(ScanListBenchmarks), typeof(SimpleReturnBenchmarks), typeof(WasScanBenchmarks) })
        {
            var names = Methods<BenchmarkAttribute>(type).Select(m => m.Name).ToList();
            Assert.All(required, name => Assert.Contains(name, names));
            Assert.True(type.GetMethod("XmlReader_Floor")!.GetCustomAttribute<BenchmarkAttribute>()!.Baseline);
        }
    }

    [Fact]
    public void The_inputs_are_the_same_bytes_on_every_run_and_have_the_optional_parts()
    {
        var input = ScanListInput.Get(1_000);
        Assert.Equal(input.Xml, ScanListInputAgain(1_000));
        var scans = input.Expected.Response.Scans!;
        Assert.Equal(1_000, scans.Count);

        // Every optional part of a SCAN occurs, none in every record.
        Func<HandWritten.ScanList.Scan, bool>[] optional =
        [
            s => s.ScanType is not null, s => s.Title is not null, s => s.Client is not null, s => s.NetworkId is not null,
            s => s.IscannerName is not null, s => s.Ec2Instance is not null, s => s.CloudDetails is not null,
            s => s.AssetGroupTitles is not null, s => s.AssetTags is not null, s => s.ExcludeIpPerScan is not null,
            s => s.UserEnteredIps is not null, s => s.ElbDns is not null, s => s.OptionProfile is not null,
            s => s.Notifications is not null, s => s.Schedule.Daily is not null, s => s.Schedule.Weekly is not null,
            s => s.Schedule.Monthly is not null, s => s.Schedule.NextlaunchUtc is not null, s => s.Schedule.MaxOccurrence is not null,
        ];
        Assert.All(optional, has => Assert.InRange(scans.Count(has), 1, scans.Count - 1));
    }

    [Fact]
    public void A_parser_that_skips_a_field_fails_the_check()
    {
        var input = ScanListInput.Get(10);
        var parsed = ComplianceScheduleScanListOutput.Parse(new System.IO.MemoryStream(input.Xml));
        var skipped = parsed.Response.Scans.Select(s => new Scan
        {
            Id = s.Id, ScanType = s.ScanType, Active = s.Active, Title = s.Title, Client = s.Client, UserLogin = s.UserLogin,
            Target = s.Target, NetworkId = s.NetworkId, IscannerName = s.IscannerName, Ec2Instance = s.Ec2Instance,
            CloudDetails = s.CloudDetails, AssetGroupTitles = s.AssetGroupTitles, AssetTags = s.AssetTags,
            ExcludeIpPerScan = s.ExcludeIpPerScan, UserEnteredIps = s.UserEnteredIps, ElbDns = s.ElbDns,
            OptionProfile = s.OptionProfile, Schedule = s.Schedule,
            Notifications = null, // not read
        });

        Canonical.AssertSame("expected", Canonical.Scans(input.Expected.Response.Scans!), "complete", Canonical.Scans(parsed.Response.Scans));
        var error = Assert.Throws<InvalidOperationException>(() =>
            Canonical.AssertSame("expected", Canonical.Scans(input.Expected.Response.Scans!), "skipping", Canonical.Scans(skipped)));
        Assert.Contains("NOTIFICATIONS", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_retained_graph_is_measured()
    {
        var benchmark = new ScanListBenchmarks { Scans = 10 };
        benchmark.PrepareInput();
        var bytes = benchmark.RetainedGraphBytes();
        Assert.InRange(bytes, benchmark.InputBytes / 10, benchmark.InputBytes * 10);
    }

    private static byte[] ScanListInputAgain(int scans)
    {
        // Get() memoizes; build a second document through a fresh cache to prove the seed makes it the same.
        var create = typeof(ScanListInput).GetMethod("Create", BindingFlags.NonPublic | BindingFlags.Static)!;
        return ((ScanListInput)create.Invoke(null, [scans])!).Xml;
    }

    private static bool IsBenchmark(Type type)
        => type is { IsClass: true, IsAbstract: false } && type.GetMethods().Any(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null);

    private static List<MethodInfo> Methods<TAttribute>(Type type)
        where TAttribute : Attribute
        => type.GetMethods(BindingFlags.Public | BindingFlags.Instance).Where(m => m.GetCustomAttribute<TAttribute>() is not null).ToList();

    private static void SetSmallestParameters(object benchmark)
    {
        foreach (var property in benchmark.GetType().GetProperties())
        {
            if (property.GetCustomAttribute<ParamsAttribute>() is { } values)
            {
                property.SetValue(benchmark, values.Values.OrderBy(v => Convert.ToDouble(v, System.Globalization.CultureInfo.InvariantCulture)).First());
            }
        }
    }
}
