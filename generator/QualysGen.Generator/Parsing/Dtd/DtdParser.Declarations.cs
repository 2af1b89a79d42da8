using System;
using System.Collections.Generic;
using QualysGen.Generator.Diagnostics;
using QualysGen.Generator.Model;

namespace QualysGen.Generator.Parsing.Dtd;

/// <summary>The four markup declarations. Each starts after its keyword and returns false after a problem.</summary>
internal sealed partial class DtdParser
{
    // --- <!ELEMENT name contentspec> ----------------------------------------------------------

    /// <param name="declarationStart">Where <c>&lt;!ELEMENT</c> starts in the file, or -1 inside a replacement text.</param>
    private bool ReadElementDeclaration(int declarationStart)
    {
        if (!SkipSpace(out _))
        {
            return false;
        }

        var nameStart = _pos;
        var name = ReadName();
        if (name is null)
        {
            return Expected("Expected an element name after '<!ELEMENT'");
        }

        var nameSpan = Span(nameStart);
        _elementBeingDeclared = name;
        _pendingChildReferences.Clear();

        if (!SkipSpace(out _))
        {
            return false;
        }

        ContentKind content;
        ParticleSpec? particle = null;
        if (Peek() == '(')
        {
            var openSpan = SpanAt(_pos, 1);
            _pos++;
            if (!ReadContentModel(name, openSpan, out content, out particle))
            {
                return false;
            }
        }
        else
        {
            var keywordStart = _pos;
            var keyword = ReadName();
            if (keyword == "EMPTY")
            {
                content = ContentKind.Empty;
            }
            else if (keyword == "ANY")
            {
                content = ContentKind.Any;
            }
            else
            {
                _pos = keywordStart;
                return Expected($"Expected EMPTY, ANY or '(' after the element name '{name}'");
            }
        }

        if (!SkipSpace(out _))
        {
            return false;
        }

        if (Peek() != '>')
        {
            return Expected($"Expected '>' to end the <!ELEMENT declaration of '{name}'");
        }

        _pos++;

        if (!_declaredElements.Add(name))
        {
            Report(DiagnosticDescriptors.DtdDuplicateElement, nameSpan, name);
            return true;
        }

        CheckNameLength(name, nameSpan, "Element");
        var children = SchemaLimits.CountElements(particle);
        if (children > SchemaLimits.MaxChildren)
        {
            Report(DiagnosticDescriptors.DtdLimitExceeded, nameSpan, string.Format(
                System.Globalization.CultureInfo.InvariantCulture,
                "Element '{0}' has {1:N0} child elements, more than the {2:N0} QualysGen models; the rest are skipped when parsing, as undeclared elements are",
                name, children, SchemaLimits.MaxChildren));
            particle = SchemaLimits.KeepFirstElements(particle!, SchemaLimits.MaxChildren);
        }

        _elements.Add((name, content, particle, DocumentationBefore(declarationStart)));
        AddLocation(name, nameSpan);
        foreach (var reference in _pendingChildReferences)
        {
            _childReferences.Add((name, reference.Child, reference.Start, reference.Length));
            AddLocation(SchemaLocationSpec.Child(name, reference.Child), (reference.Start, reference.Length));
        }

        return true;
    }

    /// <summary>Reads a content model after its opening parenthesis: mixed <c>(#PCDATA ...)</c> or element content.</summary>
    private bool ReadContentModel(string element, (int Start, int Length) openSpan, out ContentKind content, out ParticleSpec? particle)
    {
        content = ContentKind.Children;
        particle = null;
        if (!SkipSpace(out _))
        {
            return false;
        }

        if (Peek() == '#')
        {
            var hashStart = _pos++;
            if (ReadName() != "PCDATA")
            {
                _pos = hashStart;
                return Expected($"Expected '#PCDATA', an element name or '(' in the content model of '{element}'");
            }

            return ReadMixedContent(element, out content, out particle);
        }

        particle = ReadGroup(element, 1, openSpan);
        return particle is not null;
    }

