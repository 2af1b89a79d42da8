using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Xml;
using System.Xml.Schema;
using QualysGen.Generator.Diagnostics;
using QualysGen.Generator.Model;

namespace QualysGen.Generator.Parsing.Xsd;

/// <summary>
/// Walks a compiled <see cref="XmlSchemaSet"/> into the shared schema model. One instance builds one schema, once.
/// </summary>
/// <remarks>
/// <para>
/// Every type that some element has gets one <see cref="ElementSpec"/>, keyed so that element particles can point at it
/// (<see cref="ParticleSpec.ContentRef"/>): a named type by its name, an anonymous type by the slash path of the element that
/// declares it (<c>ServiceResponse/data</c>, <c>WebApp/scope</c>), a built-in type as <c>xs:long</c>. A key already taken by
/// another type gets <c>#2</c>, <c>#3</c>… appended. Named complex types that no element uses get one too.
/// </para>
/// <para>
/// The order is that of first appearance, breadth first: the global elements in document order, then the types they reach,
/// then the named complex types nothing reached. Types are visited from a queue, so deep schemas do not deepen the stack.
/// </para>
/// <para>
/// Content models are read from the declarations (not from XmlSchemaSet's compiled particle, which flattens nested groups):
/// group references are replaced by the group's model with the reference's occurrence, an extension is the base's model
/// followed by its own (a sequence of both), a restriction is its own model. Attributes are the compiled attribute uses
/// (base and attribute groups merged, prohibited ones gone), in declaration order with the base's first.
/// </para>
/// </remarks>
internal sealed class XsdModelBuilder
{
    /// <summary>How deeply nested content models and derivation chains are followed (the compiler has accepted them; this bounds the stack).</summary>
    private const int MaxDepth = 256;

    /// <summary>The longest element path an anonymous type is named after; deeper types are named after their last two steps.</summary>
    internal const int MaxAnonymousPathLength = 64;

    private const string BuiltInPrefix = "xs:";

    private readonly XmlSchemaSet _set;
    private readonly XsdDiagnostics _diagnostics;
    private readonly CancellationToken _cancellationToken;

    private readonly List<ElementSpec?> _specs = new();
    private readonly Queue<(int Slot, XmlSchemaType Type, string Key, string? TypeName, XmlSchemaElement? DeclaringElement)> _pending = new();
    private readonly Dictionary<XmlQualifiedName, string> _namedKeys = new();
    private readonly Dictionary<XmlSchemaType, string> _anonymousKeys = new();
    private readonly HashSet<string> _usedKeys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _nextSuffix = new(StringComparer.Ordinal);

    // Heads of substitution groups (warned about once each), wildcards already warned about, attribute groups by name.
    private readonly Dictionary<XmlQualifiedName, bool> _substitutionHeads = new();
    private readonly HashSet<XmlSchemaObject> _reportedWildcards = new();
    private Dictionary<XmlQualifiedName, XmlSchemaAttributeGroup>? _attributeGroups;
    private readonly Dictionary<string, SourceLocationSpec> _locations = new(StringComparer.Ordinal);

    /// <summary>Where the types, their children and attributes are declared (<see cref="SchemaLocationSpec"/> keys), once built.</summary>
    public EquatableArray<SchemaLocationSpec> Locations
        => _locations.Select(l => new SchemaLocationSpec(l.Key, l.Value)).OrderBy(l => l.Key, StringComparer.Ordinal).ToEquatableArray();

    private void AddLocation(string key, XmlSchemaObject at)
    {
        if (!_locations.ContainsKey(key))
        {
            _locations.Add(key, _diagnostics.LocationOf(at));
        }
    }

    public XsdModelBuilder(XmlSchemaSet set, XsdDiagnostics diagnostics, CancellationToken cancellationToken)
    {
        _set = set;
        _diagnostics = diagnostics;
        _cancellationToken = cancellationToken;
    }

