using System.Collections.Generic;
using System.Text;
using QualysGen.Generator.Diagnostics;
using QualysGen.Generator.Model;

namespace QualysGen.Generator.Parsing.Dtd;

/// <summary>Quoted literals: entity values, attribute values, system and public identifiers, and character references.</summary>
internal sealed partial class DtdParser
{
    /// <summary>
    /// Reads a quoted entity value and returns its replacement text (XML 1.0 §4.5): parameter-entity references
    /// are replaced by their replacement text (whose own references are expanded in turn) and character references
    /// by their character; general entity references are kept as written. A literal ends in the frame it starts in.
    /// </summary>
    private string? ReadEntityValue(string entity, bool isParameter)
    {
        var quote = _text[_pos];
        var value = ReadEntityValueCore(entity, isParameter, quote);
        if (value is null)
        {
            SkipRestOfLiteral(quote);
        }

        return value;
    }

    private string? ReadEntityValueCore(string entity, bool isParameter, char quote)
    {
        var openSpan = SpanAt(_pos, 1);
        _pos++;
        var builder = new StringBuilder();
        List<string>? including = null;
        while (true)
        {
            if (_pos >= _end)
            {
                Report(
                    DiagnosticDescriptors.DtdSyntaxError,
                    openSpan,
                    $"The value of entity '{(isParameter ? "%" : string.Empty)}{entity}' is not closed with a matching {QuoteName(quote)} before the end of the {EndOfInputName()}");
                return null;
            }

            var c = _text[_pos];
            if (c == quote)
            {
                _pos++;
                return builder.ToString();
            }

            if (c == '%')
            {
                var referenceStart = _pos++;
                var name = ReadName();
                if (name is null || Peek() != ';')
                {
                    Report(
                        DiagnosticDescriptors.DtdSyntaxError,
                        Span(referenceStart),
                        $"'%' in the value of entity '{entity}' must start a parameter entity reference such as '%name;' (write '&#37;' for a literal '%')");
                    return null;
                }

                _pos++;
                including ??= new List<string>();
                if (!IncludeInLiteral(name, Span(referenceStart), entity, isParameter, builder, including))
                {
                    return null;
                }
            }
            else if (c == '&')
            {
                if (!ReadReference(builder, expandPredefined: false, $"the value of entity '{entity}'"))
                {
                    return null;
                }
            }
            else
            {
                builder.Append(c);
                _pos++;
            }
        }
    }

    /// <summary>
    /// Appends the replacement text of <c>%name;</c> inside an entity value, expanding the parameter-entity
    /// references it contains (which can only come from character references such as <c>&amp;#37;</c>).
    /// </summary>
    private bool IncludeInLiteral(
        string name,
        (int Start, int Length) referenceSpan,
        string declaring,
        bool declaringIsParameter,
        StringBuilder builder,
        List<string> including)
    {
        if (declaringIsParameter && name == declaring && !_parameterEntities.ContainsKey(name))
        {
            Report(DiagnosticDescriptors.DtdSyntaxError, referenceSpan, $"Parameter entity '%{name};' refers to itself");
            return false;
        }

        if (!TryGetReplacementText(name, referenceSpan, out var replacement))
        {
            return false;
        }

        if (including.Contains(name) || IsBeingExpanded(name))
        {
            Report(DiagnosticDescriptors.DtdSyntaxError, referenceSpan, $"Parameter entity '%{name};' refers to itself, directly or through other entities");
            return false;
        }

        if (including.Count + Depth >= MaxNestingDepth)
        {
            Report(DiagnosticDescriptors.DtdSyntaxError, referenceSpan, $"Parameter entity references are nested more than {MaxNestingDepth} levels deep");
            return false;
        }

        if (!ChargeExpansion(replacement.Length, referenceSpan))
        {
            return false;
        }

        including.Add(name);
        var i = 0;
        while (i < replacement.Length)
        {
            var percent = replacement.IndexOf('%', i);
            if (percent < 0)
            {
                builder.Append(replacement, i, replacement.Length - i);
                break;
            }

            builder.Append(replacement, i, percent - i);
            var nameEnd = percent + 1;
            if (nameEnd < replacement.Length && DtdCharacters.IsNameStartChar(replacement[nameEnd]))
            {
                nameEnd++;
                while (nameEnd < replacement.Length && DtdCharacters.IsNameChar(replacement[nameEnd]))
                {
                    nameEnd++;
                }
            }

            if (nameEnd > percent + 1 && nameEnd < replacement.Length && replacement[nameEnd] == ';')
            {
                var inner = replacement.Substring(percent + 1, nameEnd - percent - 1);
                if (!IncludeInLiteral(inner, referenceSpan, declaring, declaringIsParameter, builder, including))
                {
                    return false;
                }

                i = nameEnd + 1;
            }
            else
            {
                // Not a reference: keep the '%' as data.
                builder.Append('%');
                i = percent + 1;
            }
        }

        including.RemoveAt(including.Count - 1);
        return true;
    }