    /// <summary>Reads the rest of <c>(#PCDATA)</c>, <c>(#PCDATA)*</c> or <c>(#PCDATA | a | b)*</c>.</summary>
    private bool ReadMixedContent(string element, out ContentKind content, out ParticleSpec? particle)
    {
        content = ContentKind.Text;
        particle = null;
        List<ParticleSpec>? children = null;
        while (true)
        {
            if (!SkipSpace(out _))
            {
                return false;
            }

            var c = Peek();
            if (c == ')')
            {
                break;
            }

            if (c != '|')
            {
                return Expected(children is null
                    ? $"Expected '|' or ')' after '#PCDATA' in the content model of '{element}'"
                    : $"Expected '|' or ')' in the mixed content model of '{element}'");
            }

            _pos++;
            if (!SkipSpace(out _))
            {
                return false;
            }

            var childStart = _pos;
            var child = ReadName();
            if (child is null)
            {
                return Expected($"Expected an element name after '|' in the mixed content model of '{element}'");
            }

            AddChildReference(child, childStart);
            (children ??= new List<ParticleSpec>()).Add(ParticleSpec.Element(child));
        }

        var closeSpan = SpanAt(_pos, 1);
        _pos++;
        if (children is null)
        {
            if (Peek() == '*')
            {
                _pos++;
            }

            return true;
        }

        if (Peek() != '*')
        {
            Report(
                DiagnosticDescriptors.DtdSyntaxError,
                closeSpan,
                $"The mixed content model of '{element}' lists element names, so it must end with ')*'");
            return false;
        }

        _pos++;
        content = ContentKind.Mixed;
        particle = new ParticleSpec(ParticleKind.Choice, null, Occurrence.ZeroOrMore, children.ToEquatableArray());
        return true;
    }

    /// <summary>Reads a sequence <c>(a, b)</c> or choice <c>(a | b)</c> after its opening parenthesis, with its occurrence.</summary>
    private ParticleSpec? ReadGroup(string element, int depth, (int Start, int Length) openSpan)
    {
        if (depth > MaxNestingDepth)
        {
            Report(
                DiagnosticDescriptors.DtdSyntaxError,
                openSpan,
                $"The content model of '{element}' nests groups more than {MaxNestingDepth} levels deep");
            return null;
        }

        var members = new List<ParticleSpec>();
        var separator = '\0';
        while (true)
        {
            if (!SkipSpace(out _))
            {
                return null;
            }

            var c = Peek();
            if (c == '(')
            {
                var nestedOpen = SpanAt(_pos, 1);
                _pos++;
                var nested = ReadGroup(element, depth + 1, nestedOpen);
                if (nested is null)
                {
                    return null;
                }

                members.Add(nested);
            }
            else
            {
                var childStart = _pos;
                var child = ReadName();
                if (child is null)
                {
                    Expected($"Expected an element name or '(' in the content model of '{element}'");
                    return null;
                }

                AddChildReference(child, childStart);
                members.Add(ParticleSpec.Element(child, ReadOccurrence()));
            }

            if (!SkipSpace(out _))
            {
                return null;
            }

            c = Peek();
            if (c == ')')
            {
                _pos++;
                break;
            }

            if (c == ',' || c == '|')
            {
                if (separator == '\0')
                {
                    separator = (char)c;
                }
                else if (separator != c)
                {
                    Report(
                        DiagnosticDescriptors.DtdSyntaxError,
                        SpanAt(_pos, 1),
                        $"A group in the content model of '{element}' mixes ',' and '|'; put the inner sequence or choice in its own parentheses");
                    return null;
                }

                _pos++;
                continue;
            }

            Expected(separator switch
            {
                ',' => $"Expected ')' or ',' in the content model of '{element}'",
                '|' => $"Expected ')' or '|' in the content model of '{element}'",
                _ => $"Expected ')', ',' or '|' in the content model of '{element}'",
            });
            return null;
        }

        var kind = separator == '|' ? ParticleKind.Choice : ParticleKind.Sequence;
        return new ParticleSpec(kind, null, ReadOccurrence(), members.ToEquatableArray());
    }

    /// <summary>Reads <c>?</c>, <c>*</c> or <c>+</c> right after a name or group (no whitespace may come between).</summary>
    private Occurrence ReadOccurrence()
    {
        switch (Peek())
        {
            case '?':
                _pos++;
                return Occurrence.Optional;
            case '*':
                _pos++;
                return Occurrence.ZeroOrMore;
            case '+':
                _pos++;
                return Occurrence.OneOrMore;
            default:
                return Occurrence.One;
        }
    }