    public SchemaSpec Build(string filePath, string fileName, string targetNamespace)
    {
        var globalElements = _set.GlobalElements.Values.OfType<XmlSchemaElement>().ToList();
        foreach (var element in globalElements)
        {
            if (!element.SubstitutionGroup.IsEmpty && !_substitutionHeads.ContainsKey(element.SubstitutionGroup))
            {
                _substitutionHeads.Add(element.SubstitutionGroup, false);
            }
        }

        var globals = new List<GlobalElementSpec>(globalElements.Count);
        foreach (var element in globalElements)
        {
            var name = element.QualifiedName.Name;
            globals.Add(new GlobalElementSpec(name, KeyOf(element.ElementSchemaType, name, element)));
        }

        BuildPending();

        foreach (var type in _set.GlobalTypes.Values.OfType<XmlSchemaComplexType>())
        {
            if (type.QualifiedName.Namespace != XmlSchema.Namespace)
            {
                KeyOf(type, type.QualifiedName.Name, declaringElement: null);
            }
        }

        BuildPending();

        return new SchemaSpec(
            filePath,
            fileName,
            SchemaKind.Xsd,
            targetNamespace,
            _specs.Select(s => s!).ToEquatableArray(),
            globals.ToEquatableArray());
    }

    // --- Keys -------------------------------------------------------------------------------

    /// <summary>The key of the <see cref="ElementSpec"/> describing <paramref name="type"/>, reserving its slot when it is new.</summary>
    /// <param name="type">The element's type (null only for a schema that did not compile: treated as <c>xs:anyType</c>).</param>
    /// <param name="path">The slash path of the declaring element, the key of an anonymous type.</param>
    /// <param name="declaringElement">The element that declares an anonymous type (its documentation documents the type).</param>
    private string KeyOf(XmlSchemaType? type, string path, XmlSchemaElement? declaringElement)
    {
        type ??= XmlSchemaType.GetBuiltInComplexType(XmlTypeCode.Item)!;
        var name = type.QualifiedName;
        string? key;
        if (!name.IsEmpty)
        {
            if (!_namedKeys.TryGetValue(name, out key))
            {
                var builtIn = name.Namespace == XmlSchema.Namespace;
                key = builtIn ? BuiltInPrefix + name.Name : Unique(name.Name);
                _namedKeys.Add(name, key);
                Reserve(type, key, builtIn ? null : name.Name, declaringElement: null);
            }
        }
        else if (!_anonymousKeys.TryGetValue(type, out key))
        {
            key = Unique(path);
            _anonymousKeys.Add(type, key);
            Reserve(type, key, typeName: null, declaringElement);
        }

        return key;
    }

    private string Unique(string key)
    {
        if (_usedKeys.Add(key))
        {
            return key;
        }

        var suffix = _nextSuffix.TryGetValue(key, out var next) ? next : 2;
        string candidate;
        do
        {
            candidate = key + "#" + suffix.ToString(System.Globalization.CultureInfo.InvariantCulture);
            suffix++;
        }
        while (!_usedKeys.Add(candidate));

        _nextSuffix[key] = suffix;
        return candidate;
    }

    private void Reserve(XmlSchemaType type, string key, string? typeName, XmlSchemaElement? declaringElement)
    {
        _usedKeys.Add(key);
        _pending.Enqueue((_specs.Count, type, key, typeName, declaringElement));
        _specs.Add(null);
    }

