using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace QualysGen.Generator.Parsing.Json;

/// <summary>
/// A strict, position-tracking JSON parser (RFC 8259) that never throws. It also accepts what
/// "jsonc" editors accept apart from trailing commas: <c>//</c> and <c>/* */</c> comments wherever
/// whitespace may appear, and a byte order mark as the first character.
/// </summary>
/// <remarks>
/// Single pass, linear time, recursion bounded by <see cref="MaxDepth"/>. Parsing stops at the first
/// error, which is located at the offending character(s); line and column are tracked while
/// skipping whitespace and comments, the only places a line break may appear.
/// </remarks>
internal static class JsonParser
{
    /// <summary>The most objects and arrays that may be nested inside one another.</summary>
    public const int MaxDepth = 256;

    private const string ValidEscapes = "valid escapes are \\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t and \\uXXXX";

    public static JsonParseResult Parse(string text)
    {
        var parser = new Parser(text ?? string.Empty);
        var root = parser.ParseDocument();
        return root is null ? new JsonParseResult(null, parser.Error) : new JsonParseResult(root, null);
    }

    private sealed class Parser
    {
        private readonly string _text;
        private int _pos;
        private int _line;
        private int _lineStart;

        public Parser(string text) => _text = text;

        public JsonSyntaxError? Error { get; private set; }

        private bool AtEnd => _pos >= _text.Length;

        public JsonNode? ParseDocument()
        {
            if (_text.Length > 0 && _text[0] == '\uFEFF')
            {
                _pos = 1;
            }

            if (!SkipTrivia())
            {
                return null;
            }

            if (AtEnd)
            {
                return Fail("The input is empty: expected a JSON value", At(_pos, 0));
            }

            var root = ParseValue(0, "a JSON value");
            if (root is null || !SkipTrivia())
            {
                return null;
            }

            if (!AtEnd)
            {
                var found = DescribeToken(out var position);
                return Fail($"Unexpected {found} after the end of the JSON value; a document holds exactly one value", position);
            }

            return root;
        }

        /// <param name="depth">How many objects and arrays enclose the value.</param>
        /// <param name="expected">What is expected, for messages ("a JSON value").</param>
        /// <param name="propertyName">The property whose value this is; when set, it replaces <paramref name="expected"/> in messages.</param>
        private JsonNode? ParseValue(int depth, string expected, string? propertyName = null)
        {
            if (AtEnd)
            {
                return Fail($"Expected {Expected(expected, propertyName)} but found end of input", At(_pos, 0));
            }

            var c = _text[_pos];
            switch (c)
            {
                case '{':
                    return ParseObject(depth);
                case '[':
                    return ParseArray(depth);
                case '"':
                    return TryReadString(out var value, out var position) ? new JsonString(position, value) : null;
                case '-':
                case >= '0' and <= '9':
                    return ParseNumber();
                case '\'':
                    return Fail("Strings must be in double quotes ('\"'), not single quotes", At(_pos, 1));
                case '+':
                    return Fail("Invalid number: a leading '+' is not allowed", At(_pos, 1));
                case '.':
                    return Fail("Invalid number: a number must start with a digit (write 0.5, not .5)", At(_pos, 1));
            }

            if (IsWordStart(c))
            {
                var start = _pos;
                var end = WordEnd(start);
                JsonNodeKind? literal = IsWord(start, end, "true") ? JsonNodeKind.True
                    : IsWord(start, end, "false") ? JsonNodeKind.False
                    : IsWord(start, end, "null") ? JsonNodeKind.Null
                    : null;
                if (literal is { } kind)
                {
                    _pos = end;
                    return new JsonLiteral(At(start, end - start), kind);
                }

                var word = _text.Substring(start, end - start);
                var lower = word.ToLowerInvariant();
                if (lower is "true" or "false" or "null")
                {
                    return Fail($"Invalid literal '{word}': JSON literals are lowercase ('{lower}')", At(start, end - start));
                }

                return Fail(
                    $"Expected {Expected(expected, propertyName)} but found '{Shorten(word)}' (a value is a double-quoted string, a number, an object, an array, true, false or null)",
                    At(start, end - start));
            }

            var found = DescribeToken(out var foundPosition);
            return Fail($"Expected {Expected(expected, propertyName)} but found {found}", foundPosition);
        }

