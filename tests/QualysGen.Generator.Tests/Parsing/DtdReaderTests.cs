using System;
using System.Linq;
using System.Threading;
using QualysGen.Generator.Model;
using QualysGen.Generator.Parsing;
using static QualysGen.Generator.Tests.Parsing.DtdTestHelpers;

namespace QualysGen.Generator.Tests.Parsing;

/// <summary>What <see cref="DtdReader.Read"/> makes of each DTD construct (well-formed input, no diagnostics).</summary>
public class DtdReaderTests
{
    private static ParticleSpec E(string name, Occurrence occurs = Occurrence.One) => ParticleSpec.Element(name, occurs);

    private static ParticleSpec Seq(Occurrence occurs, params ParticleSpec[] children) => ParticleSpec.Group(ParticleKind.Sequence, occurs, children);

    private static ParticleSpec Choice(Occurrence occurs, params ParticleSpec[] children) => ParticleSpec.Group(ParticleKind.Choice, occurs, children);

    /// <summary>Declares each name as an EMPTY element, so content models can refer to them without QG0003.</summary>
    private static string Empties(params string[] names) => string.Concat(names.Select(n => $"<!ELEMENT {n} EMPTY>\n"));

    // --- Schema shape ----------------------------------------------------------------------

    [Fact]
    public void Schema_carries_path_file_name_kind_and_no_namespace()
    {
        var schema = ReadClean("<!ELEMENT A EMPTY>");

        Assert.Equal(FilePath, schema.FilePath);
        Assert.Equal("test.dtd", schema.FileName);
        Assert.Equal(SchemaKind.Dtd, schema.Kind);
        Assert.Equal(string.Empty, schema.TargetNamespace);
        Assert.Equal(new ElementSpec("A", ContentKind.Empty, null, EquatableArray<AttributeSpec>.Empty, null), schema.Elements.Single());
    }

    [Fact]
    public void Empty_text_gives_an_empty_schema()
    {
        var schema = ReadClean(string.Empty);

        Assert.Empty(schema.Elements);
    }

    [Fact]
    public void Elements_keep_declaration_order()
    {
        var schema = ReadClean("<!ELEMENT Z EMPTY><!ELEMENT A EMPTY>\n<!ELEMENT M ANY>");

        Assert.Equal(new[] { "Z", "A", "M" }, schema.Names());
    }

    // --- Content models --------------------------------------------------------------------

    [Fact]
    public void Empty_and_any()
    {
        var schema = ReadClean("<!ELEMENT E EMPTY>\n<!ELEMENT N ANY>");

        Assert.Equal(ContentKind.Empty, schema.Element("E").Content);
        Assert.Null(schema.Element("E").Particle);
        Assert.Equal(ContentKind.Any, schema.Element("N").Content);
        Assert.Null(schema.Element("N").Particle);
    }

    [Theory]
    [InlineData("(#PCDATA)")]
    [InlineData("(#PCDATA)*")]
    [InlineData("( #PCDATA )")]
    [InlineData("(\n\t#PCDATA\r\n)*")]
    public void Pcdata_is_text(string model)
    {
        var element = ReadClean($"<!ELEMENT T {model}>").Element("T");

        Assert.Equal(ContentKind.Text, element.Content);
        Assert.Null(element.Particle);
    }

    [Theory]
    [InlineData("(#PCDATA|A|B)*")]
    [InlineData("( #PCDATA | A | B )*")]
    [InlineData("(#PCDATA\n  |A\r\n  |B)*")]
    public void Pcdata_with_names_is_mixed_content(string model)
    {
        var element = ReadClean($"<!ELEMENT M {model}>\n" + Empties("A", "B")).Element("M");

        Assert.Equal(ContentKind.Mixed, element.Content);
        Assert.Equal(Choice(Occurrence.ZeroOrMore, E("A"), E("B")), element.Particle);
    }

    [Fact]
    public void Sequence()
    {
        var element = ReadClean("<!ELEMENT R (A, B,C)>\n" + Empties("A", "B", "C")).Element("R");

        Assert.Equal(ContentKind.Children, element.Content);
        Assert.Equal(Seq(Occurrence.One, E("A"), E("B"), E("C")), element.Particle);
    }