    private void CheckNameLength(string name, (int Start, int Length) span, string what)
    {
        if (name.Length > SchemaLimits.MaxNameLength)
        {
            Report(DiagnosticDescriptors.DtdLimitExceeded, span, string.Format(
                System.Globalization.CultureInfo.InvariantCulture,
                "{0} name '{1}…' is {2:N0} characters long; the C# name made from it is cut to {3} characters",
                what, name.Substring(0, 20), name.Length, SchemaLimits.MaxNameLength));
        }
    }

    /// <summary>Records a child name just read (from <paramref name="start"/> to the current position) for the QG0003 check.</summary>
    private void AddChildReference(string child, int start)
    {
        var (spanStart, spanLength) = Span(start);
        _pendingChildReferences.Add((child, spanStart, spanLength));
    }

    // --- <!ATTLIST element (name type default)*> ----------------------------------------------

    private bool ReadAttlistDeclaration()
    {
        if (!SkipSpace(out _))
        {
            return false;
        }

        var elementStart = _pos;
        var element = ReadName();
        if (element is null)
        {
            return Expected("Expected an element name after '<!ATTLIST'");
        }

        var (elementSpanStart, elementSpanLength) = Span(elementStart);
        _attlists.Add((element, elementSpanStart, elementSpanLength));
        if (!_attributes.TryGetValue(element, out var list))
        {
            list = (new List<AttributeSpec>(), new HashSet<string>(StringComparer.Ordinal));
            _attributes.Add(element, list);
        }

        while (true)
        {
            if (!SkipSpace(out _))
            {
                return false;
            }

            if (Peek() == '>')
            {
                _pos++;
                return true;
            }

            var nameStart = _pos;
            var name = ReadName();
            if (name is null)
            {
                return Expected($"Expected an attribute name or '>' in the <!ATTLIST declaration of '{element}'");
            }

            var nameSpan = Span(nameStart);
            var attribute = ReadAttributeDefinition(element, name);
            if (attribute is null)
            {
                return false;
            }

            if (list.Names.Add(name))
            {
                if (list.Attributes.Count == SchemaLimits.MaxAttributes)
                {
                    Report(DiagnosticDescriptors.DtdLimitExceeded, nameSpan, string.Format(
                        System.Globalization.CultureInfo.InvariantCulture,
                        "Element '{0}' has more than {1:N0} attributes, the most QualysGen models; '{2}' and those after it are skipped when parsing",
                        element, SchemaLimits.MaxAttributes, name));
                }

                if (list.Attributes.Count >= SchemaLimits.MaxAttributes)
                {
                    continue;
                }

                CheckNameLength(name, nameSpan, "Attribute");
                AddLocation(SchemaLocationSpec.Attribute(element, name), nameSpan);
                if (attribute.EnumValues.Count > SchemaLimits.MaxEnumValues)
                {
                    Report(DiagnosticDescriptors.DtdLimitExceeded, nameSpan, string.Format(
                        System.Globalization.CultureInfo.InvariantCulture,
                        "Attribute '{0}' of '{1}' lists {2:N0} values, more than the {3:N0} an enumeration may have; it is read as a string",
                        name, element, attribute.EnumValues.Count, SchemaLimits.MaxEnumValues));
                    attribute = attribute with { Type = AttributeType.CData, EnumValues = EquatableArray<string>.Empty };
                }

                list.Attributes.Add(attribute);
            }
            else
            {
                Report(DiagnosticDescriptors.DtdDuplicateAttribute, nameSpan, element, name);
            }
        }
    }