    /// <summary>
    /// Reads a quoted attribute default and normalises it (XML 1.0 §3.3.3): each whitespace character becomes a
    /// space, character references and the five predefined entities are replaced, and for types other than
    /// CDATA spaces are collapsed and trimmed. Other entity references are kept as written.
    /// </summary>
    private string? ReadAttributeValue(string element, string attribute, AttributeType type)
    {
        var quote = _text[_pos];
        var value = ReadAttributeValueCore(element, attribute, type, quote);
        if (value is null && !LookingAt("<!") && !LookingAt("<?"))
        {
            // A '<' that starts a declaration rather means that the closing quote is missing: recover from there.
            SkipRestOfLiteral(quote);
        }

        return value;
    }

    private string? ReadAttributeValueCore(string element, string attribute, AttributeType type, char quote)
    {
        var openSpan = SpanAt(_pos, 1);
        _pos++;
        var builder = new StringBuilder();
        while (true)
        {
            if (_pos >= _end)
            {
                Report(
                    DiagnosticDescriptors.DtdSyntaxError,
                    openSpan,
                    $"The value of attribute '{attribute}' of '{element}' is not closed with a matching {QuoteName(quote)} before the end of the {EndOfInputName()}");
                return null;
            }

            var c = _text[_pos];
            if (c == quote)
            {
                _pos++;
                break;
            }

            if (c == '<')
            {
                Report(
                    DiagnosticDescriptors.DtdSyntaxError,
                    SpanAt(_pos, 1),
                    $"'<' is not allowed in the value of attribute '{attribute}' of '{element}' (write '&lt;'; is the closing {QuoteName(quote)} missing?)");
                return null;
            }

            if (c == '&')
            {
                if (!ReadReference(builder, expandPredefined: true, $"the value of attribute '{attribute}' of '{element}'"))
                {
                    return null;
                }

                continue;
            }

            if (c == '\r' && _pos + 1 < _end && _text[_pos + 1] == '\n')
            {
                _pos++; // A line break \r\n is one character, hence one space.
            }

            builder.Append(DtdCharacters.IsWhitespace(c) ? ' ' : c);
            _pos++;
        }

        if (type == AttributeType.CData)
        {
            return builder.ToString();
        }

        return CollapseSpaces(builder);
    }