    [Fact]
    public void Choice_group()
    {
        var element = ReadClean("<!ELEMENT R (A|B | C)>\n" + Empties("A", "B", "C")).Element("R");

        Assert.Equal(ContentKind.Children, element.Content);
        Assert.Equal(Choice(Occurrence.One, E("A"), E("B"), E("C")), element.Particle);
    }

    [Theory]
    [InlineData("", Occurrence.One)]
    [InlineData("?", Occurrence.Optional)]
    [InlineData("*", Occurrence.ZeroOrMore)]
    [InlineData("+", Occurrence.OneOrMore)]
    public void Occurrence_indicators_on_names_and_groups(string indicator, object occurs)
    {
        var occurrence = (Occurrence)occurs;
        var element = ReadClean($"<!ELEMENT R (A{indicator}, (B{indicator}|C){indicator}){indicator}>\n" + Empties("A", "B", "C")).Element("R");

        Assert.Equal(
            Seq(occurrence, E("A", occurrence), Choice(occurrence, E("B", occurrence), E("C"))),
            element.Particle);
    }

    [Fact]
    public void Arbitrary_nesting()
    {
        var text = "<!ELEMENT R ((A|(B,C)+)?, (D|E*|(F?,(G|H))*)+, I)*>\n" + Empties("A", "B", "C", "D", "E", "F", "G", "H", "I");

        var element = ReadClean(text).Element("R");

        var expected = Seq(
            Occurrence.ZeroOrMore,
            Choice(Occurrence.Optional, E("A"), Seq(Occurrence.OneOrMore, E("B"), E("C"))),
            Choice(
                Occurrence.OneOrMore,
                E("D"),
                E("E", Occurrence.ZeroOrMore),
                Seq(Occurrence.ZeroOrMore, E("F", Occurrence.Optional), Choice(Occurrence.One, E("G"), E("H")))),
            E("I"));
        Assert.Equal(expected, element.Particle);
    }

    [Theory]
    [InlineData("(A)", Occurrence.One)]
    [InlineData("(A)+", Occurrence.OneOrMore)]
    [InlineData("( A? )*", Occurrence.ZeroOrMore)]
    public void A_single_member_group_is_a_sequence_with_its_own_occurrence(string model, object occurs)
    {
        var element = ReadClean($"<!ELEMENT R {model}>\n<!ELEMENT A EMPTY>").Element("R");

        var member = model.Contains('?') ? E("A", Occurrence.Optional) : E("A");
        Assert.Equal(Seq((Occurrence)occurs, member), element.Particle);
    }

    [Fact]
    public void Declarations_may_span_lines_with_any_whitespace()
    {
        var text = "<!ELEMENT\r\n\tR\n(\r A ,\t\r\n B\n)\r\n>\r<!ELEMENT\tA\tEMPTY\t>\n<!ELEMENT B\r\nEMPTY>";

        var schema = ReadClean(text);

        Assert.Equal(Seq(Occurrence.One, E("A"), E("B")), schema.Element("R").Particle);
        Assert.Equal(new[] { "R", "A", "B" }, schema.Names());
    }

    [Fact]
    public void Names_may_use_xml_name_characters()
    {
        var schema = ReadClean("<!ELEMENT ns:Root-1.x (_a, é·b)>\n<!ELEMENT _a EMPTY>\n<!ELEMENT é·b EMPTY>");

        Assert.Equal(Seq(Occurrence.One, E("_a"), E("é·b")), schema.Element("ns:Root-1.x").Particle);
    }

    // --- Attribute lists -------------------------------------------------------------------

    [Theory]
    [InlineData("CDATA", AttributeType.CData)]
    [InlineData("ID", AttributeType.Id)]
    [InlineData("IDREF", AttributeType.IdRef)]
    [InlineData("IDREFS", AttributeType.IdRefs)]
    [InlineData("ENTITY", AttributeType.Entity)]
    [InlineData("ENTITIES", AttributeType.Entities)]
    [InlineData("NMTOKEN", AttributeType.NmToken)]
    [InlineData("NMTOKENS", AttributeType.NmTokens)]
    public void Attribute_types(string keyword, object type)
    {
        var element = ReadClean($"<!ELEMENT X EMPTY>\n<!ATTLIST X a {keyword} #IMPLIED>").Element("X");

        Assert.Equal(
            new AttributeSpec("a", (AttributeType)type, EquatableArray<string>.Empty, AttributePresence.Implied, null),
            element.Attributes.Single());
    }