    /// <summary>Reads the type and default of one attribute, after its name.</summary>
    private AttributeSpec? ReadAttributeDefinition(string element, string name)
    {
        if (!SkipSpace(out _))
        {
            return null;
        }

        AttributeType type;
        EquatableArray<string> values = EquatableArray<string>.Empty;
        if (Peek() == '(')
        {
            _pos++;
            type = AttributeType.Enumeration;
            if (!ReadEnumeration(element, name, notation: false, out values))
            {
                return null;
            }
        }
        else
        {
            var typeStart = _pos;
            switch (ReadName())
            {
                case "CDATA": type = AttributeType.CData; break;
                case "ID": type = AttributeType.Id; break;
                case "IDREF": type = AttributeType.IdRef; break;
                case "IDREFS": type = AttributeType.IdRefs; break;
                case "ENTITY": type = AttributeType.Entity; break;
                case "ENTITIES": type = AttributeType.Entities; break;
                case "NMTOKEN": type = AttributeType.NmToken; break;
                case "NMTOKENS": type = AttributeType.NmTokens; break;
                case "NOTATION":
                    type = AttributeType.Notation;
                    if (!SkipSpace(out _))
                    {
                        return null;
                    }

                    if (Peek() != '(')
                    {
                        Expected($"Expected '(' after NOTATION for attribute '{name}' of '{element}'");
                        return null;
                    }

                    _pos++;
                    if (!ReadEnumeration(element, name, notation: true, out values))
                    {
                        return null;
                    }

                    break;
                default:
                    _pos = typeStart;
                    Expected($"Expected an attribute type (CDATA, ID, IDREF, IDREFS, ENTITY, ENTITIES, NMTOKEN, NMTOKENS, NOTATION or '(') for attribute '{name}' of '{element}'");
                    return null;
            }
        }

        if (!SkipSpace(out _))
        {
            return null;
        }

        var defaultExpectation = $"Expected #REQUIRED, #IMPLIED, #FIXED or a quoted default value for attribute '{name}' of '{element}'";
        AttributePresence presence;
        string? defaultValue = null;
        var c = Peek();
        if (c == '#')
        {
            var keywordStart = _pos++;
            switch (ReadName())
            {
                case "REQUIRED":
                    presence = AttributePresence.Required;
                    break;
                case "IMPLIED":
                    presence = AttributePresence.Implied;
                    break;
                case "FIXED":
                    presence = AttributePresence.Fixed;
                    if (!SkipSpace(out _))
                    {
                        return null;
                    }

                    if (Peek() is not ('"' or '\''))
                    {
                        Expected($"Expected a quoted value after #FIXED for attribute '{name}' of '{element}'");
                        return null;
                    }

                    defaultValue = ReadAttributeValue(element, name, type);
                    if (defaultValue is null)
                    {
                        return null;
                    }

                    break;
                default:
                    _pos = keywordStart;
                    Expected(defaultExpectation);
                    return null;
            }
        }
        else if (c == '"' || c == '\'')
        {
            presence = AttributePresence.Default;
            defaultValue = ReadAttributeValue(element, name, type);
            if (defaultValue is null)
            {
                return null;
            }
        }
        else
        {
            Expected(defaultExpectation);
            return null;
        }

        return new AttributeSpec(name, type, values, presence, defaultValue);
    }

    /// <summary>Reads <c>v1 | v2 ... )</c> of an enumerated or NOTATION attribute type, after its opening parenthesis.</summary>
    private bool ReadEnumeration(string element, string attribute, bool notation, out EquatableArray<string> values)
    {
        values = EquatableArray<string>.Empty;
        var list = new List<string>();
        while (true)
        {
            if (!SkipSpace(out _))
            {
                return false;
            }

            var value = notation ? ReadName() : ReadNmtoken();
            if (value is null)
            {
                return Expected(notation
                    ? $"Expected a notation name in the NOTATION type of attribute '{attribute}' of '{element}'"
                    : $"Expected a value in the enumeration of attribute '{attribute}' of '{element}'");
            }

            list.Add(value);
            if (!SkipSpace(out _))
            {
                return false;
            }

            var c = Peek();
            if (c == ')')
            {
                _pos++;
                values = list.ToEquatableArray();
                return true;
            }

            if (c != '|')
            {
                return Expected($"Expected '|' or ')' in the {(notation ? "NOTATION type" : "enumeration")} of attribute '{attribute}' of '{element}'");
            }

            _pos++;
        }
    }

    // --- <!ENTITY [%] name (value | external-id)> --------------------------------------------