    private static string CollapseSpaces(StringBuilder value)
    {
        var result = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c != ' ')
            {
                result.Append(c);
            }
            else if (result.Length > 0 && result[result.Length - 1] != ' ')
            {
                result.Append(' ');
            }
        }

        if (result.Length > 0 && result[result.Length - 1] == ' ')
        {
            result.Length--;
        }

        return result.ToString();
    }

    /// <summary>
    /// Reads <c>&amp;#N;</c>, <c>&amp;#xN;</c> or <c>&amp;name;</c> at the current position and appends what it stands
    /// for: the character, the predefined entity's character when <paramref name="expandPredefined"/>, or else the
    /// reference as written.
    /// </summary>
    private bool ReadReference(StringBuilder builder, bool expandPredefined, string where)
    {
        var start = _pos++;
        if (Peek() == '#')
        {
            _pos++;
            var hex = Peek() == 'x';
            if (hex)
            {
                _pos++;
            }

            var digitsStart = _pos;
            var value = 0;
            while (_pos < _end)
            {
                var digit = DigitValue(_text[_pos], hex);
                if (digit < 0)
                {
                    break;
                }

                value = value > 0x10FFFF ? value : (value * (hex ? 16 : 10)) + digit;
                _pos++;
            }

            if (_pos == digitsStart || Peek() != ';')
            {
                Report(
                    DiagnosticDescriptors.DtdSyntaxError,
                    Span(start),
                    $"Malformed character reference in {where}; expected '&#' digits ';' or '&#x' hex digits ';'");
                return false;
            }

            _pos++;
            if (!DtdCharacters.IsXmlChar(value))
            {
                Report(DiagnosticDescriptors.DtdSyntaxError, Span(start), $"The character reference '{_text.Substring(start, _pos - start)}' in {where} is not a valid XML character");
                return false;
            }

            if (value <= 0xFFFF)
            {
                builder.Append((char)value);
            }
            else
            {
                value -= 0x10000;
                builder.Append((char)(0xD800 + (value >> 10))).Append((char)(0xDC00 + (value & 0x3FF)));
            }

            return true;
        }

        var name = ReadName();
        if (name is null || Peek() != ';')
        {
            Report(DiagnosticDescriptors.DtdSyntaxError, Span(start), $"'&' in {where} must start an entity or character reference (write '&amp;' for a literal '&')");
            return false;
        }

        _pos++;
        var predefined = expandPredefined ? PredefinedEntity(name) : '\0';
        if (predefined != '\0')
        {
            builder.Append(predefined);
        }
        else
        {
            builder.Append(_text, start, _pos - start);
        }

        return true;
    }

    private static int DigitValue(char c, bool hex)
    {
        if (c >= '0' && c <= '9')
        {
            return c - '0';
        }

        if (hex && c >= 'a' && c <= 'f')
        {
            return c - 'a' + 10;
        }

        if (hex && c >= 'A' && c <= 'F')
        {
            return c - 'A' + 10;
        }

        return -1;
    }

    private static char PredefinedEntity(string name) => name switch
    {
        "lt" => '<',
        "gt" => '>',
        "amp" => '&',
        "apos" => '\'',
        "quot" => '"',
        _ => '\0',
    };

    /// <summary>Reads a system literal or public identifier: any characters up to the matching quote, kept as written.</summary>
    private string? ReadQuotedLiteral(string what)
    {
        var quote = Peek();
        if (quote is not ('"' or '\''))
        {
            Expected($"Expected a quoted {what}");
            return null;
        }

        var openSpan = SpanAt(_pos, 1);
        var close = _text.IndexOf((char)quote, _pos + 1, _end - _pos - 1);
        if (close < 0)
        {
            _pos = _end;
            Report(
                DiagnosticDescriptors.DtdSyntaxError,
                openSpan,
                $"The {what} is not closed with a matching {QuoteName((char)quote)} before the end of the {EndOfInputName()}");
            return null;
        }

        var value = _text.Substring(_pos + 1, close - _pos - 1);
        _pos = close + 1;
        return value;
    }

    /// <summary>After an error inside a literal, moves past its closing quote so that recovery does not take it for an opening one.</summary>
    private void SkipRestOfLiteral(char quote)
    {
        if (_pos >= _end)
        {
            return;
        }

        var close = _text.IndexOf(quote, _pos, _end - _pos);
        _pos = close < 0 ? _end : close + 1;
    }

    private static string QuoteName(char quote) => quote == '"' ? "'\"'" : "\"'\"";
}
