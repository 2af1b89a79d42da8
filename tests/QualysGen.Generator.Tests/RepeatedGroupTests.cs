using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Threading.Tasks;
using QualysGen.Generator.Tests.Infrastructure;

namespace QualysGen.Generator.Tests;

/// <summary>
/// Repeated groups as Qualys writes them (a host list's <c>ID_SET (ID | ID_RANGE)+</c>, custom attributes
/// <c>CUSTOM (ID, TITLE, TYPE?)+</c>, a group inside a group, a group with a repeated member): one list of items in document
/// order, each item's elements kept together, a choice's items saying which branch they are; an item that breaks its group is
/// left out and reported, and the rest of the list and of the document comes through. Parse, ParseAsync and the record stream agree.
/// </summary>
public sealed class RepeatedGroupTests
{
    private const string Dtd = """
        <!-- Written for these tests in the shape of Qualys' host list output. -->
        <!ELEMENT GROUPS_OUTPUT (RESPONSE)>
        <!ELEMENT RESPONSE (DATETIME, HOST_LIST?)>
        <!ELEMENT DATETIME (#PCDATA)>
        <!ELEMENT HOST_LIST (HOST+)>
        <!ELEMENT HOST (ID, ID_SET?, CUSTOM?, PORTS?, (TAG, VALUE*)*, NOTE?)>
        <!ELEMENT ID (#PCDATA)>
        <!ELEMENT ID_SET (ID | ID_RANGE)+>
        <!ELEMENT ID_RANGE (#PCDATA)>
        <!ELEMENT CUSTOM (ID, TITLE, TYPE?)+>
        <!ELEMENT TITLE (#PCDATA)>
        <!ELEMENT TYPE (#PCDATA)>
        <!ELEMENT PORTS (PORT, PROTOCOL?, (SERVICE, VERSION?)*)+>
        <!ELEMENT PORT (#PCDATA)>
        <!ELEMENT PROTOCOL (#PCDATA)>
        <!ELEMENT SERVICE (#PCDATA)>
        <!ELEMENT VERSION (#PCDATA)>
        <!ELEMENT TAG (#PCDATA)>
        <!ELEMENT VALUE (#PCDATA)>
        <!ELEMENT NOTE (#PCDATA)>
        """;

    private const string Spec = """{ "schemas": { "groups_output.dtd": { "types": { "ID": "long", "PORT": "int", "VERSION": "int" } } } }""";

    private static readonly Lazy<Assembly> Generated = new(() =>
    {
        var (result, output) = GeneratorHarness.Run(
            [new InMemoryAdditionalText("/p/groups_output.dtd", Dtd), new InMemoryAdditionalText("/p/groups.endpoints.json", Spec)]);
        Assert.Empty(result.Diagnostics);
        Assert.Empty(GeneratorHarness.CompileProblems(output));
        return GeneratorHarness.Load(output);
    });

    private static Type Root => Generated.Value.GetType(GeneratorHarness.Namespace + ".GroupsOutputDtd.GroupsOutput", throwOnError: true)!;

    private static string Document(string host) => $"""
        <?xml version="1.0" encoding="UTF-8" ?>
        <GROUPS_OUTPUT>
          <RESPONSE>
            <DATETIME>2026-12-01T10:00:00Z</DATETIME>
            <HOST_LIST>
                    <HOST>
                {host}
              </HOST>
              <HOST><ID>99</ID><NOTE>last</NOTE></HOST>
            </HOST_LIST>
          </RESPONSE>
        </GROUPS_OUTPUT>
        """;

    private const string Valid = """
                <ID>1</ID>
                <ID_SET><ID>10</ID><ID_RANGE>20-29</ID_RANGE><ID>5</ID>
                  <ID_RANGE>1-3</ID_RANGE></ID_SET>
                <CUSTOM>
                  <ID>1</ID><TITLE>Owner</TITLE><TYPE>text</TYPE>
                  <ID>2</ID><TITLE>Site</TITLE>
                  <ID>3</ID><TITLE>Cost</TITLE><TYPE>number</TYPE>
                </CUSTOM>
                <PORTS>
                  <PORT>22</PORT><SERVICE>ssh</SERVICE><VERSION>9</VERSION><SERVICE>sftp</SERVICE>
                  <PORT>80</PORT><PROTOCOL>tcp</PROTOCOL>
                  <PORT>443</PORT><SERVICE>https</SERVICE>
                </PORTS>
                <TAG>env</TAG><VALUE>prod</VALUE><VALUE>eu</VALUE><TAG>owner</TAG><TAG>team</TAG><VALUE>ops</VALUE>
                <NOTE>first</NOTE>
        """;

