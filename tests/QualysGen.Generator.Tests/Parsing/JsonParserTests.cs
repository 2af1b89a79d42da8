using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using QualysGen.Generator.Parsing.Json;

namespace QualysGen.Generator.Tests.Parsing;

public class JsonParserTests
{
    // ---------------------------------------------------------------- helpers

    private static JsonNode ParseOk(string text)
    {
        var result = JsonParser.Parse(text);
        Assert.True(result.Error is null, $"Unexpected error: {result.Error}");
        Assert.True(result.Success);
        return result.Root;
    }

    private static JsonSyntaxError ParseError(string text)
    {
        var result = JsonParser.Parse(text);
        Assert.Null(result.Root);
        Assert.False(result.Success);
        Assert.NotNull(result.Error);
        return result.Error!;
    }

    private static T As<T>(JsonNode? node)
        where T : JsonNode
        => Assert.IsType<T>(node);

    private static void AssertPosition(JsonPosition position, int offset, int length, int line, int column)
        => Assert.Equal(new JsonPosition(offset, length, line, column), position);

    /// <summary>Line and column of <paramref name="offset"/>, computed independently of the parser.</summary>
    private static (int Line, int Column) LineColumnOf(string text, int offset)
    {
        int line = 0, lineStart = 0;
        for (var i = 0; i < offset; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                if (i + 1 < offset && text[i + 1] == '\n')
                {
                    i++;
                }

                line++;
                lineStart = i + 1;
            }
            else if (c == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, offset - lineStart);
    }

    // ---------------------------------------------------------------- values

