using System;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using QualysGen.Generator.Tests.Infrastructure;

namespace QualysGen.Generator.Tests;

/// <summary>
/// Qualys' DTDs, as published, do not always follow their own rules: <c>host_list_output.dtd</c> names a child it never
/// declares (<c>COMMENTS</c>), and a DTD can declare an element twice. Both are warnings at their place, and the schema
/// generates code that compiles and parses: the undeclared child as text, the first declaration of the twice-declared one.
/// </summary>
public sealed class QualysDtdHygieneTests
{
    // Shaped like host_list_output.dtd: COMMENTS is used by HOST and declared nowhere, DATETIME is declared twice.
    private const string HostList = """
        <!-- QUALYS HOST LIST OUTPUT DTD -->
        <!ELEMENT HOST_LIST_OUTPUT (REQUEST?, RESPONSE)>
        <!ELEMENT REQUEST (DATETIME, USER_LOGIN)>
        <!ELEMENT DATETIME (#PCDATA)>
        <!ELEMENT USER_LOGIN (#PCDATA)>
        <!ELEMENT RESPONSE (DATETIME, HOST_LIST?)>
        <!ELEMENT HOST_LIST (HOST+)>
        <!ELEMENT HOST (ID, IP?, TRACKING_METHOD, COMMENTS?, OS?)>
        <!ELEMENT ID (#PCDATA)>
        <!ELEMENT IP (#PCDATA)>
        <!ELEMENT TRACKING_METHOD (#PCDATA)>
        <!ELEMENT OS (#PCDATA)>
        <!ELEMENT DATETIME (#PCDATA)>
        """;

    private const string Response = """
        <?xml version="1.0" encoding="UTF-8" ?>
        <!DOCTYPE HOST_LIST_OUTPUT SYSTEM "https://qualysapi.qualys.com/api/2.0/fo/asset/host/host_list_output.dtd">
        <HOST_LIST_OUTPUT>
          <RESPONSE>
            <DATETIME>2026-12-01T10:00:00Z</DATETIME>
            <HOST_LIST>
              <HOST><ID>1</ID><IP>10.0.0.1</IP><TRACKING_METHOD>IP</TRACKING_METHOD><COMMENTS><![CDATA[rack 4, do not reboot]]></COMMENTS></HOST>
              <HOST><ID>2</ID><TRACKING_METHOD>DNS</TRACKING_METHOD><OS>Linux</OS></HOST>
            </HOST_LIST>
          </RESPONSE>
        </HOST_LIST_OUTPUT>
        """;

    [Fact]
    public void An_undeclared_child_and_a_twice_declared_element_are_located_warnings_and_the_schema_generates()
    {
        var (result, output) = GeneratorHarness.Run([new InMemoryAdditionalText("/p/host_list_output.dtd", HostList)]);

        Assert.Equal(["QG0003", "QG0002"], result.Diagnostics.Select(d => d.Id));
        Assert.All(result.Diagnostics, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
        GeneratorRobustnessTests.AssertAt(result.Diagnostics[0], "/p/host_list_output.dtd", 7, 42);
        Assert.Equal("Element 'HOST' refers to child element 'COMMENTS', which is not declared; it is read as text", result.Diagnostics[0].GetMessage());
        GeneratorRobustnessTests.AssertAt(result.Diagnostics[1], "/p/host_list_output.dtd", 12, 10);
        Assert.Empty(GeneratorHarness.CompileProblems(output));

        var assembly = GeneratorHarness.Load(output);
        var root = assembly.GetType(GeneratorHarness.Namespace + ".HostListOutputDtd.HostListOutput", throwOnError: true)!;
        dynamic list = root.GetMethod("Parse", [typeof(Stream)])!.Invoke(null, [new MemoryStream(Encoding.UTF8.GetBytes(Response))])!;

        var hosts = ((System.Collections.IEnumerable)list.Response.Hosts).Cast<dynamic>().ToList();
        Assert.Equal("rack 4, do not reboot", (string?)hosts[0].Comments);
        Assert.Null((string?)hosts[1].Comments);
        Assert.Equal("Linux", (string?)hosts[1].Os);
    }
}