        private static string Expected(string expected, string? propertyName)
            => propertyName is null ? expected : $"a value for property \"{Shorten(propertyName)}\"";

        private JsonNode? ParseObject(int depth)
        {
            var open = At(_pos, 1);
            if (depth >= MaxDepth)
            {
                return Fail($"Nesting is too deep: objects and arrays may be nested at most {MaxDepth} levels", open);
            }

            _pos++;
            var properties = new List<JsonProperty>();
            var afterComma = false;
            var comma = default(JsonPosition);
            while (true)
            {
                if (!SkipTrivia())
                {
                    return null;
                }

                if (!AtEnd && _text[_pos] == '}')
                {
                    if (afterComma)
                    {
                        return Fail("Trailing comma: ',' must be followed by another property, not '}'", comma);
                    }

                    _pos++;
                    return new JsonObject(Span(open), properties.ToArray());
                }

                if (AtEnd || _text[_pos] != '"')
                {
                    if (!AtEnd && _text[_pos] == '\'')
                    {
                        return Fail("Property names must be in double quotes ('\"'), not single quotes", At(_pos, 1));
                    }

                    var found = DescribeToken(out var position);
                    var what = afterComma
                        ? "Expected a property name (a double-quoted string) after ','"
                        : "Expected a property name (a double-quoted string) or '}'";
                    return Fail($"{what} but found {found}{Unclosed(open, "object")}", position);
                }

                if (!TryReadString(out var name, out var namePosition) || !SkipTrivia())
                {
                    return null;
                }

                if (AtEnd || _text[_pos] != ':')
                {
                    var found = DescribeToken(out var position);
                    return Fail($"Expected ':' after property name \"{Shorten(name)}\" but found {found}{Unclosed(open, "object")}", position);
                }

                _pos++;
                if (!SkipTrivia())
                {
                    return null;
                }

                var value = ParseValue(depth + 1, string.Empty, name);
                if (value is null || !SkipTrivia())
                {
                    return null;
                }

                properties.Add(new JsonProperty(name, namePosition, value));

                if (!AtEnd && _text[_pos] == ',')
                {
                    comma = At(_pos, 1);
                    afterComma = true;
                    _pos++;
                    continue;
                }

                if (!AtEnd && _text[_pos] == '}')
                {
                    _pos++;
                    return new JsonObject(Span(open), properties.ToArray());
                }

                var next = DescribeToken(out var nextPosition);
                return Fail($"Expected ',' or '}}' after a property value but found {next}{Unclosed(open, "object")}", nextPosition);
            }
        }

        private JsonNode? ParseArray(int depth)
        {
            var open = At(_pos, 1);
            if (depth >= MaxDepth)
            {
                return Fail($"Nesting is too deep: objects and arrays may be nested at most {MaxDepth} levels", open);
            }

            _pos++;
            var items = new List<JsonNode>();
            var afterComma = false;
            var comma = default(JsonPosition);
            while (true)
            {
                if (!SkipTrivia())
                {
                    return null;
                }

                if (!AtEnd && _text[_pos] == ']')
                {
                    if (afterComma)
                    {
                        return Fail("Trailing comma: ',' must be followed by another item, not ']'", comma);
                    }

                    _pos++;
                    return new JsonArray(Span(open), items.ToArray());
                }

                if (AtEnd)
                {
                    var what = afterComma ? "Expected an array item after ','" : "Expected an array item or ']'";
                    return Fail($"{what} but found end of input{Unclosed(open, "array")}", At(_pos, 0));
                }

                var item = ParseValue(depth + 1, afterComma ? "an array item after ','" : "an array item or ']'");
                if (item is null || !SkipTrivia())
                {
                    return null;
                }

                items.Add(item);

                if (!AtEnd && _text[_pos] == ',')
                {
                    comma = At(_pos, 1);
                    afterComma = true;
                    _pos++;
                    continue;
                }

                if (!AtEnd && _text[_pos] == ']')
                {
                    _pos++;
                    return new JsonArray(Span(open), items.ToArray());
                }

                var next = DescribeToken(out var nextPosition);
                return Fail($"Expected ',' or ']' after an array item but found {next}{Unclosed(open, "array")}", nextPosition);
            }
        }

