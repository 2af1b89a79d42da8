using System;
using System.Linq;
using QualysGen.Generator.Model;
using static QualysGen.Generator.Tests.Parsing.XsdReaderTestHelpers;

namespace QualysGen.Generator.Tests.Parsing;

/// <summary>How each XSD construct lands in the shared schema model.</summary>
public class XsdReaderTests
{
    [Fact]
    public void Named_complex_type_is_keyed_by_its_name_and_global_elements_point_at_it()
    {
        var schema = ReadClean(Xsd("""
            <xs:element name="Scan" type="WasScan"/>
            <xs:complexType name="WasScan">
              <xs:sequence>
                <xs:element name="id" type="xs:long"/>
                <xs:element name="name" type="xs:string" minOccurs="0"/>
              </xs:sequence>
            </xs:complexType>
            """));

        Assert.Equal(SchemaKind.Xsd, schema.Kind);
        Assert.Equal(FilePath, schema.FilePath);
        Assert.Equal("test.xsd", schema.FileName);
        Assert.Equal(new[] { new GlobalElementSpec("Scan", "WasScan") }, schema.GlobalElements.ToArray());

        var scan = schema.Spec("WasScan");
        Assert.Equal("WasScan", scan.TypeName);
        Assert.Equal(ContentKind.Children, scan.Content);
        Assert.Equal(Seq(E("id", "xs:long"), E("name", "xs:string", Occurrence.Optional)), scan.Particle);
        Assert.Empty(scan.Attributes);

        var id = schema.Spec("xs:long");
        Assert.Equal(ContentKind.Text, id.Content);
        Assert.Equal(XmlValueType.Int64, id.TextType);
        Assert.Null(id.TypeName);
        Assert.Equal(XmlValueType.String, schema.Spec("xs:string").TextType);
    }

    [Fact]
    public void Anonymous_complex_types_are_keyed_by_the_path_of_their_element()
    {
        var schema = ReadClean(Xsd("""
            <xs:element name="ServiceResponse">
              <xs:complexType>
                <xs:sequence>
                  <xs:element name="responseCode" type="xs:string"/>
                  <xs:element name="data" minOccurs="0">
                    <xs:complexType>
                      <xs:sequence>
                        <xs:element name="WasScan" minOccurs="0" maxOccurs="unbounded">
                          <xs:complexType>
                            <xs:all>
                              <xs:element name="id" type="xs:long"/>
                            </xs:all>
                          </xs:complexType>
                        </xs:element>
                      </xs:sequence>
                    </xs:complexType>
                  </xs:element>
                </xs:sequence>
              </xs:complexType>
            </xs:element>
            """));

        Assert.Equal(new[] { new GlobalElementSpec("ServiceResponse", "ServiceResponse") }, schema.GlobalElements.ToArray());
        var response = schema.Spec("ServiceResponse");
        Assert.Null(response.TypeName);
        Assert.Equal(Seq(E("responseCode", "xs:string"), E("data", "ServiceResponse/data", Occurrence.Optional)), response.Particle);
        Assert.Equal(Seq(E("WasScan", "ServiceResponse/data/WasScan", Occurrence.ZeroOrMore)), schema.Spec("ServiceResponse/data").Particle);
        Assert.Equal(
            ParticleSpec.Group(ParticleKind.All, Occurrence.One, E("id", "xs:long")),
            schema.Spec("ServiceResponse/data/WasScan").Particle);
        Assert.All(schema.Elements.Where(e => e.Name.StartsWith("ServiceResponse")), e => Assert.Null(e.TypeName));
    }

    [Fact]
    public void Sequences_choices_and_alls_nest_as_declared()
    {
        var schema = ReadClean(Xsd("""
            <xs:complexType name="T">
              <xs:sequence>
                <xs:element name="a" type="xs:string"/>
                <xs:choice minOccurs="0">
                  <xs:element name="b" type="xs:string"/>
                  <xs:sequence maxOccurs="unbounded">
                    <xs:element name="c" type="xs:string"/>
                    <xs:element name="d" type="xs:string" minOccurs="0"/>
                  </xs:sequence>
                </xs:choice>
                <xs:element name="e" type="xs:string"/>
              </xs:sequence>
            </xs:complexType>
            <xs:complexType name="U">
              <xs:all>
                <xs:element name="x" type="xs:int" minOccurs="0"/>
                <xs:element name="y" type="xs:int"/>
              </xs:all>
            </xs:complexType>
            """));

        Assert.Equal(
            Seq(
                E("a", "xs:string"),
                ParticleSpec.Group(
                    ParticleKind.Choice,
                    Occurrence.Optional,
                    E("b", "xs:string"),
                    ParticleSpec.Group(ParticleKind.Sequence, Occurrence.OneOrMore, E("c", "xs:string"), E("d", "xs:string", Occurrence.Optional))),
                E("e", "xs:string")),
            schema.Spec("T").Particle);
        Assert.Equal(
            ParticleSpec.Group(ParticleKind.All, Occurrence.One, E("x", "xs:int", Occurrence.Optional), E("y", "xs:int")),
            schema.Spec("U").Particle);
    }

