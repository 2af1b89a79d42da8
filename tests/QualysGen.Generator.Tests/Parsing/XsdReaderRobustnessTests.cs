using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using QualysGen.Generator.Model;
using QualysGen.Generator.Parsing;
using QualysGen.Generator.Tests.Infrastructure;
using static QualysGen.Generator.Tests.Parsing.XsdReaderTestHelpers;

namespace QualysGen.Generator.Tests.Parsing;

/// <summary>The reader never throws and stays fast on damaged input; its diagnostics always point into the text.</summary>
public class XsdReaderRobustnessTests
{
    /// <summary>Characters and fragments that matter to XML and XSD, so that mutations hit interesting paths.</summary>
    private static readonly string[] Fragments =
    {
        "<", ">", "/", "\"", "'", "=", "!", "?", "&", ";", ":", " ", "\n", "\r", "\t", "\u00e9", "\uD83D", "\u0000",
        "xs:", "element", "complexType", "sequence", "choice", "all", "minOccurs=\"0\"", "maxOccurs=\"unbounded\"", "type=\"xs:int\"",
        "ref=\"Criteria\"", "base=\"Cdata\"", "<xs:include schemaLocation=\"common.xsd\"/>", "<xs:any/>", "<![CDATA[", "]]>", "<!--", "-->",
        "<!DOCTYPE x []>", "&amp;", "&undefined;", "xmlns:xs=\"urn:other\"",
    };

    private const string Common = """
        <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
          <xs:complexType name="Common"><xs:sequence><xs:element name="x" type="xs:int"/></xs:sequence></xs:complexType>
        </xs:schema>
        """;

    [Fact]
    public void Random_mutations_of_real_schemas_never_throw()
    {
        var sources = new[]
        {
            File.ReadAllText(SpecPath(XsdReaderRealFileTests.WebApp)),
            File.ReadAllText(SpecPath(XsdReaderRealFileTests.WasScan)),
            Xsd("""
                <xs:include schemaLocation="common.xsd"/>
                <xs:element name="Root">
                  <xs:complexType>
                    <xs:complexContent>
                      <xs:extension base="Common">
                        <xs:choice maxOccurs="unbounded"><xs:element ref="Head"/><xs:any processContents="skip"/></xs:choice>
                        <xs:attribute name="a" type="xs:boolean" default="true"/>
                      </xs:extension>
                    </xs:complexContent>
                  </xs:complexType>
                </xs:element>
                <xs:element name="Head" type="xs:string"/>
                <xs:element name="Leaf" type="xs:string" substitutionGroup="Head"/>
                """),
        };
        var otherFiles = new Dictionary<string, string> { ["common.xsd"] = Common, ["webapp.xsd"] = sources[0] };
        var random = new Random(20240612);
        var compiled = 0;

        for (var iteration = 0; iteration < 500; iteration++)
        {
            var text = TextMutations.Mutate(sources[iteration % sources.Length], random, Fragments);
            SchemaReadResult result;
            try
            {
                result = XsdReader.Read(FilePath, text, otherFiles);
            }
            catch (Exception exception)
            {
                throw new InvalidOperationException($"Mutation {iteration} threw; input:\n{text}", exception);
            }

            compiled += result.Schema is null ? 0 : 1;
            Assert.True(result.Schema is not null || result.Diagnostics.Count > 0, $"Mutation {iteration} gave neither a schema nor a diagnostic");
            Assert.All(result.Diagnostics, d =>
            {
                Assert.NotNull(d.Location);
                Assert.Equal(FilePath, d.Location!.FilePath);
                Assert.InRange(d.Location.Start, 0, text.Length);
                Assert.InRange(d.Location.Start + d.Location.Length, 0, text.Length);
                Assert.Contains(d.Id, new[] { "QG0100", "QG0101", "QG0102" });
            });
        }

        Assert.InRange(compiled, 1, 499); // the mutations reach both the model builder and the error paths
    }

    [Fact]
    public void Every_truncation_of_a_small_schema_is_read()
    {
        var text = File.ReadAllText(SpecPath(XsdReaderRealFileTests.WasScan));
        text = text.Substring(0, text.IndexOf("<!-- DATA -->", StringComparison.Ordinal));

        for (var length = 0; length <= text.Length; length += 7)
        {
            var result = XsdReader.Read(FilePath, text.Substring(0, length), new Dictionary<string, string>());
            Assert.Null(result.Schema); // never closed
            Assert.Contains(result.Diagnostics, d => d.Id == "QG0100");
        }
    }

    [Fact]
    public void A_large_schema_is_read_in_linear_time()
    {
        var builder = new StringBuilder("<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\">\n<xs:element name=\"Root\"><xs:complexType><xs:sequence>\n");
        // Groups of 1,000 children, the most one content model may have (SchemaLimits.MaxChildren).
        const int Count = 3000;
        for (var i = 0; i < Count; i++)
        {
            if (i % 1000 == 0)
            {
                builder.Append(i == 0 ? "" : "</xs:sequence></xs:complexType></xs:element>\n").Append("<xs:element name=\"g").Append(i).Append("\"><xs:complexType><xs:sequence>\n");
            }

            builder.Append("<xs:element name=\"e").Append(i).Append("\" type=\"T").Append(i).Append("\" minOccurs=\"0\"/>\n");
        }

        builder.Append("</xs:sequence></xs:complexType></xs:element>\n");
        builder.Append("</xs:sequence></xs:complexType></xs:element>\n");
        for (var i = 0; i < Count; i++)
        {
            builder.Append("<xs:complexType name=\"T").Append(i).Append("\"><xs:sequence><xs:element name=\"v\"><xs:simpleType><xs:restriction base=\"xs:string\"><xs:enumeration value=\"A\"/></xs:restriction></xs:simpleType></xs:element></xs:sequence><xs:attribute name=\"a\" type=\"xs:int\"/></xs:complexType>\n");
        }

        builder.Append("</xs:schema>");

        var schema = ReadClean(builder.ToString());

        Assert.Equal(1 + (Count / 1000) + (2 * Count), schema.Elements.Count);
    }
}