    [Fact]
    public void Enumerated_and_notation_types_keep_their_values()
    {
        var text = "<!ELEMENT X EMPTY>\n<!NOTATION gif SYSTEM \"image/gif\">\n<!NOTATION png PUBLIC \"-//PNG//EN\">\n"
            + "<!ATTLIST X\n  b (x|y | z) \"y\"\n  n NOTATION ( gif|png ) #IMPLIED\n  d (0|1|2|3|4|5|6) #IMPLIED\n  e (-1|a.b|:c) #REQUIRED>";

        var attributes = ReadClean(text).Element("X").Attributes;

        Assert.Equal(
            new[]
            {
                new AttributeSpec("b", AttributeType.Enumeration, new[] { "x", "y", "z" }.ToEquatableArray(), AttributePresence.Default, "y"),
                new AttributeSpec("n", AttributeType.Notation, new[] { "gif", "png" }.ToEquatableArray(), AttributePresence.Implied, null),
                new AttributeSpec("d", AttributeType.Enumeration, new[] { "0", "1", "2", "3", "4", "5", "6" }.ToEquatableArray(), AttributePresence.Implied, null),
                new AttributeSpec("e", AttributeType.Enumeration, new[] { "-1", "a.b", ":c" }.ToEquatableArray(), AttributePresence.Required, null),
            },
            attributes.ToArray());
    }

    [Theory]
    [InlineData("#REQUIRED", AttributePresence.Required, null)]
    [InlineData("#IMPLIED", AttributePresence.Implied, null)]
    [InlineData("#FIXED \"v\"", AttributePresence.Fixed, "v")]
    [InlineData("#FIXED 'v w'", AttributePresence.Fixed, "v w")]
    [InlineData("\"plain\"", AttributePresence.Default, "plain")]
    [InlineData("'single \"quoted\"'", AttributePresence.Default, "single \"quoted\"")]
    [InlineData("\"\"", AttributePresence.Default, "")]
    public void Attribute_defaults(string declaration, object presence, string? value)
    {
        var attribute = ReadClean($"<!ELEMENT X EMPTY><!ATTLIST X a CDATA {declaration}>").Element("X").Attributes.Single();

        Assert.Equal((AttributePresence)presence, attribute.Presence);
        Assert.Equal(value, attribute.DefaultValue);
    }

    [Fact]
    public void Attribute_defaults_are_normalised()
    {
        var text = "<!ELEMENT X EMPTY>\n<!ATTLIST X\n"
            + "  c CDATA \"a\tb\r\nc&#65;&#x42;&lt;&amp;&gt;&apos;&quot;&other;\"\n"
            + "  t NMTOKENS \"  one \n two  \">";

        var attributes = ReadClean(text).Element("X").Attributes;

        Assert.Equal("a b cAB<&>'\"&other;", attributes[0].DefaultValue);
        Assert.Equal("one two", attributes[1].DefaultValue);
    }

    [Fact]
    public void Several_attributes_in_one_list_keep_their_order()
    {
        var text = "<!ELEMENT el EMPTY>\n<!ATTLIST el  a CDATA #REQUIRED  b (x|y|z) \"y\"  c ID #IMPLIED  d NMTOKEN #FIXED \"v\">";

        var attributes = ReadClean(text).Element("el").Attributes;

        Assert.Equal(
            new[]
            {
                new AttributeSpec("a", AttributeType.CData, EquatableArray<string>.Empty, AttributePresence.Required, null),
                new AttributeSpec("b", AttributeType.Enumeration, new[] { "x", "y", "z" }.ToEquatableArray(), AttributePresence.Default, "y"),
                new AttributeSpec("c", AttributeType.Id, EquatableArray<string>.Empty, AttributePresence.Implied, null),
                new AttributeSpec("d", AttributeType.NmToken, EquatableArray<string>.Empty, AttributePresence.Fixed, "v"),
            },
            attributes.ToArray());
    }

    [Fact]
    public void Attribute_lists_merge_and_may_come_before_the_element()
    {
        var text = "<!ATTLIST X a CDATA #IMPLIED>\n<!ATTLIST Y y CDATA #IMPLIED>\n<!ELEMENT X EMPTY>\n<!ATTLIST X b CDATA #IMPLIED c CDATA #IMPLIED>\n<!ATTLIST X>\n<!ELEMENT Y EMPTY>";

        var schema = ReadClean(text);

        Assert.Equal(new[] { "a", "b", "c" }, schema.Element("X").Attributes.Select(a => a.Name));
        Assert.Equal(new[] { "y" }, schema.Element("Y").Attributes.Select(a => a.Name));
    }