    [Theory]
    [InlineData("", nameof(Occurrence.One))]
    [InlineData("minOccurs=\"1\" maxOccurs=\"1\"", nameof(Occurrence.One))]
    [InlineData("minOccurs=\"0\"", nameof(Occurrence.Optional))]
    [InlineData("minOccurs=\"0\" maxOccurs=\"unbounded\"", nameof(Occurrence.ZeroOrMore))]
    [InlineData("minOccurs=\"0\" maxOccurs=\"3\"", nameof(Occurrence.ZeroOrMore))]
    [InlineData("maxOccurs=\"unbounded\"", nameof(Occurrence.OneOrMore))]
    [InlineData("minOccurs=\"2\" maxOccurs=\"7\"", nameof(Occurrence.OneOrMore))]
    public void Min_and_max_occurs_map_to_an_occurrence(string occurs, string expected)
    {
        var schema = ReadClean(Xsd($"""
            <xs:complexType name="T">
              <xs:sequence>
                <xs:element name="a" type="xs:string" {occurs}/>
              </xs:sequence>
            </xs:complexType>
            """));

        Assert.Equal(Seq(E("a", "xs:string", Enum.Parse<Occurrence>(expected))), schema.Spec("T").Particle);
    }

    [Fact]
    public void An_element_with_max_occurs_zero_is_left_out()
    {
        var schema = ReadClean(Xsd("""
            <xs:complexType name="T">
              <xs:sequence>
                <xs:element name="a" type="xs:string"/>
                <xs:element name="gone" type="xs:int" minOccurs="0" maxOccurs="0"/>
              </xs:sequence>
            </xs:complexType>
            """));

        Assert.Equal(Seq(E("a", "xs:string")), schema.Spec("T").Particle);
        Assert.DoesNotContain("xs:int", schema.Keys());
    }

    [Theory]
    [InlineData("xs:string", nameof(XmlValueType.String))]
    [InlineData("xs:normalizedString", nameof(XmlValueType.String))]
    [InlineData("xs:token", nameof(XmlValueType.String))]
    [InlineData("xs:anyURI", nameof(XmlValueType.String))]
    [InlineData("xs:base64Binary", nameof(XmlValueType.String))]
    [InlineData("xs:time", nameof(XmlValueType.String))]
    [InlineData("xs:duration", nameof(XmlValueType.String))]
    [InlineData("xs:unsignedLong", nameof(XmlValueType.String))]
    [InlineData("xs:anySimpleType", nameof(XmlValueType.String))]
    [InlineData("xs:int", nameof(XmlValueType.Int32))]
    [InlineData("xs:short", nameof(XmlValueType.Int32))]
    [InlineData("xs:byte", nameof(XmlValueType.Int32))]
    [InlineData("xs:unsignedShort", nameof(XmlValueType.Int32))]
    [InlineData("xs:unsignedByte", nameof(XmlValueType.Int32))]
    [InlineData("xs:long", nameof(XmlValueType.Int64))]
    [InlineData("xs:integer", nameof(XmlValueType.Int64))]
    [InlineData("xs:unsignedInt", nameof(XmlValueType.Int64))]
    [InlineData("xs:positiveInteger", nameof(XmlValueType.Int64))]
    [InlineData("xs:nonNegativeInteger", nameof(XmlValueType.Int64))]
    [InlineData("xs:negativeInteger", nameof(XmlValueType.Int64))]
    [InlineData("xs:nonPositiveInteger", nameof(XmlValueType.Int64))]
    [InlineData("xs:boolean", nameof(XmlValueType.Boolean))]
    [InlineData("xs:dateTime", nameof(XmlValueType.DateTimeOffset))]
    [InlineData("xs:date", nameof(XmlValueType.DateTimeOffset))]
    [InlineData("xs:decimal", nameof(XmlValueType.Decimal))]
    [InlineData("xs:double", nameof(XmlValueType.Decimal))]
    [InlineData("xs:float", nameof(XmlValueType.Decimal))]
    public void Built_in_types_are_keyed_by_their_name_and_map_to_a_value_type(string type, string expected)
    {
        var schema = ReadClean(Xsd($"""<xs:element name="value" type="{type}"/>"""));

        Assert.Equal(new[] { new GlobalElementSpec("value", type) }, schema.GlobalElements.ToArray());
        var spec = Assert.Single(schema.Elements);
        Assert.Equal(type, spec.Name);
        Assert.Equal(ContentKind.Text, spec.Content);
        Assert.Equal(Enum.Parse<XmlValueType>(expected), spec.TextType);
        Assert.True(spec.TextEnumValues.IsEmpty);
        Assert.Null(spec.Particle);
    }

