using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using QualysGen.Generator.Diagnostics;
using QualysGen.Generator.Model;

namespace QualysGen.Generator.Binding;

/// <summary>
/// Joins a schema with what the spec files say about it (types, roots) and the options, and decides the
/// C# shape: which elements become classes, which wrappers flatten into lists, property and enum names,
/// roots and their record streams.
/// </summary>
internal sealed class SchemaBinder
{
    private readonly SchemaSpec _schema;
    private readonly GeneratorOptionsSpec _options;
    private readonly Dictionary<string, ElementSpec> _elements = new();
    private readonly Dictionary<(string Element, string? Attribute), TypeOverlayDeclaration> _types = new();

    // The requirements a spec's 'optional' list relaxes: (parent or null for every parent, child) and (element, attribute).
    private readonly HashSet<(string? Parent, string Child)> _optionalChildren = new();
    private readonly HashSet<(string Element, string Attribute)> _optionalAttributes = new();
    private string? _bindingElement;
    private readonly HashSet<string> _rootKeys = new();
    private readonly List<(string XmlName, string Key)> _roots = new();
    private readonly List<DiagnosticSpec> _diagnostics = new();
    private readonly UniqueNames _typeNames;
    private readonly Dictionary<string, string> _classNames = new();
    private readonly List<EnumSpec> _enums = new();
    private readonly Dictionary<string, EnumSpec> _enumsByName = new(); // by type name
    private readonly Dictionary<string, string> _elementEnums = new();
    private readonly NameTableBuilder _names;

    // While a class is bound: the item classes of its repeated groups (outer before inner), its whole content (simplified) and
    // the element names in it.
    private readonly List<ClassSpec> _groupItems = new();
    private ParticleSpec? _wholeContent;
    private HashSet<string> _contentNames = new();

    private SchemaBinder(SchemaSpec schema, GeneratorOptionsSpec options)
    {
        _schema = schema;
        _options = options;
        var stem = CSharpNames.ToPascalCase(Path.GetFileNameWithoutExtension(schema.FileName));
        ParserClassName = stem + "Parser";
        NamesClassName = stem + "Names";
        Stem = stem;
        _names = new NameTableBuilder(NamesClassName);
        var kindSuffix = _schema.Kind == SchemaKind.Dtd ? "Dtd" : "Xsd";
        Namespace = _options.RootNamespace.Length == 0 ? Stem + kindSuffix : _options.RootNamespace + "." + Stem + kindSuffix;
        // The helper classes, and what a type in the namespace would hide from the generated code and a user's partial class.
        _typeNames = new UniqueNames(ParserClassName, NamesClassName, stem + "Writer");
        foreach (var name in CSharpNames.HiddenByTypes.Concat(Namespace.Split('.')))
        {
            _typeNames.Reserve(name);
        }
    }

    private string Stem { get; }

    private string Namespace { get; }

    private string ParserClassName { get; }

    private string NamesClassName { get; }

    public static BindResult Bind(SchemaSpec schema, EquatableArray<SchemaOverlayDeclaration> overlays, GeneratorOptionsSpec options, CancellationToken cancellationToken)
    {
        var binder = new SchemaBinder(schema, options);
        var spec = binder.Run(overlays, cancellationToken);
        return new BindResult(spec, binder._diagnostics.ToEquatableArray());
    }

    private ParserSpec? Run(EquatableArray<SchemaOverlayDeclaration> overlays, CancellationToken cancellationToken)
    {
        foreach (var element in _schema.Elements)
        {
            if (!_elements.ContainsKey(element.Name))
            {
                _elements.Add(element.Name, element);
            }
        }

        ReadOverlays(overlays);
        if (_schema.Kind == SchemaKind.Xsd && _schema.GlobalElements.IsEmpty && overlays.All(o => o.Roots.IsEmpty))
        {
            // A library of types, meant to be included by another schema: no document has it as its root.
            return null;
        }

        FindRoots(overlays);
        if (_roots.Count == 0)
        {
            _diagnostics.Add(DiagnosticSpec.Create(
                DiagnosticDescriptors.DtdNoRoot.Id,
                SourceLocationSpec.At(_schema.FilePath, 0, 0, 0, 0),
                _schema.FileName));
            return null;
        }

        // A flattened list's reader is named after its wrapper (ReadScanList), beside the class readers (ReadScan).
        foreach (var element in _schema.Elements)
        {
            if (WrappedItem(element) is not null)
            {
                _typeNames.Reserve(CSharpNames.ToPascalCase(element.Name));
            }
        }

        // Class names first (classes are what users see most), then enums.
        foreach (var element in _schema.Elements)
        {
            if (NeedsClass(element) && !_classNames.ContainsKey(element.Name))
            {
                var schemaName = element.TypeName ?? element.Name;
                _classNames.Add(element.Name, _typeNames.TakeFor(schemaName, CSharpNames.ToPascalCase(schemaName), "Type"));
            }
        }

        var classes = new List<ClassSpec>();
        foreach (var element in _elements.Values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_classNames.TryGetValue(element.Name, out var className))
            {
                classes.Add(BindClass(element, className));
                classes.AddRange(_groupItems);
                _groupItems.Clear();
            }
        }