    // --- Comments, processing instructions, other declarations ----------------------------

    [Fact]
    public void Comments_processing_instructions_notations_and_general_entities_are_skipped()
    {
        var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- a <!ELEMENT Fake EMPTY> in a comment -->\n"
            + "<!ENTITY copy \"&#169; Qualys &amp; co\">\n<!ENTITY logo SYSTEM \"logo.gif\" NDATA gif>\n<!ENTITY pub PUBLIC \"-//X//EN\" 'x.ent'>\n"
            + "<!NOTATION gif SYSTEM \"image/gif\">\n<?target some data?>\n<!ELEMENT A EMPTY><!--x--><!ELEMENT B EMPTY>\n<!---->\n";

        var schema = ReadClean(text);

        Assert.Equal(new[] { "A", "B" }, schema.Names());
    }

    [Fact]
    public void A_byte_order_mark_is_skipped()
    {
        Assert.Equal(new[] { "A" }, ReadClean("\uFEFF<!ELEMENT A EMPTY>").Names());
    }

    // --- Documentation ---------------------------------------------------------------------

    [Fact]
    public void Documentation_is_the_comment_right_before_the_element()
    {
        var text = "<!-- Root of\n     everything   here -->\n<!ELEMENT R (A)>\n<!--same line--><!ELEMENT A EMPTY>";

        var schema = ReadClean(text);

        Assert.Equal("Root of everything here", schema.Element("R").Documentation);
        Assert.Equal("same line", schema.Element("A").Documentation);
    }

    [Theory]
    [InlineData("<!-- note -->\n\n<!ELEMENT A EMPTY>")] // a blank line breaks the association
    [InlineData("<!-- note -->\r\n \r\n<!ELEMENT A EMPTY>")]
    [InlineData("<!-- $Revision: 1.2 $ -->\n<!ELEMENT A EMPTY>")]
    [InlineData("<!-- note -->\n<!ATTLIST A a CDATA #IMPLIED>\n<!ELEMENT A EMPTY>")] // the comment belongs to the ATTLIST
    [InlineData("<!-- note -->\n<?pi?><!ELEMENT A EMPTY>")]
    [InlineData("<!--   -->\n<!ELEMENT A EMPTY>")]
    [InlineData("<!ELEMENT A EMPTY>")]
    public void Documentation_is_null_without_an_adjacent_comment(string text)
    {
        Assert.Null(ReadClean(text).Element("A").Documentation);
    }

    [Fact]
    public void Documentation_allows_one_line_break_of_any_kind()
    {
        var schema = ReadClean("<!--a-->\r\n  <!ELEMENT A EMPTY>\n<!--b-->\r\t<!ELEMENT B EMPTY>");

        Assert.Equal("a", schema.Element("A").Documentation);
        Assert.Equal("b", schema.Element("B").Documentation);
    }

    [Fact]
    public void The_last_of_several_comments_documents_the_element()
    {
        var schema = ReadClean("<!-- first -->\n<!-- second -->\n<!ELEMENT A EMPTY>");

        Assert.Equal("second", schema.Element("A").Documentation);
    }

    // --- Parameter entities ----------------------------------------------------------------

    [Fact]
    public void Parameter_entities_in_content_models_and_attribute_lists()
    {
        var text = "<!ENTITY % inline \"B | C\">\n<!ENTITY % common 'id ID #IMPLIED\n  lang NMTOKEN \"en\"'>\n<!ENTITY % opt \"?\">\n"
            + "<!ELEMENT A (%inline;)*>\n<!ELEMENT P (#PCDATA|%inline;)*>\n"
            + "<!ATTLIST A %common; extra CDATA #IMPLIED>\n" + Empties("B", "C");

        var schema = ReadClean(text);

        Assert.Equal(Choice(Occurrence.ZeroOrMore, E("B"), E("C")), schema.Element("A").Particle);
        Assert.Equal(ContentKind.Mixed, schema.Element("P").Content);
        Assert.Equal(Choice(Occurrence.ZeroOrMore, E("B"), E("C")), schema.Element("P").Particle);
        Assert.Equal(new[] { "id", "lang", "extra" }, schema.Element("A").Attributes.Select(a => a.Name));
        Assert.Equal("en", schema.Element("A").Attributes[1].DefaultValue);
    }