    [Fact]
    public void The_prefix_of_built_in_keys_is_xs_whatever_the_schema_calls_the_namespace()
    {
        var schema = ReadClean("""
            <schema xmlns="http://www.w3.org/2001/XMLSchema">
              <element name="count" type="int"/>
            </schema>
            """);

        Assert.Equal(XmlValueType.Int32, schema.Spec("xs:int").TextType);
    }

    [Fact]
    public void Enumerations_become_enum_text_with_the_values_in_order_and_verbatim()
    {
        var schema = ReadClean(Xsd("""
            <xs:element name="Criteria">
              <xs:complexType>
                <xs:sequence>
                  <xs:element name="code" type="ResponseCode"/>
                  <xs:element name="operator">
                    <xs:simpleType>
                      <xs:restriction base="xs:string">
                        <xs:enumeration value="EQUALS"/>
                        <xs:enumeration value="NOT EQUALS"/>
                        <xs:enumeration value="GREATER"/>
                      </xs:restriction>
                    </xs:simpleType>
                  </xs:element>
                  <xs:element name="level" type="Level"/>
                </xs:sequence>
              </xs:complexType>
            </xs:element>
            <xs:simpleType name="ResponseCode">
              <xs:annotation><xs:documentation>What happened.</xs:documentation></xs:annotation>
              <xs:restriction base="xs:string">
                <xs:enumeration value="SUCCESS"/>
                <xs:enumeration value="INVALID_REQUEST"/>
                <xs:enumeration value="SUCCESS"/>
              </xs:restriction>
            </xs:simpleType>
            <xs:simpleType name="Level">
              <xs:restriction base="xs:int">
                <xs:enumeration value="1"/>
                <xs:enumeration value="2"/>
              </xs:restriction>
            </xs:simpleType>
            """));

        var code = schema.ChildSpec("Criteria", "code");
        Assert.Equal("ResponseCode", code.Name);
        Assert.Equal("ResponseCode", code.TypeName);
        Assert.Equal(ContentKind.Text, code.Content);
        Assert.Equal(XmlValueType.Enum, code.TextType);
        Assert.Equal(new[] { "SUCCESS", "INVALID_REQUEST" }, code.TextEnumValues.ToArray());
        Assert.Equal("What happened.", code.Documentation);

        var op = schema.ChildSpec("Criteria", "operator");
        Assert.Equal("Criteria/operator", op.Name);
        Assert.Null(op.TypeName);
        Assert.Equal(XmlValueType.Enum, op.TextType);
        Assert.Equal(new[] { "EQUALS", "NOT EQUALS", "GREATER" }, op.TextEnumValues.ToArray());

        Assert.Equal(new[] { "1", "2" }, schema.Spec("Level").TextEnumValues.ToArray());
    }

    [Fact]
    public void Restrictions_inherit_enumerations_and_otherwise_take_the_value_type_of_their_base()
    {
        var schema = ReadClean(Xsd("""
            <xs:complexType name="T">
              <xs:sequence>
                <xs:element name="narrow" type="Narrow"/>
                <xs:element name="same" type="Same"/>
                <xs:element name="id" type="Id"/>
                <xs:element name="when">
                  <xs:simpleType>
                    <xs:restriction base="xs:dateTime">
                      <xs:minInclusive value="2000-01-01T00:00:00Z"/>
                    </xs:restriction>
                  </xs:simpleType>
                </xs:element>
                <xs:element name="ids" type="IdList"/>
                <xs:element name="either" type="Either"/>
              </xs:sequence>
            </xs:complexType>
            <xs:simpleType name="Status">
              <xs:restriction base="xs:string">
                <xs:enumeration value="A"/>
                <xs:enumeration value="B"/>
                <xs:enumeration value="C"/>
              </xs:restriction>
            </xs:simpleType>
            <xs:simpleType name="Narrow">
              <xs:restriction base="Status">
                <xs:enumeration value="A"/>
                <xs:enumeration value="C"/>
              </xs:restriction>
            </xs:simpleType>
            <xs:simpleType name="Same">
              <xs:restriction base="Status">
                <xs:maxLength value="1"/>
              </xs:restriction>
            </xs:simpleType>
            <xs:simpleType name="Id">
              <xs:restriction base="xs:long">
                <xs:minInclusive value="1"/>
              </xs:restriction>
            </xs:simpleType>
            <xs:simpleType name="IdList">
              <xs:list itemType="xs:long"/>
            </xs:simpleType>
            <xs:simpleType name="Either">
              <xs:union memberTypes="xs:int xs:boolean"/>
            </xs:simpleType>
            """));

        Assert.Equal(new[] { "A", "C" }, schema.Spec("Narrow").TextEnumValues.ToArray());
        Assert.Equal(new[] { "A", "B", "C" }, schema.Spec("Same").TextEnumValues.ToArray());
        Assert.Equal(XmlValueType.Enum, schema.Spec("Same").TextType);
        Assert.Equal(XmlValueType.Int64, schema.Spec("Id").TextType);
        Assert.Equal("Id", schema.Spec("Id").TypeName);
        Assert.Equal(XmlValueType.DateTimeOffset, schema.Spec("T/when").TextType);
        Assert.Equal(XmlValueType.String, schema.Spec("IdList").TextType);
        Assert.Equal(XmlValueType.String, schema.Spec("Either").TextType);
        Assert.DoesNotContain("Status", schema.Keys()); // no element has it
    }