    [Fact]
    public void Repeated_groups_become_one_list_of_items_in_document_order_with_each_items_elements_together()
    {
        var report = new QualysXmlReport();
        var hosts = Hosts(Parse(Document(Valid), report));

        Assert.Equal(2, hosts.Count);
        object host = hosts[0];
        // (ID | ID_RANGE)+: one ordered list whose items say which branch they are.
        Assert.Equal(["Id:10", "IdRange:20-29", "Id:5", "IdRange:1-3"], ListText(host, "IdSet"));
        // (ID, TITLE, TYPE?)+: the second group has no TYPE, and the third keeps its own.
        Assert.Equal(["1 Owner text", "2 Site -", "3 Cost number"], ListText(host, "Custom"));
        // A group inside a group: each port keeps its own services.
        Assert.Equal(["22 - [ssh 9, sftp -]", "80 tcp []", "443 - [https -]"], ListText(host, "Ports"));
        // (TAG, VALUE*)*, beside other members: named after its first element.
        Assert.Equal(["env=prod,eu", "owner=", "team=ops"], ListText(host, "TagGroups"));
        Assert.Equal("first", (string)hosts[0].Note);
        Assert.Equal("last", (string)hosts[1].Note);
        Assert.Empty(Items((object)hosts[1].TagGroups));
        Assert.Empty(report.Deviations);
        Assert.Empty(report.Drift);
    }

    [Fact]
    public void The_generated_shape_is_one_list_of_item_classes_and_a_choice_item_is_nullable_per_branch()
    {
        var types = Generated.Value.GetTypes().ToDictionary(t => t.Name);
        var host = types["Host"];
        Assert.Equal(typeof(IReadOnlyList<>).MakeGenericType(types["HostTagGroup"]), host.GetProperty("TagGroups")!.PropertyType);
        Assert.Null(host.GetProperty("Tags"));
        Assert.Equal(typeof(IReadOnlyList<>).MakeGenericType(types["IdSetItem"]), types["IdSet"].GetProperty("Items")!.PropertyType);
        Assert.Equal(typeof(IReadOnlyList<>).MakeGenericType(types["PortsItemServiceGroup"]), types["PortsItem"].GetProperty("ServiceGroups")!.PropertyType);

        var item = types["IdSetItem"];
        Assert.Equal(typeof(long?), item.GetProperty("Id")!.PropertyType);
        Assert.Equal(NullabilityState.Nullable, new NullabilityInfoContext().Create(item.GetProperty("IdRange")!).ReadState);
        Assert.Equal(types["IdSetItemChoice"], item.GetProperty("Choice")!.PropertyType);
        Assert.Equal(typeof(long), types["CustomItem"].GetProperty("Id")!.PropertyType);
        Assert.Equal(NullabilityState.NotNull, new NullabilityInfoContext().Create(types["CustomItem"].GetProperty("Title")!).ReadState);

        // An empty list, never null, when the group is absent.
        var empty = Hosts(Parse(Document("<ID>1</ID><CUSTOM/>"), new QualysXmlReport()))[0];
        Assert.Empty(Items((object)empty.Custom.Items));
        Assert.Empty(Items((object)empty.TagGroups));
    }