        private JsonNode? ParseNumber()
        {
            // -?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?
            var start = _pos;
            if (_text[_pos] == '-')
            {
                _pos++;
                if (AtEnd || !IsDigit(_text[_pos]))
                {
                    return Fail($"Invalid number: expected a digit after '-' but found {DescribeChar(out var p)}", p);
                }
            }

            if (_text[_pos] == '0')
            {
                _pos++;
                if (!AtEnd && IsDigit(_text[_pos]))
                {
                    return Fail("Invalid number: leading zeros are not allowed", At(_pos - 1, 1));
                }
            }
            else
            {
                SkipDigits();
            }

            if (!AtEnd && _text[_pos] == '.')
            {
                _pos++;
                if (AtEnd || !IsDigit(_text[_pos]))
                {
                    return Fail($"Invalid number: expected a digit after '.' but found {DescribeChar(out var p)}", p);
                }

                SkipDigits();
            }

            if (!AtEnd && (_text[_pos] == 'e' || _text[_pos] == 'E'))
            {
                _pos++;
                if (!AtEnd && (_text[_pos] == '+' || _text[_pos] == '-'))
                {
                    _pos++;
                }

                if (AtEnd || !IsDigit(_text[_pos]))
                {
                    return Fail($"Invalid number: expected a digit in the exponent but found {DescribeChar(out var p)}", p);
                }

                SkipDigits();
            }

            return new JsonNumber(At(start, _pos - start), _text.Substring(start, _pos - start));
        }

        private void SkipDigits()
        {
            while (!AtEnd && IsDigit(_text[_pos]))
            {
                _pos++;
            }
        }

        /// <summary>Reads a string starting at the opening quote under <see cref="_pos"/>.</summary>
        private bool TryReadString(out string value, out JsonPosition position)
        {
            value = string.Empty;
            position = default;
            var start = _pos;
            _pos++;
            StringBuilder? builder = null;
            var runStart = _pos;
            while (true)
            {
                if (AtEnd)
                {
                    Fail("Unterminated string: missing closing '\"' before the end of the input", At(start, _text.Length - start));
                    return false;
                }

                var c = _text[_pos];
                if (c == '"')
                {
                    value = builder is null
                        ? _text.Substring(runStart, _pos - runStart)
                        : builder.Append(_text, runStart, _pos - runStart).ToString();
                    _pos++;
                    position = At(start, _pos - start);
                    return true;
                }

                if (c == '\\')
                {
                    builder ??= new StringBuilder();
                    builder.Append(_text, runStart, _pos - runStart);
                    if (!TryReadEscape(start, builder))
                    {
                        return false;
                    }

                    runStart = _pos;
                    continue;
                }

                if (c < ' ')
                {
                    if (c == '\r' || c == '\n')
                    {
                        Fail("Unterminated string: missing closing '\"' before the end of the line (write a line break in a string as \\n)", At(start, _pos - start));
                    }
                    else
                    {
                        Fail($"Control character {CodePoint(c)} must be escaped in a string (as {EscapeFor(c)})", At(_pos, 1));
                    }

                    return false;
                }

                _pos++;
            }
        }