    private void BuildPending()
    {
        while (_pending.Count > 0)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var pending = _pending.Dequeue();
            _specs[pending.Slot] = BuildSpec(pending);
        }
    }

    // --- Types ------------------------------------------------------------------------------

    private ElementSpec BuildSpec((int Slot, XmlSchemaType Type, string Key, string? TypeName, XmlSchemaElement? DeclaringElement) pending)
    {
        var documentation = XsdDocumentation.Of(pending.Type) ?? XsdDocumentation.Of(pending.DeclaringElement);
        AddLocation(pending.Key, pending.DeclaringElement ?? (XmlSchemaObject)pending.Type);
        if (pending.TypeName is not null)
        {
            AddLocation(pending.TypeName, pending.Type);
        }

        if (pending.Type is XmlSchemaSimpleType simple)
        {
            var (valueType, enumValues) = LimitEnum(XsdValueTypes.Describe(simple), pending.Type, pending.Key);
            return new ElementSpec(pending.Key, ContentKind.Text, null, EquatableArray<AttributeSpec>.Empty, documentation, valueType, enumValues, pending.TypeName);
        }

        var complex = (XmlSchemaComplexType)pending.Type;
        if (IsAnyType(complex))
        {
            return new ElementSpec(pending.Key, ContentKind.Any, null, EquatableArray<AttributeSpec>.Empty, documentation, TypeName: pending.TypeName);
        }

        var attributes = Attributes(complex, pending.Key);
        if (attributes.Count > SchemaLimits.MaxAttributes)
        {
            ReportLimit(pending.DeclaringElement ?? (XmlSchemaObject)complex, string.Format(
                CultureInfo.InvariantCulture,
                "'{0}' has {1:N0} attributes, more than the {2:N0} QualysGen models; the rest are skipped when parsing",
                pending.Key, attributes.Count, SchemaLimits.MaxAttributes));
            attributes = attributes.Take(SchemaLimits.MaxAttributes).ToEquatableArray();
        }

        ReportAnyAttribute(complex, pending.Key);
        if (complex.ContentType == XmlSchemaContentType.TextOnly)
        {
            var (valueType, enumValues) = LimitEnum(XsdValueTypes.DescribeSimpleContent(complex), complex, pending.Key);
            return new ElementSpec(pending.Key, ContentKind.Text, null, attributes, documentation, valueType, enumValues, pending.TypeName);
        }

        if (complex.ContentType == XmlSchemaContentType.Empty)
        {
            return new ElementSpec(pending.Key, ContentKind.Empty, null, attributes, documentation, TypeName: pending.TypeName);
        }

        var wildcards = new List<XmlSchemaAny>();
        var particle = ContentOf(complex, pending.Key, wildcards, depth: 0);
        var children = SchemaLimits.CountElements(particle);
        if (children > SchemaLimits.MaxChildren)
        {
            ReportLimit(pending.DeclaringElement ?? (XmlSchemaObject)complex, string.Format(
                CultureInfo.InvariantCulture,
                "'{0}' has {1:N0} child elements, more than the {2:N0} QualysGen models; the rest are skipped when parsing, as undeclared elements are",
                pending.Key, children, SchemaLimits.MaxChildren));
            particle = SchemaLimits.KeepFirstElements(particle!, SchemaLimits.MaxChildren);
        }
        var mixed = complex.ContentType == XmlSchemaContentType.Mixed;
        if (particle is null && wildcards.Count > 0)
        {
            // Nothing but xs:any: keep the content as XML rather than dropping it.
            return new ElementSpec(pending.Key, ContentKind.Any, null, attributes, documentation, TypeName: pending.TypeName);
        }

        foreach (var wildcard in wildcards)
        {
            if (_reportedWildcards.Add(wildcard))
            {
                _diagnostics.Report(
                    DiagnosticDescriptors.XsdUnsupported.Id,
                    wildcard,
                    "xs:any in '" + pending.Key + "' is not modelled: the elements it allows are skipped when parsing");
            }
        }

        var content = particle is null
            ? (mixed ? ContentKind.Text : ContentKind.Empty)
            : (mixed ? ContentKind.Mixed : ContentKind.Children);
        return new ElementSpec(pending.Key, content, particle, attributes, documentation, TypeName: pending.TypeName);
    }

    /// <summary>An enumeration longer than <see cref="SchemaLimits.MaxEnumValues"/> is reported and read as a string.</summary>
    private (XmlValueType Type, EquatableArray<string> Values) LimitEnum((XmlValueType Type, EquatableArray<string> Values) described, XmlSchemaObject at, string what)
    {
        if (described.Values.Count <= SchemaLimits.MaxEnumValues)
        {
            return described;
        }

        ReportLimit(at, string.Format(
            CultureInfo.InvariantCulture,
            "'{0}' lists {1:N0} values, more than the {2:N0} an enumeration may have; it is read as a string",
            what, described.Values.Count, SchemaLimits.MaxEnumValues));
        return (XmlValueType.String, EquatableArray<string>.Empty);
    }

    private void ReportLimit(XmlSchemaObject at, string message) => _diagnostics.Report(DiagnosticDescriptors.XsdLimitExceeded.Id, at, message);

    private void CheckNameLength(string name, XmlSchemaObject at)
    {
        if (name.Length > SchemaLimits.MaxNameLength)
        {
            ReportLimit(at, string.Format(
                CultureInfo.InvariantCulture,
                "The name '{0}…' is {1:N0} characters long; the C# name made from it is cut to {2} characters",
                name.Substring(0, 20), name.Length, SchemaLimits.MaxNameLength));
        }
    }

    private static bool IsAnyType(XmlSchemaType type)
        => type.QualifiedName.Namespace == XmlSchema.Namespace && type.QualifiedName.Name == "anyType";

    /// <summary>The content model of <paramref name="type"/>, the extension chain included; null when it allows no element.</summary>
    private ParticleSpec? ContentOf(XmlSchemaComplexType type, string key, List<XmlSchemaAny> wildcards, int depth)
    {
        if (depth > MaxDepth)
        {
            return null;
        }

        switch (type.ContentModel?.Content)
        {
            case XmlSchemaComplexContentExtension extension:
                ParticleSpec? inherited = null;
                if (type.BaseXmlSchemaType is XmlSchemaComplexType baseType && !IsAnyType(baseType))
                {
                    var baseKey = KeyOf(baseType, key, declaringElement: null);
                    inherited = ContentOf(baseType, baseKey, wildcards, depth + 1);
                }

                var own = Convert(extension.Particle, key, wildcards, depth + 1);
                return inherited is null ? own
                    : own is null ? inherited
                    : ParticleSpec.Group(ParticleKind.Sequence, Occurrence.One, inherited, own);
            case XmlSchemaComplexContentRestriction restriction:
                return Convert(restriction.Particle, key, wildcards, depth + 1);
            case XmlSchemaSimpleContentExtension or XmlSchemaSimpleContentRestriction:
                return null;
            default:
                return Convert(type.Particle, key, wildcards, depth + 1);
        }
    }

    private ParticleSpec? Convert(XmlSchemaParticle? particle, string key, List<XmlSchemaAny> wildcards, int depth)
    {
        if (particle is null || particle.MaxOccurs == 0 || depth > MaxDepth)
        {
            return null;
        }

        var occurs = OccurrenceOf(particle.MinOccurs, particle.MaxOccurs);
        switch (particle)
        {
            case XmlSchemaElement element:
                return ElementParticle(element, occurs, key);
            case XmlSchemaGroupRef groupRef:
                // After compilation the reference holds the group's model; the reference's occurrence applies to it.
                return groupRef.Particle is XmlSchemaGroupBase referenced ? Group(referenced, occurs, key, wildcards, depth) : null;
            case XmlSchemaGroupBase group:
                return Group(group, occurs, key, wildcards, depth);
            case XmlSchemaAny any:
                wildcards.Add(any);
                return null;
            default:
                return null;
        }
    }

    private ParticleSpec? Group(XmlSchemaGroupBase group, Occurrence occurs, string key, List<XmlSchemaAny> wildcards, int depth)
    {
        var kind = group switch
        {
            XmlSchemaChoice => ParticleKind.Choice,
            XmlSchemaAll => ParticleKind.All,
            _ => ParticleKind.Sequence,
        };

        var children = new List<ParticleSpec>(group.Items.Count);
        var emptyBranch = false;
        foreach (var item in group.Items)
        {
            var child = Convert(item as XmlSchemaParticle, key, wildcards, depth + 1);
            if (child is null)
            {
                emptyBranch = true;
            }
            else
            {
                children.Add(child);
            }
        }

        if (children.Count == 0)
        {
            return null;
        }

        // A choice with a branch that matches nothing (an empty group, a wildcard) may match nothing itself.
        if (kind == ParticleKind.Choice && emptyBranch)
        {
            occurs = occurs switch
            {
                Occurrence.One => Occurrence.Optional,
                Occurrence.OneOrMore => Occurrence.ZeroOrMore,
                _ => occurs,
            };
        }

        return new ParticleSpec(kind, null, occurs, children.ToEquatableArray());
    }

    private ParticleSpec? ElementParticle(XmlSchemaElement element, Occurrence occurs, string key)
    {
        string name;
        string contentRef;
        string? defaultValue;
        if (!element.RefName.IsEmpty)
        {
            if (_set.GlobalElements[element.RefName] is not XmlSchemaElement global)
            {
                return null; // the compiler reported it
            }

            WarnIfSubstitutionHead(global);
            name = global.QualifiedName.Name;
            contentRef = KeyOf(global.ElementSchemaType, name, global);
            defaultValue = global.DefaultValue ?? global.FixedValue;
        }
        else
        {
            name = element.QualifiedName.IsEmpty ? element.Name ?? string.Empty : element.QualifiedName.Name;
            CheckNameLength(name, element);
            AddLocation(SchemaLocationSpec.Child(key, name), element);
            contentRef = KeyOf(element.ElementSchemaType, AnonymousPath(key, name), element);
            defaultValue = element.DefaultValue ?? element.FixedValue;
        }

        return new ParticleSpec(ParticleKind.Element, name, occurs, EquatableArray<ParticleSpec>.Empty, contentRef, defaultValue);
    }

    /// <summary>
    /// The key of an anonymous type: the path of its element (<c>WasScan/summary</c>, named <c>WasScanSummary</c>). A path
    /// longer than <see cref="MaxAnonymousPathLength"/> keeps only the parent's last step (<c>scope/item</c>): names, and the
    /// output they appear in, then stay linear in the depth of the nesting, not quadratic.
    /// </summary>
    private static string AnonymousPath(string parentKey, string name)
    {
        var path = parentKey + "/" + name;
        if (path.Length <= MaxAnonymousPathLength)
        {
            return path;
        }

        var lastStep = parentKey.Substring(parentKey.LastIndexOf('/') + 1);
        return lastStep + "/" + name;
    }

    private void WarnIfSubstitutionHead(XmlSchemaElement head)
    {
        if (_substitutionHeads.TryGetValue(head.QualifiedName, out var warned) && !warned)
        {
            _substitutionHeads[head.QualifiedName] = true;
            _diagnostics.Report(
                DiagnosticDescriptors.XsdUnsupported.Id,
                head,
                "Substitution group of '" + head.QualifiedName.Name + "' is not modelled: only '" + head.QualifiedName.Name + "' itself is read where it is referenced");
        }
    }

    private static Occurrence OccurrenceOf(decimal min, decimal max)
        => max <= 1
            ? (min == 0 ? Occurrence.Optional : Occurrence.One)
            : (min == 0 ? Occurrence.ZeroOrMore : Occurrence.OneOrMore);

    // --- Attributes -------------------------------------------------------------------------

    private EquatableArray<AttributeSpec> Attributes(XmlSchemaComplexType type, string key)
    {
        var uses = type.AttributeUses;
        if (uses.Count == 0)
        {
            return EquatableArray<AttributeSpec>.Empty;
        }

        // Declaration order (the compiled table puts an extension's own attributes before its base's).
        var order = new List<XmlQualifiedName>(uses.Count);
        var seen = new HashSet<XmlQualifiedName>();
        CollectDeclared(type, order, seen, depth: 0);
        foreach (var name in uses.Names.OfType<XmlQualifiedName>())
        {
            if (seen.Add(name))
            {
                order.Add(name);
            }
        }

        var attributes = new List<AttributeSpec>(uses.Count);
        foreach (var name in order)
        {
            if (uses[name] is XmlSchemaAttribute { Use: not XmlSchemaUse.Prohibited } use)
            {
                var attribute = AttributeOf(use);
                AddLocation(SchemaLocationSpec.Attribute(key, attribute.Name), use);
                attributes.Add(attribute);
            }
        }

        return attributes.ToEquatableArray();
    }

    private AttributeSpec AttributeOf(XmlSchemaAttribute use)
    {
        var global = use.RefName.IsEmpty ? null : _set.GlobalAttributes[use.RefName] as XmlSchemaAttribute;
        var schemaType = use.AttributeSchemaType ?? global?.AttributeSchemaType;
        var name = use.QualifiedName.IsEmpty ? use.Name ?? use.RefName.Name : use.QualifiedName.Name;
        CheckNameLength(name, use);
        var (valueType, enumValues) = schemaType is null ? (XmlValueType.String, EquatableArray<string>.Empty) : LimitEnum(XsdValueTypes.Describe(schemaType), use, "@" + name);
        var fixedValue = use.FixedValue ?? global?.FixedValue;
        var defaultValue = use.DefaultValue ?? global?.DefaultValue;
        var presence = use.Use == XmlSchemaUse.Required ? AttributePresence.Required
            : fixedValue is not null ? AttributePresence.Fixed
            : defaultValue is not null ? AttributePresence.Default
            : AttributePresence.Implied;
        return new AttributeSpec(
            name,
            enumValues.IsEmpty ? AttributeType.CData : AttributeType.Enumeration,
            enumValues,
            presence,
            fixedValue ?? defaultValue,
            valueType);
    }

    /// <summary>The attribute names as declared: the base type's first, then the type's own, attribute groups expanded in place.</summary>
    private void CollectDeclared(XmlSchemaComplexType type, List<XmlQualifiedName> order, HashSet<XmlQualifiedName> seen, int depth)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        XmlSchemaObjectCollection? own;
        switch (type.ContentModel?.Content)
        {
            case XmlSchemaComplexContentExtension extension:
                own = extension.Attributes;
                break;
            case XmlSchemaComplexContentRestriction restriction:
                own = restriction.Attributes;
                break;
            case XmlSchemaSimpleContentExtension extension:
                own = extension.Attributes;
                break;
            case XmlSchemaSimpleContentRestriction restriction:
                own = restriction.Attributes;
                break;
            default:
                own = type.Attributes;
                break;
        }

        if (type.ContentModel is not null && type.BaseXmlSchemaType is XmlSchemaComplexType baseType && !IsAnyType(baseType))
        {
            CollectDeclared(baseType, order, seen, depth + 1);
        }

        CollectItems(own, order, seen, depth + 1);
    }

    private void CollectItems(XmlSchemaObjectCollection items, List<XmlQualifiedName> order, HashSet<XmlQualifiedName> seen, int depth)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        foreach (var item in items)
        {
            switch (item)
            {
                case XmlSchemaAttribute attribute when seen.Add(attribute.QualifiedName):
                    order.Add(attribute.QualifiedName);
                    break;
                case XmlSchemaAttributeGroupRef groupRef when FindAttributeGroup(groupRef.RefName) is { } group:
                    CollectItems(group.Attributes, order, seen, depth + 1);
                    break;
            }
        }
    }

    private XmlSchemaAttributeGroup? FindAttributeGroup(XmlQualifiedName name)
    {
        if (_attributeGroups is null)
        {
            _attributeGroups = new Dictionary<XmlQualifiedName, XmlSchemaAttributeGroup>();
            foreach (var schema in _set.Schemas().OfType<XmlSchema>())
            {
                foreach (var group in schema.AttributeGroups.Values.OfType<XmlSchemaAttributeGroup>())
                {
                    if (!_attributeGroups.ContainsKey(group.QualifiedName))
                    {
                        _attributeGroups.Add(group.QualifiedName, group);
                    }
                }
            }
        }

        return _attributeGroups.TryGetValue(name, out var found) ? found : null;
    }

    /// <summary>Warns about an <c>xs:anyAttribute</c> declared by <paramref name="type"/> (an inherited one was reported at its base).</summary>
    private void ReportAnyAttribute(XmlSchemaComplexType type, string key)
    {
        var declared = type.ContentModel?.Content switch
        {
            XmlSchemaComplexContentExtension extension => extension.AnyAttribute,
            XmlSchemaComplexContentRestriction restriction => restriction.AnyAttribute,
            XmlSchemaSimpleContentExtension extension => extension.AnyAttribute,
            XmlSchemaSimpleContentRestriction restriction => restriction.AnyAttribute,
            _ => type.AnyAttribute,
        };

        if (declared is not null && _reportedWildcards.Add(declared))
        {
            _diagnostics.Report(
                DiagnosticDescriptors.XsdUnsupported.Id,
                declared,
                "xs:anyAttribute in '" + key + "' is not modelled: the attributes it allows are not read");
        }
    }
}
