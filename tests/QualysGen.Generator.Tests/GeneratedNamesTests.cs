using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using QualysGen.Generator.Tests.Infrastructure;

namespace QualysGen.Generator.Tests;

/// <summary>
/// The naming rule (README, "Names") on a table of awkward names: C# keywords, the generator's own helpers and entry points,
/// the <c>…Raw</c> companions, names that would hide a namespace or type, names that collide with each other. Each case
/// compiles without a warning, and a collision between two schema names is reported (QG0901).
/// </summary>
public sealed class GeneratedNamesTests
{
    [Fact]
    public void Keywords_entry_points_and_object_members_as_child_names_compile()
    {
        var models = CompileClean(
            ("k.dtd", """
                <!ELEMENT K (return, class, string, PARSE, ParseAsync, WriteTo, ToXml, TO_STRING, GET_TYPE, EQUALS?)>
                <!ELEMENT return (#PCDATA)>
                <!ELEMENT class (#PCDATA)>
                <!ELEMENT string (#PCDATA)>
                <!ELEMENT PARSE (#PCDATA)>
                <!ELEMENT ParseAsync (#PCDATA)>
                <!ELEMENT WriteTo (#PCDATA)>
                <!ELEMENT ToXml (#PCDATA)>
                <!ELEMENT TO_STRING (#PCDATA)>
                <!ELEMENT GET_TYPE (#PCDATA)>
                <!ELEMENT EQUALS (#PCDATA)>
                """));

        AssertDeclares(
            models,
            "public required string Return { get; init; }",
            "public required string Class { get; init; }",
            "public required string String { get; init; }");
        // The root's Parse and ParseAsync, and what every object has, keep their names; the elements take the suffix.
        AssertDeclares(
            models,
            "public required string ParseElement { get; init; }",
            "public required string ParseAsyncElement { get; init; }",
            "public required string ToStringElement { get; init; }",
            "public required string GetTypeElement { get; init; }",
            "public string? EqualsElement { get; init; }");
        // A DTD root has no writer, so WriteTo and ToXml are free.
        AssertDeclares(models, "public required string WriteTo { get; init; }");
    }

    [Fact]
    public void Children_named_as_the_parsers_and_writers_locals_compile()
    {
        CompileClean(
            ("l.dtd", """
                <!ELEMENT L (NAMES, READER, VALUE, NAME, ELEMENT_NAME, EXCEPTION, ITEM, INDEX, RAW, TEXT, RECORDS, STREAM, CANCELLATION_TOKEN, VALUE_RAW, LIST)>
                <!ATTLIST L value (a|b) #IMPLIED writer CDATA #IMPLIED mode (a|b) "a">
                <!ELEMENT NAMES (#PCDATA)>
                <!ELEMENT READER (#PCDATA)>
                <!ELEMENT VALUE (#PCDATA)>
                <!ELEMENT NAME (#PCDATA)>
                <!ELEMENT ELEMENT_NAME (#PCDATA)>
                <!ELEMENT EXCEPTION (#PCDATA)>
                <!ELEMENT ITEM (#PCDATA)>
                <!ELEMENT INDEX (#PCDATA)>
                <!ELEMENT RAW (#PCDATA)>
                <!ELEMENT TEXT (#PCDATA)>
                <!ELEMENT RECORDS (#PCDATA)>
                <!ELEMENT STREAM (#PCDATA)>
                <!ELEMENT CANCELLATION_TOKEN (#PCDATA)>
                <!ELEMENT VALUE_RAW (#PCDATA)>
                <!ELEMENT LIST (ITEMS*)>
                <!ELEMENT ITEMS (#PCDATA)>
                """),
            ("w.xsd", """
                <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
                  <xs:element name="W">
                    <xs:complexType>
                      <xs:sequence>
                        <xs:element name="writer" type="xs:string"/>
                        <xs:element name="value" type="xs:long" minOccurs="0"/>
                        <xs:element name="item" type="xs:string" minOccurs="0" maxOccurs="unbounded"/>
                        <xs:element name="stream" type="xs:string" minOccurs="0"/>
                        <xs:element name="elementName" type="xs:string" minOccurs="0"/>
                      </xs:sequence>
                    </xs:complexType>
                  </xs:element>
                </xs:schema>
                """));
    }

    [Fact]
    public void Elements_named_as_the_helper_classes_or_their_members_compile()
    {
        var models = CompileClean(
            ("r.dtd", """
                <!ELEMENT R (R_NAMES, R_PARSER, R_WRITER, RENT, RETURN, TABLE, SETTINGS, ASYNC_SETTINGS)>
                <!ELEMENT R_NAMES EMPTY>
                <!ATTLIST R_NAMES a CDATA #IMPLIED>
                <!ELEMENT R_PARSER EMPTY>
                <!ATTLIST R_PARSER a CDATA #IMPLIED>
                <!ELEMENT R_WRITER EMPTY>
                <!ATTLIST R_WRITER a CDATA #IMPLIED>
                <!ELEMENT RENT (#PCDATA)>
                <!ELEMENT RETURN (#PCDATA)>
                <!ELEMENT TABLE (#PCDATA)>
                <!ELEMENT SETTINGS (#PCDATA)>
                <!ELEMENT ASYNC_SETTINGS (#PCDATA)>
                """));

        AssertDeclares(
            models,
            "public sealed partial class RNamesType",
            "public sealed partial class RParserType",
            "public sealed partial class RWriterType",
            "public required RNamesType RNamesElement { get; init; }",
            "public required string Return { get; init; }");
    }