    [Fact]
    public void Parses_strings()
    {
        var s = As<JsonString>(ParseOk("\"hello\""));
        Assert.Equal(JsonNodeKind.String, s.Kind);
        Assert.Equal("hello", s.Value);
        AssertPosition(s.Position, 0, 7, 0, 0);

        Assert.Equal(string.Empty, As<JsonString>(ParseOk("\"\"")).Value);
        Assert.Equal("héllo wörld 😀 日本", As<JsonString>(ParseOk("\"héllo wörld 😀 日本\"")).Value);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-0")]
    [InlineData("7")]
    [InlineData("-123")]
    [InlineData("1.5")]
    [InlineData("-0.25")]
    [InlineData("1e10")]
    [InlineData("1E+2")]
    [InlineData("2.5e-3")]
    [InlineData("-1.50E+003")]
    public void Parses_numbers_keeping_their_text(string text)
    {
        var n = As<JsonNumber>(ParseOk(text));
        Assert.Equal(JsonNodeKind.Number, n.Kind);
        Assert.Equal(text, n.Text);
        AssertPosition(n.Position, 0, text.Length, 0, 0);
    }

    [Theory]
    [InlineData("true", "True", true)]
    [InlineData("false", "False", false)]
    [InlineData("null", "Null", null)]
    public void Parses_literals(string text, string kind, bool? booleanValue)
    {
        var literal = As<JsonLiteral>(ParseOk("  " + text + "  "));
        Assert.Equal(kind, literal.Kind.ToString());
        Assert.Equal(booleanValue, literal.BooleanValue);
        AssertPosition(literal.Position, 2, text.Length, 0, 2);
    }

    [Fact]
    public void Parses_empty_containers()
    {
        var o = As<JsonObject>(ParseOk("{ }"));
        Assert.Equal(JsonNodeKind.Object, o.Kind);
        Assert.Empty(o.Properties);
        AssertPosition(o.Position, 0, 3, 0, 0);

        var a = As<JsonArray>(ParseOk("[\n]"));
        Assert.Equal(JsonNodeKind.Array, a.Kind);
        Assert.Empty(a.Items);
        AssertPosition(a.Position, 0, 3, 0, 0);
    }

    [Fact]
    public void Parses_nested_structures()
    {
        var root = As<JsonObject>(ParseOk(
            "{\"a\":[1,[2,[3,{}]],{\"b\":{\"c\":[true,false,null,\"s\"]}}],\"d\":{}}"));

        Assert.Equal(new[] { "a", "d" }, root.Properties.Select(p => p.Name));
        var a = As<JsonArray>(root.Find("a")!.Value);
        Assert.Equal(3, a.Items.Count);
        Assert.Equal("1", As<JsonNumber>(a.Items[0]).Text);

        var inner = As<JsonArray>(a.Items[1]);
        Assert.Equal("2", As<JsonNumber>(inner.Items[0]).Text);
        var innermost = As<JsonArray>(inner.Items[1]);
        Assert.Equal("3", As<JsonNumber>(innermost.Items[0]).Text);
        Assert.Empty(As<JsonObject>(innermost.Items[1]).Properties);

        var c = As<JsonArray>(As<JsonObject>(As<JsonObject>(a.Items[2]).Find("b")!.Value).Find("c")!.Value);
        Assert.Equal(
            new[] { JsonNodeKind.True, JsonNodeKind.False, JsonNodeKind.Null, JsonNodeKind.String },
            c.Items.Select(i => i.Kind));
        Assert.Empty(As<JsonObject>(root.Find("d")!.Value).Properties);
    }

    [Fact]
    public void Keeps_duplicate_properties_and_Find_returns_the_first()
    {
        var o = As<JsonObject>(ParseOk("{\"a\": 1, \"b\": 2, \"a\": 3}"));
        Assert.Equal(new[] { "a", "b", "a" }, o.Properties.Select(p => p.Name));
        Assert.Equal("1", As<JsonNumber>(o.Find("a")!.Value).Text);
        Assert.Equal(1, o.Find("a")!.NamePosition.Offset);
        Assert.Null(o.Find("A"));
        Assert.Null(o.Find("c"));
    }

    [Fact]
    public void Find_matches_the_unescaped_name()
    {
        var o = As<JsonObject>(ParseOk("{\"\\u0061b\": 1}"));
        Assert.Equal("ab", o.Properties[0].Name);
        Assert.NotNull(o.Find("ab"));
        AssertPosition(o.Properties[0].NamePosition, 1, 9, 0, 1);
    }

    // ---------------------------------------------------------------- numbers

    [Fact]
    public void Number_conversions()
    {
        static JsonNumber N(string text) => As<JsonNumber>(ParseOk(text));

        Assert.True(N("9223372036854775807").TryGetInt64(out var max));
        Assert.Equal(long.MaxValue, max);
        Assert.True(N("-9223372036854775808").TryGetInt64(out var min));
        Assert.Equal(long.MinValue, min);
        Assert.False(N("9223372036854775808").TryGetInt64(out _));
        Assert.True(N("9223372036854775808").TryGetDecimal(out var big));
        Assert.Equal(9223372036854775808m, big);
        Assert.True(N("-0").TryGetInt64(out var zero));
        Assert.Equal(0, zero);

        Assert.False(N("1.0").TryGetInt64(out _));
        Assert.False(N("1e2").TryGetInt64(out _));
        Assert.True(N("1E2").TryGetDecimal(out var hundred));
        Assert.Equal(100m, hundred);
        Assert.True(N("1E2").TryGetDouble(out var hundredD));
        Assert.Equal(100d, hundredD);

        Assert.True(N("0.1").TryGetDecimal(out var tenth));
        Assert.Equal(0.1m, tenth);
        Assert.True(N("-2.5e-3").TryGetDouble(out var d));
        Assert.Equal(-0.0025, d, 15);

        Assert.False(N("1e400").TryGetDouble(out _));
        Assert.False(N("-1e400").TryGetDouble(out _));
        Assert.False(N("1e400").TryGetDecimal(out _));
        Assert.True(N("1e300").TryGetDouble(out var large));
        Assert.Equal(1e300, large);
    }

    [Fact]
    public void Number_conversions_ignore_the_current_culture()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            var n = As<JsonNumber>(ParseOk("1.5"));
            Assert.True(n.TryGetDecimal(out var m));
            Assert.Equal(1.5m, m);
            Assert.True(n.TryGetDouble(out var d));
            Assert.Equal(1.5, d);
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    // ---------------------------------------------------------------- strings

    [Fact]
    public void Unescapes_every_escape()
    {
        var s = As<JsonString>(ParseOk(@"""q\"" b\\ s\/ \b \f \n \r \t \u0041\u00e9\u00E9 \uD83D\uDE00 \u0000"""));
        Assert.Equal("q\" b\\ s/ \b \f \n \r \t Aéé 😀 \0", s.Value);
    }

    [Fact]
    public void Keeps_escaped_lone_surrogates_as_they_are()
    {
        Assert.Equal("a\uDC00b", As<JsonString>(ParseOk(@"""a\uDC00b""")).Value);
        Assert.Equal("\uD83D", As<JsonString>(ParseOk(@"""\uD83D""")).Value);
        Assert.Equal("\uDE00\uD83D", As<JsonString>(ParseOk(@"""\uDE00\uD83D""")).Value);
    }

    [Fact]
    public void String_position_includes_quotes_and_escapes()
    {
        var a = As<JsonArray>(ParseOk("[ \"a\\nb\" ]"));
        AssertPosition(a.Items[0].Position, 2, 6, 0, 2);
        Assert.Equal("a\nb", As<JsonString>(a.Items[0]).Value);
    }

    // ---------------------------------------------------------------- positions

    private static readonly string[] SampleLines =
    {
        "{",                                   // 0
        "  \"name\": \"list\",",               // 1
        "  \"count\": 12,",                    // 2
        "  \"tags\": [true, null],",           // 3
        "  \"nested\": {",                     // 4
        "    \"x\": -1.5e3",                   // 5
        "  }",                                 // 6
        "}",                                   // 7
    };

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void Positions_of_nodes_and_property_names(string newline)
    {
        var text = string.Join(newline, SampleLines) + newline;
        var nl = newline.Length;
        int LineStart(int line) => SampleLines.Take(line).Sum(l => l.Length + nl);

        var root = As<JsonObject>(ParseOk(text));
        AssertPosition(root.Position, 0, LineStart(7) + 1, 0, 0);

        var name = root.Find("name")!;
        AssertPosition(name.NamePosition, LineStart(1) + 2, 6, 1, 2);
        AssertPosition(name.Value.Position, LineStart(1) + 10, 6, 1, 10);
        Assert.Equal("\"name\"", text.Substring(name.NamePosition.Offset, name.NamePosition.Length));
        Assert.Equal("\"list\"", text.Substring(name.Value.Position.Offset, name.Value.Position.Length));

        var count = root.Find("count")!;
        AssertPosition(count.NamePosition, LineStart(2) + 2, 7, 2, 2);
        AssertPosition(count.Value.Position, LineStart(2) + 11, 2, 2, 11);

        var tags = As<JsonArray>(root.Find("tags")!.Value);
        AssertPosition(tags.Position, LineStart(3) + 10, 12, 3, 10);
        AssertPosition(tags.Items[0].Position, LineStart(3) + 11, 4, 3, 11);
        AssertPosition(tags.Items[1].Position, LineStart(3) + 17, 4, 3, 17);

        var nestedProperty = root.Find("nested")!;
        AssertPosition(nestedProperty.NamePosition, LineStart(4) + 2, 8, 4, 2);
        var nested = As<JsonObject>(nestedProperty.Value);
        // From "{" at line 4, column 12 to the "}" at line 6, column 2.
        AssertPosition(nested.Position, LineStart(4) + 12, LineStart(6) + 3 - (LineStart(4) + 12), 4, 12);
        Assert.Equal('}', text[nested.Position.Offset + nested.Position.Length - 1]);

        var x = nested.Find("x")!;
        AssertPosition(x.NamePosition, LineStart(5) + 4, 3, 5, 4);
        AssertPosition(x.Value.Position, LineStart(5) + 9, 6, 5, 9);
        Assert.Equal("-1.5e3", As<JsonNumber>(x.Value).Text);
    }

    [Fact]
    public void Positions_with_literal_offsets_for_LF_and_CRLF()
    {
        var lf = As<JsonObject>(ParseOk("{\n  \"a\": [1,\n    2]\n}"));
        AssertPosition(lf.Properties[0].NamePosition, 4, 3, 1, 2);
        var lfItems = As<JsonArray>(lf.Properties[0].Value);
        AssertPosition(lfItems.Position, 9, 10, 1, 7);
        AssertPosition(lfItems.Items[1].Position, 17, 1, 2, 4);

        var crlf = As<JsonObject>(ParseOk("{\r\n  \"a\": [1,\r\n    2]\r\n}"));
        AssertPosition(crlf.Position, 0, 24, 0, 0);
        AssertPosition(crlf.Properties[0].NamePosition, 5, 3, 1, 2);
        var crlfItems = As<JsonArray>(crlf.Properties[0].Value);
        AssertPosition(crlfItems.Position, 10, 11, 1, 7);
        AssertPosition(crlfItems.Items[1].Position, 19, 1, 2, 4);
    }

    [Fact]
    public void Mixed_line_endings_each_count_once()
    {
        // "\r\n", "\n", "\r", "\n\r" (two breaks) in a row.
        var a = As<JsonArray>(ParseOk("[1,\r\n2,\n3,\r4,\n\r5]"));
        AssertPosition(a.Items[0].Position, 1, 1, 0, 1);
        AssertPosition(a.Items[1].Position, 5, 1, 1, 0);
        AssertPosition(a.Items[2].Position, 8, 1, 2, 0);
        AssertPosition(a.Items[3].Position, 11, 1, 3, 0);
        AssertPosition(a.Items[4].Position, 15, 1, 5, 0);
    }

    // ---------------------------------------------------------------- comments and BOM

    [Fact]
    public void Skips_comments_everywhere_whitespace_may_appear()
    {
        const string text =
            "// leading\r\n" +                     // line 0
            "/* block\n" +                         // line 1
            "   spanning */ {   // after brace\n" + // line 2
            "  /*a*/\"k\"/*b*/:/*c*/[/*d*/1/*e*/,//f\r" + // line 3
            "  2 /* ** / * */ ]/**/}// tail";      // line 4

        var root = As<JsonObject>(ParseOk(text));
        AssertPosition(root.Position, text.IndexOf('{'), text.Length - 7 - text.IndexOf('{'), 2, 15);
        var k = root.Find("k")!;
        Assert.Equal(3, k.NamePosition.Line);
        Assert.Equal(7, k.NamePosition.Column);
        var items = As<JsonArray>(k.Value);
        Assert.Equal(new[] { "1", "2" }, items.Items.Select(i => As<JsonNumber>(i).Text));
        AssertPosition(items.Items[1].Position, text.LastIndexOf('2'), 1, 4, 2);
    }

    [Fact]
    public void Comment_markers_inside_strings_are_text()
    {
        var s = As<JsonString>(ParseOk("\"http://x/*y*/\" // real"));
        Assert.Equal("http://x/*y*/", s.Value);
    }

    [Theory]
    [InlineData("/**/1")]
    [InlineData("/***/1")]
    [InlineData("/*/ */1")]
    [InlineData("1//")]
    [InlineData("1/**/")]
    public void Edge_case_comments(string text) => As<JsonNumber>(ParseOk(text));

    [Fact]
    public void Accepts_a_byte_order_mark_at_the_start()
    {
        var o = As<JsonObject>(ParseOk("\uFEFF{\"a\": 1}"));
        AssertPosition(o.Position, 1, 8, 0, 1);
        Assert.NotNull(o.Find("a"));
    }

    // ---------------------------------------------------------------- depth

    [Fact]
    public void Accepts_nesting_up_to_the_limit()
    {
        var text = new string('[', JsonParser.MaxDepth) + new string(']', JsonParser.MaxDepth);
        var node = ParseOk(text);
        for (var i = 1; i < JsonParser.MaxDepth; i++)
        {
            node = Assert.Single(As<JsonArray>(node).Items);
        }

        Assert.Empty(As<JsonArray>(node).Items);
    }

    [Fact]
    public void Rejects_nesting_beyond_the_limit()
    {
        var builder = new StringBuilder();
        for (var i = 0; i < JsonParser.MaxDepth; i++)
        {
            builder.Append(i % 2 == 0 ? "{\"a\":" : "[");
        }

        var offset = builder.Length;
        builder.Append("[1]");
        var error = ParseError(builder.ToString());
        Assert.Contains("too deep", error.Message);
        Assert.Contains("256", error.Message);
        AssertPosition(error.Position, offset, 1, 0, offset);
    }

    [Fact]
    public void Very_deep_input_is_an_error_not_a_stack_overflow()
    {
        var error = ParseError(new string('[', 1_000_000));
        Assert.Contains("too deep", error.Message);
        AssertPosition(error.Position, 256, 1, 0, 256);

        error = ParseError(string.Concat(Enumerable.Repeat("{\"a\":", 200_000)));
        Assert.Contains("too deep", error.Message);
    }

    // ---------------------------------------------------------------- errors

    [Theory]
    // empty input
    [InlineData("", "The input is empty", 0, 0, 0)]
    [InlineData(" \r\n\t", "The input is empty", 1, 1, 0)]
    [InlineData("// nothing but a comment\n", "The input is empty", 1, 0, 0)]
    [InlineData("\uFEFF", "The input is empty", 0, 1, 0)]
    // structure
    [InlineData("{\"a\": 1 ]", "Expected ',' or '}' after a property value but found ']'", 0, 8, 1)]
    [InlineData("{\"a\":1 \"b\":2}", "Expected ',' or '}' after a property value but found '\"'", 0, 7, 1)]
    [InlineData("[1 2]", "Expected ',' or ']' after an array item but found '2'", 0, 3, 1)]
    [InlineData("[1}", "Expected ',' or ']' after an array item but found '}'", 0, 2, 1)]
    [InlineData("{\n  \"a\" 1}", "Expected ':' after property name \"a\" but found '1'", 1, 6, 1)]
    [InlineData("{\"a\",\"b\"}", "Expected ':' after property name \"a\" but found ','", 0, 4, 1)]
    [InlineData("{ name: 1 }", "Expected a property name (a double-quoted string) or '}' but found 'name'", 0, 2, 4)]
    [InlineData("{\"a\":1, 2}", "Expected a property name (a double-quoted string) after ',' but found '2'", 0, 8, 1)]
    [InlineData("{\"a\": }", "Expected a value for property \"a\" but found '}'", 0, 6, 1)]
    [InlineData("[1,,2]", "Expected an array item after ',' but found ','", 0, 3, 1)]
    [InlineData("[}", "Expected an array item or ']' but found '}'", 0, 1, 1)]
    [InlineData(":", "Expected a JSON value but found ':'", 0, 0, 1)]
    // trailing commas
    [InlineData("{\"a\": 1,\n}", "Trailing comma", 0, 7, 1)]
    [InlineData("[1,\n  2,\n]", "Trailing comma", 1, 3, 1)]
    // end of input inside containers
    [InlineData("{\"a\": [1, 2", "Expected ',' or ']' after an array item but found end of input (the array opened at line 1, column 7 is not closed)", 0, 11, 0)]
    [InlineData("{\n\"a\": 1\n", "Expected ',' or '}' after a property value but found end of input (the object opened at line 1, column 1 is not closed)", 2, 0, 0)]
    [InlineData("[", "Expected an array item or ']' but found end of input", 0, 1, 0)]
    [InlineData("{", "Expected a property name (a double-quoted string) or '}' but found end of input", 0, 1, 0)]
    [InlineData("{\"a\":", "Expected a value for property \"a\" but found end of input", 0, 5, 0)]
    // single quotes
    [InlineData("{'a': 1}", "Property names must be in double quotes", 0, 1, 1)]
    [InlineData("['a']", "Strings must be in double quotes", 0, 1, 1)]
    // strings
    [InlineData("[\"abc", "Unterminated string: missing closing '\"' before the end of the input", 0, 1, 4)]
    [InlineData("{\"a\": \"abc\n}", "Unterminated string: missing closing '\"' before the end of the line", 0, 6, 4)]
    [InlineData("\"abc\\", "Unterminated string", 0, 0, 5)]
    [InlineData("\"\\u12", "Unterminated string", 0, 0, 5)]
    [InlineData("\"a\\xb\"", "Invalid escape '\\x'", 0, 2, 2)]
    [InlineData("\"a\\'\"", "Invalid escape '\\''", 0, 2, 2)]
    [InlineData("\"a\\\nb\"", "Invalid escape: '\\' followed by a line break", 0, 2, 1)]
    [InlineData("\"\\u12G4\"", "Invalid escape '\\u': expected 4 hexadecimal digits but found 'G'", 0, 5, 1)]
    [InlineData("\"\\u12\"", "Invalid escape '\\u': expected 4 hexadecimal digits but found '\"'", 0, 5, 1)]
    [InlineData("\"a\tb\"", "Control character U+0009 must be escaped in a string (as \\t)", 0, 2, 1)]
    [InlineData("\"a\u0001b\"", "Control character U+0001 must be escaped in a string (as \\u0001)", 0, 2, 1)]
    // numbers
    [InlineData("-", "Invalid number: expected a digit after '-' but found end of input", 0, 1, 0)]
    [InlineData("-Infinity", "Invalid number: expected a digit after '-' but found 'I'", 0, 1, 1)]
    [InlineData("[01]", "Invalid number: leading zeros are not allowed", 0, 1, 1)]
    [InlineData("-00", "Invalid number: leading zeros are not allowed", 0, 1, 1)]
    [InlineData("1.", "Invalid number: expected a digit after '.' but found end of input", 0, 2, 0)]
    [InlineData("1.e5", "Invalid number: expected a digit after '.' but found 'e'", 0, 2, 1)]
    [InlineData("[1e+]", "Invalid number: expected a digit in the exponent but found ']'", 0, 4, 1)]
    [InlineData("1E", "Invalid number: expected a digit in the exponent but found end of input", 0, 2, 0)]
    [InlineData("+1", "Invalid number: a leading '+' is not allowed", 0, 0, 1)]
    [InlineData(".5", "Invalid number: a number must start with a digit", 0, 0, 1)]
    [InlineData("[0x1F]", "Expected ',' or ']' after an array item but found 'x1F'", 0, 2, 3)]
    // literals
    [InlineData("NaN", "Expected a JSON value but found 'NaN'", 0, 0, 3)]
    [InlineData("[Infinity]", "Expected an array item or ']' but found 'Infinity'", 0, 1, 8)]
    [InlineData("{\"a\": undefined}", "Expected a value for property \"a\" but found 'undefined'", 0, 6, 9)]
    [InlineData("tru", "Expected a JSON value but found 'tru'", 0, 0, 3)]
    [InlineData("nulls", "Expected a JSON value but found 'nulls'", 0, 0, 5)]
    [InlineData("True", "Invalid literal 'True': JSON literals are lowercase ('true')", 0, 0, 4)]
    [InlineData("[NULL]", "Invalid literal 'NULL': JSON literals are lowercase ('null')", 0, 1, 4)]
    // trailing content
    [InlineData("{} {}", "Unexpected '{' after the end of the JSON value", 0, 3, 1)]
    [InlineData("1 // c\n2", "Unexpected '2' after the end of the JSON value", 1, 0, 1)]
    [InlineData("true false", "Unexpected 'false' after the end of the JSON value", 0, 5, 5)]
    [InlineData("{}]", "Unexpected ']' after the end of the JSON value", 0, 2, 1)]
    // comments
    [InlineData("[1, /* x\n\n", "Unterminated comment: '/*' has no closing '*/'", 0, 4, 2)]
    [InlineData("[1 / 2]", "Unexpected '/': comments start with '//' or '/*'", 0, 3, 1)]
    [InlineData("1 /", "Unexpected '/': comments start with '//' or '/*'", 0, 2, 1)]
    // characters that are not JSON whitespace
    [InlineData("[1,\uFEFF2]", "found U+FEFF (a byte order mark, allowed only as the first character)", 0, 3, 1)]
    [InlineData("[1,\u00A02]", "Expected an array item after ',' but found U+00A0", 0, 3, 1)]
    [InlineData("[1,\f2]", "found U+000C", 0, 3, 1)]
    [InlineData("[\u00E9]", "found '\u00E9'", 0, 1, 1)]
    [InlineData("[\u20AC]", "found '\u20AC' (U+20AC)", 0, 1, 1)]
    public void Reports_errors_at_the_offending_text(string text, string message, int line, int column, int length)
    {
        var error = ParseError(text);
        Assert.Contains(message, error.Message);
        Assert.Equal(line, error.Position.Line);
        Assert.Equal(column, error.Position.Column);
        Assert.Equal(length, error.Position.Length);

        var (expectedLine, expectedColumn) = LineColumnOf(text, error.Position.Offset);
        Assert.Equal((expectedLine, expectedColumn), (error.Position.Line, error.Position.Column));
        Assert.True(error.Position.Offset + error.Position.Length <= text.Length);
    }

    [Fact]
    public void Reports_surrogates_outside_strings()
    {
        // Kept out of the theory above: lone surrogates do not survive test-case serialization.
        var pair = ParseError("[\uD83D\uDE00]");
        Assert.Contains("found '\uD83D\uDE00' (U+1F600)", pair.Message);
        AssertPosition(pair.Position, 1, 2, 0, 1);

        var lone = ParseError("[\uDE00]");
        Assert.Contains("found U+DE00", lone.Message);
        AssertPosition(lone.Position, 1, 1, 0, 1);

        var loneHigh = ParseError("[\uD83D]");
        Assert.Contains("found U+D83D", loneHigh.Message);
        AssertPosition(loneHigh.Position, 1, 1, 0, 1);

        // Raw (unescaped) surrogates inside strings are taken as they are.
        Assert.Equal("a\uD83Db", As<JsonString>(ParseOk("\"a\uD83Db\"")).Value);
    }

    [Fact]
    public void Long_names_are_shortened_in_messages()
    {
        var name = new string('n', 100);
        var error = ParseError("{\"" + name + "\" 1}");
        Assert.Contains("\"" + new string('n', 37) + "...\"", error.Message);
        Assert.DoesNotContain(name, error.Message);
    }

    [Fact]
    public void Names_in_messages_stay_on_one_line()
    {
        var error = ParseError("{\"a\\nb\\u0001\" 1}");
        Assert.Contains("property name \"a\\nb\\u0001\"", error.Message);
        Assert.DoesNotContain("\n", error.Message);
    }

    [Fact]
    public void Null_text_is_treated_as_empty()
    {
        var error = ParseError(null!);
        Assert.Contains("empty", error.Message);
    }

    // ---------------------------------------------------------------- realistic spec and robustness

    private const string RealisticSpec = """
        {
          // Host detection list: the VM workhorse.
          "$schema": "../schema/endpoint.schema.json",
          "name": "ListHostDetections",
          "summary": "Lists hosts with their unfixed vulnerabilities (\"detections\").",
          "method": "POST",
          "path": "/api/4.0/fo/asset/host/vm/detection/",
          "action": "list",
          "deprecated": false,
          "pagination": {
            "style": "truncation",
            "warningCode": 1980,
            "maxPages": null
          },
          "rateLimit": { "perHour": 300, "concurrency": 2 },
          /* Request parameters, in the order Qualys documents them. */
          "parameters": [
            {
              "name": "ids",
              "type": "idRangeList",
              "required": false,
              "description": "Host IDs or ranges, e.g. 1-5,7"
            },
            {
              "name": "truncation_limit",
              "type": "int",
              "default": 1000,
              "min": 0,
              "max": 1000000
            },
            {
              "name": "status",
              "type": "enum",
              "values": ["New", "Active", "Fixed", "Re-Opened"],
              "multiple": true
            },
            {
              "name": "qds_min",
              "type": "decimal",
              "default": 0.0,
              "scale": 1e2
            },
            {
              "name": "detection_updated_since",
              "type": "dateTime",
              "format": "yyyy-MM-dd'T'HH:mm:ss'Z'"
            }
          ],
          "response": {
            "root": "HOST_LIST_VM_DETECTION_OUTPUT",
            "dtd": "https://qualysapi.qualys.com/api/4.0/fo/asset/host/vm/detection/host_list_vm_detection_output.dtd",
            "item": "RESPONSE/HOST_LIST/HOST",
            "fields": {
              "ID": { "type": "long", "required": true },
              "IP": { "type": "ipAddress" },
              "TRACKING_METHOD": { "type": "string", "example": "IP \u2192 agent\tlegacy" },
              "LAST_SCAN_DATETIME": { "type": "dateTime", "nullable": true },
              "QDS": { "type": "int", "range": [-1, 100] }
            }
          }
        }
        """;

    [Fact]
    public void Parses_a_realistic_spec()
    {
        var root = As<JsonObject>(ParseOk(RealisticSpec));
        Assert.Equal("ListHostDetections", As<JsonString>(root.Find("name")!.Value).Value);
        Assert.Equal("Lists hosts with their unfixed vulnerabilities (\"detections\").", As<JsonString>(root.Find("summary")!.Value).Value);
        Assert.Equal(5, As<JsonArray>(root.Find("parameters")!.Value).Items.Count);
        var fields = As<JsonObject>(As<JsonObject>(root.Find("response")!.Value).Find("fields")!.Value);
        Assert.Equal("IP \u2192 agent\tlegacy", As<JsonString>(As<JsonObject>(fields.Find("TRACKING_METHOD")!.Value).Find("example")!.Value).Value);
        Assert.Equal(JsonNodeKind.Null, As<JsonObject>(root.Find("pagination")!.Value).Find("maxPages")!.Value.Kind);

        var nameProperty = root.Find("name")!;
        Assert.Equal(3, nameProperty.NamePosition.Line);
        Assert.Equal(2, nameProperty.NamePosition.Column);
        CheckTree(RealisticSpec, root);
        Assert.True(RealisticSpec.Split('\n').Length >= 60);
    }

    [Fact]
    public void Never_throws_on_randomly_mutated_input()
    {
        const string Interesting = "{}[]:,\"\\/*'-+.eE0123456789 \t\r\nuxtrfn\u00A0\uFEFF\uD83D\uDE00\u0001";
        var random = new Random(20240611);
        int parsed = 0, failed = 0;
        for (var i = 0; i < 2000; i++)
        {
            var text = RealisticSpec;
            var mutations = 1 + random.Next(3);
            for (var m = 0; m < mutations; m++)
            {
                text = Mutate(text, random, Interesting);
            }

            JsonParseResult result;
            try
            {
                result = JsonParser.Parse(text);
            }
            catch (Exception ex)
            {
                Assert.Fail($"Mutation {i} threw {ex.GetType().Name}: {ex.Message}\n--- input ---\n{text}");
                return;
            }

            if (result.Root is not null)
            {
                Assert.Null(result.Error);
                CheckTree(text, result.Root);
                parsed++;
            }
            else
            {
                var error = Assert.IsType<JsonSyntaxError>(result.Error);
                Assert.False(string.IsNullOrWhiteSpace(error.Message));
                var p = error.Position;
                Assert.InRange(p.Offset, 0, text.Length);
                Assert.True(p.Offset + p.Length <= text.Length, $"Mutation {i}: {error} runs past the end");
                Assert.True(p.Offset == text.Length ? p.Length == 0 : p.Length >= 1, $"Mutation {i}: {error} has a bad length");
                Assert.Equal(LineColumnOf(text, p.Offset), (p.Line, p.Column));
                failed++;
            }
        }

        // Both outcomes must be exercised for the test to mean anything.
        Assert.True(parsed > 50, $"only {parsed} mutations parsed");
        Assert.True(failed > 500, $"only {failed} mutations failed");
    }

    private static string Mutate(string text, Random random, string interesting)
    {
        char RandomChar() => random.Next(4) == 0 ? (char)random.Next(0, 0x10000) : interesting[random.Next(interesting.Length)];
        if (text.Length == 0)
        {
            return RandomChar().ToString();
        }

        var at = random.Next(text.Length + 1);
        switch (random.Next(7))
        {
            case 0: // delete a short run
                return text.Remove(Math.Min(at, text.Length - 1), Math.Min(1 + random.Next(4), text.Length - Math.Min(at, text.Length - 1)));
            case 1: // insert a character
                return text.Insert(at, RandomChar().ToString());
            case 2: // replace a character
                return at >= text.Length ? text : text.Remove(at, 1).Insert(at, RandomChar().ToString());
            case 3: // duplicate a slice somewhere else
            {
                var start = random.Next(text.Length);
                var length = Math.Min(random.Next(1, 40), text.Length - start);
                return text.Insert(at, text.Substring(start, length));
            }
            case 4: // truncate
                return text.Substring(0, at);
            case 5: // swap two neighbours
                return at + 1 >= text.Length ? text : text.Substring(0, at) + text[at + 1] + text[at] + text.Substring(at + 2);
            default: // a harmless mutation: extra whitespace or a comment
                return text.Insert(at, random.Next(2) == 0 ? " " : "/*!*/");
        }
    }

    /// <summary>Every node's position must be in range, agree with an independent line count, and frame the right text.</summary>
    private static void CheckTree(string text, JsonNode node)
    {
        var stack = new Stack<JsonNode>();
        stack.Push(node);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            var p = current.Position;
            Assert.True(p.Offset >= 0 && p.Length >= 1 && p.Offset + p.Length <= text.Length, $"{current.Kind} at {p}");
            Assert.Equal(LineColumnOf(text, p.Offset), (p.Line, p.Column));
            var slice = text.Substring(p.Offset, p.Length);
            switch (current)
            {
                case JsonObject o:
                    Assert.StartsWith("{", slice);
                    Assert.EndsWith("}", slice);
                    foreach (var property in o.Properties)
                    {
                        var n = property.NamePosition;
                        Assert.Equal(LineColumnOf(text, n.Offset), (n.Line, n.Column));
                        Assert.Equal('"', text[n.Offset]);
                        Assert.Equal('"', text[n.Offset + n.Length - 1]);
                        Assert.True(n.Offset > p.Offset && property.Value.Position.Offset > n.Offset + n.Length - 1);
                        stack.Push(property.Value);
                    }

                    break;
                case JsonArray a:
                    Assert.StartsWith("[", slice);
                    Assert.EndsWith("]", slice);
                    foreach (var item in a.Items)
                    {
                        stack.Push(item);
                    }

                    break;
                case JsonString:
                    Assert.True(slice.Length >= 2 && slice[0] == '"' && slice[slice.Length - 1] == '"', slice);
                    break;
                case JsonNumber number:
                    Assert.Equal(number.Text, slice);
                    break;
                case JsonLiteral literal:
                    Assert.Equal(literal.Kind.ToString().ToLowerInvariant(), slice);
                    break;
            }
        }
    }

    [Fact]
    public void Large_input_parses()
    {
        var builder = new StringBuilder("[");
        for (var i = 0; i < 100_000; i++)
        {
            builder.Append(i == 0 ? string.Empty : ",\n").Append("{\"id\": ").Append(i).Append(", \"s\": \"a\\tb\"}");
        }

        builder.Append(']');
        var array = As<JsonArray>(ParseOk(builder.ToString()));
        Assert.Equal(100_000, array.Items.Count);
        Assert.Equal(99_999, array.Items[99_999].Position.Line);
    }
}