        /// <summary>Reads the escape sequence whose backslash is under <see cref="_pos"/>.</summary>
        private bool TryReadEscape(int stringStart, StringBuilder builder)
        {
            var backslash = _pos;
            if (_pos + 1 >= _text.Length)
            {
                Fail("Unterminated string: missing closing '\"' before the end of the input", At(stringStart, _text.Length - stringStart));
                return false;
            }

            var e = _text[_pos + 1];
            switch (e)
            {
                case '"':
                case '\\':
                case '/':
                    builder.Append(e);
                    break;
                case 'b':
                    builder.Append('\b');
                    break;
                case 'f':
                    builder.Append('\f');
                    break;
                case 'n':
                    builder.Append('\n');
                    break;
                case 'r':
                    builder.Append('\r');
                    break;
                case 't':
                    builder.Append('\t');
                    break;
                case 'u':
                    _pos += 2;
                    var code = 0;
                    for (var i = 0; i < 4; i++)
                    {
                        if (AtEnd)
                        {
                            Fail("Unterminated string: missing closing '\"' before the end of the input", At(stringStart, _text.Length - stringStart));
                            return false;
                        }

                        var digit = HexValue(_text[_pos]);
                        if (digit < 0)
                        {
                            Fail($"Invalid escape '\\u': expected 4 hexadecimal digits but found {DescribeChar(out var p)}", p);
                            return false;
                        }

                        code = (code * 16) + digit;
                        _pos++;
                    }

                    // Surrogate pairs arrive as two escapes and come out as two chars; a lone one is kept as is.
                    builder.Append((char)code);
                    return true;
                default:
                    if (e > ' ' && e < '\u007F')
                    {
                        Fail($"Invalid escape '\\{e}'; {ValidEscapes}", At(backslash, 2));
                    }
                    else
                    {
                        _pos++;
                        var found = DescribeChar(out _);
                        Fail($"Invalid escape: '\\' followed by {found}; {ValidEscapes}", At(backslash, 1));
                    }

                    return false;
            }

            _pos += 2;
            return true;
        }

        /// <summary>Skips whitespace and comments; <see langword="false"/> on a malformed comment.</summary>
        private bool SkipTrivia()
        {
            while (!AtEnd)
            {
                switch (_text[_pos])
                {
                    case ' ':
                    case '\t':
                        _pos++;
                        break;
                    case '\n':
                    case '\r':
                        SkipLineBreak();
                        break;
                    case '/':
                        if (!SkipComment())
                        {
                            return false;
                        }

                        break;
                    default:
                        return true;
                }
            }

            return true;
        }

        private bool SkipComment()
        {
            var next = _pos + 1 < _text.Length ? _text[_pos + 1] : '\0';
            if (next == '/')
            {
                _pos += 2;
                while (!AtEnd && _text[_pos] != '\n' && _text[_pos] != '\r')
                {
                    _pos++;
                }

                return true;
            }

            if (next == '*')
            {
                var open = At(_pos, 2);
                _pos += 2;
                while (!AtEnd)
                {
                    var c = _text[_pos];
                    if (c == '*' && _pos + 1 < _text.Length && _text[_pos + 1] == '/')
                    {
                        _pos += 2;
                        return true;
                    }

                    if (c == '\n' || c == '\r')
                    {
                        SkipLineBreak();
                    }
                    else
                    {
                        _pos++;
                    }
                }

                Fail("Unterminated comment: '/*' has no closing '*/'", open);
                return false;
            }

            Fail("Unexpected '/': comments start with '//' or '/*'", At(_pos, 1));
            return false;
        }

        private void SkipLineBreak()
        {
            if (_text[_pos] == '\r' && _pos + 1 < _text.Length && _text[_pos + 1] == '\n')
            {
                _pos++;
            }

            _pos++;
            _line++;
            _lineStart = _pos;
        }

        private JsonNode? Fail(string message, JsonPosition position)
        {
            Error ??= new JsonSyntaxError(message, position);
            return null;
        }

        /// <summary>A position on the current line (the only line an offset not yet passed can be on).</summary>
        private JsonPosition At(int offset, int length) => new(offset, length, _line, offset - _lineStart);

        /// <summary>From an opening bracket to the closing one just consumed.</summary>
        private JsonPosition Span(JsonPosition open) => open with { Length = _pos - open.Offset };

