using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using QualysGen.Generator.Model;
using QualysGen.Generator.Parsing;
using static QualysGen.Generator.Tests.Parsing.XsdReaderTestHelpers;

namespace QualysGen.Generator.Tests.Parsing;

/// <summary>Includes and imports from the other inputs only, and located diagnostics for broken schemas.</summary>
public class XsdReaderDiagnosticsTests
{
    private const string Common = """
        <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
          <xs:complexType name="User">
            <xs:all>
              <xs:element name="id" type="xs:long"/>
              <xs:element name="username" type="xs:string" minOccurs="0"/>
            </xs:all>
          </xs:complexType>
        </xs:schema>
        """;

    [Fact]
    public void Include_is_served_from_the_other_files_by_file_name()
    {
        var schema = ReadClean(
            Xsd("""
                <xs:include schemaLocation="../common/common.xsd"/>
                <xs:element name="owner" type="User"/>
                """),
            new Dictionary<string, string> { ["common.xsd"] = Common });

        Assert.Equal(new[] { new GlobalElementSpec("owner", "User") }, schema.GlobalElements.ToArray());
        Assert.Equal(
            ParticleSpec.Group(ParticleKind.All, Occurrence.One, E("id", "xs:long"), E("username", "xs:string", Occurrence.Optional)),
            schema.Spec("User").Particle);
    }

    [Fact]
    public void Chameleon_include_takes_the_target_namespace_and_nested_includes_resolve_too()
    {
        var middle = """
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
              <xs:include schemaLocation="common.xsd"/>
              <xs:complexType name="Owned">
                <xs:sequence><xs:element name="owner" type="User"/></xs:sequence>
              </xs:complexType>
            </xs:schema>
            """;

        var schema = ReadClean(
            """
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns="urn:t" targetNamespace="urn:t" elementFormDefault="qualified">
              <xs:include schemaLocation="https://qualysapi.qualys.com/qps/xsd/3.0/middle.xsd"/>
              <xs:element name="Thing" type="Owned"/>
            </xs:schema>
            """,
            new Dictionary<string, string> { ["middle.xsd"] = middle, ["common.xsd"] = Common });

        Assert.Equal("urn:t", schema.TargetNamespace);
        Assert.Equal(new[] { "Owned", "User", "xs:long", "xs:string" }, schema.Keys());
        Assert.Equal("User", schema.Spec("Owned").Child("owner").ContentRef);
    }

    [Fact]
    public void Import_of_another_namespace_is_served_from_the_other_files()
    {
        var other = """
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:common" elementFormDefault="qualified">
              <xs:simpleType name="Status">
                <xs:restriction base="xs:string">
                  <xs:enumeration value="ON"/>
                  <xs:enumeration value="OFF"/>
                </xs:restriction>
              </xs:simpleType>
            </xs:schema>
            """;

        var schema = ReadClean(
            """
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:c="urn:common" targetNamespace="urn:main">
              <xs:import namespace="urn:common" schemaLocation="status.xsd"/>
              <xs:element name="status" type="c:Status"/>
            </xs:schema>
            """,
            new Dictionary<string, string> { ["/some/dir/status.xsd"] = other });

        Assert.Equal("urn:main", schema.TargetNamespace);
        Assert.Equal(new[] { "ON", "OFF" }, schema.Spec("Status").TextEnumValues.ToArray());
    }

    [Fact]
    public void Includes_that_form_a_cycle_or_include_the_file_itself_are_read_once()
    {
        var a = """
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
              <xs:include schemaLocation="b.xsd"/>
              <xs:include schemaLocation="test.xsd"/>
              <xs:simpleType name="A"><xs:restriction base="xs:int"/></xs:simpleType>
            </xs:schema>
            """;
        var b = """
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
              <xs:include schemaLocation="a.xsd"/>
              <xs:simpleType name="B"><xs:restriction base="xs:long"/></xs:simpleType>
            </xs:schema>
            """;

        var schema = ReadClean(
            Xsd("""
                <xs:include schemaLocation="a.xsd"/>
                <xs:include schemaLocation="test.xsd"/>
                <xs:element name="Root">
                  <xs:complexType>
                    <xs:sequence><xs:element name="a" type="A"/><xs:element name="b" type="B"/></xs:sequence>
                  </xs:complexType>
                </xs:element>
                """),
            new Dictionary<string, string> { ["a.xsd"] = a, ["b.xsd"] = b });

        Assert.Equal(new[] { "Root", "A", "B" }, schema.Keys());
    }