    [Fact]
    public void Simple_content_extension_is_text_with_the_base_type_and_the_extension_attributes()
    {
        var schema = ReadClean(Xsd("""
            <xs:element name="filters">
              <xs:complexType>
                <xs:sequence>
                  <xs:element name="Criteria" type="Criteria" maxOccurs="unbounded"/>
                  <xs:element name="level" type="Level"/>
                </xs:sequence>
              </xs:complexType>
            </xs:element>
            <xs:complexType name="Criteria">
              <xs:simpleContent>
                <xs:extension base="xs:string">
                  <xs:attribute name="field" type="xs:string" use="required"/>
                  <xs:attribute name="operator">
                    <xs:simpleType>
                      <xs:restriction base="xs:string">
                        <xs:enumeration value="EQUALS"/>
                        <xs:enumeration value="NOT EQUALS"/>
                      </xs:restriction>
                    </xs:simpleType>
                  </xs:attribute>
                  <xs:attribute name="regex" type="xs:boolean" use="optional" default="false"/>
                  <xs:attribute name="version" type="xs:int" fixed="3"/>
                  <xs:attribute name="at" type="xs:dateTime"/>
                </xs:extension>
              </xs:simpleContent>
            </xs:complexType>
            <xs:complexType name="Level">
              <xs:simpleContent>
                <xs:extension base="xs:int">
                  <xs:attribute name="scale" type="xs:decimal"/>
                </xs:extension>
              </xs:simpleContent>
            </xs:complexType>
            """));

        var criteria = schema.Spec("Criteria");
        Assert.Equal(ContentKind.Text, criteria.Content);
        Assert.Equal(XmlValueType.String, criteria.TextType);
        Assert.Null(criteria.Particle);
        Assert.Equal("Criteria", criteria.TypeName);
        Assert.Equal(
            new[]
            {
                new AttributeSpec("field", AttributeType.CData, EquatableArray<string>.Empty, AttributePresence.Required, null),
                new AttributeSpec("operator", AttributeType.Enumeration, new[] { "EQUALS", "NOT EQUALS" }.ToEquatableArray(), AttributePresence.Implied, null, XmlValueType.Enum),
                new AttributeSpec("regex", AttributeType.CData, EquatableArray<string>.Empty, AttributePresence.Default, "false", XmlValueType.Boolean),
                new AttributeSpec("version", AttributeType.CData, EquatableArray<string>.Empty, AttributePresence.Fixed, "3", XmlValueType.Int32),
                new AttributeSpec("at", AttributeType.CData, EquatableArray<string>.Empty, AttributePresence.Implied, null, XmlValueType.DateTimeOffset),
            },
            criteria.Attributes.ToArray());

        var level = schema.Spec("Level");
        Assert.Equal(XmlValueType.Int32, level.TextType);
        Assert.Equal(XmlValueType.Decimal, level.Attribute("scale").ValueType);
    }

