using System;
using System.Collections;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using Microsoft.CodeAnalysis;
using QualysGen.Generator.Tests.Infrastructure;

namespace QualysGen.Generator.Tests;

/// <summary>
/// A DTD the generator has never seen, using every construct, yields code that compiles without a warning and parses a
/// document: dropping a new DTD into a project needs no code change.
/// </summary>
public sealed class NewSchemaTests
{
    private const string Dtd = """
        <!-- A made-up report format that exercises every DTD construct. -->
        <!ENTITY % flag "(0|1)">
        <!ENTITY % common "ID, NAME?">
        <!ELEMENT REPORT_OUTPUT (HEADER, (SECTION | NOTE)*, FOOTER?)>
        <!ELEMENT HEADER (%common;, CREATED, TAGS?, ORIGIN)>
        <!ELEMENT ID (#PCDATA)>
        <!ELEMENT NAME (#PCDATA)>
        <!ELEMENT CREATED (#PCDATA)>
        <!ELEMENT TAGS (TAG+)>
        <!ELEMENT TAG (#PCDATA)>
        <!ELEMENT ORIGIN ((HOST, PORT?) | URL)>
        <!ELEMENT HOST (#PCDATA)>
        <!ELEMENT PORT (#PCDATA)>
        <!ELEMENT URL (#PCDATA)>
        <!-- Sections nest. -->
        <!ELEMENT SECTION (TITLE, PARA*, SECTION*)>
        <!ATTLIST SECTION
                  level    (1|2|3)   "1"
                  visible  %flag;    #IMPLIED
                  kind     CDATA     #FIXED "section"
                  ref      IDREF     #IMPLIED>
        <!ELEMENT TITLE (#PCDATA)>
        <!ELEMENT PARA (#PCDATA | EM | CODE)*>
        <!ELEMENT EM (#PCDATA)>
        <!ELEMENT CODE (#PCDATA)>
        <!ATTLIST CODE lang NMTOKEN "text">
        <!ELEMENT NOTE ANY>
        <!ELEMENT FOOTER (SIGNED, BREAK?)>
        <!ELEMENT SIGNED (#PCDATA)>
        <!ELEMENT BREAK EMPTY>
        """;

    private const string Spec = """
        { "schemas": { "report_output.dtd": { "types": { "ID": "long", "CREATED": "DateTimeOffset", "PORT": "int", "SECTION@visible": "bool" } } } }
        """;

    private const string Document = """
        <?xml version="1.0"?>
        <!DOCTYPE REPORT_OUTPUT SYSTEM "https://example.invalid/report_output.dtd">
        <REPORT_OUTPUT>
          <HEADER><ID>42</ID><CREATED>2026-11-28T10:00:00Z</CREATED><TAGS><TAG>a</TAG><TAG>b</TAG></TAGS>
            <ORIGIN><HOST>scanner.example</HOST><PORT>8443</PORT></ORIGIN></HEADER>
          <SECTION level="2" visible="1">
            <TITLE>Intro</TITLE>
            <PARA>Hello <EM>big</EM> world, run <CODE lang="sh">ls</CODE>.</PARA>
            <SECTION><TITLE>Nested</TITLE></SECTION>
          </SECTION>
          <NOTE>free <b>form</b></NOTE>
          <SECTION><TITLE>Second</TITLE></SECTION>
          <FOOTER><SIGNED>qa</SIGNED><BREAK/></FOOTER>
        </REPORT_OUTPUT>
        """;

    [Fact]
    public void Every_construct_generates_code_that_compiles_cleanly_and_parses()
    {
        var (result, output) = GeneratorHarness.Run(
            [new InMemoryAdditionalText("/p/report_output.dtd", Dtd), new InMemoryAdditionalText("/p/report.endpoints.json", Spec)]);

        Assert.Empty(result.Diagnostics);
        Assert.Empty(GeneratorHarness.CompileProblems(output));

        var assembly = GeneratorHarness.Load(output);
        var root = assembly.GetType(GeneratorHarness.Namespace + ".ReportOutputDtd.ReportOutput", throwOnError: true)!;
        var parse = root.GetMethod("Parse", [typeof(Stream)])!;
        dynamic report = parse.Invoke(null, [new MemoryStream(Encoding.UTF8.GetBytes(Document))])!;

        Assert.Equal(42L, (long)report.Header.Id);
        Assert.Null((string?)report.Header.Name);
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero), (DateTimeOffset)report.Header.Created);
        Assert.Equal(["a", "b"], ((IEnumerable)report.Header.Tags).Cast<string>());
        Assert.Equal("Host", report.Header.Origin.Choice.ToString());
        Assert.Equal(8443, (int?)report.Header.Origin.Port);

        // (SECTION | NOTE)*: one list in document order, each item saying which it is.
        var groups = ((IEnumerable)report.SectionGroups).Cast<dynamic>().ToList();
        Assert.Equal(["Section", "Note", "Section"], groups.Select(g => (string)g.Choice.ToString()));
        var sections = groups.Where(g => g.Section is not null).Select(g => g.Section).ToList();
        Assert.Equal(2, sections.Count);
        Assert.Equal("Value2", sections[0].Level.ToString());
        Assert.True((bool?)sections[0].Visible);
        Assert.Equal("section", (string)sections[0].Kind);
        Assert.Equal("Value1", sections[1].Level.ToString());  // the attribute default
        Assert.Equal("Nested", (string)((IEnumerable)sections[0].Sections).Cast<dynamic>().Single().Title);

        var para = ((IEnumerable)sections[0].Paras).Cast<dynamic>().Single();
        Assert.Equal("Hello  world, run .", (string)para.Text);
        Assert.Equal(["big"], ((IEnumerable)para.Ems).Cast<string>());
        Assert.Equal("sh", (string)((IEnumerable)para.Codes).Cast<dynamic>().Single().Lang);

        Assert.Contains("<b>form</b>", (string)groups[1].Note.InnerXml);
        Assert.True((bool)report.Footer.Break);
    }

}
