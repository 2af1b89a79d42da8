using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using QualysGen.Generator.Diagnostics;
using QualysGen.Generator.Model;

namespace QualysGen.Generator.Parsing.Dtd;

/// <summary>
/// The parser behind <see cref="DtdReader"/>. One instance reads one file, once.
/// </summary>
/// <remarks>
/// <para>
/// The input is a stack of frames: the file itself at the bottom and, above it, the replacement texts of the
/// parameter-entity references being expanded (XML 1.0 §4.4.8: a reference outside a literal is replaced by
/// its text, and a token never spans the boundary of a replacement text, which therefore acts as whitespace).
/// Locations inside a replacement text are reported at the outermost <c>%name;</c> reference in the file.
/// </para>
/// <para>
/// Every declaration parser returns <see langword="false"/> after reporting a problem (or silently, when the
/// declaration used an external or undefined entity); the top-level loop then skips to the end of the
/// declaration and continues, so one file can report several errors.
/// </para>
/// <para>
/// Required whitespace is not enforced where the tokens are unambiguous without it (<c>&lt;!ELEMENT A(B)&gt;</c>
/// is read as intended); everything else follows the XML 1.0 grammar for the external subset.
/// </para>
/// </remarks>
internal sealed partial class DtdParser
{
    /// <summary>How deep parameter entities and content-model groups may nest (guards the stack).</summary>
    private const int MaxNestingDepth = 64;

    /// <summary>The least number of characters parameter-entity expansion may produce, whatever the file size.</summary>
    private const int MinExpansionBudget = 1 << 20;

    private readonly string _filePath;
    private readonly string _fileName;
    private readonly string _source;
    private readonly CancellationToken _cancellationToken;
    private readonly List<DiagnosticSpec> _diagnostics = new();
    private TextLineMap? _lineMap;

    // Element declarations in order, and the content-model references to check once the whole file is read.
    private readonly List<(string Name, ContentKind Content, ParticleSpec? Particle, string? Documentation)> _elements = new();
    private readonly HashSet<string> _declaredElements = new(StringComparer.Ordinal);
    private readonly HashSet<string> _brokenElements = new(StringComparer.Ordinal);
    private readonly List<(string Parent, string Child, int Start, int Length)> _childReferences = new();
    private readonly List<(string Child, int Start, int Length)> _pendingChildReferences = new();

    // Where each element, child reference and attribute is first declared (SchemaLocationSpec keys).
    private readonly Dictionary<string, SourceLocationSpec> _locations = new(StringComparer.Ordinal);

    // Attribute lists, merged per element name, and where each <!ATTLIST> names its element.
    private readonly Dictionary<string, (List<AttributeSpec> Attributes, HashSet<string> Names)> _attributes = new(StringComparer.Ordinal);
    private readonly List<(string Element, int Start, int Length)> _attlists = new();

    // Parameter entities: name → replacement text, or null for an external entity (never read).
    private readonly Dictionary<string, string?> _parameterEntities = new(StringComparer.Ordinal);
    private int _expansionBudget;
    private bool _expansionBudgetExceeded;

    // Open <![INCLUDE[ sections (where each starts).
    private readonly List<(int Start, int Length)> _openIncludes = new();

    // The last comment read directly from the file (not from an entity): a documentation candidate.
    private int _lastCommentEnd = -1;
    private int _lastCommentTextStart;
    private int _lastCommentTextEnd;

    // The declaration being read: where it starts (for "reached the end of the file") and the element it declares.
    private (int Start, int Length) _declarationSpan;
    private string? _elementBeingDeclared;

    public DtdParser(string filePath, string fileName, string text, CancellationToken cancellationToken)
    {
        _filePath = filePath;
        _fileName = fileName;
        _source = text;
        _cancellationToken = cancellationToken;
        _text = text;
        _end = text.Length;
        _expansionBudget = Math.Max(MinExpansionBudget, text.Length >= int.MaxValue / 8 ? int.MaxValue : text.Length * 8);
    }