        /// <summary>What is under <see cref="_pos"/>, a whole word when it is one, for "found ..." messages.</summary>
        private string DescribeToken(out JsonPosition position)
        {
            if (!AtEnd && IsWordStart(_text[_pos]))
            {
                var end = WordEnd(_pos);
                position = At(_pos, end - _pos);
                return $"'{Shorten(_text.Substring(_pos, end - _pos))}'";
            }

            return DescribeChar(out position);
        }

        /// <summary>The single character (or surrogate pair) under <see cref="_pos"/>, for "found ..." messages.</summary>
        private string DescribeChar(out JsonPosition position)
        {
            if (AtEnd)
            {
                position = At(_pos, 0);
                return "end of input";
            }

            var c = _text[_pos];
            if (char.IsHighSurrogate(c) && _pos + 1 < _text.Length && char.IsLowSurrogate(_text[_pos + 1]))
            {
                position = At(_pos, 2);
                var pair = _text.Substring(_pos, 2);
                return $"'{pair}' (U+{char.ConvertToUtf32(c, _text[_pos + 1]).ToString("X4", CultureInfo.InvariantCulture)})";
            }

            position = At(_pos, 1);
            switch (c)
            {
                case '\r':
                case '\n':
                    return "a line break";
                case '\t':
                    return "a tab";
                case ' ':
                    return "a space";
                case '\uFEFF':
                    return "U+FEFF (a byte order mark, allowed only as the first character)";
            }

            if (c > ' ' && c < '\u007F')
            {
                return $"'{c}'";
            }

            switch (char.GetUnicodeCategory(c))
            {
                case UnicodeCategory.Control:
                case UnicodeCategory.Format:
                case UnicodeCategory.SpaceSeparator:
                case UnicodeCategory.LineSeparator:
                case UnicodeCategory.ParagraphSeparator:
                case UnicodeCategory.Surrogate:
                case UnicodeCategory.PrivateUse:
                case UnicodeCategory.OtherNotAssigned:
                    return CodePoint(c);
                default:
                    return $"'{c}' ({CodePoint(c)})";
            }
        }

        private string Unclosed(JsonPosition open, string what)
            => AtEnd ? $" (the {what} opened at line {open.Line + 1}, column {open.Column + 1} is not closed)" : string.Empty;

        private int WordEnd(int start)
        {
            var end = start + 1;
            while (end < _text.Length && IsWordPart(_text[end]))
            {
                end++;
            }

            return end;
        }

        private bool IsWord(int start, int end, string word)
            => end - start == word.Length && string.CompareOrdinal(_text, start, word, 0, word.Length) == 0;

        private static bool IsDigit(char c) => c >= '0' && c <= '9';

        private static bool IsWordStart(char c) => c == '_' || c == '$' || char.IsLetter(c);

        private static bool IsWordPart(char c) => c == '_' || c == '$' || char.IsLetterOrDigit(c);

        private static int HexValue(char c) => c switch
        {
            >= '0' and <= '9' => c - '0',
            >= 'a' and <= 'f' => c - 'a' + 10,
            >= 'A' and <= 'F' => c - 'A' + 10,
            _ => -1,
        };

        private static string CodePoint(char c) => "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);

        private static string EscapeFor(char c) => c switch
        {
            '\t' => "\\t",
            '\b' => "\\b",
            '\f' => "\\f",
            _ => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
        };

        /// <summary>A name or word made fit for a one-line message: at most 40 chars, control chars escaped.</summary>
        private static string Shorten(string s)
        {
            var builder = new StringBuilder();
            for (var i = 0; i < s.Length; i++)
            {
                if (i == 37 && s.Length > 40)
                {
                    return builder.Append("...").ToString();
                }

                var c = s[i];
                builder.Append(c switch
                {
                    '\n' => "\\n",
                    '\r' => "\\r",
                    < ' ' => EscapeFor(c),
                    _ => c.ToString(),
                });
            }

            return builder.ToString();
        }
    }
}
