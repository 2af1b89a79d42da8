using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using QualysGen.Xml;

namespace QualysGen.IntegrationTests.HostileInput;

/// <summary>
/// Issue 13.3 and 13.9 for <c>Parse</c> and <c>ParseAsync</c>: over a stream of short reads the <see cref="System.Xml.XmlReader"/>
/// throws <see cref="System.ArgumentOutOfRangeException"/> for a split XML declaration and moves some error locations;
/// over a <see cref="WholeReadStream"/> it reads as over a <see cref="MemoryStream"/>. (The generated entry points do not use
/// it yet: the fuzz test's quarantined categories <c>ParseChunking</c> and <c>Contract.Parse</c>.)
/// </summary>
public sealed class WholeReadStreamTests
{
    [Theory]
    [InlineData("seed003_compliance_schedule_list.xml")]
    [InlineData("built: SIMPLE_RETURN with 5 items")]
    public async Task Every_truncation_reads_as_from_memory_however_the_response_is_cut(string seedName)
    {
        var seed = SeedDocument.All.Single(s => s.Name == seedName);
        for (var cut = 0; cut <= seed.Bytes.Length; cut++)
        {
            var bytes = seed.Bytes[..cut];
            var fromMemory = Differential.Parse(seed.Target, new MemoryStream(bytes), out _).Key;
            var inPieces = Differential.Parse(seed.Target, new ChunkedStream(bytes, 1 + (cut % 7), cut), out _).Key;
            var whole = Differential.Parse(seed.Target, new WholeReadStream(new ChunkedStream(bytes, 1 + (cut % 7), cut)), out _).Key;
            var asyncFromMemory = (await Differential.ParseAsync(seed.Target, new MemoryStream(bytes))).Key;
            var asyncWhole = (await Differential.ParseAsync(seed.Target, new WholeReadStream(new ChunkedStream(bytes, 1 + (cut % 7), cut, asyncOnly: true)))).Key;
            Assert.Equal(fromMemory, whole);
            Assert.Equal(asyncFromMemory, asyncWhole);

            // The generated Parse fills its reads itself (XmlParsing.WholeReads): short reads move no location.
            Assert.Equal(fromMemory, inPieces);
        }
    }

    [Fact]
    public void A_split_declaration_with_a_non_ascii_version_is_malformed_not_an_argument_error()
    {
        var bytes = Encoding.UTF8.GetBytes("<?xml version=\"1.0é\"?>" + SeedDocument.BuiltSimpleReturn(1)[SeedDocument.BuiltSimpleReturn(1).IndexOf('\n')..]);
        var target = ResponseTarget.SimpleReturn;

        // A bare XmlReader over one-byte reads throws ArgumentOutOfRangeException here; the generated Parse fills its reads.
        var failure = Differential.Parse(target, new ChunkedStream(bytes, 1, 1), out _).Failure!;
        Assert.Equal(QualysXmlErrorKind.Malformed, failure.Kind);
        Assert.Equal(Differential.Parse(target, new MemoryStream(bytes), out _).Key, failure.Key);
        Assert.Equal(failure.Key, Differential.Parse(target, new WholeReadStream(new ChunkedStream(bytes, 1, 1)), out _).Failure!.Key);
    }
}