    private bool ReadEntityDeclaration()
    {
        if (!SkipSpace(out _))
        {
            return false;
        }

        // A '%' that SkipSpace left is not a reference (no name follows it): it marks a parameter entity.
        var isParameter = false;
        if (Peek() == '%')
        {
            _pos++;
            isParameter = true;
            if (!SkipSpace(out var skipped))
            {
                return false;
            }

            if (!skipped)
            {
                return Expected("Expected whitespace after '%' in a parameter entity declaration");
            }
        }

        var nameStart = _pos;
        var name = ReadName();
        if (name is null)
        {
            return Expected("Expected an entity name after '<!ENTITY'");
        }

        var nameSpan = Span(nameStart);
        if (!SkipSpace(out _))
        {
            return false;
        }

        string? value = null;
        var external = false;
        var c = Peek();
        if (c == '"' || c == '\'')
        {
            value = ReadEntityValue(name, isParameter);
            if (value is null)
            {
                return false;
            }
        }
        else
        {
            var keywordStart = _pos;
            var keyword = ReadName();
            if (keyword is not ("SYSTEM" or "PUBLIC"))
            {
                _pos = keywordStart;
                return Expected($"Expected a quoted value, SYSTEM or PUBLIC in the declaration of entity '{name}'");
            }

            if (!ReadExternalId(keyword, systemLiteralRequired: true))
            {
                return false;
            }

            external = true;
            if (!isParameter)
            {
                if (!SkipSpace(out _))
                {
                    return false;
                }

                var ndataStart = _pos;
                if (ReadName() == "NDATA")
                {
                    if (!SkipSpace(out _))
                    {
                        return false;
                    }

                    if (ReadName() is null)
                    {
                        return Expected($"Expected a notation name after NDATA in the declaration of entity '{name}'");
                    }
                }
                else
                {
                    _pos = ndataStart;
                }
            }
        }

        if (!SkipSpace(out _))
        {
            return false;
        }

        if (Peek() != '>')
        {
            return Expected($"Expected '>' to end the <!ENTITY declaration of '{name}'");
        }

        _pos++;
        if (isParameter)
        {
            if (external)
            {
                Report(DiagnosticDescriptors.DtdExternalEntityIgnored, nameSpan, name);
            }

            // The first declaration of an entity is binding; later ones are ignored.
            if (!_parameterEntities.ContainsKey(name))
            {
                _parameterEntities.Add(name, external ? null : value);
            }
        }

        return true;
    }

    /// <summary>Reads the literals after SYSTEM or PUBLIC. For a NOTATION the system literal after PUBLIC is optional.</summary>
    private bool ReadExternalId(string keyword, bool systemLiteralRequired)
    {
        if (!SkipSpace(out _))
        {
            return false;
        }

        if (ReadQuotedLiteral(keyword == "SYSTEM" ? "system literal" : "public identifier") is null)
        {
            return false;
        }

        if (keyword == "SYSTEM")
        {
            return true;
        }

        if (!SkipSpace(out _))
        {
            return false;
        }

        if (Peek() is '"' or '\'')
        {
            return ReadQuotedLiteral("system literal") is not null;
        }

        return !systemLiteralRequired || Expected("Expected a quoted system literal after the public identifier");
    }

    // --- <!NOTATION name external-id> ---------------------------------------------------------

    private bool ReadNotationDeclaration()
    {
        if (!SkipSpace(out _))
        {
            return false;
        }

        var name = ReadName();
        if (name is null)
        {
            return Expected("Expected a notation name after '<!NOTATION'");
        }

        if (!SkipSpace(out _))
        {
            return false;
        }

        var keywordStart = _pos;
        var keyword = ReadName();
        if (keyword is not ("SYSTEM" or "PUBLIC"))
        {
            _pos = keywordStart;
            return Expected($"Expected SYSTEM or PUBLIC in the declaration of notation '{name}'");
        }

        if (!ReadExternalId(keyword, systemLiteralRequired: false))
        {
            return false;
        }

        if (!SkipSpace(out _))
        {
            return false;
        }

        if (Peek() != '>')
        {
            return Expected($"Expected '>' to end the <!NOTATION declaration of '{name}'");
        }

        _pos++;
        return true;
    }
}