    [Fact]
    public void An_xsd_type_named_as_the_writer_class_and_root_children_named_as_its_entry_points_compile()
    {
        var models = CompileClean(
            ("a.xsd", """
                <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
                  <xs:element name="A" type="AWriter"/>
                  <xs:complexType name="AWriter">
                    <xs:sequence>
                      <xs:element name="WriteTo" type="xs:string"/>
                      <xs:element name="ToXml" type="xs:string" minOccurs="0"/>
                      <xs:element name="Parse" type="xs:long" minOccurs="0"/>
                    </xs:sequence>
                  </xs:complexType>
                </xs:schema>
                """));

        AssertDeclares(
            models,
            "public sealed partial class AWriterType",
            "public required string WriteToElement { get; init; }",
            "public string? ToXmlElement { get; init; }",
            "public long? ParseElement { get; init; }");
    }

    [Fact]
    public void A_schema_name_that_meets_a_raw_companion_takes_the_suffix_in_either_order()
    {
        var models = CompileClean(
            ("m.dtd", """
                <!ELEMENT M (TYPE, TYPE_RAW, N)>
                <!ATTLIST M mode (a|b) #IMPLIED mode_raw CDATA #IMPLIED>
                <!ELEMENT TYPE (#PCDATA)>
                <!ELEMENT TYPE_RAW (#PCDATA)>
                <!ELEMENT N (KIND_RAW, KIND)>
                <!ATTLIST N mode_raw CDATA #IMPLIED mode (a|b) #IMPLIED>
                <!ELEMENT KIND_RAW (#PCDATA)>
                <!ELEMENT KIND (#PCDATA)>
                """),
            ("m.endpoints.json", """{ "schemas": { "m.dtd": { "types": { "TYPE": { "enum": ["x", "y"] }, "KIND": { "enum": ["x", "y"] } } } } }"""));

        // The enum's companion was there first: the schema name yields.
        AssertDeclares(
            models,
            "public MMode? Mode { get; init; }",
            "public string? ModeRaw { get; init; }",
            "public string? ModeRawAttribute { get; init; }",
            "public required TypeKind Type { get; init; }",
            "public required string TypeRawElement { get; init; }");
        // The schema name was there first: the enum, which needs the companion's name, yields.
        AssertDeclares(
            models,
            "public string? ModeRaw { get; init; }",
            "public NMode? ModeAttribute { get; init; }",
            "public string? ModeAttributeRaw { get; init; }",
            "public required string KindRaw { get; init; }",
            "public required Kind KindElement { get; init; }",
            "public string? KindElementRaw { get; init; }");
    }

    [Fact]
    public void An_element_system_does_not_hide_the_system_namespace_from_a_users_partial_class()
    {
        const string user = """
            namespace Tests.Qualys.SysDtd
            {
                public sealed partial class SystemType
                {
                    public string Describe() => System.String.Concat(Name, System.Environment.NewLine, Os ?? System.String.Empty);
                }
            }
            """;

        var models = CompileClean(
            [("sys.dtd", """
                <!ELEMENT SYSTEM (NAME, OS?)>
                <!ELEMENT NAME (#PCDATA)>
                <!ELEMENT OS (#PCDATA)>
                """)],
            user);

        AssertDeclares(models, "public sealed partial class SystemType");
    }

    [Fact]
    public void A_spec_enum_named_as_a_keyword_is_refused_and_one_named_as_a_system_type_yields()
    {
        var (result, _) = GeneratorHarness.Run(
        [
            new InMemoryAdditionalText("/p/s.dtd", "<!ELEMENT S (V, W)>\n<!ELEMENT V (#PCDATA)>\n<!ELEMENT W (#PCDATA)>\n"),
            new InMemoryAdditionalText("/p/s.endpoints.json", """{ "schemas": { "s.dtd": { "types": { "V": { "enum": ["a"], "name": "string" } } } } }"""),
        ]);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("QG0201", diagnostic.Id);
        Assert.Equal((0, 67), (diagnostic.Location.GetLineSpan().StartLinePosition.Line, diagnostic.Location.GetLineSpan().StartLinePosition.Character));

        var models = CompileClean(
            ("s.dtd", "<!ELEMENT S (V, W)>\n<!ELEMENT V (#PCDATA)>\n<!ELEMENT W (#PCDATA)>\n"),
            ("s.endpoints.json", """{ "schemas": { "s.dtd": { "types": { "V": { "enum": ["a"], "name": "String" } } } } }"""));
        AssertDeclares(models, "public enum StringKind");
    }