    [Fact]
    public void Simple_content_takes_enumerations_from_its_base_or_its_own_restriction()
    {
        var schema = ReadClean(Xsd("""
            <xs:simpleType name="Color">
              <xs:restriction base="xs:string">
                <xs:enumeration value="RED"/>
                <xs:enumeration value="GREEN"/>
              </xs:restriction>
            </xs:simpleType>
            <xs:complexType name="Paint">
              <xs:simpleContent>
                <xs:extension base="Color">
                  <xs:attribute name="shade" type="xs:string"/>
                </xs:extension>
              </xs:simpleContent>
            </xs:complexType>
            <xs:complexType name="RedPaint">
              <xs:simpleContent>
                <xs:restriction base="Paint">
                  <xs:enumeration value="RED"/>
                </xs:restriction>
              </xs:simpleContent>
            </xs:complexType>
            <xs:complexType name="DerivedPaint">
              <xs:simpleContent>
                <xs:extension base="Paint">
                  <xs:attribute name="gloss" type="xs:boolean"/>
                </xs:extension>
              </xs:simpleContent>
            </xs:complexType>
            """));

        Assert.Equal(new[] { "RED", "GREEN" }, schema.Spec("Paint").TextEnumValues.ToArray());
        Assert.Equal(XmlValueType.Enum, schema.Spec("Paint").TextType);
        Assert.Equal(new[] { "RED" }, schema.Spec("RedPaint").TextEnumValues.ToArray());
        Assert.Equal(new[] { "shade" }, schema.Spec("RedPaint").Attributes.Select(a => a.Name).ToArray());
        Assert.Equal(new[] { "RED", "GREEN" }, schema.Spec("DerivedPaint").TextEnumValues.ToArray());
        Assert.Equal(new[] { "shade", "gloss" }, schema.Spec("DerivedPaint").Attributes.Select(a => a.Name).ToArray());
    }

    [Fact]
    public void Element_default_and_fixed_values_are_kept_on_the_particle()
    {
        var schema = ReadClean(Xsd("""
            <xs:complexType name="WebApp">
              <xs:all>
                <xs:element name="scannerLocked" type="xs:boolean" default="false" minOccurs="0"/>
                <xs:element name="version" type="xs:string" fixed="3.0" minOccurs="0"/>
                <xs:element name="scope" default="ALL" minOccurs="0">
                  <xs:simpleType>
                    <xs:restriction base="xs:string">
                      <xs:enumeration value="ALL"/>
                      <xs:enumeration value="LIMIT"/>
                    </xs:restriction>
                  </xs:simpleType>
                </xs:element>
                <xs:element name="plain" type="xs:string" minOccurs="0"/>
              </xs:all>
            </xs:complexType>
            """));

        var webApp = schema.Spec("WebApp");
        Assert.Equal("false", webApp.Child("scannerLocked").DefaultValue);
        Assert.Equal("3.0", webApp.Child("version").DefaultValue);
        Assert.Equal(new ParticleSpec(ParticleKind.Element, "scope", Occurrence.Optional, EquatableArray<ParticleSpec>.Empty, "WebApp/scope", "ALL"), webApp.Child("scope"));
        Assert.Null(webApp.Child("plain").DefaultValue);
    }

    [Fact]
    public void Complex_extension_is_the_base_model_followed_by_its_own_with_attributes_merged()
    {
        var schema = ReadClean(Xsd("""
            <xs:element name="Derived" type="Derived"/>
            <xs:complexType name="Base">
              <xs:sequence>
                <xs:element name="id" type="xs:long"/>
              </xs:sequence>
              <xs:attribute name="kind" type="xs:string"/>
            </xs:complexType>
            <xs:complexType name="Derived">
              <xs:complexContent>
                <xs:extension base="Base">
                  <xs:sequence>
                    <xs:element name="name" type="xs:string"/>
                    <xs:element name="parts" minOccurs="0">
                      <xs:complexType>
                        <xs:sequence>
                          <xs:element name="part" type="xs:string" maxOccurs="unbounded"/>
                        </xs:sequence>
                      </xs:complexType>
                    </xs:element>
                  </xs:sequence>
                  <xs:attribute name="extra" type="xs:int"/>
                </xs:extension>
              </xs:complexContent>
            </xs:complexType>
            <xs:complexType name="AttributesOnly">
              <xs:complexContent>
                <xs:extension base="Base">
                  <xs:attribute name="more" type="xs:string"/>
                </xs:extension>
              </xs:complexContent>
            </xs:complexType>
            """));

        var derived = schema.Spec("Derived");
        Assert.Equal(ContentKind.Children, derived.Content);
        Assert.Equal(
            Seq(
                Seq(E("id", "xs:long")),
                Seq(E("name", "xs:string"), E("parts", "Derived/parts", Occurrence.Optional))),
            derived.Particle);
        Assert.Equal(new[] { "kind", "extra" }, derived.Attributes.Select(a => a.Name).ToArray());
        Assert.Equal(XmlValueType.Int32, derived.Attribute("extra").ValueType);

        var attributesOnly = schema.Spec("AttributesOnly");
        Assert.Equal(Seq(E("id", "xs:long")), attributesOnly.Particle);
        Assert.Equal(new[] { "kind", "more" }, attributesOnly.Attributes.Select(a => a.Name).ToArray());
        Assert.Equal(Seq(E("id", "xs:long")), schema.Spec("Base").Particle);
    }