    public static TheoryData<string, string, string[], string, string, string> Deviations => new()
    {
        {
            // A choice item whose value does not parse: that item goes, the others keep their order.
            "<ID>1</ID><ID_SET><ID>10</ID><ID>ten</ID><ID_RANGE>1-3</ID_RANGE></ID_SET>",
            "IdSet", ["Id:10", "IdRange:1-3"],
            "InvalidValue", "/GROUPS_OUTPUT/RESPONSE/HOST_LIST/HOST/ID_SET/ID", "/GROUPS_OUTPUT/RESPONSE/HOST_LIST/HOST/ID_SET/(ID | ID_RANGE)"
        },
        {
            // A group without its required TITLE: that group goes, and its TYPE is not given to a neighbour.
            "<ID>1</ID><CUSTOM><ID>1</ID><TITLE>Owner</TITLE><ID>2</ID><TYPE>text</TYPE><ID>3</ID><TITLE>Cost</TITLE></CUSTOM>",
            "Custom", ["1 Owner -", "3 Cost -"],
            "MissingElement", "/GROUPS_OUTPUT/RESPONSE/HOST_LIST/HOST/CUSTOM", "/GROUPS_OUTPUT/RESPONSE/HOST_LIST/HOST/CUSTOM/(ID, TITLE, TYPE?)"
        },
        {
            // A bad required value first in a group: the group's other elements go with it, not into a new group.
            "<ID>1</ID><CUSTOM><ID>x</ID><TITLE>Owner</TITLE><TYPE>text</TYPE><ID>3</ID><TITLE>Cost</TITLE></CUSTOM>",
            "Custom", ["3 Cost -"],
            "InvalidValue", "/GROUPS_OUTPUT/RESPONSE/HOST_LIST/HOST/CUSTOM/ID", "/GROUPS_OUTPUT/RESPONSE/HOST_LIST/HOST/CUSTOM/(ID, TITLE, TYPE?)"
        },
        {
            // An inner group without its SERVICE: only that inner item goes; the port and its other service stay.
            "<ID>1</ID><PORTS><PORT>22</PORT><VERSION>9</VERSION><SERVICE>ssh</SERVICE><PORT>80</PORT></PORTS>",
            "Ports", ["22 - [ssh -]", "80 - []"],
            "MissingElement", "/GROUPS_OUTPUT/RESPONSE/HOST_LIST/HOST/PORTS", "/GROUPS_OUTPUT/RESPONSE/HOST_LIST/HOST/PORTS/(SERVICE, VERSION?)"
        },
        {
            // An outer item whose PORT does not parse: it goes with its services.
            "<ID>1</ID><PORTS><PORT>ssh</PORT><SERVICE>ssh</SERVICE><PORT>80</PORT><SERVICE>http</SERVICE></PORTS>",
            "Ports", ["80 - [http -]"],
            "InvalidValue", "/GROUPS_OUTPUT/RESPONSE/HOST_LIST/HOST/PORTS/PORT", "/GROUPS_OUTPUT/RESPONSE/HOST_LIST/HOST/PORTS/(PORT, PROTOCOL?, (SERVICE, VERSION?)*)"
        },
        {
            // An optional member with a bad value: only the member goes, the item stays.
            "<ID>1</ID><PORTS><PORT>22</PORT><SERVICE>ssh</SERVICE><VERSION>nine</VERSION></PORTS>",
            "Ports", ["22 - [ssh -]"],
            "InvalidValue", "/GROUPS_OUTPUT/RESPONSE/HOST_LIST/HOST/PORTS/VERSION", "/GROUPS_OUTPUT/RESPONSE/HOST_LIST/HOST/PORTS/VERSION"
        },
        {
            // (TAG, VALUE*)* with a VALUE before any TAG: that item goes, the next TAG keeps its values.
            "<ID>1</ID><VALUE>orphan</VALUE><TAG>env</TAG><VALUE>prod</VALUE>",
            "TagGroups", ["env=prod"],
            "MissingElement", "/GROUPS_OUTPUT/RESPONSE/HOST_LIST/HOST", "/GROUPS_OUTPUT/RESPONSE/HOST_LIST/HOST/(TAG, VALUE*)"
        },
    };

