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

/// <summary>An XSD the generator has never seen (target namespace, include, all/choice, simple content, enums) generates, compiles and round-trips.</summary>
public sealed class NewXsdSchemaTests
{
    private const string Types = """
        <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:example:inventory" xmlns="urn:example:inventory" elementFormDefault="qualified">
          <xs:simpleType name="Severity">
            <xs:restriction base="xs:string">
              <xs:enumeration value="LOW"/><xs:enumeration value="NOT SET"/><xs:enumeration value="HIGH"/>
            </xs:restriction>
          </xs:simpleType>
          <xs:complexType name="Label">
            <xs:simpleContent>
              <xs:extension base="xs:string"><xs:attribute name="lang" type="xs:string" use="required"/></xs:extension>
            </xs:simpleContent>
          </xs:complexType>
        </xs:schema>
        """;

    private const string Inventory = """
        <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:example:inventory" xmlns="urn:example:inventory" elementFormDefault="qualified">
          <xs:include schemaLocation="inventory_types.xsd"/>
          <xs:element name="Inventory">
            <xs:complexType>
              <xs:sequence>
                <xs:element name="generated" type="xs:dateTime"/>
                <xs:element name="host" type="Host" minOccurs="0" maxOccurs="unbounded"/>
              </xs:sequence>
            </xs:complexType>
          </xs:element>
          <xs:complexType name="Host">
            <xs:all>
              <xs:element name="id" type="xs:long"/>
              <xs:element name="label" type="Label" minOccurs="0"/>
              <xs:element name="severity" type="Severity" minOccurs="0"/>
              <xs:element name="managed" type="xs:boolean" minOccurs="0"/>
              <xs:element name="address">
                <xs:complexType>
                  <xs:choice>
                    <xs:element name="ipv4" type="xs:string"/>
                    <xs:element name="fqdn" type="xs:string"/>
                  </xs:choice>
                </xs:complexType>
              </xs:element>
            </xs:all>
          </xs:complexType>
        </xs:schema>
        """;

    private const string Document = """
        <?xml version="1.0"?>
        <Inventory xmlns="urn:example:inventory">
          <generated>2026-11-28T12:00:00Z</generated>
          <host><address><fqdn>db.example</fqdn></address><id>7</id><severity>NOT SET</severity><label lang="en">Database</label></host>
          <host><id>8</id><managed>true</managed><address><ipv4>10.0.0.8</ipv4></address><severity>CRITICAL</severity></host>
        </Inventory>
        """;

    [Fact]
    public void A_namespaced_schema_with_an_include_generates_code_that_parses_and_writes()
    {
        var (result, output) = GeneratorHarness.Run(
            [new InMemoryAdditionalText("/p/inventory.xsd", Inventory), new InMemoryAdditionalText("/p/inventory_types.xsd", Types)]);

        Assert.Empty(result.Diagnostics);
        Assert.Empty(GeneratorHarness.CompileProblems(output));

        var assembly = GeneratorHarness.Load(output);
        var root = assembly.GetType(GeneratorHarness.Namespace + ".InventoryXsd.Inventory", throwOnError: true)!;
        dynamic inventory = root.GetMethod("Parse", [typeof(Stream)])!.Invoke(null, [new MemoryStream(Encoding.UTF8.GetBytes(Document))])!;

        Assert.Equal(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero), (DateTimeOffset)inventory.Generated);
        var hosts = ((IEnumerable)inventory.Hosts).Cast<dynamic>().ToList();
        Assert.Equal(7L, (long)hosts[0].Id);
        Assert.Equal("Database", (string)hosts[0].Label.Value);
        Assert.Equal("en", (string)hosts[0].Label.Lang);
        Assert.Equal("NotSet", hosts[0].Severity.ToString());
        Assert.Equal("Fqdn", hosts[0].Address.Choice.ToString());
        Assert.Equal("db.example", (string)hosts[0].Address.Fqdn);
        Assert.True((bool?)hosts[1].Managed);
        Assert.Equal("Unknown", hosts[1].Severity.ToString());
        Assert.Equal("CRITICAL", (string)hosts[1].SeverityRaw);

        // Written back in the target namespace, it reads back the same.
        string xml = inventory.ToXml();
        Assert.Contains("xmlns=\"urn:example:inventory\"", xml);
        dynamic again = root.GetMethod("Parse", [typeof(Stream)])!.Invoke(null, [new MemoryStream(Encoding.UTF8.GetBytes(xml))])!;
        Assert.Equal(xml, (string)again.ToXml());
    }

    [Fact]
    public void An_include_that_is_not_an_input_is_a_located_diagnostic_and_nothing_is_read_from_disk()
    {
        var (result, _) = GeneratorHarness.Run([new InMemoryAdditionalText("/p/inventory.xsd", Inventory)]);

        var diagnostic = Assert.Single(result.Diagnostics, d => d.Id == "QG0101");
        Assert.Equal("/p/inventory.xsd", diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(1, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public void A_schema_set_warning_is_a_located_warning_and_the_schema_still_generates()
    {
        const string Include = "<xs:include schemaLocation=\"inventory_types.xsd\"/>";
        var text = Inventory.Replace(Include, Include + "\n  <xs:import namespace=\"urn:example:other\" schemaLocation=\"\"/>", StringComparison.Ordinal);
        var (result, output) = GeneratorHarness.Run([new InMemoryAdditionalText("/p/inventory.xsd", text), new InMemoryAdditionalText("/p/inventory_types.xsd", Types)]);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("QG0103", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal("/p/inventory.xsd", diagnostic.Location.GetLineSpan().Path);
        Assert.Equal((2, 3), (diagnostic.Location.GetLineSpan().StartLinePosition.Line, diagnostic.Location.GetLineSpan().StartLinePosition.Character));
        Assert.Contains(result.Results.Single().GeneratedSources, s => s.HintName == "inventory.xsd.Parsers.g.cs");
        Assert.Empty(GeneratorHarness.CompileProblems(output));
    }

}
