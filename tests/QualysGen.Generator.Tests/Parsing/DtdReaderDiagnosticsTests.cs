using System.Linq;
using QualysGen.Generator.Diagnostics;
using QualysGen.Generator.Model;
using static QualysGen.Generator.Tests.Parsing.DtdTestHelpers;

namespace QualysGen.Generator.Tests.Parsing;

/// <summary>The diagnostics of the DTD reader: IDs, arguments, locations, and that reading goes on afterwards.</summary>
public class DtdReaderDiagnosticsTests
{
    private static readonly string SyntaxError = DiagnosticDescriptors.DtdSyntaxError.Id;

    private static string Message(DiagnosticSpec diagnostic) => diagnostic.MessageArgs.Single();

    // --- QG0001 syntax errors --------------------------------------------------------------

    [Fact]
    public void Missing_close_paren_in_content_model()
    {
        var text = "<!ELEMENT A EMPTY>\n<!ELEMENT SCAN (ID, TITLE>\n<!ELEMENT ID EMPTY>\n<!ELEMENT TITLE EMPTY>";

        var result = Read(text);

        var error = result.Single(SyntaxError);
        Assert.Equal("Expected ')' or ',' in the content model of 'SCAN' but found '>'", Message(error));
        error.AssertAt(1, 25, 1);
        Assert.Equal(new[] { "A", "ID", "TITLE" }, result.Schema!.Names());
        Assert.Single(result.Diagnostics); // SCAN's references are not reported again as undeclared
    }

    [Fact]
    public void Unknown_declaration_keyword()
    {
        var text = "<!ELEMENT A EMPTY>\n  <!ELEMNT B EMPTY>\n<!ELEMENT C EMPTY>";

        var result = Read(text);

        var error = result.Single(SyntaxError);
        Assert.Contains("'<!ELEMNT'", Message(error));
        error.AssertAt(1, 4, 6);
        Assert.Equal("ELEMNT", error.SpanText(text));
        Assert.Equal(new[] { "A", "C" }, result.Schema!.Names());
    }

    [Fact]
    public void Mixing_sequence_and_choice_in_one_group()
    {
        var text = "<!ELEMENT R (A, B | C)>\n<!ELEMENT A EMPTY>";

        var result = Read(text);

        var error = result.Diagnostics.First(d => d.Id == SyntaxError);
        Assert.Contains("mixes ',' and '|'", Message(error));
        error.AssertAt(0, 18, 1);
        Assert.Equal(new[] { "A" }, result.Schema!.Names());
    }

    [Theory]
    [InlineData("(#PCDATA|A)")]
    [InlineData("(#PCDATA|A)+")]
    public void Mixed_content_with_names_must_end_with_close_paren_star(string model)
    {
        var text = $"<!ELEMENT M {model}>\n<!ELEMENT A EMPTY>";

        var result = Read(text);

        var error = result.Single(SyntaxError);
        Assert.Equal("The mixed content model of 'M' lists element names, so it must end with ')*'", Message(error));
        error.AssertAt(0, 22, 1);
        Assert.Equal(new[] { "A" }, result.Schema!.Names());
    }

    [Fact]
    public void Stray_text_between_declarations()
    {
        // A PDF page number left in a copied DTD.
        var text = "<!ELEMENT A EMPTY>\n11\n Create Compliance Scan Schedule\n<!ELEMENT B EMPTY>";

        var result = Read(text);

        var error = result.Single(SyntaxError);
        Assert.Equal("Unexpected text '11' between declarations", Message(error));
        error.AssertAt(1, 0, 2);
        Assert.Equal(new[] { "A", "B" }, result.Schema!.Names());
    }

    [Fact]
    public void Stray_text_inside_a_declaration()
    {
        var text = "<!ELEMENT S ((D|W), START,\n9\n END)>\n<!ELEMENT D EMPTY>";

        var result = Read(text);

        var error = result.Single(SyntaxError);
        Assert.Equal("Expected an element name or '(' in the content model of 'S' but found '9'", Message(error));
        error.AssertAt(1, 0, 1);
        Assert.Equal(new[] { "D" }, result.Schema!.Names());
    }