    [Theory]
    [MemberData(nameof(Deviations))]
    public async Task An_item_that_breaks_its_group_is_left_out_and_reported_and_the_rest_is_kept(
        string host, string list, string[] expected, string kind, string elementPath, string omittedPath)
    {
        var document = Document(host);
        var report = new QualysXmlReport();
        var hosts = Hosts(Parse(document, report));

        Assert.Equal(2, hosts.Count);
        Assert.Equal(expected, ListText((object)hosts[0], list));
        Assert.Equal("last", (string)hosts[1].Note);
        var deviation = Assert.Single(report.Deviations);
        Assert.Equal(kind, deviation.Kind.ToString());
        Assert.Equal(elementPath, deviation.ElementPath);
        Assert.Equal(omittedPath, deviation.OmittedPath);
        Assert.Equal(7, deviation.LineNumber);

        // ParseAsync and the record stream read the same items and report the same deviation.
        var asyncReport = new QualysXmlReport();
        var parsedAsync = Hosts(await ParseAsync(document, asyncReport));
        Assert.Equal(expected, ListText((object)parsedAsync[0], list));
        Assert.Equal(report.Deviations, asyncReport.Deviations);
        var streamReport = new QualysXmlReport();
        var streamed = await Stream(document, streamReport);
        Assert.Equal(2, streamed.Count);
        Assert.Equal(expected, ListText(streamed[0], list));
        Assert.Equal(report.Deviations.Select(d => (d.Kind, d.ElementPath, d.OmittedPath, d.LineNumber)), streamReport.Deviations.Select(d => (d.Kind, d.ElementPath, d.OmittedPath, d.LineNumber)));

        // Strict: the first deviation fails the parse.
        var strict = Assert.Throws<TargetInvocationException>(() => Parse(document, null, strict: true));
        Assert.Equal(kind, Assert.IsType<QualysXmlException>(strict.InnerException).Kind.ToString());
    }

    [Fact]
    public void An_undeclared_element_inside_an_item_is_drift_and_the_item_stays_whole()
    {
        var report = new QualysXmlReport();
        object host = Hosts(Parse(Document("<ID>1</ID><CUSTOM><ID>1</ID><ADDED>new</ADDED><TITLE>Owner</TITLE><TYPE>text</TYPE><ID>2</ID><TITLE>Site</TITLE></CUSTOM>"), report))[0];

        Assert.Equal(["1 Owner text", "2 Site -"], ListText(host, "Custom"));
        Assert.Empty(report.Deviations);
        var drift = Assert.Single(report.Drift);
        Assert.Equal("/GROUPS_OUTPUT/RESPONSE/HOST_LIST/HOST/CUSTOM/ADDED", drift.Path);
    }

    [Fact]
    public void An_xsd_repeated_choice_is_one_ordered_list_that_writes_back_as_it_was_read()
    {
        const string Xsd = """
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
              <xs:element name="Targets">
                <xs:complexType>
                  <xs:sequence>
                    <xs:element name="name" type="xs:string"/>
                    <xs:choice minOccurs="0" maxOccurs="unbounded">
                      <xs:element name="ip" type="xs:string"/>
                      <xs:element name="range" type="xs:string"/>
                    </xs:choice>
                  </xs:sequence>
                </xs:complexType>
              </xs:element>
            </xs:schema>
            """;
        const string Xml = "<Targets><name>n</name><ip>10.0.0.1</ip><range>10.0.1.0-10.0.1.9</range><ip>10.0.0.2</ip></Targets>";
        var (result, output) = GeneratorHarness.Run([new InMemoryAdditionalText("/p/targets.xsd", Xsd)]);
        Assert.Empty(result.Diagnostics);
        Assert.Empty(GeneratorHarness.CompileProblems(output));
        var root = GeneratorHarness.Load(output).GetType(GeneratorHarness.Namespace + ".TargetsXsd.Targets", throwOnError: true)!;

        dynamic targets = root.GetMethod("Parse", [typeof(Stream)])!.Invoke(null, [new MemoryStream(Encoding.UTF8.GetBytes(Xml))])!;

        Assert.Equal(["Ip:10.0.0.1", "Range:10.0.1.0-10.0.1.9", "Ip:10.0.0.2"], Items((object)targets.IpGroups).Select(i => (string)(i.Choice.ToString() + ":" + (i.Ip ?? i.Range))));
        Assert.Equal(Xml, (string)targets.ToXml());
    }