    [Fact]
    public void Complex_restriction_is_its_own_model()
    {
        var schema = ReadClean(Xsd("""
            <xs:complexType name="Base">
              <xs:sequence>
                <xs:element name="id" type="xs:long"/>
                <xs:element name="note" type="xs:string" minOccurs="0"/>
              </xs:sequence>
              <xs:attribute name="kind" type="xs:string"/>
              <xs:attribute name="gone" type="xs:string"/>
            </xs:complexType>
            <xs:complexType name="Restricted">
              <xs:complexContent>
                <xs:restriction base="Base">
                  <xs:sequence>
                    <xs:element name="id" type="xs:long"/>
                  </xs:sequence>
                  <xs:attribute name="kind" type="xs:string" use="required"/>
                  <xs:attribute name="gone" use="prohibited"/>
                </xs:restriction>
              </xs:complexContent>
            </xs:complexType>
            """));

        var restricted = schema.Spec("Restricted");
        Assert.Equal(Seq(E("id", "xs:long")), restricted.Particle);
        var kind = Assert.Single(restricted.Attributes);
        Assert.Equal(AttributePresence.Required, kind.Presence);
    }

    [Fact]
    public void Element_refs_use_the_global_name_and_its_content_key()
    {
        var schema = ReadClean(Xsd("""
            <xs:element name="Tag">
              <xs:complexType>
                <xs:sequence>
                  <xs:element name="id" type="xs:long"/>
                </xs:sequence>
              </xs:complexType>
            </xs:element>
            <xs:element name="count" type="xs:int" default="0"/>
            <xs:element name="TagList">
              <xs:complexType>
                <xs:sequence>
                  <xs:element ref="count" minOccurs="0"/>
                  <xs:element ref="Tag" maxOccurs="unbounded"/>
                </xs:sequence>
              </xs:complexType>
            </xs:element>
            """));

        Assert.Equal(
            new[] { new GlobalElementSpec("Tag", "Tag"), new GlobalElementSpec("count", "xs:int"), new GlobalElementSpec("TagList", "TagList") },
            schema.GlobalElements.ToArray());
        Assert.Equal(
            Seq(
                new ParticleSpec(ParticleKind.Element, "count", Occurrence.Optional, EquatableArray<ParticleSpec>.Empty, "xs:int", "0"),
                E("Tag", "Tag", Occurrence.OneOrMore)),
            schema.Spec("TagList").Particle);
    }

    [Fact]
    public void Qualified_elements_in_a_target_namespace()
    {
        var schema = ReadClean("""
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
                       xmlns:am="http://am.oxm.api.portal.qualys.com/v3"
                       targetNamespace="http://am.oxm.api.portal.qualys.com/v3"
                       elementFormDefault="qualified">
              <xs:element name="HostAsset" type="am:HostAsset"/>
              <xs:element name="note" type="xs:string"/>
              <xs:complexType name="HostAsset">
                <xs:sequence>
                  <xs:element name="id" type="xs:long"/>
                  <xs:element ref="am:note" minOccurs="0"/>
                  <xs:element name="os" type="am:Os"/>
                </xs:sequence>
              </xs:complexType>
              <xs:simpleType name="Os">
                <xs:restriction base="xs:string">
                  <xs:enumeration value="Linux"/>
                </xs:restriction>
              </xs:simpleType>
            </xs:schema>
            """);

        Assert.Equal("http://am.oxm.api.portal.qualys.com/v3", schema.TargetNamespace);
        Assert.Equal(new[] { new GlobalElementSpec("HostAsset", "HostAsset"), new GlobalElementSpec("note", "xs:string") }, schema.GlobalElements.ToArray());
        Assert.Equal(
            Seq(E("id", "xs:long"), E("note", "xs:string", Occurrence.Optional), E("os", "Os")),
            schema.Spec("HostAsset").Particle);
        Assert.Equal(new[] { "Linux" }, schema.Spec("Os").TextEnumValues.ToArray());
    }

    [Fact]
    public void Unqualified_local_elements_and_no_namespace()
    {
        var unqualified = ReadClean("""
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="urn:t" targetNamespace="urn:t">
              <xs:element name="Root">
                <xs:complexType>
                  <xs:sequence>
                    <xs:element name="child" type="xs:string"/>
                  </xs:sequence>
                </xs:complexType>
              </xs:element>
            </xs:schema>
            """);
        Assert.Equal("urn:t", unqualified.TargetNamespace);
        Assert.Equal(Seq(E("child", "xs:string")), unqualified.Spec("Root").Particle);

        var none = ReadClean(Xsd("""<xs:element name="Root" type="xs:string"/>""", "elementFormDefault=\"unqualified\""));
        Assert.Equal(string.Empty, none.TargetNamespace);
    }

