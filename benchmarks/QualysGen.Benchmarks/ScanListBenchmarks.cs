using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using QualysGen.Benchmarks.Alternatives;
using QualysGen.Benchmarks.HandWritten.ScanList;
using QualysGen.Benchmarks.Inputs;
using QualysGen.Benchmarks.Qualys.ComplianceScheduleScanListOutputDtd;
using QualysGen.Benchmarks.Verification;

namespace QualysGen.Benchmarks;

/// <summary>
/// COMPLIANCE_SCHEDULE_SCAN_LIST_OUTPUT with 10, 1,000 and 100,000 SCAN records: every way of reading it, on the
/// same bytes in the same run, against the floor (a bare XmlReader pass).
/// </summary>
[MemoryDiagnoser]
public class ScanListBenchmarks : IParsingBenchmark
{
    private byte[] _xml = [];

    [Params(10, 1_000, 100_000)]
    public int Scans { get; set; } = 10;

    public long InputBytes => _xml.Length;

    [GlobalSetup]
    public void Setup()
    {
        PrepareInput();
        Once.Check("ScanList/" + Scans, Verify);
    }

    public void PrepareInput() => _xml = ScanListInput.Get(Scans).Xml;

    /// <summary>(1) The floor: a bare XmlReader pass with the generated parsers' settings, reading every value.</summary>
    [Benchmark(Baseline = true)]
    public long XmlReader_Floor() => XmlReaderFloor.Read(Open());

    /// <summary>The floor through the asynchronous XmlReader API, the one the record stream uses. For reference.</summary>
    [Benchmark]
    public Task<long> XmlReader_FloorAsync() => XmlReaderFloor.ReadAsync(Open());

    /// <summary>(2) The generated parser, the whole document materialized.</summary>
    [Benchmark]
    public ComplianceScheduleScanListOutput Generated_Parse() => ComplianceScheduleScanListOutput.Parse(Open(), Threads.One);

    /// <summary>(2p) The generated parser with the default options: the records parsed on every core for 128 KiB and more, one thread below.</summary>
    [Benchmark]
    public ComplianceScheduleScanListOutput Generated_Parse_Parallel() => ComplianceScheduleScanListOutput.Parse(Open(), Threads.Default);

    /// <summary>
    /// (2n) The generated parser with the default options over a response as it arrives (<see cref="NetworkLikeStream"/>: its
    /// length unknown, 16 KB a read): the first 128 KiB read to learn its size, then every core from the first record, or one
    /// thread for a smaller response.
    /// </summary>
    [Benchmark]
    public ComplianceScheduleScanListOutput Generated_Parse_Network() => ComplianceScheduleScanListOutput.Parse(new NetworkLikeStream(_xml), Threads.Default);

    /// <summary>
    /// (2b) The generated parser reading a response as it arrives (<see cref="NetworkLikeStream"/>: not seekable, 16 KB a read):
    /// <c>ParseAsync</c>, which buffers the bytes asynchronously and parses them with the synchronous readers.
    /// </summary>
    [Benchmark]
    public async Task<ComplianceScheduleScanListOutput> Generated_ParseAsync()
        => await ComplianceScheduleScanListOutput.ParseAsync(new NetworkLikeStream(_xml)).ConfigureAwait(false);

    /// <summary>(3) The generated record stream: each SCAN is read, handed over and dropped.</summary>
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
        await foreach (var scan in ComplianceScheduleScanListOutput.EnumerateScansAsync(source ?? Open(), options).ConfigureAwait(false))
        {
            checksum += scan.Id + scan.Schedule.StartHour;
        }

        return checksum;
    }

    /// <summary>(4) XmlSerializer into the hand-written classes.</summary>
    [Benchmark]
    public ScanListOutput XmlSerializer_Deserialize() => Baselines.ScanListWithXmlSerializer(Open());

    /// <summary>(5) XDocument.Load and a LINQ projection into the same classes.</summary>
    [Benchmark]
    public ScanListOutput XDocument_Linq() => Baselines.ScanListWithXDocument(Open());

    /// <summary>
    /// Throws unless every parser reads the same object graph as the one the input was written from, and the floor
    /// reads every value. Run once per process before anything is measured.
    /// </summary>
    public void Verify()
    {
        var expected = ScanListInput.Get(Scans).Expected;
        Canonical.AssertSame("the input's graph", Canonical.Of(expected), nameof(Generated_Parse), Canonical.Of(Generated_Parse()));
        Canonical.AssertSame("the input's graph", Canonical.Of(expected), nameof(Generated_Parse_Parallel), Canonical.Of(Generated_Parse_Parallel()));
        Canonical.AssertSame("the input's graph", Canonical.Of(expected), nameof(Generated_Parse_Network), Canonical.Of(Generated_Parse_Network()));
        Canonical.AssertSame("the input's graph", Canonical.Of(expected), nameof(Generated_ParseAsync), Canonical.Of(Generated_ParseAsync().GetAwaiter().GetResult()));
        Canonical.AssertSame("the input's graph", Canonical.Of(expected), nameof(XmlSerializer_Deserialize), Canonical.Of(XmlSerializer_Deserialize()));
        Canonical.AssertSame("the input's graph", Canonical.Of(expected), nameof(XDocument_Linq), Canonical.Of(XDocument_Linq()));
        Canonical.AssertSame("the input's SCAN records", Canonical.Scans(expected.Response.Scans ?? []), nameof(Generated_Stream), Canonical.Scans(StreamAll(Threads.One)));
        Canonical.AssertSame("the input's SCAN records", Canonical.Scans(expected.Response.Scans ?? []), nameof(Generated_Stream_Parallel), Canonical.Scans(StreamAll(Threads.Default)));
        Canonical.AssertSame("the input's SCAN records", Canonical.Scans(expected.Response.Scans ?? []), nameof(Generated_Stream_Network), Canonical.Scans(StreamAll(Threads.Default, new NetworkLikeStream(_xml))));
        ValueCheck.AssertFloorReadsEverything(_xml, XmlReader_Floor(), XmlReader_FloorAsync().GetAwaiter().GetResult());
    }

    public long RetainedGraphBytes() => GraphSize.Measure(_xml.Length, () => Generated_Parse());

    private List<Qualys.ComplianceScheduleScanListOutputDtd.Scan> StreamAll(QualysXmlOptions? options, Stream? source = null)
    {
        return Collect().GetAwaiter().GetResult();

        async Task<List<Qualys.ComplianceScheduleScanListOutputDtd.Scan>> Collect()
        {
            var scans = new List<Qualys.ComplianceScheduleScanListOutputDtd.Scan>();
            await foreach (var scan in ComplianceScheduleScanListOutput.EnumerateScansAsync(source ?? Open(), options).ConfigureAwait(false))
            {
                scans.Add(scan);
            }

            return scans;
        }
    }

    private MemoryStream Open() => new(_xml, writable: false);
}