    [Fact]
    public void Include_not_among_the_inputs_is_QG0101_at_the_include_and_nothing_is_read_from_disk()
    {
        // A real file next to the test: the reader must not open it.
        var onDisk = SpecPath("webapp.xsd");
        Assert.True(File.Exists(onDisk));
        var text = Xsd($"""
            <xs:include schemaLocation="missing.xsd"/>
              <xs:include schemaLocation="{onDisk}"/>
            <xs:element name="root" type="xs:string"/>
            """);

        var result = Read(text);

        Assert.Equal(new[] { "QG0101", "QG0101" }, result.Diagnostics.Select(d => d.Id).ToArray());
        Assert.Equal("missing.xsd", result.Diagnostics[0].MessageArgs.Single());
        result.Diagnostics[0].AssertLocatedAt(text, 1, 1, "xs:include");
        Assert.Equal(onDisk, result.Diagnostics[1].MessageArgs.Single());
        result.Diagnostics[1].AssertLocatedAt(text, 2, 3, "xs:include");
        Assert.NotNull(result.Schema);
        Assert.Equal("xs:string", result.Schema!.Spec("xs:string").Name);
    }

    [Fact]
    public void Missing_include_whose_types_are_used_also_reports_the_undeclared_type()
    {
        var text = Xsd("""
            <xs:import namespace="urn:other" schemaLocation="http://example.com/other.xsd"/>
            <xs:element name="owner" xmlns:o="urn:other" type="o:User"/>
            """);

        var result = Read(text);

        Assert.Null(result.Schema);
        var missing = result.OnlyDiagnostic("QG0101");
        Assert.Equal("http://example.com/other.xsd", missing.MessageArgs.Single());
        missing.AssertLocatedAt(text, 1, 1, "xs:import");
        var undeclared = result.OnlyDiagnostic("QG0100");
        Assert.Contains("'urn:other:User' is not declared", undeclared.MessageArgs.Single());
        undeclared.AssertLocatedAt(text, 2, 1, "xs:element");
    }

    [Fact]
    public void A_schema_set_warning_is_QG0103_at_its_place_and_the_schema_still_reads()
    {
        // An empty schemaLocation is not skipped by XmlSchemaSet: it tries to resolve it and warns that it cannot, then compiles.
        var text = Xsd("""
            <xs:import namespace="urn:other" schemaLocation=""/>
            <xs:element name="owner" type="xs:string"/>
            """);

        var result = Read(text);

        Assert.NotNull(result.Schema);
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal("QG0103", warning.Id);
        Assert.Contains("schemaLocation", warning.MessageArgs.Single());
        warning.AssertLocatedAt(text, 1, 1, "xs:import");
    }

    [Fact]
    public void Import_of_the_xml_namespace_needs_no_file()
    {
        var schema = ReadClean(Xsd("""
            <xs:import namespace="http://www.w3.org/XML/1998/namespace" schemaLocation="http://www.w3.org/2001/xml.xsd"/>
            <xs:complexType name="Text">
              <xs:simpleContent>
                <xs:extension base="xs:string">
                  <xs:attribute ref="xml:lang"/>
                </xs:extension>
              </xs:simpleContent>
            </xs:complexType>
            """));

        Assert.Equal("lang", Assert.Single(schema.Spec("Text").Attributes).Name);
    }

