using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using QualysGen.Generator.Tests.Infrastructure;

namespace QualysGen.Generator.Tests;

/// <summary>
/// A record stream reads the elements around its records (the envelope) as <c>Parse</c> reads them: the attributes of the
/// root and of the containers (a required one missing or unparsable fails both at the start tag, an optional one with a bad
/// value is left out and reported, an unknown enumeration value is drift), and a required member missing fails both at its
/// parent's end tag, after every record. With records in a list wrapper, and records right in the root.
/// </summary>
public sealed class RecordStreamEnvelopeTests
{
    private const string Dtd = """
        <!-- Written for these tests: envelopes with attributes, records in a wrapper and right in the root. -->
        <!ELEMENT PAGE_OUTPUT (RESPONSE)>
        <!ATTLIST PAGE_OUTPUT version CDATA #REQUIRED>
        <!ELEMENT RESPONSE (STATUS?, HOST_LIST?)>
        <!ATTLIST RESPONSE page CDATA #IMPLIED state (open|closed) #IMPLIED>
        <!ELEMENT STATUS (#PCDATA)>
        <!ELEMENT HOST_LIST (HOST+)>
        <!ELEMENT HOST (ID)>
        <!ELEMENT ID (#PCDATA)>
        <!ELEMENT FLAT_OUTPUT (HEADER, HOST*)>
        <!ELEMENT HEADER (#PCDATA)>
        """;

    private const string Spec = """{ "schemas": { "envelope.dtd": { "types": { "ID": "long", "PAGE_OUTPUT@version": "int", "RESPONSE@page": "int" } } } }""";

    private static readonly Lazy<Assembly> Generated = new(() =>
    {
        var (_, output) = GeneratorHarness.Run(
            [new InMemoryAdditionalText("/p/envelope.dtd", Dtd), new InMemoryAdditionalText("/p/envelope.endpoints.json", Spec)]);
        Assert.Empty(GeneratorHarness.CompileProblems(output));
        return GeneratorHarness.Load(output);
    });

    private static Type Root(string name) => Generated.Value.GetType(GeneratorHarness.Namespace + ".EnvelopeDtd." + name, throwOnError: true)!;

    private const string Hosts = "<HOST><ID>1</ID></HOST>\n<HOST><ID>2</ID></HOST>\n<HOST><ID>3</ID></HOST>";

    /// <summary>What Parse and the record stream make of <paramref name="xml"/>, checked to be the same, as Parse's: its records
    /// (or its exception), its deviations and its drift.</summary>
    private static async Task<string> BothWays(string rootName, string xml)
    {
        var root = Root(rootName);
        var parseReport = new QualysXmlReport();
        string parsed;
        try
        {
            dynamic result = root.GetMethod("Parse", [typeof(Stream), typeof(QualysXmlOptions)])!
                .Invoke(null, [new MemoryStream(Encoding.UTF8.GetBytes(xml)), new QualysXmlOptions { Reporter = parseReport }])!;
            IEnumerable<dynamic> hosts = rootName == "FlatOutput" ? result.Hosts : result.Response.Hosts;
            parsed = Ids(hosts.Select(h => (long)h.Id)) + " then end";
        }
        catch (TargetInvocationException exception) when (exception.InnerException is QualysXmlException inner)
        {
            parsed = "up to the fault, then " + Describe(inner);
        }

        var streamReport = new QualysXmlReport();
        var streamed = new List<long>();
        string ending;
        try
        {
            var records = (IAsyncEnumerable<object>)root.GetMethod("EnumerateHostsAsync", [typeof(Stream), typeof(QualysXmlOptions), typeof(CancellationToken)])!
                .Invoke(null, [new MemoryStream(Encoding.UTF8.GetBytes(xml)), new QualysXmlOptions { Reporter = streamReport }, CancellationToken.None])!;
            await foreach (dynamic host in records)
            {
                streamed.Add((long)host.Id);
            }

            ending = Ids(streamed) + " then end";
        }
        catch (QualysXmlException exception)
        {
            ending = "up to the fault, then " + Describe(exception);
        }

        var fromParse = Outcome(parsed, parseReport);
        Assert.Equal(fromParse, Outcome(ending, streamReport));
        return fromParse + (ending.StartsWith("up to", StringComparison.Ordinal) ? "; streamed " + Ids(streamed) : "");

        static string Ids(IEnumerable<long> ids) => "[" + string.Join(",", ids) + "]";
        static string Describe(QualysXmlException x) => $"{x.Kind} {x.ElementPath} {x.LineNumber}:{x.LinePosition}";
        static string Outcome(string ending, QualysXmlReport report)
            => ending
               + string.Concat(report.Deviations.Select(d => $"; {d.Kind} {d.OmittedPath} {d.LineNumber}:{d.LinePosition}"))
               + string.Concat(report.Drift.Select(d => $"; {d.Kind} {d.Path} {d.Value} x{d.Count}"));
    }

    private static string Page(string rootAttributes, string responseAttributes = "")
        => $"<PAGE_OUTPUT{rootAttributes}>\n<RESPONSE{responseAttributes}><STATUS>ok</STATUS>\n<HOST_LIST>\n{Hosts}\n</HOST_LIST></RESPONSE>\n</PAGE_OUTPUT>";

    [Fact]
    public async Task A_required_attribute_of_the_root_missing_fails_both_at_its_start_tag()
    {
        Assert.Equal("up to the fault, then MissingAttribute /PAGE_OUTPUT 1:2; streamed []", await BothWays("PageOutput", Page("")));
    }

    [Fact]
    public async Task A_required_attribute_of_the_root_that_does_not_parse_fails_both_at_its_start_tag()
    {
        Assert.StartsWith("up to the fault, then InvalidValue /PAGE_OUTPUT", await BothWays("PageOutput", Page(" version=\"two\"")));
    }

    [Fact]
    public async Task An_optional_attribute_of_a_container_that_does_not_parse_is_left_out_and_reported_once_and_an_unknown_value_is_drift()
    {
        var outcome = await BothWays("PageOutput", Page(" version=\"2\"", " page=\"first\" state=\"ajar\" extra=\"1\""));

        Assert.Equal(
            "[1,2,3] then end; InvalidValue /PAGE_OUTPUT/RESPONSE/@page 2:11"
            + "; UnknownEnumValue /PAGE_OUTPUT/RESPONSE/@state ajar x1; UndeclaredAttribute /PAGE_OUTPUT/RESPONSE/@extra  x1",
            outcome);
    }

    [Fact]
    public async Task A_clean_page_gives_every_record_and_reports_nothing()
    {
        Assert.Equal("[1,2,3] then end", await BothWays("PageOutput", Page(" version=\"2\"", " page=\"1\" state=\"open\"")));
    }

    [Fact]
    public async Task Records_right_in_the_root_come_before_a_required_member_missing_at_the_roots_end()
    {
        var outcome = await BothWays("FlatOutput", $"<FLAT_OUTPUT>\n{Hosts}\n<NOTE/></FLAT_OUTPUT>");

        Assert.Equal("up to the fault, then MissingElement /FLAT_OUTPUT 5:10; UndeclaredElement /FLAT_OUTPUT/NOTE  x1; streamed [1,2,3]", outcome);
    }

    [Fact]
    public async Task Records_right_in_the_root_come_whole_with_the_roots_other_members()
    {
        Assert.Equal("[1,2,3] then end", await BothWays("FlatOutput", $"<FLAT_OUTPUT><HEADER>h</HEADER>\n{Hosts}\n</FLAT_OUTPUT>"));
    }
}