        var byTypeName = classes.ToDictionary(c => c.TypeName);
        var envelopeNames = new Dictionary<(string Class, string Member), string>();
        var roots = _roots
            .Select(r => new RootSpec(_classNames[r.Key], r.XmlName, FindStreams(_classNames[r.Key], byTypeName, envelopeNames)))
            .ToEquatableArray();
        foreach (var root in roots)
        {
            _names.Element(root.XmlName);
            foreach (var stream in root.Streams)
            {
                foreach (var step in stream.Path)
                {
                    _names.Element(step);
                }
            }
        }

        ReportCollisions(_typeNames, _schema.FileName, member: false);
        return new ParserSpec(
            HintName: _schema.FileName,
            FilePath: _schema.FilePath,
            SourceFile: _schema.FileName,
            Namespace: Namespace,
            Accessibility: _options.Public ? "public" : "internal",
            Kind: _schema.Kind,
            ParserClassName: ParserClassName,
            NamesClassName: NamesClassName,
            XmlNamespace: _schema.TargetNamespace,
            Classes: classes.ToEquatableArray(),
            Enums: _enums.ToEquatableArray(),
            Roots: roots,
            Names: _names.Build());
    }

    private void ReadOverlays(EquatableArray<SchemaOverlayDeclaration> overlays)
    {
        foreach (var overlay in overlays)
        {
            foreach (var type in overlay.Types)
            {
                if (!_elements.TryGetValue(type.Element, out var element))
                {
                    Report(DiagnosticDescriptors.SpecUnknownSchemaName, type.Location, "element '" + type.Element + "'", _schema.FileName);
                    continue;
                }

                if (type.Attribute is not null && element.Attributes.All(a => a.Name != type.Attribute))
                {
                    Report(DiagnosticDescriptors.SpecUnknownSchemaName, type.Location, "attribute '" + type.Attribute + "' of element '" + type.Element + "'", _schema.FileName);
                    continue;
                }

                if (type.Attribute is null && element.Content is not (ContentKind.Text))
                {
                    Report(DiagnosticDescriptors.SpecTypeNotApplicable, type.Location, type.Element, _schema.FileName);
                    continue;
                }

                var key = (type.Element, type.Attribute);
                if (_types.ContainsKey(key))
                {
                    Report(DiagnosticDescriptors.SpecDuplicateMapping, type.Location, type.Attribute is null ? type.Element : type.Element + "@" + type.Attribute, _schema.FileName);
                    continue;
                }

                _types.Add(key, type);
            }

            foreach (var relaxed in overlay.Optional)
            {
                ReadOptional(relaxed);
            }
        }
    }

    private void ReadOptional(OptionalOverlayDeclaration relaxed)
    {
        var known = _elements.TryGetValue(relaxed.Element, out var element)
            && (relaxed.Parent is null || _elements.ContainsKey(relaxed.Parent))
            && (relaxed.Attribute is null || element.Attributes.Any(a => a.Name == relaxed.Attribute));
        if (!known)
        {
            var what = relaxed.Attribute is not null
                ? "attribute '" + relaxed.Attribute + "' of element '" + relaxed.Element + "'"
                : "element '" + (relaxed.Parent is null ? relaxed.Element : relaxed.Parent + "/" + relaxed.Element) + "'";
            Report(DiagnosticDescriptors.SpecUnknownSchemaName, relaxed.Location, what, _schema.FileName);
            return;
        }

        if (relaxed.Attribute is not null)
        {
            _optionalAttributes.Add((relaxed.Element, relaxed.Attribute));
        }
        else
        {
            _optionalChildren.Add((relaxed.Parent, relaxed.Element));
        }
    }

    private bool IsRelaxed(string child)
        => _optionalChildren.Contains((null, child)) || (_bindingElement is not null && _optionalChildren.Contains((_bindingElement, child)));

    private void FindRoots(EquatableArray<SchemaOverlayDeclaration> overlays)
    {
        // A root is a top-level element that nothing else contains (an XSD's global elements; any DTD element).
        var referenced = new HashSet<string>();
        foreach (var element in _schema.Elements)
        {
            foreach (var child in ElementParticles(element.Particle))
            {
                if (child.Key != element.Name)
                {
                    referenced.Add(_schema.Kind == SchemaKind.Dtd ? child.Key! : child.Name!);
                }
            }
        }

        var candidates = _schema.Kind == SchemaKind.Dtd
            ? _schema.Elements.Select(e => (XmlName: e.Name, Key: e.Name)).ToList()
            : _schema.GlobalElements.Select(g => (XmlName: g.Name, Key: g.ContentRef)).ToList();
        foreach (var candidate in candidates)
        {
            if (!referenced.Contains(candidate.XmlName))
            {
                AddRoot(candidate.XmlName, candidate.Key);
            }
        }

        foreach (var overlay in overlays)
        {
            foreach (var root in overlay.Roots)
            {
                var named = candidates.FirstOrDefault(c => c.XmlName == root.Element);
                if (named.XmlName is not null && _elements.ContainsKey(named.Key))
                {
                    AddRoot(named.XmlName, named.Key);
                }
                else
                {
                    Report(DiagnosticDescriptors.SpecUnknownSchemaName, root.Location, "element '" + root.Element + "'", _schema.FileName);
                }
            }
        }
    }

    private void AddRoot(string xmlName, string key)
    {
        // A root whose content is text only (an XSD global simple element) has nothing to parse into a class.
        if (_elements.TryGetValue(key, out var element) && element.Content != ContentKind.Text | element.Attributes.Count > 0
            && !_roots.Contains((xmlName, key)))
        {
            _roots.Add((xmlName, key));
            _rootKeys.Add(key);
        }
    }

    private bool NeedsClass(ElementSpec element)
        => _rootKeys.Contains(element.Name)
            || element.Attributes.Count > 0
            || element.Content is ContentKind.Mixed or ContentKind.Any
            || (element.Content == ContentKind.Children && WrappedItem(element) is null);

    /// <summary>For a wrapper like <c>LIST(ITEM+)</c> with no attributes: the item particle; otherwise null.</summary>
    private ParticleSpec? WrappedItem(ElementSpec element)
    {
        if (element.Content != ContentKind.Children || element.Attributes.Count > 0 || _rootKeys.Contains(element.Name)
            || element.Particle is not { Kind: ParticleKind.Sequence or ParticleKind.Choice, Children.Count: 1 } group)
        {
            return null;
        }

        var item = group.Children[0];
        if (item.Kind != ParticleKind.Element || item.Key is null || !_elements.ContainsKey(item.Key))
        {
            return null;
        }

        var repeated = IsRepeated(group.Occurs) || IsRepeated(item.Occurs);
        return repeated ? item : null;
    }

    private static bool IsRepeated(Occurrence occurs) => occurs is Occurrence.ZeroOrMore or Occurrence.OneOrMore;

    private static bool IsOptional(Occurrence occurs) => occurs is Occurrence.Optional or Occurrence.ZeroOrMore;

    private ClassSpec BindClass(ElementSpec element, string className)
    {
        var members = new List<MemberSpec>();
        var choices = new List<ChoiceSpec>();
        // The members a class has besides its properties: the entry points of a root, those of every object.
        var propertyNames = new UniqueNames(className);
        foreach (var name in CSharpNames.ObjectMembers)
        {
            propertyNames.Reserve(name);
        }

        if (_rootKeys.Contains(element.Name))
        {
            // The entry points name the helper classes in expressions (RNames.Rent()), where a property of that name would win.
            propertyNames.Reserve(NamesClassName);
            propertyNames.Reserve(ParserClassName);
            propertyNames.Reserve(Stem + "Writer");
            propertyNames.Reserve("Parse");
            propertyNames.Reserve("ParseAsync");
            if (_schema.Kind == SchemaKind.Xsd)
            {
                propertyNames.Reserve("WriteTo");
                propertyNames.Reserve("ToXml");
            }
        }

        // The element's own content keeps its name whatever the attributes are called (an attribute 'value' becomes ValueAttribute).
        var contentName = element.Content switch
        {
            ContentKind.Text => "Value",
            ContentKind.Mixed => "Text",
            ContentKind.Any => "InnerXml",
            _ => null,
        };
        if (contentName is not null)
        {
            propertyNames.Reserve(contentName);
            if (element.Content == ContentKind.Text && IsEnumText(element))
            {
                propertyNames.Reserve(contentName + RawSuffix);
            }
        }

        foreach (var attribute in element.Attributes)
        {
            members.Add(BindAttribute(element, className, attribute, propertyNames));
        }

        var contentText = ContentTextKind.None;
        switch (element.Content)
        {
            case ContentKind.Text:
                contentText = ContentTextKind.Value;
                var (valueType, enumName) = TextType(element);
                members.Add(new MemberSpec(contentName!, MemberSource.Text, element.Name, null, valueType, enumName,
                    IsList: false, IsObject: false, Required: true, DefaultValue: null, ChoiceIndex: -1, Documentation: "The element's text."));
                break;
            case ContentKind.Mixed:
                contentText = ContentTextKind.Mixed;
                members.Add(new MemberSpec(contentName!, MemberSource.Text, element.Name, null, XmlValueType.String, null,
                    IsList: false, IsObject: false, Required: true, DefaultValue: null, ChoiceIndex: -1, Documentation: "The element's text, without the child elements."));
                break;
            case ContentKind.Any:
                contentText = ContentTextKind.Any;
                members.Add(new MemberSpec(contentName!, MemberSource.Text, element.Name, null, XmlValueType.String, null,
                    IsList: false, IsObject: false, Required: true, DefaultValue: null, ChoiceIndex: -1, Documentation: "The element's content as XML text (the schema allows any content)."));
                break;
        }

        if (element.Particle is not null)
        {
            var occurrences = new Dictionary<string, int>();
            foreach (var child in ElementParticles(element.Particle))
            {
                occurrences[child.Name!] = occurrences.TryGetValue(child.Name!, out var n) ? n + 1 : 1;
            }

            var seen = new HashSet<string>();
            var mixed = element.Content == ContentKind.Mixed;
            _bindingElement = element.Name;
            _wholeContent = Simplify(element.Particle);
            _contentNames = new HashSet<string>(ElementParticles(element.Particle).Where(p => _elements.ContainsKey(p.Key!)).Select(p => p.Name!));
            BindParticle(element.Particle, optional: false, repeated: false, choiceIndex: -1, className, occurrences, seen, members, choices, propertyNames, mixed);
        }

        ReportCollisions(propertyNames, element.Name, member: true);
        return new ClassSpec(className, element.Name, element.Documentation, members.ToEquatableArray(), choices.ToEquatableArray(), contentText);
    }

    private MemberSpec BindAttribute(ElementSpec element, string className, AttributeSpec attribute, UniqueNames propertyNames)
    {
        _names.Attribute(attribute.Name);
        var valueType = attribute.ValueType;
        string? enumName = null;
        if (_types.TryGetValue((element.Name, attribute.Name), out var overlay))
        {
            valueType = overlay.Type;
            if (valueType == XmlValueType.Enum)
            {
                enumName = AddEnum(overlay.EnumName ?? className + CSharpNames.ToPascalCase(attribute.Name), overlay.EnumValues, null);
            }
        }
        else if (attribute.Type is AttributeType.Enumeration or AttributeType.Notation)
        {
            valueType = XmlValueType.Enum;
            enumName = AddEnum(className + CSharpNames.ToPascalCase(attribute.Name), attribute.EnumValues,
                $"The values of the <c>{attribute.Name}</c> attribute of <c>{element.Name}</c>.");
        }

        var pascal = CSharpNames.ToPascalCase(attribute.Name);
        var required = attribute.Presence == AttributePresence.Required && !_optionalAttributes.Contains((element.Name, attribute.Name));
        var hasDefault = attribute.Presence is AttributePresence.Default or AttributePresence.Fixed;
        return new MemberSpec(
            propertyNames.TakeFor("@" + attribute.Name, pascal, "Attribute", RawCompanion(valueType, isList: false, isObject: false)),
            MemberSource.Attribute,
            attribute.Name,
            null,
            valueType,
            enumName,
            IsList: false,
            IsObject: false,
            Required: required || hasDefault,
            DefaultValue: hasDefault ? attribute.DefaultValue : null,
            ChoiceIndex: -1,
            Documentation: attribute.Presence == AttributePresence.Fixed ? "Always <c>" + Escape(attribute.DefaultValue ?? "") + "</c>." : null);
    }

    private void BindParticle(
        ParticleSpec particle,
        bool optional,
        bool repeated,
        int choiceIndex,
        string className,
        Dictionary<string, int> occurrences,
        HashSet<string> seen,
        List<MemberSpec> members,
        List<ChoiceSpec> choices,
        UniqueNames propertyNames,
        bool mixed)
    {
        if (!repeated && !mixed && particle.Kind is ParticleKind.Sequence or ParticleKind.Choice && GroupPositions(particle, occurrences) is { } positions)
        {
            var group = Simplify(particle);
            members.Add(BindGroup(group, positions, className, choiceIndex, propertyNames, whole: group == _wholeContent));
            seen.UnionWith(positions.SelectMany(p => p));
            return;
        }

        optional |= IsOptional(particle.Occurs);
        repeated |= IsRepeated(particle.Occurs);

        switch (particle.Kind)
        {
            case ParticleKind.Element:
                if (particle.Name is null || particle.Key is null || !seen.Add(particle.Name) || !_elements.TryGetValue(particle.Key, out var child))
                {
                    return;
                }

                var member = BindChild(className, particle.Name, child, optional || IsRelaxed(particle.Name), repeated || occurrences[particle.Name] > 1, choiceIndex, propertyNames);
                members.Add(particle.DefaultValue is { } emptyValue && member.Source == MemberSource.Child && !member.IsObject
                    ? member with { EmptyValue = emptyValue, Documentation = $"<c>{Escape(emptyValue)}</c> when the element is present but empty." }
                    : member);
                return;

            case ParticleKind.Choice when !repeated && !mixed && particle.Children.Count > 1:
                var index = choices.Count;
                choices.Add(null!); // reserve the index; nested choices come after
                var branches = new List<ChoiceBranchSpec>();
                var enumMembers = new UniqueNames("None");
                foreach (var branch in particle.Children)
                {
                    var names = ElementParticles(branch).Where(p => _elements.ContainsKey(p.Key!)).Select(p => p.Name!).Distinct().ToEquatableArray();
                    if (names.Count == 0)
                    {
                        continue;
                    }

                    branches.Add(new ChoiceBranchSpec(enumMembers.Take(CSharpNames.ToPascalCase(names[0], "Value")), names));
                    BindParticle(branch, optional: true, repeated, index, className, occurrences, seen, members, choices, propertyNames, mixed);
                }

                var suffix = index == 0 ? "" : (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                var enumName = _typeNames.Take(className + "Choice" + suffix);
                choices[index] = new ChoiceSpec(propertyNames.Take("Choice" + suffix, className + "Choice" + suffix), enumName, branches.ToEquatableArray(), Required: !optional);
                return;

            default:
                foreach (var item in particle.Children)
                {
                    BindParticle(item, optional || particle.Kind == ParticleKind.Choice, repeated, choiceIndex, className, occurrences, seen, members, choices, propertyNames, mixed);
                }

                return;
        }
    }

    /// <summary>
    /// For a repeated sequence or choice (<c>(ID | ID_RANGE)+</c>, <c>(ID, TITLE, TYPE?)+</c>) whose items can be told apart: the
    /// element names at each of its positions (a particle of a sequence, a branch of a choice). That takes more than one distinct
    /// element, no element at two positions, and none that also occurs in the enclosing content outside the group; otherwise null,
    /// and each element of the group is flattened into a list of its own.
    /// </summary>
    private List<EquatableArray<string>>? GroupPositions(ParticleSpec particle, Dictionary<string, int> occurrences)
    {
        var group = Simplify(particle);
        if (!IsRepeated(group.Occurs) || group.Kind is not (ParticleKind.Sequence or ParticleKind.Choice))
        {
            return null;
        }

        var positions = new List<EquatableArray<string>>();
        var inGroup = new Dictionary<string, int>();
        foreach (var child in group.Children)
        {
            var names = new List<string>();
            foreach (var element in ElementParticles(child).Where(e => _elements.ContainsKey(e.Key!)))
            {
                if (!names.Contains(element.Name!))
                {
                    if (inGroup.ContainsKey(element.Name!))
                    {
                        return null;
                    }

                    names.Add(element.Name!);
                }

                inGroup[element.Name!] = inGroup.TryGetValue(element.Name!, out var n) ? n + 1 : 1;
            }

            if (names.Count > 0)
            {
                positions.Add(names.ToEquatableArray());
            }
        }

        return inGroup.Count > 1 && inGroup.All(e => occurrences.TryGetValue(e.Key, out var total) && total == e.Value) ? positions : null;
    }

    /// <summary>
    /// A repeated group: one list of items in document order, each an object of a class of its own bound from the group's particles
    /// (optional and required as in the group; a choice's items say which branch they are). Named <c>{Parent}Item</c>/<c>Items</c>
    /// when the group is the parent's whole content, else <c>{Parent}{FirstElement}Group</c>/<c>{FirstElement}Groups</c>.
    /// </summary>
    private MemberSpec BindGroup(ParticleSpec group, List<EquatableArray<string>> positions, string parentClass, int choiceIndex, UniqueNames propertyNames, bool whole)
    {
        var first = positions[0][0];
        var firstPascal = CSharpNames.ToPascalCase(first);
        var typeName = _typeNames.Take(whole ? parentClass + "Item" : parentClass + firstPascal + "Group");
        var propertyName = whole
            ? propertyNames.Take("Items", parentClass + "Items")
            : propertyNames.TakeFor(first, firstPascal + "Groups", "Element");
        var slot = _groupItems.Count;
        _groupItems.Add(null!); // the outer group's item comes before those of groups inside it

        var itemNames = new UniqueNames(typeName);
        foreach (var name in CSharpNames.ObjectMembers)
        {
            itemNames.Reserve(name);
        }

        var occurrences = new Dictionary<string, int>();
        foreach (var child in ElementParticles(group))
        {
            occurrences[child.Name!] = occurrences.TryGetValue(child.Name!, out var n) ? n + 1 : 1;
        }

        var members = new List<MemberSpec>();
        var choices = new List<ChoiceSpec>();
        var wholeContent = _wholeContent;
        _wholeContent = null;
        BindParticle(group with { Occurs = Occurrence.One }, optional: false, repeated: false, choiceIndex: -1, typeName, occurrences, new HashSet<string>(), members, choices, itemNames, mixed: false);
        _wholeContent = wholeContent;
        ReportCollisions(itemNames, _bindingElement!, member: true);

        var groupNames = positions.SelectMany(p => p).ToEquatableArray();
        var endNames = _contentNames.Where(n => !groupNames.Contains(n)).OrderBy(n => n, System.StringComparer.Ordinal).ToEquatableArray();
        foreach (var name in endNames)
        {
            _names.Element(name);
        }

        var positioned = members.Select(m => m with { Position = positions.FindIndex(p => p.Contains(m.XmlName)) }).ToEquatableArray();
        var model = ContentModel(group with { Occurs = Occurrence.One });
        _groupItems[slot] = new ClassSpec(typeName, _bindingElement!, null, positioned, choices.ToEquatableArray(), ContentTextKind.None,
            new GroupItemSpec(group.Kind, model, endNames));
        return new MemberSpec(propertyName, MemberSource.Group, first, null, XmlValueType.String, typeName,
            IsList: true, IsObject: true, Required: false, DefaultValue: null, ChoiceIndex: choiceIndex, Documentation: null, GroupNames: groupNames);
    }

    /// <summary>A group whose only child is a group is that child with both occurrences: <c>((A, B))+</c> is <c>(A, B)+</c>.</summary>
    private static ParticleSpec Simplify(ParticleSpec particle)
    {
        while (particle.Kind is ParticleKind.Sequence or ParticleKind.Choice && particle.Children.Count == 1
               && particle.Children[0].Kind is ParticleKind.Sequence or ParticleKind.Choice)
        {
            var inner = particle.Children[0];
            var repeated = IsRepeated(particle.Occurs) || IsRepeated(inner.Occurs);
            var optional = IsOptional(particle.Occurs) || IsOptional(inner.Occurs);
            particle = inner with
            {
                Occurs = repeated ? (optional ? Occurrence.ZeroOrMore : Occurrence.OneOrMore) : optional ? Occurrence.Optional : Occurrence.One,
            };
        }

        return particle;
    }

    /// <summary>A content model as a DTD writes it: <c>(ID, TITLE, TYPE?)</c>, <c>(ID | ID_RANGE)+</c>.</summary>
    private static string ContentModel(ParticleSpec particle)
    {
        var occurs = particle.Occurs switch
        {
            Occurrence.Optional => "?",
            Occurrence.ZeroOrMore => "*",
            Occurrence.OneOrMore => "+",
            _ => "",
        };
        if (particle.Kind == ParticleKind.Element)
        {
            return particle.Name + occurs;
        }

        var separator = particle.Kind switch
        {
            ParticleKind.Choice => " | ",
            ParticleKind.All => " & ",
            _ => ", ",
        };
        return "(" + string.Join(separator, particle.Children.Select(ContentModel)) + ")" + occurs;
    }

    private MemberSpec BindChild(string className, string xmlName, ElementSpec child, bool optional, bool repeated, int choiceIndex, UniqueNames propertyNames)
    {
        _names.Element(xmlName);
        var pascal = CSharpNames.ToPascalCase(xmlName);
        var wrapped = WrappedItem(child);
        if (wrapped is not null)
        {
            var item = _elements[wrapped.Key!];
            _names.Element(wrapped.Name!);
            var wrapperWords = pascal;
            var isListName = wrapperWords.EndsWith("List", System.StringComparison.Ordinal) || wrapperWords.EndsWith("Set", System.StringComparison.Ordinal);
            var name = isListName ? CSharpNames.Pluralize(CSharpNames.ToPascalCase(wrapped.Name!)) : pascal;
            var (itemType, itemTypeName, itemIsObject) = ValueOf(item);
            return new MemberSpec(propertyNames.TakeFor(xmlName, ListName(name, className), "Element", fallback: pascal), MemberSource.WrappedList, xmlName, wrapped.Name, itemType, itemTypeName,
                IsList: true, IsObject: itemIsObject, Required: false, DefaultValue: null, ChoiceIndex: choiceIndex, Documentation: null,
                ContentKey: child.Name);
        }

        if (child.Content == ContentKind.Empty && child.Attributes.Count == 0)
        {
            return new MemberSpec(propertyNames.TakeFor(xmlName, pascal, "Element"), MemberSource.Presence, xmlName, null, XmlValueType.Boolean, null,
                IsList: false, IsObject: false, Required: false, DefaultValue: null, ChoiceIndex: choiceIndex,
                Documentation: $"Whether the empty element <c>{xmlName}</c> is present.");
        }

        var (valueType, typeName, isObject) = ValueOf(child);
        return new MemberSpec(
            repeated ? propertyNames.TakeFor(xmlName, ListName(CSharpNames.Pluralize(pascal), className), "Element")
                : propertyNames.TakeFor(xmlName, pascal, "Element", RawCompanion(valueType, isList: false, isObject: isObject)),
            MemberSource.Child,
            xmlName,
            null,
            valueType,
            typeName,
            IsList: repeated,
            IsObject: isObject,
            Required: !optional && !repeated,
            DefaultValue: null,
            ChoiceIndex: choiceIndex,
            Documentation: null);
    }

    /// <summary>The suffix of the companion property that keeps an enum value's text as sent (<c>ModeRaw</c> beside <c>Mode</c>).</summary>
    private const string RawSuffix = "Raw";

    /// <summary>The companion a member of this shape comes with (the emitters' <c>HasRaw</c>), or null.</summary>
    private static string? RawCompanion(XmlValueType valueType, bool isList, bool isObject)
        => valueType == XmlValueType.Enum && !isList && !isObject ? RawSuffix : null;

    private bool IsEnumText(ElementSpec element)
        => _types.TryGetValue((element.Name, null), out var overlay) ? overlay.Type == XmlValueType.Enum : element.TextType == XmlValueType.Enum;

    /// <summary>A list named as its class is (<c>OPTION_PROFILES (OPTION_PROFILE*)</c>) is that class's <c>Items</c>.</summary>
    private static string ListName(string name, string className) => name == className ? "Items" : name;

    /// <summary>
    /// Reports the collisions of a scope, each at the declaration of the later name: a type's (<paramref name="member"/> false),
    /// or a child's or attribute's in the element <paramref name="scope"/> (attributes are named <c>@name</c>).
    /// </summary>
    private void ReportCollisions(UniqueNames names, string scope, bool member)
    {
        foreach (var collision in names.Collisions)
        {
            var key = !member ? collision.SchemaName
                : collision.SchemaName.StartsWith("@", System.StringComparison.Ordinal) ? SchemaLocationSpec.Attribute(scope, collision.SchemaName.Substring(1))
                : SchemaLocationSpec.Child(scope, collision.SchemaName);
            _diagnostics.Add(new DiagnosticSpec(
                DiagnosticDescriptors.NameCollision.Id,
                SourceLocationSpec.At(_schema.FilePath, 0, 0, 0, 0),
                new[] { collision.SchemaName, member ? scope : _schema.FileName, collision.CSharpName, collision.OtherSchemaName, collision.Chosen }.ToEquatableArray(),
                key));
        }
    }

    private (XmlValueType Type, string? TypeName, bool IsObject) ValueOf(ElementSpec element)
    {
        if (_classNames.TryGetValue(element.Name, out var className))
        {
            return (XmlValueType.String, className, true);
        }

        var (type, enumName) = TextType(element);
        return (type, enumName, false);
    }

    private (XmlValueType Type, string? EnumName) TextType(ElementSpec element)
    {
        if (_types.TryGetValue((element.Name, null), out var overlay))
        {
            return overlay.Type == XmlValueType.Enum
                ? (XmlValueType.Enum, ElementEnum(element, overlay.EnumName, overlay.EnumValues))
                : (overlay.Type, null);
        }

        if (element.TextType == XmlValueType.Enum)
        {
            return (XmlValueType.Enum, ElementEnum(element, null, element.TextEnumValues));
        }

        return (element.TextType, null);
    }

    private string ElementEnum(ElementSpec element, string? name, EquatableArray<string> values)
    {
        if (!_elementEnums.TryGetValue(element.Name, out var enumName))
        {
            enumName = AddEnum(name ?? CSharpNames.ToPascalCase(element.TypeName ?? element.Name), values, $"The values of <c>{element.Name}</c>.");
            _elementEnums.Add(element.Name, enumName);
        }

        return enumName;
    }

    private string AddEnum(string name, EquatableArray<string> values, string? documentation)
    {
        // Two mappings that name the same enum with the same values share it (TAG_INCLUDE_SELECTOR and TAG_EXCLUDE_SELECTOR).
        var distinct = values.Distinct().ToList();
        if (_enumsByName.TryGetValue(name, out var same) && same.Members.Select(m => m.XmlValue).SequenceEqual(distinct))
        {
            return same.TypeName;
        }

        var typeName = _typeNames.TakeFor(name, name, "Kind");
        // Values that make one member name (NOT EQUALS, NOT_EQUALS) are numbered: the text as sent tells them apart.
        var members = new UniqueNames("Unknown", typeName);
        var list = new List<EnumMemberSpec>();
        foreach (var value in values.Distinct())
        {
            list.Add(new EnumMemberSpec(members.TakeFor(value, CSharpNames.ToPascalCase(value, "Value"), "Value"), value));
        }

        var spec = new EnumSpec(typeName, documentation, list.ToEquatableArray());
        _enums.Add(spec);
        _enumsByName.Add(typeName, spec);
        return typeName;
    }

    /// <summary>
    /// How far below its root a record stream is looked for. Qualys' records sit two or three levels down
    /// (<c>RESPONSE/SCAN_LIST/SCAN</c>); the limit keeps the search, and the paths it records, linear in a deep schema.
    /// </summary>
    internal const int MaxStreamDepth = 16;

    /// <summary>
    /// The repeated records under a root, reached through elements that are always there (<c>RESPONSE</c>, not <c>REQUEST?</c>):
    /// the lists a response is about, not every list nested somewhere in it. Walked depth first with a stack of its own, never
    /// on the call stack, so a chain of any depth cannot overflow it.
    /// </summary>
    /// <param name="envelopeNames">The level classes named so far, by the class and the member the path goes on through: shared
    /// by the streams (and roots) whose paths pass the same way.</param>
    private EquatableArray<RecordStreamSpec> FindStreams(string rootClass, Dictionary<string, ClassSpec> byTypeName, Dictionary<(string Class, string Member), string> envelopeNames)
    {
        var streams = new List<RecordStreamSpec>();
        // Beside the root's own members: its properties, their companions and its choices.
        var methodNames = new UniqueNames("Parse", "ParseAsync", "WriteTo", "ToXml", rootClass);
        foreach (var member in byTypeName[rootClass].Members)
        {
            methodNames.Reserve(member.PropertyName);
            methodNames.Reserve(member.PropertyName + RawSuffix);
        }

        foreach (var choice in byTypeName[rootClass].Choices)
        {
            methodNames.Reserve(choice.PropertyName);
        }

        var visited = new HashSet<string> { rootClass };
        // Each entry: a class to look into, the member to look at next, the path from the root to the class, and the classes
        // and members that path passes through.
        var stack = new Stack<(ClassSpec Class, int Next, List<string> Path, List<(ClassSpec, MemberSpec)> Around)>();
        stack.Push((byTypeName[rootClass], 0, new List<string>(), new List<(ClassSpec, MemberSpec)>()));
        while (stack.Count > 0)
        {
            var (parent, next, path, around) = stack.Pop();
            for (var i = next; i < parent.Members.Count; i++)
            {
                var member = parent.Members[i];
                // The records of a repeated group come with the group's other elements: a group's items are not streamed.
                if (!member.IsObject || member.TypeName is null || member.Source == MemberSource.Group)
                {
                    continue;
                }

                if (member.IsList)
                {
                    var itemPath = member.Source == MemberSource.WrappedList ? path.Append(member.XmlName) : path;
                    var itemXmlName = member.ItemXmlName ?? member.XmlName;
                    // Named after the records (WasScans), not the wrapper they come in (data).
                    var records = CSharpNames.Pluralize(CSharpNames.ToPascalCase(itemXmlName));
                    var method = methodNames.Take("Enumerate" + records + "Async", "Enumerate" + parent.TypeName + records + "Async");
                    var envelope = around.Append((parent, member)).Select(level => EnvelopeLevel(level.Item1, level.Item2, envelopeNames));
                    streams.Add(new RecordStreamSpec(method, itemPath.ToEquatableArray(), itemXmlName, member.TypeName, envelope.ToEquatableArray()));
                }
                else if (member.Required && path.Count < MaxStreamDepth && visited.Add(member.TypeName)
                    && byTypeName.TryGetValue(member.TypeName, out var child))
                {
                    // Come back for the rest of this class's members after the child's, as a recursive walk would.
                    stack.Push((parent, i + 1, path, around));
                    stack.Push((child, 0, new List<string>(path) { member.XmlName }, new List<(ClassSpec, MemberSpec)>(around) { (parent, member) }));
                    break;
                }
            }
        }

        return streams.ToEquatableArray();
    }

    /// <summary>The level of <paramref name="parent"/> around records reached through <paramref name="member"/>, named once
    /// (<c>ResponseAroundScans</c>) among the namespace's types, so that it hides none of them inside the parser class.</summary>
    private EnvelopeLevelSpec EnvelopeLevel(ClassSpec parent, MemberSpec member, Dictionary<(string Class, string Member), string> names)
    {
        var key = (parent.TypeName, member.PropertyName);
        if (!names.TryGetValue(key, out var typeName))
        {
            names[key] = typeName = _typeNames.Take(parent.TypeName + "Around" + member.PropertyName);
        }

        return new EnvelopeLevelSpec(typeName, parent.TypeName, member.PropertyName);
    }

    /// <summary>The element references of a content model, depth first, with a stack of its own (nesting depth costs no call stack).</summary>
    private static IEnumerable<ParticleSpec> ElementParticles(ParticleSpec? particle)
    {
        if (particle is null)
        {
            yield break;
        }

        var stack = new Stack<ParticleSpec>();
        stack.Push(particle);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            if (current.Kind == ParticleKind.Element)
            {
                if (current.Name is not null && current.Key is not null)
                {
                    yield return current;
                }

                continue;
            }

            for (var i = current.Children.Count - 1; i >= 0; i--)
            {
                stack.Push(current.Children[i]);
            }
        }
    }

    private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, SourceLocationSpec location, params string[] args)
        => _diagnostics.Add(DiagnosticSpec.Create(descriptor.Id, location, args));

    private static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    /// <summary>Collects the names the parser compares, each with a unique field name.</summary>
    private sealed class NameTableBuilder
    {
        private readonly Dictionary<string, string> _elements = new();
        private readonly Dictionary<string, string> _attributes = new();
        private readonly UniqueNames _fields;

        public NameTableBuilder(string namesClassName)
        {
            _fields = new UniqueNames("Table", "Settings", "AsyncSettings", "Rent", "Return", namesClassName);
            foreach (var name in CSharpNames.ObjectMembers)
            {
                _fields.Reserve(name);
            }
        }
        private readonly List<XmlNameSpec> _all = new();

        public string Element(string xmlName) => Add(_elements, xmlName, CSharpNames.ToPascalCase(xmlName), isAttribute: false);

        public string Attribute(string xmlName) => Add(_attributes, xmlName, "At" + CSharpNames.ToPascalCase(xmlName), isAttribute: true);

        private string Add(Dictionary<string, string> map, string xmlName, string field, bool isAttribute)
        {
            if (!map.TryGetValue(xmlName, out var existing))
            {
                // Internal fields: a collision is numbered, and the properties' names report it.
                existing = _fields.TakeFor(xmlName, field, "Name");
                map.Add(xmlName, existing);
                _all.Add(new XmlNameSpec(existing, xmlName, isAttribute));
            }

            return existing;
        }

        public EquatableArray<XmlNameSpec> Build() => _all.ToEquatableArray();
    }
}
