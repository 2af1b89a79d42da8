using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using QualysGen.Benchmarks.Alternatives;
using QualysGen.Benchmarks.HandWritten.WasScans;
using QualysGen.Benchmarks.Inputs;
using QualysGen.Benchmarks.Qualys.WasscanXsd;
using QualysGen.Benchmarks.Verification;

namespace QualysGen.Benchmarks;

/// <summary>
/// A QPS ServiceResponse of wasscan.xsd (the XSD path of the generator) with 10 and 10,000 WasScan records: every way of
/// reading it, on the same bytes in the same run, against the floor (a bare XmlReader pass).
/// </summary>
[MemoryDiagnoser]
public class WasScanBenchmarks : IParsingBenchmark
{
    private byte[] _xml = [];

    [Params(10, 10_000)]
    public int Scans { get; set; } = 10;

    public long InputBytes => _xml.Length;

    [GlobalSetup]
    public void Setup()
    {
        PrepareInput();
        Once.Check("WasScan/" + Scans, Verify);
    }

    public void PrepareInput() => _xml = WasScanInput.Get(Scans).Xml;

    /// <summary>(1) The floor: a bare XmlReader pass with the generated parsers' settings, reading every value.</summary>
    [Benchmark(Baseline = true)]
    public long XmlReader_Floor() => XmlReaderFloor.Read(Open());

    /// <summary>The floor through the asynchronous XmlReader API, the one the record stream uses. For reference.</summary>
    [Benchmark]
    public Task<long> XmlReader_FloorAsync() => XmlReaderFloor.ReadAsync(Open());

    /// <summary>(2) The generated parser, the whole document materialized.</summary>
    [Benchmark]
    public ServiceResponse Generated_Parse() => ServiceResponse.Parse(Open(), Threads.One);

    /// <summary>(2p) The generated parser with the default options: the records parsed on every core for 128 KiB and more, one thread below.</summary>
    [Benchmark]
    public ServiceResponse Generated_Parse_Parallel() => ServiceResponse.Parse(Open(), Threads.Default);

    /// <summary>
    /// (2n) The generated parser with the default options over a response as it arrives (<see cref="NetworkLikeStream"/>: its
    /// length unknown, 16 KB a read): the first 128 KiB read to learn its size, then every core from the first record, or one
    /// thread for a smaller response.
    /// </summary>
    [Benchmark]
    public ServiceResponse Generated_Parse_Network() => ServiceResponse.Parse(new NetworkLikeStream(_xml), Threads.Default);

    /// <summary>(3) The generated record stream: each WasScan is read, handed over and dropped.</summary>
    [Benchmark]
    public Task<long> Generated_Stream() => StreamChecksum(Threads.One);

    /// <summary>(3p) The record stream with the default options: records parsed ahead on every core for 128 KiB and more, one thread below.</summary>
    [Benchmark]
    public Task<long> Generated_Stream_Parallel() => StreamChecksum(Threads.Default);

    /// <summary>
    /// (3n) The record stream with the default options over a response as it arrives (<see cref="NetworkLikeStream"/>: its
    /// length unknown, 16 KB a read), as the client hands it one: one thread for the first 128 KiB, every core after that.
    /// </summary>
    [Benchmark]
    public Task<long> Generated_Stream_Network() => StreamChecksum(Threads.Default, new NetworkLikeStream(_xml));

    private async Task<long> StreamChecksum(QualysXmlOptions? options, Stream? source = null)
    {
        long checksum = 0;
        await foreach (var scan in ServiceResponse.EnumerateWasScansAsync(source ?? Open(), options, CancellationToken.None).ConfigureAwait(false))
        {
            checksum += (scan.Id ?? 0) + (scan.ScanDuration ?? 0);
        }

        return checksum;
    }

    /// <summary>(4) XmlSerializer into the hand-written classes.</summary>
    [Benchmark]
    public WasScanResponse XmlSerializer_Deserialize() => Baselines.WasScansWithXmlSerializer(Open());

    /// <summary>(5) XDocument.Load and a LINQ projection into the same classes.</summary>
    [Benchmark]
    public WasScanResponse XDocument_Linq() => Baselines.WasScansWithXDocument(Open());

    /// <summary>
    /// Throws unless every parser reads the same object graph as the one the input was written from, and the floor
    /// reads every value. Run once per process before anything is measured.
    /// </summary>
    public void Verify()
    {
        var expected = WasScanInput.Get(Scans).Expected;
        Canonical.AssertSame("the input's graph", Canonical.Of(expected), nameof(Generated_Parse), Canonical.Of(Generated_Parse()));
        Canonical.AssertSame("the input's graph", Canonical.Of(expected), nameof(Generated_Parse_Parallel), Canonical.Of(Generated_Parse_Parallel()));
        Canonical.AssertSame("the input's graph", Canonical.Of(expected), nameof(Generated_Parse_Network), Canonical.Of(Generated_Parse_Network()));
        Canonical.AssertSame("the input's graph", Canonical.Of(expected), nameof(XmlSerializer_Deserialize), Canonical.Of(XmlSerializer_Deserialize()));
        Canonical.AssertSame("the input's graph", Canonical.Of(expected), nameof(XDocument_Linq), Canonical.Of(XDocument_Linq()));
        Canonical.AssertSame("the input's WasScan records", Canonical.WasScans(expected.Data ?? []), nameof(Generated_Stream), Canonical.WasScans(StreamAll(Threads.One)));
        Canonical.AssertSame("the input's WasScan records", Canonical.WasScans(expected.Data ?? []), nameof(Generated_Stream_Parallel), Canonical.WasScans(StreamAll(Threads.Default)));
        Canonical.AssertSame("the input's WasScan records", Canonical.WasScans(expected.Data ?? []), nameof(Generated_Stream_Network), Canonical.WasScans(StreamAll(Threads.Default, new NetworkLikeStream(_xml))));
        ValueCheck.AssertFloorReadsEverything(_xml, XmlReader_Floor(), XmlReader_FloorAsync().GetAwaiter().GetResult());
    }

    public long RetainedGraphBytes() => GraphSize.Measure(_xml.Length, () => Generated_Parse());

    private List<Qualys.WasscanXsd.WasScan> StreamAll(QualysXmlOptions? options, Stream? source = null)
    {
        return Collect().GetAwaiter().GetResult();

        async Task<List<Qualys.WasscanXsd.WasScan>> Collect()
        {
            var scans = new List<Qualys.WasscanXsd.WasScan>();
            await foreach (var scan in ServiceResponse.EnumerateWasScansAsync(source ?? Open(), options, CancellationToken.None).ConfigureAwait(false))
            {
                scans.Add(scan);
            }

            return scans;
        }
    }

    private MemoryStream Open() => new(_xml, writable: false);
}
