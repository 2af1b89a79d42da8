using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using QualysGen.Benchmarks.Alternatives;
using QualysGen.Benchmarks.HandWritten.SimpleReturn;
using QualysGen.Benchmarks.Inputs;
using QualysGen.Benchmarks.Qualys.SimpleReturnDtd;
using QualysGen.Benchmarks.Verification;

namespace QualysGen.Benchmarks;

/// <summary>
/// A SIMPLE_RETURN with its REQUEST echo (about 1.5 KB): the answer to most write calls. Small enough that the fixed
/// cost of a parse dominates, which is what this measures.
/// </summary>
[MemoryDiagnoser]
public class SimpleReturnBenchmarks : IParsingBenchmark
{
    private byte[] _xml = [];

    public long InputBytes => _xml.Length;

    [GlobalSetup]
    public void Setup()
    {
        PrepareInput();
        Once.Check("SimpleReturn", Verify);
    }

    public void PrepareInput() => _xml = SimpleReturnInput.Get().Xml;

    /// <summary>(1) The floor: a bare XmlReader pass with the generated parsers' settings, reading every value.</summary>
    [Benchmark(Baseline = true)]
    public long XmlReader_Floor() => XmlReaderFloor.Read(Open());

    /// <summary>The floor through the asynchronous XmlReader API. For reference.</summary>
    [Benchmark]
    public Task<long> XmlReader_FloorAsync() => XmlReaderFloor.ReadAsync(Open());

    /// <summary>(2) The generated parser, materialized.</summary>
    [Benchmark]
    public SimpleReturn Generated_Parse() => SimpleReturn.Parse(Open(), Threads.One);

    /// <summary>(2p) The generated parser with the default options: the records parsed on every core for 128 KiB and more, one thread below.</summary>
    [Benchmark]
    public SimpleReturn Generated_Parse_Parallel() => SimpleReturn.Parse(Open(), Threads.Default);

    /// <summary>
    /// (2n) The generated parser with the default options over a response as it arrives (<see cref="NetworkLikeStream"/>: its
    /// length unknown, 16 KB a read): the first 128 KiB read to learn its size, then every core from the first record, or one
    /// thread for a smaller response.
    /// </summary>
    [Benchmark]
    public SimpleReturn Generated_Parse_Network() => SimpleReturn.Parse(new NetworkLikeStream(_xml), Threads.Default);

    /// <summary>(3) The generated record stream over the ITEM records.</summary>
    [Benchmark]
    public Task<int> Generated_Stream() => StreamChecksum(Threads.One);

    /// <summary>(3p) The record stream with the default options: records parsed ahead on every core for 128 KiB and more, one thread below.</summary>
    [Benchmark]
    public Task<int> Generated_Stream_Parallel() => StreamChecksum(Threads.Default);

    /// <summary>
    /// (3n) The record stream with the default options over a response as it arrives (<see cref="NetworkLikeStream"/>: its
    /// length unknown, 16 KB a read), as the client hands it one: one thread for the first 128 KiB, every core after that.
    /// </summary>
    [Benchmark]
    public Task<int> Generated_Stream_Network() => StreamChecksum(Threads.Default, new NetworkLikeStream(_xml));

    private async Task<int> StreamChecksum(QualysXmlOptions? options, Stream? source = null)
    {
        var checksum = 0;
        await foreach (var item in SimpleReturn.EnumerateItemsAsync(source ?? Open(), options).ConfigureAwait(false))
        {
            checksum += item.Key.Length + item.Values.Count;
        }

        return checksum;
    }

    /// <summary>(4) XmlSerializer into the hand-written classes.</summary>
    [Benchmark]
    public SimpleReturnOutput XmlSerializer_Deserialize() => Baselines.SimpleReturnWithXmlSerializer(Open());

    /// <summary>(5) XDocument.Load and a LINQ projection into the same classes.</summary>
    [Benchmark]
    public SimpleReturnOutput XDocument_Linq() => Baselines.SimpleReturnWithXDocument(Open());

    /// <summary>Throws unless every parser reads the graph the input was written from and the floor reads every value.</summary>
    public void Verify()
    {
        var expected = SimpleReturnInput.Get().Expected;
        Canonical.AssertSame("the input's graph", Canonical.Of(expected), nameof(Generated_Parse), Canonical.Of(Generated_Parse()));
        Canonical.AssertSame("the input's graph", Canonical.Of(expected), nameof(Generated_Parse_Parallel), Canonical.Of(Generated_Parse_Parallel()));
        Canonical.AssertSame("the input's graph", Canonical.Of(expected), nameof(Generated_Parse_Network), Canonical.Of(Generated_Parse_Network()));
        Canonical.AssertSame("the input's graph", Canonical.Of(expected), nameof(XmlSerializer_Deserialize), Canonical.Of(XmlSerializer_Deserialize()));
        Canonical.AssertSame("the input's graph", Canonical.Of(expected), nameof(XDocument_Linq), Canonical.Of(XDocument_Linq()));
        Canonical.AssertSame("the input's ITEM records", Canonical.Items(expected.Response.Items ?? []), nameof(Generated_Stream), Canonical.Items(StreamAll(Threads.One)));
        Canonical.AssertSame("the input's ITEM records", Canonical.Items(expected.Response.Items ?? []), nameof(Generated_Stream_Parallel), Canonical.Items(StreamAll(Threads.Default)));
        Canonical.AssertSame("the input's ITEM records", Canonical.Items(expected.Response.Items ?? []), nameof(Generated_Stream_Network), Canonical.Items(StreamAll(Threads.Default, new NetworkLikeStream(_xml))));
        ValueCheck.AssertFloorReadsEverything(_xml, XmlReader_Floor(), XmlReader_FloorAsync().GetAwaiter().GetResult());
    }

    public long RetainedGraphBytes() => GraphSize.Measure(_xml.Length, () => Generated_Parse());

    private List<Qualys.SimpleReturnDtd.Item> StreamAll(QualysXmlOptions? options, Stream? source = null)
    {
        return Collect().GetAwaiter().GetResult();

        async Task<List<Qualys.SimpleReturnDtd.Item>> Collect()
        {
            var items = new List<Qualys.SimpleReturnDtd.Item>();
            await foreach (var item in SimpleReturn.EnumerateItemsAsync(source ?? Open(), options).ConfigureAwait(false))
            {
                items.Add(item);
            }

            return items;
        }
    }

    private MemoryStream Open() => new(_xml, writable: false);
}