    [Fact]
    public void An_optional_first_element_starts_its_item_and_a_group_sharing_its_elements_stays_flattened()
    {
        const string Edge = """
            <!ELEMENT EDGE_OUTPUT (PAIRS, SHARED)>
            <!ELEMENT PAIRS (KEY?, VALUE)+>
            <!ELEMENT KEY (#PCDATA)>
            <!ELEMENT VALUE (#PCDATA)>
            <!-- KEY outside the group too: items could not be told from the KEY before them, so each element keeps its list. -->
            <!ELEMENT SHARED (KEY, (KEY, VALUE)*)>
            """;
        var (result, output) = GeneratorHarness.Run([new InMemoryAdditionalText("/p/edge_output.dtd", Edge)]);
        Assert.Empty(result.Diagnostics);
        Assert.Empty(GeneratorHarness.CompileProblems(output));
        var root = GeneratorHarness.Load(output).GetType(GeneratorHarness.Namespace + ".EdgeOutputDtd.EdgeOutput", throwOnError: true)!;
        const string Xml = "<EDGE_OUTPUT><PAIRS><VALUE>a</VALUE><KEY>k</KEY><VALUE>b</VALUE><VALUE>c</VALUE></PAIRS>"
            + "<SHARED><KEY>s</KEY><KEY>t</KEY><VALUE>u</VALUE></SHARED></EDGE_OUTPUT>";

        dynamic edge = root.GetMethod("Parse", [typeof(Stream)])!.Invoke(null, [new MemoryStream(Encoding.UTF8.GetBytes(Xml))])!;

        // (KEY?, VALUE)+: a KEY after a VALUE begins the next item, it is not the earlier VALUE's.
        Assert.Equal(["-=a", "k=b", "-=c"], Items((object)edge.Pairs.Items).Select(p => (string)$"{p.Key ?? "-"}={p.Value}"));
        Assert.Equal(["s", "t"], Items((object)edge.Shared.Keys).Select(k => (string)k));
        Assert.Equal(["u"], Items((object)edge.Shared.Values).Select(v => (string)v));
    }

    private static object Parse(string document, QualysXmlReport? report, bool strict = false)
        => Root.GetMethod("Parse", [typeof(Stream), typeof(QualysXmlOptions)])!
            .Invoke(null, [new MemoryStream(Encoding.UTF8.GetBytes(document)), new QualysXmlOptions { Reporter = report, Strict = strict }])!;

    private static async Task<object> ParseAsync(string document, QualysXmlReport report)
    {
        var method = Root.GetMethod("ParseAsync", [typeof(Stream), typeof(QualysXmlOptions), typeof(System.Threading.CancellationToken)])!;
        dynamic task = method.Invoke(null, [new MemoryStream(Encoding.UTF8.GetBytes(document)), new QualysXmlOptions { Reporter = report }, default(System.Threading.CancellationToken)])!;
        return await task;
    }

    private static async Task<List<object>> Stream(string document, QualysXmlReport report)
    {
        var method = Root.GetMethod("EnumerateHostsAsync", [typeof(Stream), typeof(QualysXmlOptions), typeof(System.Threading.CancellationToken)])!;
        var records = (IAsyncEnumerable<object>)method.Invoke(null, [new MemoryStream(Encoding.UTF8.GetBytes(document)), new QualysXmlOptions { Reporter = report }, default(System.Threading.CancellationToken)])!;
        var list = new List<object>();
        await foreach (var record in records)
        {
            list.Add(record);
        }

        return list;
    }

    private static List<dynamic> Hosts(object output) => Items((object)((dynamic)output).Response.Hosts);

    private static List<dynamic> Items(object list) => ((IEnumerable)list).Cast<dynamic>().ToList();

    private static string PortText(dynamic port)
        => $"{port.Port} {port.Protocol ?? "-"} [{string.Join(", ", Items((object)port.ServiceGroups).Select(s => $"{s.Service} {(s.Version is null ? "-" : s.Version.ToString())}"))}]";

    private static IEnumerable<string> ListText(object host, string list) => ListText((dynamic)host, list, 0);

    private static IEnumerable<string> ListText(dynamic host, string list, int _) => list switch
    {
        "IdSet" => Items((object)host.IdSet.Items).Select(i => (string)(i.Choice.ToString() + ":" + (i.Id?.ToString() ?? i.IdRange))),
        "Custom" => Items((object)host.Custom.Items).Select(i => $"{i.Id} {i.Title} {i.Type ?? "-"}"),
        "Ports" => Items((object)host.Ports.Items).Select(PortText),
        _ => Items((object)host.TagGroups).Select(t => $"{t.Tag}={string.Join(",", Items((object)t.Values))}"),
    };
}