    [Fact]
    public void Two_schema_names_that_make_one_csharp_name_are_reported_and_numbered()
    {
        var (result, output) = GeneratorHarness.Run(
        [
            new InMemoryAdditionalText("/p/c.dtd", """
                <!ELEMENT C (SCAN_ID, SCANID, Scan_Id)>
                <!ELEMENT SCAN_ID (#PCDATA)>
                <!ELEMENT SCANID (#PCDATA)>
                <!ELEMENT Scan_Id (#PCDATA)>
                """),
        ]);

        Assert.Empty(GeneratorHarness.CompileProblems(output));
        var collisions = result.Diagnostics.OrderBy(d => d.GetMessage(), StringComparer.Ordinal).ToList();
        Assert.All(collisions, d => Assert.Equal(("QG0901", DiagnosticSeverity.Warning), (d.Id, d.Severity)));
        Assert.Equal(
            [
                "'SCANID' in 'C' makes the C# name 'Scanid', as 'SCAN_ID' does; it is named 'Scanid'",
                "'Scan_Id' in 'C' makes the C# name 'ScanId', as 'SCAN_ID' does; it is named 'ScanId2'",
            ],
            collisions.Select(d => d.GetMessage()));
        // Each at the later name, in the content model where the two meet.
        GeneratorRobustnessTests.AssertAt(collisions[0], "/p/c.dtd", 0, 22);
        GeneratorRobustnessTests.AssertAt(collisions[1], "/p/c.dtd", 0, 30);
    }

    [Fact]
    public void A_collision_in_an_xsd_is_reported_at_the_later_declaration()
    {
        var (result, output) = GeneratorHarness.Run(
        [
            new InMemoryAdditionalText("/p/x.xsd", """
                <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
                  <xs:element name="Scan">
                    <xs:complexType>
                      <xs:sequence>
                        <xs:element name="scanId" type="xs:long"/>
                      </xs:sequence>
                      <xs:attribute name="scan_id" type="xs:string"/>
                    </xs:complexType>
                  </xs:element>
                </xs:schema>
                """),
        ]);

        Assert.Empty(GeneratorHarness.CompileProblems(output));
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("'scanId' in 'Scan' makes the C# name 'ScanId', as '@scan_id' does; it is named 'ScanId2'", diagnostic.GetMessage());
        GeneratorRobustnessTests.AssertAt(diagnostic, "/p/x.xsd", 4, 9);
    }

    [Fact]
    public void Lists_and_content_read_as_a_person_would_name_them()
    {
        var models = CompileClean(
            ("option_profiles.dtd", """
                <!ELEMENT OPTION_PROFILES (OPTION_PROFILE*)>
                <!ELEMENT OPTION_PROFILE (ID, SCHEDULE)>
                <!ELEMENT ID (#PCDATA)>
                <!ATTLIST ID value CDATA #IMPLIED>
                <!ELEMENT SCHEDULE (CHOICE, (DAILY | WEEKLY))>
                <!ELEMENT CHOICE (#PCDATA)>
                <!ELEMENT DAILY EMPTY>
                <!ELEMENT WEEKLY EMPTY>
                """));

        AssertDeclares(models, "public global::System.Collections.Generic.IReadOnlyList<OptionProfile> Items { get; init; }");
        Assert.DoesNotContain("OptionProfiles2", models, StringComparison.Ordinal);
        // The element's text keeps Value; the attribute named value yields.
        AssertDeclares(
            models,
            "public string Value { get; init; }",
            "public string? ValueAttribute { get; init; }");
        // A child named Choice keeps it; the choice property is named after its class.
        AssertDeclares(
            models,
            "public required string Choice { get; init; }",
            "public ScheduleChoice ScheduleChoice { get; init; }");
    }

    private static void AssertDeclares(string models, params string[] declarations)
        => Assert.All(declarations, declaration => Assert.Contains(declaration, models, StringComparison.Ordinal));

    private static string CompileClean(params (string Name, string Text)[] files) => CompileClean(files, []);

    /// <summary>Generates from <paramref name="files"/>, compiles with <paramref name="sources"/>, and returns the models.</summary>
    private static string CompileClean((string Name, string Text)[] files, params string[] sources)
    {
        var (result, output) = GeneratorHarness.Run(files.Select(f => (AdditionalText)new InMemoryAdditionalText("/p/" + f.Name, f.Text)), sources);

        Assert.True(result.Diagnostics.IsEmpty, string.Join("\n", result.Diagnostics));
        var problems = GeneratorHarness.CompileProblems(output);
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(10)));
        return string.Concat(result.Results.Single().GeneratedSources.Where(s => s.HintName.EndsWith(".Models.g.cs", StringComparison.Ordinal)).Select(s => s.SourceText.ToString()));
    }
}