    [Fact]
    public void Parameter_entities_for_keywords_and_names()
    {
        var text = "<!ENTITY % empty \"EMPTY\">\n<!ENTITY % name 'N'>\n<!ENTITY % text \"(#PCDATA)\">\n"
            + "<!ELEMENT %name; %empty;>\n<!ELEMENT T %text;>\n<!ATTLIST %name; a CDATA #IMPLIED>";

        var schema = ReadClean(text);

        Assert.Equal(ContentKind.Empty, schema.Element("N").Content);
        Assert.Equal("a", schema.Element("N").Attributes.Single().Name);
        Assert.Equal(ContentKind.Text, schema.Element("T").Content);
    }

    [Fact]
    public void Parameter_entities_may_hold_whole_declarations()
    {
        var text = "<!ENTITY % decls \"<!ELEMENT A (B)> <!-- inside --> <!ELEMENT B EMPTY>\">\n<!ENTITY % start '<!ELEMENT'>\n"
            + "%decls;\n%start; C ANY>\n";

        var schema = ReadClean(text);

        Assert.Equal(new[] { "A", "B", "C" }, schema.Names());
        Assert.Equal(Seq(Occurrence.One, E("B")), schema.Element("A").Particle);
        Assert.Equal(ContentKind.Any, schema.Element("C").Content);
    }

    [Fact]
    public void References_in_entity_values_are_expanded_when_declared()
    {
        // 'inner' is expanded into 'outer' at its declaration, so redefining it later changes nothing.
        var text = "<!ENTITY % inner \"B\">\n<!ENTITY % outer \"(%inner;, C&#x3F;)\">\n<!ENTITY % inner \"X\">\n"
            + "<!ELEMENT A %outer;>\n" + Empties("B", "C");

        var schema = ReadClean(text);

        Assert.Equal(Seq(Occurrence.One, E("B"), E("C", Occurrence.Optional)), schema.Element("A").Particle);
    }

    [Fact]
    public void The_first_declaration_of_an_entity_wins()
    {
        var text = "<!ENTITY % m \"(B)\">\n<!ENTITY % m \"(C)\">\n<!ELEMENT A %m;>\n" + Empties("B");

        Assert.Equal(Seq(Occurrence.One, E("B")), ReadClean(text).Element("A").Particle);
    }

    [Fact]
    public void Character_references_in_entity_values_yield_references_expanded_at_use()
    {
        // XML 1.0 appendix D: '&#37;zz;' becomes '%zz;', which is recognised when '%xx;' is expanded.
        var text = "<!ENTITY % xx '&#37;zz;'>\n<!ENTITY % zz '&#60;!ELEMENT tricky EMPTY>'>\n%xx;\n";

        Assert.Equal(new[] { "tricky" }, ReadClean(text).Names());
    }

    // --- Conditional sections --------------------------------------------------------------

    [Fact]
    public void Include_and_ignore_sections()
    {
        var text = "<![INCLUDE[\n<!ELEMENT A EMPTY>\n<![ IGNORE [ <!ELEMENT Gone EMPTY> <![INCLUDE[ <!ELEMENT Nested EMPTY> ]]> ]]>\n]]>\n"
            + "<![IGNORE[ <!ELEMENT Ignored (((( ]]>\n<!ELEMENT B EMPTY>";

        Assert.Equal(new[] { "A", "B" }, ReadClean(text).Names());
    }

    [Fact]
    public void Conditional_section_keywords_may_come_from_entities()
    {
        var text = "<!ENTITY % draft \"INCLUDE\">\n<!ENTITY % final 'IGNORE'>\n"
            + "<![%draft;[<!ELEMENT Draft EMPTY>]]>\n<![ %final; [<!ELEMENT Final EMPTY>]]>\n";

        Assert.Equal(new[] { "Draft" }, ReadClean(text).Names());
    }

    // --- Cancellation ----------------------------------------------------------------------

    [Fact]
    public void A_cancelled_token_stops_the_read()
    {
        using var source = new CancellationTokenSource();
        source.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => DtdReader.Read(FilePath, "<!ELEMENT A EMPTY>", source.Token));
    }
}