    /// <summary>Reads the whole file.</summary>
    public SchemaReadResult Parse()
    {
        if (_end > 0 && _text[0] == '\uFEFF')
        {
            _pos = 1;
        }

        while (true)
        {
            _cancellationToken.ThrowIfCancellationRequested();

            // A reference that cannot be expanded here has been reported (if needed) and skipped.
            if (!SkipSpace(out _))
            {
                continue;
            }

            if (_pos >= _end)
            {
                break; // SkipSpace leaves the end of a replacement text only at the end of the file.
            }

            var c = _text[_pos];
            if (c == '<')
            {
                if (LookingAt("<!--"))
                {
                    ReadComment();
                }
                else if (LookingAt("<?"))
                {
                    SkipProcessingInstruction();
                }
                else if (LookingAt("<!["))
                {
                    ReadConditionalSection();
                }
                else if (LookingAt("<!"))
                {
                    ReadDeclaration();
                }
                else
                {
                    SkipStrayText();
                }
            }
            else if (c == ']' && _openIncludes.Count > 0 && LookingAt("]]>"))
            {
                _pos += 3;
                _openIncludes.RemoveAt(_openIncludes.Count - 1);
            }
            else
            {
                SkipStrayText();
            }
        }

        foreach (var include in _openIncludes)
        {
            Report(DiagnosticDescriptors.DtdSyntaxError, include, "The conditional section is not closed with ']]>' before the end of the file");
        }

        return Finish();
    }

    private SchemaReadResult Finish()
    {
        // Qualys' own DTDs name children they never declare (host_list_output.dtd: COMMENTS): each reference is reported, and
        // the child is read as text (declared as (#PCDATA) after the declared elements).
        var undeclared = new HashSet<string>(StringComparer.Ordinal);
        foreach (var reference in _childReferences)
        {
            if ((!_declaredElements.Contains(reference.Child) || undeclared.Contains(reference.Child)) && !_brokenElements.Contains(reference.Child))
            {
                Report(DiagnosticDescriptors.DtdUndeclaredChild, (reference.Start, reference.Length), reference.Parent, reference.Child);
                if (undeclared.Add(reference.Child))
                {
                    AddLocation(reference.Child, (reference.Start, reference.Length));
                    _elements.Add((reference.Child, ContentKind.Text, null, null));
                    _declaredElements.Add(reference.Child);
                }
            }
        }

        foreach (var attlist in _attlists)
        {
            if (!_declaredElements.Contains(attlist.Element) && !_brokenElements.Contains(attlist.Element))
            {
                Report(DiagnosticDescriptors.DtdAttlistForUndeclaredElement, (attlist.Start, attlist.Length), attlist.Element);
            }
        }

        var elements = new ElementSpec[_elements.Count];
        for (var i = 0; i < elements.Length; i++)
        {
            var (name, content, particle, documentation) = _elements[i];
            var attributes = _attributes.TryGetValue(name, out var list)
                ? list.Attributes.ToEquatableArray()
                : EquatableArray<AttributeSpec>.Empty;
            elements[i] = new ElementSpec(name, content, particle, attributes, documentation);
        }

        var schema = new SchemaSpec(_filePath, _fileName, SchemaKind.Dtd, string.Empty, elements.ToEquatableArray());

        // Report in file order; the end-of-file checks above would otherwise come last.
        var diagnostics = _diagnostics.OrderBy(d => d.Location?.Start ?? 0).ToEquatableArray();
        return new SchemaReadResult(schema, diagnostics, _locations.Select(l => new SchemaLocationSpec(l.Key, l.Value)).OrderBy(l => l.Key, StringComparer.Ordinal).ToEquatableArray());
    }

    // --- Top-level constructs ---------------------------------------------------------------