    [Fact]
    public void Model_groups_are_expanded_with_the_occurrence_of_the_reference_and_attribute_groups_in_place()
    {
        var schema = ReadClean(Xsd("""
            <xs:group name="Paging">
              <xs:sequence>
                <xs:element name="count" type="xs:int"/>
                <xs:element name="lastId" type="xs:long" minOccurs="0"/>
              </xs:sequence>
            </xs:group>
            <xs:attributeGroup name="Common">
              <xs:attribute name="id" type="xs:long" use="required"/>
              <xs:attribute name="lang" type="xs:string"/>
            </xs:attributeGroup>
            <xs:complexType name="Page">
              <xs:sequence>
                <xs:element name="first" type="xs:string"/>
                <xs:group ref="Paging" minOccurs="0"/>
              </xs:sequence>
              <xs:attribute name="before" type="xs:string"/>
              <xs:attributeGroup ref="Common"/>
              <xs:attribute name="after" type="xs:string"/>
            </xs:complexType>
            """));

        var page = schema.Spec("Page");
        Assert.Equal(
            Seq(
                E("first", "xs:string"),
                ParticleSpec.Group(ParticleKind.Sequence, Occurrence.Optional, E("count", "xs:int"), E("lastId", "xs:long", Occurrence.Optional))),
            page.Particle);
        Assert.Equal(new[] { "before", "id", "lang", "after" }, page.Attributes.Select(a => a.Name).ToArray());
        Assert.Equal(AttributePresence.Required, page.Attribute("id").Presence);
        Assert.Equal(XmlValueType.Int64, page.Attribute("id").ValueType);
    }

    [Fact]
    public void Empty_mixed_and_any_content()
    {
        var schema = ReadClean(Xsd("""
            <xs:complexType name="Flag"/>
            <xs:complexType name="FlagWithAttribute">
              <xs:attribute name="on" type="xs:boolean"/>
            </xs:complexType>
            <xs:complexType name="Para" mixed="true">
              <xs:sequence>
                <xs:element name="em" type="xs:string" minOccurs="0" maxOccurs="unbounded"/>
              </xs:sequence>
            </xs:complexType>
            <xs:complexType name="Blob">
              <xs:sequence>
                <xs:any processContents="skip" minOccurs="0" maxOccurs="unbounded"/>
              </xs:sequence>
            </xs:complexType>
            <xs:complexType name="Holder">
              <xs:sequence>
                <xs:element name="anything"/>
                <xs:element name="typed" type="xs:anyType"/>
              </xs:sequence>
            </xs:complexType>
            """));

        Assert.Equal(ContentKind.Empty, schema.Spec("Flag").Content);
        Assert.Null(schema.Spec("Flag").Particle);
        Assert.Equal(ContentKind.Empty, schema.Spec("FlagWithAttribute").Content);
        Assert.Equal("on", Assert.Single(schema.Spec("FlagWithAttribute").Attributes).Name);
        Assert.Equal(ContentKind.Mixed, schema.Spec("Para").Content);
        Assert.Equal(Seq(E("em", "xs:string", Occurrence.ZeroOrMore)), schema.Spec("Para").Particle);
        Assert.Equal(ContentKind.Any, schema.Spec("Blob").Content);
        Assert.Equal(Seq(E("anything", "xs:anyType"), E("typed", "xs:anyType")), schema.Spec("Holder").Particle);
        Assert.Equal(ContentKind.Any, schema.Spec("xs:anyType").Content);
    }

    [Fact]
    public void Documentation_comes_from_the_annotation_of_the_type_or_of_the_element_that_declares_it()
    {
        var schema = ReadClean(Xsd("""
            <xs:element name="Scan">
              <xs:annotation>
                <xs:documentation>
                  A WAS scan,
                  <b>with</b> markup.
                </xs:documentation>
                <xs:documentation><![CDATA[Second part.]]></xs:documentation>
                <xs:appinfo>not documentation</xs:appinfo>
              </xs:annotation>
              <xs:complexType>
                <xs:sequence>
                  <xs:element name="id" type="Id"/>
                  <xs:element name="name" type="xs:string"/>
                </xs:sequence>
              </xs:complexType>
            </xs:element>
            <xs:simpleType name="Id">
              <xs:annotation><xs:documentation>The scan ID.</xs:documentation></xs:annotation>
              <xs:restriction base="xs:long"/>
            </xs:simpleType>
            """));

        Assert.Equal("A WAS scan, with markup. Second part.", schema.Spec("Scan").Documentation);
        Assert.Equal("The scan ID.", schema.Spec("Id").Documentation);
        Assert.Equal(XmlValueType.Int64, schema.Spec("Id").TextType);
        Assert.Null(schema.Spec("xs:string").Documentation);
    }

