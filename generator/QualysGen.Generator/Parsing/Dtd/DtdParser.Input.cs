using System.Collections.Generic;
using System.Globalization;
using Microsoft.CodeAnalysis;
using QualysGen.Generator.Diagnostics;
using QualysGen.Generator.Model;

namespace QualysGen.Generator.Parsing.Dtd;

/// <summary>The input frames, whitespace and parameter-entity references, locations and error reporting.</summary>
internal sealed partial class DtdParser
{
    // The frames below the current one: the file, then the replacement texts being expanded.
    private readonly List<(string Text, int Position, int End, string? EntityName)> _suspended = new();

    // The current frame: the file (depth 0) or the replacement text of parameter entity _entityName.
    private string _text;
    private int _pos;
    private int _end;
    private string? _entityName;

    // Inside a replacement text: the outermost reference in the file, where locations point.
    private int _originStart;
    private int _originLength;

    private int Depth => _suspended.Count;

    private int Peek() => _pos < _end ? _text[_pos] : -1;

    private bool LookingAt(string literal)
        => _pos + literal.Length <= _end && string.CompareOrdinal(_text, _pos, literal, 0, literal.Length) == 0;

    /// <summary>Reads an XML <c>Name</c> in the current frame, or returns null (consuming nothing) when none starts here.</summary>
    private string? ReadName()
    {
        if (_pos >= _end || !DtdCharacters.IsNameStartChar(_text[_pos]))
        {
            return null;
        }

        var start = _pos++;
        while (_pos < _end && DtdCharacters.IsNameChar(_text[_pos]))
        {
            _pos++;
        }

        return _text.Substring(start, _pos - start);
    }

    /// <summary>Reads an XML <c>Nmtoken</c> (name characters, any first) in the current frame, or returns null.</summary>
    private string? ReadNmtoken()
    {
        var start = _pos;
        while (_pos < _end && DtdCharacters.IsNameChar(_text[_pos]))
        {
            _pos++;
        }

        return _pos > start ? _text.Substring(start, _pos - start) : null;
    }

    /// <summary>
    /// Skips whitespace, expands parameter-entity references and leaves finished replacement texts (which count
    /// as whitespace). Stops at the next other character or at the end of the file. Returns false after a
    /// reference that could not be expanded (reported when needed, and consumed).
    /// </summary>
    private bool SkipSpace(out bool skipped)
    {
        skipped = false;
        while (true)
        {
            if (_pos >= _end)
            {
                if (Depth == 0)
                {
                    return true;
                }

                PopFrame();
                skipped = true;
                continue;
            }

            var c = _text[_pos];
            if (DtdCharacters.IsWhitespace(c))
            {
                _pos++;
                skipped = true;
            }
            else if (c == '%' && _pos + 1 < _end && DtdCharacters.IsNameStartChar(_text[_pos + 1]))
            {
                skipped = true;
                if (!ExpandReference())
                {
                    return false;
                }
            }
            else
            {
                return true;
            }
        }
    }

    /// <summary>Reads <c>%name;</c> at the current position and continues in its replacement text.</summary>
    private bool ExpandReference()
    {
        var start = _pos++;
        var name = ReadName()!;
        if (Peek() != ';')
        {
            Report(DiagnosticDescriptors.DtdSyntaxError, Span(start), $"Expected ';' to end the parameter entity reference '%{name}'");
            return false;
        }

        _pos++;
        var span = Span(start);
        if (!TryGetReplacementText(name, span, out var replacement))
        {
            return false;
        }

        if (IsBeingExpanded(name))
        {
            Report(DiagnosticDescriptors.DtdSyntaxError, span, $"Parameter entity '%{name};' refers to itself, directly or through other entities");
            return false;
        }

        if (Depth >= MaxNestingDepth)
        {
            Report(DiagnosticDescriptors.DtdSyntaxError, span, $"Parameter entity references are nested more than {MaxNestingDepth} levels deep");
            return false;
        }

        if (!ChargeExpansion(replacement.Length, span))
        {
            return false;
        }

        if (Depth == 0)
        {
            _originStart = span.Start;
            _originLength = span.Length;
        }

        _suspended.Add((_text, _pos, _end, _entityName));
        _text = replacement;
        _pos = 0;
        _end = replacement.Length;
        _entityName = name;
        return true;
    }

    /// <summary>
    /// Looks up a parameter entity for a reference. False when it cannot be used: past the expansion budget
    /// (reported once), undeclared (QG0004) or external (already reported by QG0008 at its declaration).
    /// </summary>
    private bool TryGetReplacementText(string name, (int Start, int Length) referenceSpan, out string replacement)
    {
        replacement = string.Empty;
        if (_expansionBudgetExceeded)
        {
            // Reported once; entities declared with skipped references are missing, so stay quiet about them.
            return false;
        }

        if (!_parameterEntities.TryGetValue(name, out var value))
        {
            Report(DiagnosticDescriptors.DtdUndefinedEntity, referenceSpan, name);
            return false;
        }

        if (value is null)
        {
            return false;
        }

        replacement = value;
        return true;
    }