    [Fact]
    public void Unterminated_comment_at_end_of_file()
    {
        var text = "<!ELEMENT A EMPTY>\n<!-- never closed\n<!ELEMENT B EMPTY>";

        var result = Read(text);

        var error = result.Single(SyntaxError);
        Assert.Equal("The comment is not closed with '-->' before the end of the file", Message(error));
        error.AssertAt(1, 0, 4);
        Assert.Equal(new[] { "A" }, result.Schema!.Names());
    }

    [Fact]
    public void Unterminated_declaration_at_end_of_file()
    {
        var text = "<!ELEMENT A EMPTY>\n<!ELEMENT B (A,\n   ";

        var result = Read(text);

        var error = result.Single(SyntaxError);
        Assert.Equal("Expected an element name or '(' in the content model of 'B' but reached the end of the file", Message(error));
        error.AssertAt(1, 0, 9); // at '<!ELEMENT'
        Assert.Equal(new[] { "A" }, result.Schema!.Names());
    }

    [Fact]
    public void A_declaration_missing_its_close_bracket_does_not_swallow_the_next_one()
    {
        var text = "<!ELEMENT A (B)\n<!ELEMENT B EMPTY>";

        var result = Read(text);

        var error = result.Single(SyntaxError);
        Assert.Equal("Expected '>' to end the <!ELEMENT declaration of 'A' but found '<'", Message(error));
        error.AssertAt(1, 0, 1);
        Assert.Equal(new[] { "B" }, result.Schema!.Names());
    }

    [Fact]
    public void Bad_attribute_type_skips_the_rest_of_the_list_but_keeps_earlier_attributes()
    {
        var text = "<!ELEMENT X EMPTY>\n<!ATTLIST X ok CDATA #IMPLIED bad STRING #IMPLIED after CDATA #IMPLIED>\n<!ATTLIST X later ID #IMPLIED>";

        var result = Read(text);

        var error = result.Single(SyntaxError);
        Assert.StartsWith("Expected an attribute type (CDATA, ID,", Message(error));
        Assert.EndsWith("for attribute 'bad' of 'X' but found 'STRING'", Message(error));
        error.AssertAt(1, 34, 6);
        Assert.Equal(new[] { "ok", "later" }, result.Element("X").Attributes.Select(a => a.Name));
    }