    [Fact]
    public void Not_well_formed_is_QG0100_at_the_position_of_the_error()
    {
        var text = Xsd("""
            <xs:element name="a">
              <xs:complexType>
            </xs:element>
            """);

        var result = Read(text);

        Assert.Null(result.Schema);
        var error = result.OnlyDiagnostic("QG0100");
        Assert.Contains("does not match the end tag", error.MessageArgs.Single());
        Assert.DoesNotContain("Line 4, position 3.", error.MessageArgs.Single());
        error.AssertLocatedAt(text, 3, 2, "xs:element");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\">")]
    [InlineData("<!-- only a comment -->")]
    [InlineData("\uFEFF<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\"><xs:element name=\"a\">")]
    public void Truncated_or_empty_text_is_QG0100_within_the_text(string text)
    {
        var result = Read(text);

        Assert.Null(result.Schema);
        var error = result.OnlyDiagnostic("QG0100");
        Assert.InRange(error.Location!.Start, 0, text.Length);
        Assert.InRange(error.Location.Start + error.Location.Length, 0, text.Length);
    }

    [Fact]
    public void A_dtd_is_refused_and_reported_at_the_doctype()
    {
        var text = "<?xml version=\"1.0\"?>\n<!DOCTYPE xs:schema [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n" + Xsd("""<xs:element name="a" type="xs:string"/>""");

        var result = Read(text);

        Assert.Null(result.Schema);
        var error = result.OnlyDiagnostic("QG0100");
        Assert.Contains("DTD", error.MessageArgs.Single());
        error.AssertLocatedAt(text, 1, 0, "<!DOCTYPE");
    }

    [Fact]
    public void A_root_that_is_not_a_schema_is_QG0100()
    {
        var text = "<root>\n  <child/>\n</root>";

        var result = Read(text);

        Assert.Null(result.Schema);
        result.OnlyDiagnostic("QG0100").AssertLocatedAt(text, 0, 1, "root");
    }

    [Fact]
    public void Undefined_type_is_QG0100_at_the_element_that_uses_it()
    {
        var text = Xsd("""
            <xs:element name="ok" type="xs:string"/>
            <xs:complexType name="T">
              <xs:sequence>
                <xs:element name="bad" type="NoSuchType"/>
              </xs:sequence>
            </xs:complexType>
            """);

        var result = Read(text);

        Assert.Null(result.Schema);
        var error = result.OnlyDiagnostic("QG0100");
        Assert.Contains("'NoSuchType' is not declared", error.MessageArgs.Single());
        error.AssertLocatedAt(text, 4, 5, "xs:element");
    }

    [Fact]
    public void Invalid_schema_content_is_QG0100_at_the_offending_attribute()
    {
        var text = Xsd("""
            <xs:element nmae="a" type="xs:string"/>
            <xs:element name="b" type="xs:string"/>
            """);

        var result = Read(text);

        Assert.Null(result.Schema);
        var error = result.OnlyDiagnostic("QG0100");
        Assert.Contains("'nmae' attribute is not supported", error.MessageArgs.Single());
        error.AssertLocatedAt(text, 1, 12, "nmae");
    }

    [Fact]
    public void Invalid_occurrence_is_QG0100_at_the_particle()
    {
        var text = Xsd("""
            <xs:complexType name="T">
              <xs:sequence>
                <xs:element name="x" type="xs:string" minOccurs="2" maxOccurs="1"/>
              </xs:sequence>
            </xs:complexType>
            """);

        var result = Read(text);

        Assert.Null(result.Schema);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("QG0100", error.Id);
        Assert.Equal(3, error.Location!.Line);
    }

    [Fact]
    public void Error_inside_an_included_file_is_reported_at_the_include_with_the_file_and_position()
    {
        var broken = """
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
              <xs:complexType name="User">
                <xs:sequence><xs:element name="id" type="Missing"/></xs:sequence>
              </xs:complexType>
            </xs:schema>
            """;
        var text = Xsd("""
            <xs:include schemaLocation="broken.xsd"/>
            <xs:element name="owner" type="User"/>
            """);

        var result = Read(text, new Dictionary<string, string> { ["broken.xsd"] = broken });

        Assert.Null(result.Schema);
        var error = result.OnlyDiagnostic("QG0100");
        Assert.StartsWith("In 'broken.xsd' (line 3, position 19): ", error.MessageArgs.Single());
        Assert.Contains("'Missing' is not declared", error.MessageArgs.Single());
        error.AssertLocatedAt(text, 1, 1, "xs:include");
    }

    [Fact]
    public void Included_file_that_is_not_well_formed_is_reported_at_the_include()
    {
        var text = Xsd("""
              <xs:include schemaLocation="bad.xsd"/>
            <xs:element name="root" type="xs:string"/>
            """);

        var result = Read(text, new Dictionary<string, string> { ["bad.xsd"] = "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\">\n<oops>" });

        Assert.Equal(2, result.Diagnostics.Count);
        Assert.All(result.Diagnostics, error =>
        {
            Assert.Equal("QG0100", error.Id);
            Assert.StartsWith("In 'bad.xsd' (line 2, position ", error.MessageArgs.Single());
            error.AssertLocatedAt(text, 1, 3, "xs:include");
        });
        Assert.Contains(result.Diagnostics, d => d.MessageArgs[0].Contains("Unexpected end of file"));
        Assert.NotNull(result.Schema); // the main file itself is fine and does not need bad.xsd
    }

    [Fact]
    public void Lines_are_counted_with_crlf_and_tabs_like_the_compiler_counts_them()
    {
        var text = "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\">\r\n\t<xs:complexType name=\"T\">\r\n\t\t<xs:sequence>\r\n\t\t\t<xs:element name=\"x\" type=\"Nope\"/>\r\n\t\t</xs:sequence>\r\n\t</xs:complexType>\r\n</xs:schema>";

        var error = Read(text).OnlyDiagnostic("QG0100");

        error.AssertLocatedAt(text, 3, 4, "xs:element");
    }

    [Fact]
    public void Null_arguments_are_read_as_empty()
    {
        var result = XsdReader.Read(null!, null!, null!);

        Assert.Null(result.Schema);
        Assert.Equal("QG0100", Assert.Single(result.Diagnostics).Id);
    }

    [Fact]
    public void Cancellation_is_the_only_exception()
    {
        using var source = new CancellationTokenSource();
        source.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => XsdReader.Read(FilePath, File.ReadAllText(SpecPath("webapp.xsd")), new Dictionary<string, string>(), source.Token));
    }
}