    private bool IsBeingExpanded(string name)
    {
        if (_entityName == name)
        {
            return true;
        }

        foreach (var frame in _suspended)
        {
            if (frame.EntityName == name)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Counts characters produced by expansion, so that nested entities cannot blow up exponentially.</summary>
    private bool ChargeExpansion(int length, (int Start, int Length) span)
    {
        if (_expansionBudgetExceeded)
        {
            return false;
        }

        _expansionBudget -= length;
        if (_expansionBudget >= 0)
        {
            return true;
        }

        _expansionBudgetExceeded = true;
        Report(
            DiagnosticDescriptors.DtdSyntaxError,
            span,
            "Parameter entity expansion produces too much text; this and all later references are skipped");
        return false;
    }

    private void PopFrame()
    {
        var frame = _suspended[_suspended.Count - 1];
        _suspended.RemoveAt(_suspended.Count - 1);
        _text = frame.Text;
        _pos = frame.Position;
        _end = frame.End;
        _entityName = frame.EntityName;
    }

    /// <summary>
    /// Skips the rest of a declaration after an error: up to and including the next <c>&gt;</c> outside quotes,
    /// or up to (not including) a <c>&lt;</c>, which starts the next declaration since none may contain one outside quotes.
    /// References are not expanded.
    /// </summary>
    private void Recover()
    {
        var quote = '\0';
        while (true)
        {
            if (_pos >= _end)
            {
                if (Depth == 0)
                {
                    return;
                }

                PopFrame();
                quote = '\0';
                continue;
            }

            var c = _text[_pos];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c == '"' || c == '\'')
            {
                quote = c;
            }
            else if (c == '>')
            {
                _pos++;
                return;
            }
            else if (c == '<')
            {
                return;
            }

            _pos++;
        }
    }

    // --- Locations and diagnostics ------------------------------------------------------------

    /// <summary>The span from <paramref name="start"/> to the current position, or the outermost reference inside a replacement text.</summary>
    private (int Start, int Length) Span(int start) => Depth == 0 ? (start, _pos - start) : (_originStart, _originLength);

    /// <summary>A span of the current frame, or the outermost reference inside a replacement text.</summary>
    private (int Start, int Length) SpanAt(int start, int length) => Depth == 0 ? (start, length) : (_originStart, _originLength);

    private string EndOfInputName() => Depth == 0 ? "file" : $"replacement text of '%{_entityName};'";

    /// <summary>Reports QG0001 "<paramref name="expectation"/> but found ..." at the next token, and returns false.</summary>
    private bool Expected(string expectation)
    {
        if (_pos >= _end)
        {
            if (Depth == 0)
            {
                Report(DiagnosticDescriptors.DtdSyntaxError, _declarationSpan, expectation + " but reached the end of the file");
            }
            else
            {
                Report(DiagnosticDescriptors.DtdSyntaxError, SpanAt(_pos, 0), $"{expectation} but reached the end of the {EndOfInputName()}");
            }

            return false;
        }

        var (text, length) = DescribeToken();
        Report(DiagnosticDescriptors.DtdSyntaxError, SpanAt(_pos, length), $"{expectation} but found {text}");
        return false;
    }

    /// <summary>The token at the current position, quoted for a message, and its length.</summary>
    private (string Text, int Length) DescribeToken()
    {
        var c = _text[_pos];
        var end = _pos;
        if (c == '#')
        {
            end++;
        }

        while (end < _end && DtdCharacters.IsNameChar(_text[end]))
        {
            end++;
        }

        if (end > _pos + (c == '#' ? 1 : 0))
        {
            var length = end - _pos;
            var shown = length <= 40 ? _text.Substring(_pos, length) : _text.Substring(_pos, 37) + "...";
            return ("'" + shown + "'", length);
        }

        if (char.IsHighSurrogate(c) && _pos + 1 < _end && char.IsLowSurrogate(_text[_pos + 1]))
        {
            return ("'" + _text.Substring(_pos, 2) + "'", 2);
        }

        if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || char.IsSurrogate(c))
        {
            return ("U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture), 1);
        }

        return ("'" + c + "'", 1);
    }

    private void Report(DiagnosticDescriptor descriptor, (int Start, int Length) span, params string[] args)
        => _diagnostics.Add(DiagnosticSpec.Create(descriptor.Id, Locate(span), args));

    /// <summary>Keeps where <paramref name="key"/> is first declared, for the binder's diagnostics.</summary>
    private void AddLocation(string key, (int Start, int Length) span)
    {
        if (!_locations.ContainsKey(key))
        {
            _locations.Add(key, Locate(span));
        }
    }

    private SourceLocationSpec Locate((int Start, int Length) span)
    {
        _lineMap ??= new TextLineMap(_source);
        var (line, column) = _lineMap.GetPosition(span.Start);
        return SourceLocationSpec.At(_filePath, span.Start, span.Length, line, column);
    }
}