    /// <summary>Reads <c>&lt;!-- ... --&gt;</c>; a comment in the file itself may document the next element.</summary>
    private void ReadComment()
    {
        var start = _pos;
        var close = _text.IndexOf("-->", start + 4, _end - start - 4, StringComparison.Ordinal);
        if (close < 0)
        {
            _pos = start + 4;
            var span = Span(start);
            _pos = _end;
            Report(DiagnosticDescriptors.DtdSyntaxError, span, "The comment is not closed with '-->' before the end of the " + EndOfInputName());
            return;
        }

        _pos = close + 3;
        if (Depth == 0)
        {
            _lastCommentTextStart = start + 4;
            _lastCommentTextEnd = close;
            _lastCommentEnd = _pos;
        }
    }

    /// <summary>Skips <c>&lt;? ... ?&gt;</c>, including a leading text declaration <c>&lt;?xml ...?&gt;</c>.</summary>
    private void SkipProcessingInstruction()
    {
        var start = _pos;
        var close = _text.IndexOf("?>", start + 2, _end - start - 2, StringComparison.Ordinal);
        if (close < 0)
        {
            _pos = start + 2;
            var span = Span(start);
            _pos = _end;
            Report(DiagnosticDescriptors.DtdSyntaxError, span, "The processing instruction is not closed with '?>' before the end of the " + EndOfInputName());
            return;
        }

        _pos = close + 2;
    }

    /// <summary>Reads the start of <c>&lt;![INCLUDE[</c> (whose end the top-level loop reads) or all of <c>&lt;![IGNORE[ ... ]]&gt;</c>.</summary>
    private void ReadConditionalSection()
    {
        var start = _pos;
        _pos += 3;
        var open = Span(start);
        _declarationSpan = open;
        _elementBeingDeclared = null;

        if (!SkipSpace(out _))
        {
            Recover();
            return;
        }

        var keywordStart = _pos;
        var keyword = ReadName();
        var known = keyword is "INCLUDE" or "IGNORE";
        if (keyword is null)
        {
            Expected("Expected INCLUDE or IGNORE after '<!['");
        }
        else if (!known)
        {
            Report(
                DiagnosticDescriptors.DtdSyntaxError,
                Span(keywordStart),
                $"Unknown conditional section keyword '{keyword}'; expected INCLUDE or IGNORE");
        }

        if (!SkipSpace(out _))
        {
            Recover();
            return;
        }

        if (Peek() != '[')
        {
            if (known)
            {
                Expected($"Expected '[' after '<![{keyword}'");
            }

            Recover();
            return;
        }

        _pos++;
        if (keyword == "INCLUDE")
        {
            _openIncludes.Add(open);
        }
        else
        {
            // IGNORE, or an unknown keyword (already reported): skip the section, nested sections included.
            SkipIgnoredSection(open);
        }
    }

    /// <summary>Skips the content of an ignored section up to its matching <c>]]&gt;</c>. Nothing inside is recognised.</summary>
    private void SkipIgnoredSection((int Start, int Length) open)
    {
        var depth = 1;
        while (true)
        {
            if (_pos >= _end)
            {
                if (Depth == 0)
                {
                    Report(DiagnosticDescriptors.DtdSyntaxError, open, "The conditional section is not closed with ']]>' before the end of the file");
                    return;
                }

                PopFrame();
                continue;
            }

            var c = _text[_pos];
            if (c == '<' && LookingAt("<!["))
            {
                depth++;
                _pos += 3;
            }
            else if (c == ']' && LookingAt("]]>"))
            {
                _pos += 3;
                if (--depth == 0)
                {
                    return;
                }
            }
            else
            {
                _pos++;
            }
        }
    }

