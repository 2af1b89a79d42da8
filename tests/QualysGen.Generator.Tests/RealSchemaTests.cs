using System;
using System.Collections;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;
using QualysGen.Generator.Tests.Infrastructure;

namespace QualysGen.Generator.Tests;

/// <summary>
/// A DTD shaped like Qualys' host list output, with the hygiene of the published files (a child used but never declared),
/// and a response that breaks it as Qualys' own sample does (a <c>#REQUIRED</c> attribute missing): the build works, the
/// page comes through, and one line of spec overlay relaxes the requirement.
/// </summary>
public sealed class RealSchemaTests
{
    private const string Dtd = """
        <!-- Written for these tests in the shape of host_list_output.dtd. -->
        <!ELEMENT HOST_LIST_OUTPUT (REQUEST?, RESPONSE)>
        <!ELEMENT REQUEST (DATETIME, USER_LOGIN)>
        <!ELEMENT DATETIME (#PCDATA)>
        <!ELEMENT USER_LOGIN (#PCDATA)>
        <!ELEMENT RESPONSE (DATETIME, HOST_LIST?)>
        <!ELEMENT HOST_LIST (HOST+)>
        <!ELEMENT HOST (ID, IP?, TRACKING_METHOD, LAST_SCAN_DATETIME?, USER_DEF?, COMMENTS?)>
        <!ELEMENT ID (#PCDATA)>
        <!ELEMENT IP (#PCDATA)>
        <!ELEMENT TRACKING_METHOD (#PCDATA)>
        <!ELEMENT LAST_SCAN_DATETIME (#PCDATA)>
        <!ELEMENT USER_DEF (LABEL_1?, VALUE_1?)>
        <!ELEMENT LABEL_1 (#PCDATA)>
        <!ELEMENT VALUE_1 (#PCDATA)>
        <!ATTLIST VALUE_1 ud_attr CDATA #REQUIRED>
        """;

    private const string Types = """ "types": { "ID": "long", "DATETIME": "DateTimeOffset", "LAST_SCAN_DATETIME": "DateTimeOffset" } """;

    private const string Document = """
        <?xml version="1.0" encoding="UTF-8" ?>
        <!DOCTYPE HOST_LIST_OUTPUT SYSTEM "https://qualysapi.qualys.com/api/2.0/fo/asset/host/host_list_output.dtd">
        <HOST_LIST_OUTPUT>
          <RESPONSE>
            <DATETIME>2026-12-01T10:00:00Z</DATETIME>
            <HOST_LIST>
              <HOST>
                <ID>1</ID><IP>10.0.0.1</IP><TRACKING_METHOD>IP</TRACKING_METHOD>
                <LAST_SCAN_DATETIME></LAST_SCAN_DATETIME>
                <USER_DEF><LABEL_1><![CDATA[Owner]]></LABEL_1><VALUE_1><![CDATA[ops team]]></VALUE_1></USER_DEF>
                <COMMENTS><![CDATA[checked	 ]]></COMMENTS>
              </HOST>
              <HOST><ID>2</ID><TRACKING_METHOD>DNS</TRACKING_METHOD></HOST>
            </HOST_LIST>
          </RESPONSE>
        </HOST_LIST_OUTPUT>
        """;

    private static (Type Root, Assembly Assembly, string[] DiagnosticIds) Generate(string overlay)
    {
        var spec = "{ \"schemas\": { \"host_list_output.dtd\": { " + Types + overlay + " } } }";
        var (result, output) = GeneratorHarness.Run(
            [new InMemoryAdditionalText("/p/host_list_output.dtd", Dtd), new InMemoryAdditionalText("/p/host.endpoints.json", spec)]);
        Assert.Empty(GeneratorHarness.CompileProblems(output));
        var assembly = GeneratorHarness.Load(output);
        return (assembly.GetType(GeneratorHarness.Namespace + ".HostListOutputDtd.HostListOutput", throwOnError: true)!, assembly, result.Diagnostics.Select(d => d.Id).ToArray());
    }

    private static dynamic Parse(Type root, QualysXmlOptions options)
        => root.GetMethod("Parse", [typeof(Stream), typeof(QualysXmlOptions)])!.Invoke(null, [new MemoryStream(Encoding.UTF8.GetBytes(Document)), options])!;

    [Fact]
    public void A_published_dtd_with_an_undeclared_child_builds_with_a_warning_and_the_page_survives_a_missing_required_attribute()
    {
        var (root, _, diagnostics) = Generate("");

        // COMMENTS is used but never declared: a located warning, read as text.
        Assert.Contains("QG0003", diagnostics);
        var report = new QualysXmlReport();
        var output = Parse(root, new QualysXmlOptions { Reporter = report });

        var hosts = ((IEnumerable)output.Response.Hosts).Cast<dynamic>().ToList();
        Assert.Equal(2, hosts.Count);
        Assert.Null((DateTimeOffset?)hosts[0].LastScanDatetime);        // empty optional date: absent
        Assert.Equal("Owner", (string)hosts[0].UserDef.Label1);
        Assert.Null(hosts[0].UserDef.Value1);                            // VALUE_1 without ud_attr: left out, the rest kept
        Assert.Equal("checked\t ", (string)hosts[0].Comments);          // CDATA kept byte for byte
        var deviation = Assert.Single(report.Deviations);
        Assert.Equal(QualysXmlErrorKind.MissingAttribute, deviation.Kind);
        Assert.Equal("/HOST_LIST_OUTPUT/RESPONSE/HOST_LIST/HOST/USER_DEF/VALUE_1", deviation.OmittedPath);
        Assert.Equal(10, deviation.LineNumber);

        var strict = Assert.Throws<TargetInvocationException>(() => Parse(root, new QualysXmlOptions { Strict = true }));
        Assert.Equal(QualysXmlErrorKind.MissingAttribute, Assert.IsType<QualysXmlException>(strict.InnerException).Kind);
    }

    [Fact]
    public void One_line_of_overlay_makes_the_attribute_optional_and_nothing_is_left_out()
    {
        var (root, assembly, diagnostics) = Generate(""", "optional": ["VALUE_1@ud_attr"] """);

        Assert.DoesNotContain("QG0203", diagnostics);
        var value = assembly.GetType(GeneratorHarness.Namespace + ".HostListOutputDtd.Value1", throwOnError: true)!;
        var property = value.GetProperty("UdAttr")!;
        Assert.Equal(NullabilityState.Nullable, new NullabilityInfoContext().Create(property).ReadState);

        var report = new QualysXmlReport();
        var output = Parse(root, new QualysXmlOptions { Reporter = report });

        var host = ((IEnumerable)output.Response.Hosts).Cast<dynamic>().First();
        Assert.Equal("ops team", (string)host.UserDef.Value1.Value);
        Assert.Null((string?)host.UserDef.Value1.UdAttr);
        Assert.Empty(report.Deviations);
    }

    [Fact]
    public void An_optional_entry_naming_nothing_in_the_schema_is_a_located_error()
    {
        var (result, _) = GeneratorHarness.Run(
            [new InMemoryAdditionalText("/p/host_list_output.dtd", Dtd),
             new InMemoryAdditionalText("/p/host.endpoints.json", "{ \"schemas\": { \"host_list_output.dtd\": {\n  \"optional\": [\"VALUE_9@ud_attr\", \"HOST/NOPE\"] } } }")]);

        var unknown = result.Diagnostics.Where(d => d.Id == "QG0203").ToList();
        Assert.Equal(2, unknown.Count);
        Assert.All(unknown, d => Assert.Equal(1, d.Location.GetLineSpan().StartLinePosition.Line));
    }
}