    [Fact]
    public void Specs_come_in_order_of_first_appearance_with_unused_named_complex_types_last()
    {
        var schema = ReadClean(Xsd("""
            <xs:complexType name="Unused">
              <xs:sequence><xs:element name="x" type="xs:decimal"/></xs:sequence>
            </xs:complexType>
            <xs:element name="Root">
              <xs:complexType>
                <xs:sequence>
                  <xs:element name="a" type="A"/>
                  <xs:element name="n" type="xs:int"/>
                  <xs:element name="inner">
                    <xs:complexType>
                      <xs:sequence><xs:element name="b" type="A"/></xs:sequence>
                    </xs:complexType>
                  </xs:element>
                </xs:sequence>
              </xs:complexType>
            </xs:element>
            <xs:element name="Other" type="xs:string"/>
            <xs:complexType name="A">
              <xs:sequence><xs:element name="s" type="xs:string"/></xs:sequence>
            </xs:complexType>
            """));

        Assert.Equal(new[] { "Root", "xs:string", "A", "xs:int", "Root/inner", "Unused", "xs:decimal" }, schema.Keys());
    }

    [Fact]
    public void A_key_taken_by_another_type_gets_a_numbered_suffix()
    {
        var schema = ReadClean(Xsd("""
            <xs:element name="Root">
              <xs:complexType>
                <xs:choice>
                  <xs:element name="item" type="Root"/>
                  <xs:element name="other">
                    <xs:complexType><xs:sequence><xs:element name="x" type="xs:int"/></xs:sequence></xs:complexType>
                  </xs:element>
                </xs:choice>
              </xs:complexType>
            </xs:element>
            <xs:complexType name="Root">
              <xs:sequence><xs:element name="y" type="xs:int"/></xs:sequence>
            </xs:complexType>
            """));

        Assert.Equal(new[] { new GlobalElementSpec("Root", "Root") }, schema.GlobalElements.ToArray());
        Assert.Equal("Root#2", schema.Spec("Root").Child("item").ContentRef);
        Assert.Equal("Root", schema.Spec("Root#2").TypeName);
        Assert.Equal(Seq(E("y", "xs:int")), schema.Spec("Root#2").Particle);
        Assert.Equal(schema.Keys().Length, schema.Keys().Distinct().Count());
    }

    [Fact]
    public void Recursive_types_are_described_once()
    {
        var schema = ReadClean(Xsd("""
            <xs:element name="Folder" type="Folder"/>
            <xs:complexType name="Folder">
              <xs:sequence>
                <xs:element name="name" type="xs:string"/>
                <xs:element name="Folder" type="Folder" minOccurs="0" maxOccurs="unbounded"/>
              </xs:sequence>
            </xs:complexType>
            """));

        Assert.Equal(new[] { "Folder", "xs:string" }, schema.Keys());
        Assert.Equal("Folder", schema.Spec("Folder").Child("Folder").ContentRef);
    }

    [Fact]
    public void Unsupported_constructs_are_warned_about_once_and_the_rest_is_read()
    {
        var text = Xsd("""
            <xs:element name="Head" type="xs:string"/>
            <xs:element name="Member" type="xs:string" substitutionGroup="Head"/>
            <xs:complexType name="T">
              <xs:sequence>
                <xs:element ref="Head"/>
                <xs:element ref="Head" minOccurs="0"/>
                <xs:any namespace="##other" processContents="lax" minOccurs="0"/>
              </xs:sequence>
              <xs:anyAttribute processContents="skip"/>
            </xs:complexType>
            """);

        var result = Read(text);

        Assert.NotNull(result.Schema);
        Assert.All(result.Diagnostics, d => Assert.Equal("QG0102", d.Id));
        Assert.Equal(3, result.Diagnostics.Count);
        Assert.Contains(result.Diagnostics, d => d.MessageArgs[0].Contains("Substitution group of 'Head'"));
        var any = result.Diagnostics.Single(d => d.MessageArgs[0].StartsWith("xs:any in 'T'"));
        any.AssertLocatedAt(text, 7, 5, "xs:any");
        Assert.Contains(result.Diagnostics, d => d.MessageArgs[0].StartsWith("xs:anyAttribute in 'T'"));
        Assert.Equal(
            Seq(E("Head", "xs:string"), E("Head", "xs:string", Occurrence.Optional)),
            result.Schema!.Spec("T").Particle);
    }
}