    /// <summary>Reads <c>&lt;!KEYWORD ... &gt;</c>.</summary>
    private void ReadDeclaration()
    {
        var start = _pos;
        var atRoot = Depth == 0;
        _pos += 2;
        var keywordStart = _pos;
        var keyword = ReadName();
        _declarationSpan = Span(start);
        _elementBeingDeclared = null;

        bool ok;
        switch (keyword)
        {
            case "ELEMENT":
                ok = ReadElementDeclaration(atRoot ? start : -1);
                break;
            case "ATTLIST":
                ok = ReadAttlistDeclaration();
                break;
            case "ENTITY":
                ok = ReadEntityDeclaration();
                break;
            case "NOTATION":
                ok = ReadNotationDeclaration();
                break;
            case null:
                ok = Expected("Expected ELEMENT, ATTLIST, ENTITY or NOTATION after '<!'");
                break;
            default:
                Report(
                    DiagnosticDescriptors.DtdSyntaxError,
                    Span(keywordStart),
                    $"Unknown declaration '<!{keyword}'; expected <!ELEMENT, <!ATTLIST, <!ENTITY or <!NOTATION");
                ok = false;
                break;
        }

        if (!ok)
        {
            if (_elementBeingDeclared is not null)
            {
                // Its references and attribute lists are not reported again as undeclared.
                _brokenElements.Add(_elementBeingDeclared);
            }

            Recover();
        }
    }

    /// <summary>Reports text that is not a declaration, comment or processing instruction, and skips to the next <c>&lt;</c>.</summary>
    private void SkipStrayText()
    {
        var start = _pos;
        var tokenEnd = start + 1;
        while (tokenEnd < _end && !DtdCharacters.IsWhitespace(_text[tokenEnd]) && _text[tokenEnd] != '<')
        {
            tokenEnd++;
        }

        var shown = tokenEnd - start <= 40 ? _text.Substring(start, tokenEnd - start) : _text.Substring(start, 37) + "...";
        _pos = tokenEnd;
        Report(DiagnosticDescriptors.DtdSyntaxError, Span(start), $"Unexpected text '{shown}' between declarations");

        while (_pos < _end)
        {
            var c = _text[_pos];
            if (c == '<'
                || (c == '%' && _pos + 1 < _end && DtdCharacters.IsNameStartChar(_text[_pos + 1]))
                || (c == ']' && _openIncludes.Count > 0 && LookingAt("]]>")))
            {
                break;
            }

            _pos++;
        }
    }

    // --- Documentation ------------------------------------------------------------------------

    /// <summary>
    /// The documentation for an element declaration starting at <paramref name="declarationStart"/>: the last
    /// comment, when only whitespace with at most one line break separates it from the declaration.
    /// </summary>
    private string? DocumentationBefore(int declarationStart)
    {
        if (declarationStart < 0 || _lastCommentEnd < 0 || _lastCommentEnd > declarationStart)
        {
            return null;
        }

        var lineBreaks = 0;
        for (var i = _lastCommentEnd; i < declarationStart; i++)
        {
            var c = _source[i];
            if (c == '\n' || c == '\r')
            {
                if (c == '\r' && i + 1 < declarationStart && _source[i + 1] == '\n')
                {
                    i++;
                }

                if (++lineBreaks > 1)
                {
                    return null;
                }
            }
            else if (c != ' ' && c != '\t')
            {
                return null;
            }
        }

        var length = _lastCommentTextEnd - _lastCommentTextStart;
        if (_source.IndexOf("$Revision", _lastCommentTextStart, length, StringComparison.Ordinal) >= 0)
        {
            return null;
        }

        return CollapseWhitespace(_source, _lastCommentTextStart, _lastCommentTextEnd);
    }

    /// <summary>The words of <paramref name="text"/>[start, end) joined by single spaces, or null when there are none.</summary>
    private static string? CollapseWhitespace(string text, int start, int end)
    {
        StringBuilder? builder = null;
        var i = start;
        while (true)
        {
            while (i < end && DtdCharacters.IsWhitespace(text[i]))
            {
                i++;
            }

            if (i >= end)
            {
                return builder?.ToString();
            }

            var wordStart = i;
            while (i < end && !DtdCharacters.IsWhitespace(text[i]))
            {
                i++;
            }

            builder = builder is null ? new StringBuilder(end - start) : builder.Append(' ');
            builder.Append(text, wordStart, i - wordStart);
        }
    }
}