    [Theory]
    [InlineData("<!ATTLIST X a CDATA>", "Expected #REQUIRED, #IMPLIED, #FIXED or a quoted default value for attribute 'a' of 'X' but found '>'", 19)]
    [InlineData("<!ATTLIST X a CDATA #DEFAULT>", "Expected #REQUIRED, #IMPLIED, #FIXED or a quoted default value for attribute 'a' of 'X' but found '#DEFAULT'", 20)]
    [InlineData("<!ATTLIST X a CDATA #FIXED>", "Expected a quoted value after #FIXED for attribute 'a' of 'X' but found '>'", 26)]
    [InlineData("<!ATTLIST X a (x|) #IMPLIED>", "Expected a value in the enumeration of attribute 'a' of 'X' but found ')'", 17)]
    [InlineData("<!ATTLIST X a (x y) #IMPLIED>", "Expected '|' or ')' in the enumeration of attribute 'a' of 'X' but found 'y'", 17)]
    [InlineData("<!ATTLIST X a CDATA \"x<y\">", "'<' is not allowed in the value of attribute 'a' of 'X' (write '&lt;'; is the closing '\"' missing?)", 22)]
    [InlineData("<!ATTLIST X a CDATA \"&#0;\">", "The character reference '&#0;' in the value of attribute 'a' of 'X' is not a valid XML character", 21)]
    [InlineData("<!ELEMENT Y (A B)>", "Expected ')', ',' or '|' in the content model of 'Y' but found 'B'", 15)]
    [InlineData("<!ELEMENT Y ()>", "Expected an element name or '(' in the content model of 'Y' but found ')'", 13)]
    [InlineData("<!ELEMENT Y (A, #PCDATA)>", "Expected an element name or '(' in the content model of 'Y' but found '#PCDATA'", 16)]
    [InlineData("<!ELEMENT Y EMTPY>", "Expected EMPTY, ANY or '(' after the element name 'Y' but found 'EMTPY'", 12)]
    [InlineData("<!ELEMENT Y (A) extra>", "Expected '>' to end the <!ELEMENT declaration of 'Y' but found 'extra'", 16)]
    [InlineData("<!ELEMENT (A)>", "Expected an element name after '<!ELEMENT' but found '('", 10)]
    [InlineData("<!ENTITY % e \"x\" junk>", "Expected '>' to end the <!ENTITY declaration of 'e' but found 'junk'", 17)]
    [InlineData("<!ENTITY % e \"50%\">", "'%' in the value of entity 'e' must start a parameter entity reference such as '%name;' (write '&#37;' for a literal '%')", 16)]
    [InlineData("<![FOO[ <!ELEMENT Z EMPTY> ]]>", "Unknown conditional section keyword 'FOO'; expected INCLUDE or IGNORE", 3)]
    [InlineData("]]>", "Unexpected text ']]>' between declarations", 0)]
    [InlineData("<X>", "Unexpected text '<X>' between declarations", 0)]
    public void Syntax_errors_are_reported_at_the_offending_token_and_reading_continues(string declaration, string message, int column)
    {
        var text = "<!ELEMENT X EMPTY>\n" + declaration + "\n<!ELEMENT Later EMPTY>";

        var result = Read(text);

        var error = result.Single(SyntaxError);
        Assert.Equal(message, Message(error));
        error.AssertAt(1, column);
        Assert.Equal("Later", result.Schema!.Elements.Last().Name);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id != SyntaxError);
    }

    [Fact]
    public void One_file_reports_several_errors()
    {
        var text = "<!ELEMENT A (B,)>\n<!ELEMENT B EMPTY>\n<!ELEMNT C EMPTY>\n<!ATTLIST B a CDATA>\n<!ELEMENT D ANY>\n9";

        var result = Read(text);

        Assert.Equal(new[] { 0, 2, 3, 5 }, result.Diagnostics.Select(d => d.Location!.Line));
        Assert.All(result.Diagnostics, d => Assert.Equal(SyntaxError, d.Id));
        Assert.Equal(new[] { "B", "D" }, result.Schema!.Names());
    }

    [Fact]
    public void Locations_count_crlf_lf_and_lone_cr_as_one_line_break_each()
    {
        var text = "<!ELEMENT A EMPTY>\r\n<!ELEMENT B EMPTY>\r<!ELEMENT C EMPTY>\n\r\n\t<!ELEMENT D (A|)>";

        var result = Read(text);

        var error = result.Single(SyntaxError);
        error.AssertAt(4, 16, 1);
        Assert.Equal(")", error.SpanText(text));
        Assert.Equal(new SourceLocationSpec(FilePath, text.IndexOf("|)") + 1, 1, 4, 16, 4, 17), error.Location);
    }

    // --- QG0002 duplicate element ----------------------------------------------------------

    [Fact]
    public void Duplicate_element_is_reported_at_the_second_name_and_the_first_is_kept()
    {
        var text = "<!ELEMENT A (#PCDATA)>\n<!ELEMENT B EMPTY>\n<!ELEMENT  A EMPTY>\n<!ELEMENT C EMPTY>";

        var result = Read(text);

        var duplicate = result.Single(DiagnosticDescriptors.DtdDuplicateElement.Id);
        Assert.Equal(new[] { "A" }, duplicate.MessageArgs.ToArray());
        duplicate.AssertAt(2, 11, 1);
        Assert.Equal(new[] { "A", "B", "C" }, result.Schema!.Names());
        Assert.Equal(ContentKind.Text, result.Element("A").Content);
        Assert.Single(result.Diagnostics);
    }

    // --- QG0003 undeclared child -----------------------------------------------------------

    [Fact]
    public void Each_reference_to_an_undeclared_child_is_reported_and_the_child_is_read_as_text()
    {
        var text = "<!ELEMENT R (A, MISSING?, (MISSING | B)*)>\n<!ELEMENT A EMPTY>\n<!ELEMENT M (#PCDATA | GONE)*>\n<!ELEMENT B EMPTY>";

        var result = Read(text);

        var undeclared = result.Diagnostics.Where(d => d.Id == DiagnosticDescriptors.DtdUndeclaredChild.Id).ToArray();
        Assert.Equal(3, undeclared.Length);
        Assert.Equal(new[] { "R", "MISSING" }, undeclared[0].MessageArgs.ToArray());
        undeclared[0].AssertAt(0, 16, 7);
        undeclared[1].AssertAt(0, 27, 7);
        Assert.Equal(new[] { "M", "GONE" }, undeclared[2].MessageArgs.ToArray());
        undeclared[2].AssertAt(2, 23, 4);
        Assert.Equal(3, result.Diagnostics.Count);
        Assert.All(undeclared, d => Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning, DiagnosticDescriptors.Get(d.Id).DefaultSeverity));
        Assert.Equal(new[] { "R", "A", "M", "B", "MISSING", "GONE" }, result.Schema!.Names());
        Assert.Equal(ContentKind.Text, result.Element("MISSING").Content);
        Assert.Equal(ContentKind.Text, result.Element("GONE").Content);
    }

    [Fact]
    public void Children_declared_later_in_the_file_are_not_undeclared()
    {
        ReadClean("<!ELEMENT R (LATER)>\n<!ELEMENT LATER EMPTY>");
    }

    // --- QG0004 undefined entity -----------------------------------------------------------

    [Fact]
    public void Reference_to_an_undefined_entity()
    {
        var text = "<!ELEMENT A (%kids;)>\n<!ENTITY % kids \"B\">\n<!ELEMENT B EMPTY>\n  %nothing;\n<!ELEMENT C (%kids;)>";

        var result = Read(text);

        var undefined = result.Diagnostics.Where(d => d.Id == DiagnosticDescriptors.DtdUndefinedEntity.Id).ToArray();
        Assert.Equal(2, undefined.Length);
        Assert.Equal(new[] { "kids" }, undefined[0].MessageArgs.ToArray());
        undefined[0].AssertAt(0, 13, 6);
        Assert.Equal(new[] { "nothing" }, undefined[1].MessageArgs.ToArray());
        undefined[1].AssertAt(3, 2, 9);
        Assert.Equal(2, result.Diagnostics.Count); // the declaration that used %kids; is skipped without a syntax error
        Assert.Equal(new[] { "B", "C" }, result.Schema!.Names());
    }

    // --- QG0005 duplicate attribute --------------------------------------------------------

    [Fact]
    public void Duplicate_attribute_is_a_warning_at_the_second_name_and_the_first_is_kept()
    {
        var text = "<!ELEMENT X EMPTY>\n<!ATTLIST X a CDATA #REQUIRED a ID #IMPLIED b CDATA #IMPLIED>\n<!ATTLIST X\n   b NMTOKEN #IMPLIED c CDATA #IMPLIED>\n<!ELEMENT Later EMPTY>";

        var result = Read(text);

        var duplicates = result.Diagnostics.Where(d => d.Id == DiagnosticDescriptors.DtdDuplicateAttribute.Id).ToArray();
        Assert.Equal(2, duplicates.Length);
        Assert.Equal(new[] { "X", "a" }, duplicates[0].MessageArgs.ToArray());
        duplicates[0].AssertAt(1, 30, 1);
        Assert.Equal(new[] { "X", "b" }, duplicates[1].MessageArgs.ToArray());
        duplicates[1].AssertAt(3, 3, 1);
        Assert.Equal(2, result.Diagnostics.Count);
        Assert.Equal(new[] { "X", "Later" }, result.Schema!.Names());

        var attributes = result.Element("X").Attributes;
        Assert.Equal(new[] { "a", "b", "c" }, attributes.Select(a => a.Name));
        Assert.Equal(AttributeType.CData, attributes[0].Type);
        Assert.Equal(AttributeType.CData, attributes[1].Type);
    }

    // --- QG0006 ATTLIST for undeclared element ---------------------------------------------

    [Fact]
    public void Attribute_list_for_an_undeclared_element()
    {
        var text = "<!ELEMENT A EMPTY>\n<!ATTLIST  NOPE a CDATA #IMPLIED>\n<!ATTLIST A a CDATA #IMPLIED>\n<!ELEMENT B EMPTY>";

        var result = Read(text);

        var error = result.Single(DiagnosticDescriptors.DtdAttlistForUndeclaredElement.Id);
        Assert.Equal(new[] { "NOPE" }, error.MessageArgs.ToArray());
        error.AssertAt(1, 11, 4);
        Assert.Single(result.Diagnostics);
        Assert.Equal(new[] { "A", "B" }, result.Schema!.Names());
        Assert.Equal("a", result.Element("A").Attributes.Single().Name);
    }

    // --- QG0008 external entities ----------------------------------------------------------

    [Fact]
    public void External_parameter_entities_are_never_read()
    {
        var text = "<!ENTITY % ext SYSTEM \"http://example.com/evil.dtd\">\n<!ENTITY % pub PUBLIC \"-//Q//DTD X//EN\"\n  'x.dtd'>\n"
            + "%ext;\n<!ELEMENT A (%pub;)>\n<!ELEMENT B EMPTY>";

        var result = Read(text);

        var warnings = result.Diagnostics.Where(d => d.Id == DiagnosticDescriptors.DtdExternalEntityIgnored.Id).ToArray();
        Assert.Equal(2, warnings.Length);
        Assert.Equal(new[] { "ext" }, warnings[0].MessageArgs.ToArray());
        warnings[0].AssertAt(0, 11, 3);
        Assert.Equal(new[] { "pub" }, warnings[1].MessageArgs.ToArray());
        warnings[1].AssertAt(1, 11, 3);
        Assert.Equal(2, result.Diagnostics.Count); // the references are skipped silently
        Assert.Equal(new[] { "B" }, result.Schema!.Names());
    }

    // --- Recursion and expansion limits ----------------------------------------------------

    [Fact]
    public void An_entity_referring_to_itself_in_its_value()
    {
        var text = "<!ENTITY % a \"(%a;)\">\n<!ELEMENT B EMPTY>";

        var result = Read(text);

        var error = result.Single(SyntaxError);
        Assert.Equal("Parameter entity '%a;' refers to itself", Message(error));
        error.AssertAt(0, 15, 3);
        Assert.Equal(new[] { "B" }, result.Schema!.Names());
    }

    [Fact]
    public void An_entity_whose_expansion_refers_to_itself()
    {
        // '&#37;' makes the replacement text of 'loop' the reference '%loop;' itself.
        var text = "<!ENTITY % loop \"&#37;loop;\">\n<!ENTITY % b \"&#37;c;\">\n<!ENTITY % c \"&#37;b;\">\n%loop;\n<!ELEMENT A EMPTY>\n<!ELEMENT Z (%b;)>\n<!ENTITY % d \"%b;\">";

        var result = Read(text);

        var errors = result.Diagnostics.ToArray();
        Assert.Equal(3, errors.Length);
        Assert.All(errors, e => Assert.Equal(SyntaxError, e.Id));
        Assert.Equal("Parameter entity '%loop;' refers to itself, directly or through other entities", Message(errors[0]));
        errors[0].AssertAt(3, 0, 6); // at the outermost reference in the file
        Assert.Equal("Parameter entity '%b;' refers to itself, directly or through other entities", Message(errors[1]));
        errors[1].AssertAt(5, 13, 3);
        errors[2].AssertAt(6, 14, 3);
        Assert.Equal(new[] { "A" }, result.Schema!.Names());
    }

    [Fact]
    public void Locations_inside_an_expansion_point_at_the_reference()
    {
        var text = "<!ENTITY % bad \"A, | B\">\n<!ELEMENT R (X,\n  %bad;)>\n<!ELEMENT X EMPTY>";

        var result = Read(text);

        var error = result.Single(SyntaxError);
        Assert.Equal("Expected an element name or '(' in the content model of 'R' but found '|'", Message(error));
        error.AssertAt(2, 2, 5);
        Assert.Equal("%bad;", error.SpanText(text));
    }

    [Fact]
    public void Missing_semicolon_after_a_reference()
    {
        var text = "<!ENTITY % m \"(B)\">\n<!ELEMENT A %m >\n<!ELEMENT B EMPTY>";

        var result = Read(text);

        var error = result.Single(SyntaxError);
        Assert.Equal("Expected ';' to end the parameter entity reference '%m'", Message(error));
        error.AssertAt(1, 12, 2);
        Assert.Equal(new[] { "B" }, result.Schema!.Names());
    }

    [Fact]
    public void The_reader_never_reports_a_missing_root()
    {
        var result = Read("<!ELEMENT A (B)>\n<!ELEMENT B (A)>");

        Assert.Empty(result.Diagnostics);
    }
}
