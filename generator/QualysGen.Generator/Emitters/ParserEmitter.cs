using System.Collections.Generic;
using System.Linq;
using QualysGen.Generator.Binding;
using QualysGen.Generator.Model;
using static QualysGen.Generator.Emitters.TypeNames;

namespace QualysGen.Generator.Emitters;

/// <summary>
/// Emits the streaming <c>XmlReader</c> parsers of one schema: the atomized names, one read method per
/// class, the readers of flattened lists, enum parsing, and the public entry points on each root class.
/// There is one reader per element: <c>ParseAsync</c> and the record streams read the bytes asynchronously
/// and parse them with the same synchronous readers as <c>Parse</c>.
/// </summary>
internal sealed class ParserEmitter
{
    private readonly ParserSpec _spec;
    private readonly Dictionary<(string Name, bool IsAttribute), string> _nameFields;
    private readonly SourceWriter _writer = new();

    /// <summary>The XML names of the records a parallel <c>Parse</c> cuts out (each root's first record stream's).</summary>
    private readonly HashSet<string> _splitRecords;

    private ParserEmitter(ParserSpec spec)
    {
        _splitRecords = new HashSet<string>(spec.Roots.Where(r => r.Streams.Count > 0).Select(r => r.Streams[0].ItemXmlName));
        _spec = spec;
        _nameFields = spec.Names.ToDictionary(n => (n.XmlName, n.IsAttribute), n => n.Field);
    }

    public static string Emit(ParserSpec spec) => new ParserEmitter(spec).Emit();

    private string Names => _spec.NamesClassName;

    private string Parser => _spec.ParserClassName;

    private string ElementName(string xmlName) => "names." + _nameFields[(xmlName, false)];

    private string AttributeName(string xmlName) => "names." + _nameFields[(xmlName, true)];

    private string Emit()
    {
        var w = _writer;
        w.WriteLine(SourceWriter.FileHeader);
        w.OpenBlock("namespace " + _spec.Namespace);
        EmitNames();
        w.WriteLine();
        EmitParser();
        foreach (var root in _spec.Roots)
        {
            w.WriteLine();
            EmitRoot(root);
        }

        w.CloseBlock();
        return w.ToString();
    }

    private void EmitNames()
    {
        var w = _writer;
        w.WriteSummary(
            $"The element and attribute names of <c>{SourceWriter.Xml(_spec.SourceFile)}</c>, atomized in one <see cref=\"global::System.Xml.XmlNameTable\"/>\n" +
            "so that the parser compares names by reference. One instance is cached per thread, weakly, and reused across parses.");
        w.OpenType($"file sealed class {Names}", nonUserCode: true);
        w.WriteLine("private global::System.Xml.XmlReaderSettings? _settings;");
        w.WriteLine();
        w.OpenBlock($"public {Names}(global::System.Xml.XmlNameTable table)");
        w.WriteLine("Table = table;");
        foreach (var name in _spec.Names)
        {
            w.WriteLine($"{name.Field} = table.Add({SourceWriter.Literal(name.XmlName)});");
        }

        w.CloseBlock();
        w.WriteLine();
        w.WriteLine("public global::System.Xml.XmlNameTable Table { get; }");
        w.WriteLine();
        w.WriteLine($"public global::System.Xml.XmlReaderSettings Settings => _settings ??= {XmlParsing}.CreateSettings(Table);");
        w.WriteLine();
        foreach (var name in _spec.Names)
        {
            w.WriteLine($"public readonly string {name.Field};");
        }

        w.WriteLine();
        w.WriteLine("/// <summary>Takes this thread's cached instance, or makes one. Give it back with <see cref=\"Return\"/>.</summary>");
        w.WriteLine($"public static {Names} Rent() => global::QualysGen.Xml.XmlThreadCache<{Names}>.Take() ?? new {Names}(new global::System.Xml.NameTable());");
        w.WriteLine();
        w.WriteLine("/// <summary>Keeps <paramref name=\"names\"/> for the next parse on this thread, weakly (see XmlThreadCache).</summary>");
        w.WriteLine($"public static void Return({Names} names) => global::QualysGen.Xml.XmlThreadCache<{Names}>.Keep(names);");
        w.CloseBlock();
    }

    private void EmitParser()
    {
        var w = _writer;
        w.WriteSummary(
            $"Reads the elements of <c>{SourceWriter.Xml(_spec.SourceFile)}</c>. Each method starts on its element's start tag and ends\n" +
            "on the node after its end tag. Unknown elements are skipped and reported as drift: Qualys adds fields without notice.\n" +
            "An optional member or a list item that breaks the schema is left out and reported (unless the options are strict).");
        w.OpenType($"file static class {Parser}", nonUserCode: true);
        var first = true;
        foreach (var @class in _spec.Classes)
        {
            _writer.Separate(ref first);
            if (@class.Group is { } group)
            {
                EmitReadGroupItem(@class, group);
            }
            else
            {
                EmitReadClass(@class);
            }
        }

        var wrappers = _spec.Classes
            .SelectMany(c => c.Members)
            .Where(m => m.Source == MemberSource.WrappedList)
            .GroupBy(m => m.ContentKey)
            .Select(g => g.First());
        foreach (var wrapper in wrappers)
        {
            _writer.Separate(ref first);
            EmitReadWrapper(wrapper);
        }

        var envelopeLevels = _spec.Roots
            .SelectMany(r => r.Streams)
            .SelectMany(s => s.Envelope)
            .GroupBy(l => l.TypeName)
            .Select(g => g.First());
        foreach (var level in envelopeLevels)
        {
            _writer.Separate(ref first);
            EmitEnvelopeLevel(level);
        }

        foreach (var @enum in _spec.Enums)
        {
            _writer.Separate(ref first);
            EmitParseEnum(@enum);
        }

        EnumTables.WriteIndexMethod(w, _spec.Enums);
        w.CloseBlock();
    }

    private void EmitParseEnum(EnumSpec @enum)
    {
        var w = _writer;
        var type = @enum.TypeName;
        if (!EnumTables.IsLarge(@enum))
        {
            w.WriteLine($"internal static {type} Parse{type}(string text) => text.Trim() switch");
            w.WriteLine("{");
            foreach (var member in @enum.Members)
            {
                w.WriteLine($"    {SourceWriter.Literal(member.XmlValue)} => {type}.{member.Name},");
            }

            w.WriteLine($"    _ => {type}.Unknown,");
            w.WriteLine("};");
            return;
        }

        // Too many values for a switch (see EnumTables): a dictionary, made on first use.
        var field = EnumTables.Field(@enum, "Values");
        w.WriteLine($"private static global::System.Collections.Generic.Dictionary<string, {type}>? {field};");
        w.WriteLine();
        w.OpenBlock($"internal static {type} Parse{type}(string text)");
        EnumTables.WriteIndex(w, $"var values = {field} ??= ", @enum, byText: true);
        w.WriteLine($"return values.TryGetValue(text.Trim(), out var value) ? value : {type}.Unknown;");
        w.CloseBlock();
    }

    private string Signature(string returnType, string method)
        => $"internal static {returnType} {method}({XmlReader} reader, {Names} names, {XmlParseContext} context)";

    private void EmitReadClass(ClassSpec @class)
    {
        var w = _writer;
        w.OpenBlock(Signature(@class.TypeName, "Read" + @class.TypeName));
        w.WriteLine("var elementName = reader.LocalName;");
        w.WriteLine("int depth;");
        w.WriteLine($"{@class.TypeName} result;");
        w.OpenBlock("try");
        w.WriteLine("depth = context.Enter(reader, elementName);");

        var attributes = @class.Members.Where(m => m.Source == MemberSource.Attribute).ToList();
        var children = @class.Members.Where(m => m.Source is MemberSource.Child or MemberSource.WrappedList or MemberSource.Presence or MemberSource.Group).ToList();
        var text = @class.Members.FirstOrDefault(m => m.Source == MemberSource.Text);

        foreach (var member in @class.Members)
        {
            DeclareLocal(member);
        }

        foreach (var choice in @class.Choices)
        {
            Declare(choice.EnumName, Local(choice.PropertyName), choice.EnumName + ".None", asField: false, useVar: true);
        }

        EmitAttributes(@class, attributes);

        // Attributes are checked before the content is read, so that an element left out for one is skipped from its start tag.
        EmitRequiredChecks(@class, attributes, withChoices: false);
        switch (@class.ContentText)
        {
            case ContentTextKind.Value:
                AssignValue(@class, text!, indexed: false);
                break;
            case ContentTextKind.Any:
                w.WriteLine($"{Local(text!)} = reader.ReadInnerXml();");
                break;
            default:
                EmitChildLoop(@class, children, text);
                EmitRequiredChecks(@class, children, withChoices: true);
                break;
        }

        w.WriteLine();
        EmitConstruction(@class, "result = ");
        w.CloseBlock();
        EmitCatch();
        w.WriteLine();
        if (@class.ContentText != ContentTextKind.Any)
        {
            // Past the end tag outside the try: what breaks the document after a complete element is its parent's fault,
            // as a record stream sees it (a record stops on its end tag, and the stream reads on after handing it over).
            w.WriteLine("context.ReadEnd(reader, depth);");
        }

        w.WriteLine("return result;");
        w.CloseBlock();
    }

    /// <summary>The object initializer of a class from its locals, after <paramref name="target"/> (an assignment or <c>return</c>).</summary>
    private void EmitConstruction(ClassSpec @class, string target)
    {
        var w = _writer;
        w.OpenBlock($"{target}new {@class.TypeName}");
        foreach (var member in @class.Members)
        {
            w.WriteLine($"{member.PropertyName} = {Result(member)},");
            if (HasRaw(member))
            {
                w.WriteLine($"{member.PropertyName}Raw = {Local(member)}Raw,");
            }
        }

        foreach (var choice in @class.Choices)
        {
            w.WriteLine($"{choice.PropertyName} = {Local(choice.PropertyName)},");
        }

        w.CloseBlock(";");
    }

    /// <summary>Errors leave each element with its name added to their path, so the happy path tracks nothing.</summary>
    private void EmitCatch()
    {
        var w = _writer;
        w.OpenBlock($"catch ({QualysXmlException} exception)");
        w.WriteLine("exception.PrependPath(elementName);");
        w.WriteLine("throw;");
        w.CloseBlock();
        w.OpenBlock($"catch ({XmlException} exception)");
        w.WriteLine($"throw {QualysXmlException}.Malformed(exception, elementName);");
        w.CloseBlock();
    }

    /// <summary>
    /// Wraps the reading of a member the schema lets be absent (an optional member, or one item of a list): a deviation inside
    /// it leaves it out and is reported, and the reader continues after it.
    /// </summary>
    private void Absorbing(string omit, System.Action read)
    {
        var w = _writer;
        w.OpenBlock("try");
        read();
        w.CloseBlock();
        w.OpenBlock($"catch ({QualysXmlException} exception) when (context.Absorbs(exception))");
        w.WriteLine(omit);
        w.CloseBlock();
    }

    private static bool HasRaw(MemberSpec member) => member.Value == XmlValueType.Enum && !member.IsList && !member.IsObject;

    // Locals the emitted methods declare themselves; a member whose local would clash gets a suffix.
    private static readonly HashSet<string> ReservedLocals = new()
    {
        "name", "elementName", "items", "item", "attribute", "raw", "textBuilder", "exception", "reader", "names", "context", "depth",
        "position", "value", "stream", "options", "cancellationToken", "result", "itemStart", "reached", "deviation", "records",
    };

    private static string Local(MemberSpec member) => Local(member.PropertyName);

    private static string Local(string propertyName)
    {
        var local = CSharpNames.ToLocalName(propertyName);
        return ReservedLocals.Contains(local) ? local + "Value" : local;
    }

    /// <summary>Whether a member's value alone cannot say that it came (a required value type), so a flag must.</summary>
    private static bool NeedsFlag(MemberSpec member)
        => member.Required && member.DefaultValue is null && TypeNames.IsValueType(member) && !member.IsList && member.Source != MemberSource.Text;

    /// <summary>Whether a member is read once: a second occurrence of its element is skipped and reported, the first kept.</summary>
    private static bool IsSingle(MemberSpec member) => member.Source is MemberSource.Child or MemberSource.Presence && !member.IsList;

    /// <summary>
    /// Whether a member's reading is wrapped so that a deviation in it leaves only it out: a list item, or a member the schema
    /// lets be absent. A branch of a required choice is not: without it the choice is missing, so its element goes.
    /// </summary>
    private static bool IsAbsorbing(ClassSpec @class, MemberSpec member)
        => member.IsList
           || (!(member.Required && member.DefaultValue is null) && (member.ChoiceIndex < 0 || !@class.Choices[member.ChoiceIndex].Required));

    /// <summary>Declares the locals an element reader fills for a member; or, <paramref name="asField"/>, the same as fields of
    /// an envelope level (<see cref="EmitEnvelopeLevel"/>), so that the code that fills them is the same.</summary>
    private void DeclareLocal(MemberSpec member, bool asField = false)
    {
        var local = Local(member);
        var itemType = ItemType(member);
        switch (member.Source)
        {
            case MemberSource.Presence:
                Declare("bool", local, "false", asField, useVar: true);
                return;
            case MemberSource.Text when member.Value == XmlValueType.String:
                if (member.DefaultValue is null && !member.IsObject)
                {
                    Declare("string", local, "\"\"", asField, useVar: true);
                }
                else
                {
                    Declare("string?", local, "null", asField);
                }

                break;
            case MemberSource.WrappedList:
            case MemberSource.Group:
            case MemberSource.Child when member.IsList:
                Declare($"{XmlItems}<{itemType}>", local, "default", asField);
                return;
            default:
                if (member.DefaultValue is not null)
                {
                    Declare(itemType, local, DefaultExpression(member), asField);
                }
                else if (member.Source == MemberSource.Text || NeedsFlag(member))
                {
                    Declare(itemType, local, "default", asField);
                }
                else
                {
                    Declare(itemType + "?", local, "null", asField);
                }

                break;
        }

        if (NeedsFlag(member) || (IsSingle(member) && member.Source != MemberSource.Presence))
        {
            Declare("bool", local + "Seen", "false", asField, useVar: true);
        }

        if (HasRaw(member))
        {
            Declare("string?", local + "Raw", "null", asField);
        }
    }

    private void Declare(string type, string name, string value, bool asField, bool useVar = false)
        => _writer.WriteLine(asField ? $"internal {type} {name} = {value};" : $"{(useVar ? "var" : type)} {name} = {value};");

    private string DefaultExpression(MemberSpec member)
    {
        var text = member.DefaultValue!.Trim();
        return member.Value switch
        {
            XmlValueType.String => SourceWriter.Literal(member.DefaultValue!),
            XmlValueType.Boolean => text is "1" or "true" ? "true" : "false",
            XmlValueType.Enum => $"{member.TypeName}.{ModelEmitter.EnumMember(_spec, member.TypeName!, text)}",
            XmlValueType.Int64 => text + "L",
            XmlValueType.Decimal => text + "m",
            XmlValueType.DateTimeOffset => $"global::System.DateTimeOffset.Parse({SourceWriter.Literal(text)}, global::System.Globalization.CultureInfo.InvariantCulture)",
            _ => text,
        };
    }

    private void EmitAttributes(ClassSpec @class, List<MemberSpec> attributes)
    {
        var w = _writer;
        if (attributes.Count == 0)
        {
            w.OpenBlock("if (reader.HasAttributes)");
            w.WriteLine("context.UndeclaredAttributes(reader);");
            w.CloseBlock();
            w.WriteLine();
            return;
        }

        w.OpenBlock("if (reader.MoveToFirstAttribute())");
        w.OpenBlock("do");
        w.WriteLine("var attribute = reader.LocalName;");
        var keyword = "if";
        foreach (var member in attributes)
        {
            w.OpenBlock($"{keyword} ((object)attribute == (object){AttributeName(member.XmlName)})");
            if (IsAbsorbing(@class, member) && member.Value is not (XmlValueType.String or XmlValueType.Enum))
            {
                // An optional attribute with a bad value is left out; its element is kept.
                Absorbing("context.OmitAttribute(exception, depth);", () => AssignAttribute(@class, member));
            }
            else
            {
                AssignAttribute(@class, member);
            }

            w.CloseBlock();
            keyword = "else if";
        }

        w.OpenBlock("else");
        w.WriteLine("context.UndeclaredAttribute(reader);");
        w.CloseBlock();
        w.CloseBlock("");
        w.WriteLine("while (reader.MoveToNextAttribute());");
        w.WriteLine();
        w.WriteLine("reader.MoveToElement();");
        w.CloseBlock();
        w.WriteLine();
    }

    private void AssignAttribute(ClassSpec @class, MemberSpec member)
    {
        var w = _writer;
        var local = Local(member);
        var parse = member.Value switch
        {
            XmlValueType.Int32 => $"{XmlParsing}.AttributeInt32(reader)",
            XmlValueType.Int64 => $"{XmlParsing}.AttributeInt64(reader)",
            XmlValueType.Boolean => $"{XmlParsing}.AttributeBoolean(reader)",
            XmlValueType.Decimal => $"{XmlParsing}.AttributeDecimal(reader)",
            XmlValueType.DateTimeOffset => $"{XmlParsing}.AttributeDateTimeOffset(reader)",
            _ => "reader.Value",
        };
        if (member.Value == XmlValueType.Enum)
        {
            w.WriteLine($"{local}Raw = reader.Value;");
            w.WriteLine($"{local} = Parse{member.TypeName}({local}Raw);");
            w.OpenBlock($"if ({local} == {member.TypeName}.Unknown)");
            w.WriteLine($"context.UnknownEnumValue(depth, {SourceWriter.Literal("@" + member.XmlName)}, {local}Raw, context.Position);");
            w.CloseBlock();
        }
        else if (IsAbsorbing(@class, member) && member.Value != XmlValueType.String)
        {
            // An optional attribute sent empty has no value (or keeps its default).
            w.WriteLine(member.DefaultValue is null
                ? $"{local} = {XmlParsing}.IsBlank(reader) ? null : {parse};"
                : $"if (!{XmlParsing}.IsBlank(reader)) {{ {local} = {parse}; }}");
        }
        else
        {
            w.WriteLine($"{local} = {parse};");
        }

        if (NeedsFlag(member))
        {
            w.WriteLine($"{local}Seen = true;");
        }
    }

    /// <summary>The expression that reads the text of the element the reader is on as the member's value type (not yet an enum).</summary>
    private static string ReadText(MemberSpec member, bool optional)
    {
        var method = member.Value switch
        {
            XmlValueType.Int32 => "Int32",
            XmlValueType.Int64 => "Int64",
            XmlValueType.Boolean => "Boolean",
            XmlValueType.Decimal => "Decimal",
            XmlValueType.DateTimeOffset => "DateTimeOffset",
            _ => "String",
        };

        // An optional typed element sent empty has no value (null); a string keeps its empty text.
        method = (optional && method != "String" ? "ReadOptional" : "Read") + method;
        var whenEmpty = member.EmptyValue is null ? "" : ", " + SourceWriter.Literal(member.EmptyValue);

        // An element's own text stops on its end tag: the element reader moves past it (ReadEnd), as for any element.
        var stop = member.Source == MemberSource.Text ? ", stopAtEndTag: true" : "";
        return $"{XmlParsing}.{method}(reader{whenEmpty}{stop})";
    }

    /// <summary>Reads the text of the element the reader is on into the member's local (or list).</summary>
    private void AssignValue(ClassSpec @class, MemberSpec member, bool indexed)
    {
        var w = _writer;
        var local = Local(member);
        var optional = !indexed && member.Source != MemberSource.Text && IsAbsorbing(@class, member) && member.DefaultValue is null;
        var read = ReadText(member, optional);
        if (member.Value == XmlValueType.Enum)
        {
            var rawLocal = indexed ? "raw" : local + "Raw";
            var valueLocal = indexed ? "value" : local;
            w.WriteLine("var position = context.Position;");
            w.WriteLine(indexed ? $"var raw = {read};" : $"{rawLocal} = {read};");
            w.WriteLine(indexed ? $"var value = Parse{member.TypeName}(raw);" : $"{local} = Parse{member.TypeName}({rawLocal});");
            w.OpenBlock($"if ({valueLocal} == {member.TypeName}.Unknown)");
            var name = member.Source == MemberSource.Text ? "" : SourceWriter.Literal(member.XmlName);
            w.WriteLine(member.Source == MemberSource.Text
                ? $"context.UnknownEnumValue(depth - 1, elementName, {rawLocal}, position);"
                : $"context.UnknownEnumValue(depth, {name}, {rawLocal}, position);");
            w.CloseBlock();
            if (indexed)
            {
                w.WriteLine($"{local}.Add(value);");
            }

            return;
        }

        w.WriteLine(indexed ? $"{local}.Add({read});" : $"{local} = {read};");
    }

    /// <summary>The local that says a single member's element came: a presence is its own flag.</summary>
    private static string SeenFlag(MemberSpec member) => member.Source == MemberSource.Presence ? Local(member) : Local(member) + "Seen";

    private void EmitChildLoop(ClassSpec @class, List<MemberSpec> children, MemberSpec? mixedText)
    {
        var w = _writer;
        var mixed = @class.ContentText == ContentTextKind.Mixed;

        if (mixed)
        {
            w.WriteLine("global::System.Text.StringBuilder? textBuilder = null;");
        }

        w.OpenBlock("if (!reader.IsEmptyElement)");
        w.WriteLine("reader.Read();");
        OpenChildLoop(mixed);
        EmitChildBranches(@class, children, pathMember: null);
        w.CloseBlock();
        w.CloseBlock();
        if (mixed)
        {
            w.WriteLine();
            w.WriteLine($"{Local(mixedText!)} = textBuilder?.ToString() ?? \"\";");
        }

        w.WriteLine();
    }

    /// <summary>The condition that the element the reader is on (<c>name</c>) is the member's (for a group: one of the group's).</summary>
    private string IsElementOf(MemberSpec member)
        => member.Source == MemberSource.Group
            ? string.Join(" || ", member.GroupNames.Select(n => $"(object)name == (object){ElementName(n)}"))
            : $"(object)name == (object){ElementName(member.XmlName)}";

    /// <summary>
    /// Reads a member, wrapped by what a deviation in it costs: the member alone when the schema lets it be absent
    /// (<paramref name="omitMember"/>), else its element is what the enclosing reader loses (<paramref name="otherwise"/>, or
    /// nothing: the deviation leaves the reader).
    /// </summary>
    private void EmitReadMember(ClassSpec @class, MemberSpec member, string omitMember, string? otherwise = null)
    {
        if (member is { Source: MemberSource.Child, IsObject: true, IsList: true } && _splitRecords.Contains(member.XmlName))
        {
            EmitTakeRecords("ref " + Local(member));
        }

        if (member.Source != MemberSource.WrappedList && member.Source != MemberSource.Presence && IsAbsorbing(@class, member))
        {
            Absorbing(omitMember, () => EmitReadChild(@class, member));
        }
        else if (otherwise is not null)
        {
            Absorbing(otherwise, () => EmitReadChild(@class, member));
        }
        else
        {
            EmitReadChild(@class, member);
        }
    }

    /// <summary>
    /// In a parallel <c>Parse</c>, the records on other threads: the reader is on a batch's placeholder, whose records (read,
    /// or left out and reported) come into <paramref name="list"/> in their place.
    /// </summary>
    private void EmitTakeRecords(string list)
    {
        var w = _writer;
        w.OpenBlock($"if (context.Records is {{ }} records && records.TryTake(reader, {list}))");
        w.WriteLine("continue;");
        w.CloseBlock();
        w.WriteLine();
    }

    /// <summary>
    /// Reads one item of a repeated group, from the element the reader is on, into the member's list. An item that breaks the
    /// group is left out and reported; its reader has finished its elements, so nothing after them is skipped.
    /// </summary>
    private void EmitReadGroup(ClassSpec @class, MemberSpec member)
    {
        var model = _spec.Classes.First(c => c.TypeName == member.TypeName).Group!.Model;
        Absorbing($"context.OmitItem(exception, depth, {SourceWriter.Literal(model)});", () => EmitReadChild(@class, member));
    }

    /// <summary>
    /// The reader of a repeated group's item, which has no element of its own: it starts on the item's first element and reads
    /// the consecutive siblings that belong to the item (as <paramref name="group"/> tells), skipping and reporting undeclared
    /// elements among them, and stops on the node after them: the next item's first element, an element of the enclosing
    /// content, or the parent's end tag. <c>depth</c> is the parent's, as in the parent's reader. A deviation in a member that
    /// the item cannot lose finishes that member's element and the rest of the item, then leaves the item out.
    /// </summary>
    private void EmitReadGroupItem(ClassSpec @class, GroupItemSpec group)
    {
        var w = _writer;
        w.OpenBlock($"internal static {@class.TypeName} Read{@class.TypeName}({XmlReader} reader, {Names} names, {XmlParseContext} context, int depth)");
        w.WriteLine("var itemStart = context.Position;");
        w.WriteLine($"{QualysXmlException}? deviation = null;");
        w.WriteLine(group.Kind == ParticleKind.Choice
            ? "// The branch of the choice the item is (-1: none yet); another branch starts the next item."
            : "// The furthest position in the sequence the item has reached (-1: none yet); an element before it starts the next item.");
        w.WriteLine("var reached = -1;");
        foreach (var member in @class.Members)
        {
            DeclareLocal(member);
        }

        foreach (var choice in @class.Choices)
        {
            Declare(choice.EnumName, Local(choice.PropertyName), choice.EnumName + ".None", asField: false, useVar: true);
        }

        OpenChildLoop(mixed: false);
        var keyword = "if";
        foreach (var member in @class.Members)
        {
            w.OpenBlock($"{keyword} ({IsElementOf(member)})");
            var elsewhere = group.Kind == ParticleKind.Choice ? $"reached != -1 && reached != {member.Position}" : $"reached > {member.Position}";
            var seen = ItemSeen(member);
            w.OpenBlock($"if ({(seen is null ? elsewhere : $"{elsewhere} || {seen}")})");
            w.WriteLine("break;");
            w.CloseBlock();
            w.WriteLine();
            w.WriteLine($"reached = {member.Position};");
            if (seen is not null && member.Source != MemberSource.WrappedList)
            {
                w.WriteLine($"{seen} = true;");
            }

            if (member.Source == MemberSource.Group)
            {
                EmitReadGroup(@class, member);
            }
            else
            {
                EmitReadMember(@class, member, "context.Omit(reader, exception, depth + 1);", "deviation ??= context.Finish(reader, exception, depth + 1);");
            }

            w.CloseBlock();
            keyword = "else if";
        }

        if (group.EndNames.Count > 0)
        {
            w.OpenBlock($"else if ({string.Join(" || ", group.EndNames.Select(n => $"(object)name == (object){ElementName(n)}"))})");
            w.WriteLine("break;");
            w.CloseBlock();
        }

        CloseChildLoop(hasBranches: true);
        w.WriteLine();
        w.OpenBlock("if (deviation is not null)");
        w.WriteLine("throw deviation;");
        w.CloseBlock();
        w.WriteLine();
        EmitRequiredChecks(@class, @class.Members.ToList(), withChoices: true, where: "itemStart");
        EmitConstruction(@class, "return ");
        w.CloseBlock();
    }

    /// <summary>For a member of a group item that the item has once: the expression that says it came (and starts the next item
    /// when it comes again); null for a list.</summary>
    private static string? ItemSeen(MemberSpec member) => member.Source switch
    {
        MemberSource.Presence => Local(member),
        MemberSource.WrappedList => $"{Local(member)}.Started",
        MemberSource.Child when !member.IsList => Local(member) + "Seen",
        _ => null,
    };

    /// <summary>
    /// Opens the loop over the child nodes of the element the reader is in (or of a group's item), up to the parent's end tag: a
    /// node that is not an element is skipped (mixed content keeps its text first), and the body goes on with <c>name</c>, the
    /// element's atomized name, for a chain of <c>if</c>s that <see cref="CloseChildLoop"/> ends.
    /// </summary>
    private void OpenChildLoop(bool mixed)
    {
        var w = _writer;
        w.OpenBlock($"while (reader.NodeType != {XmlNodeType}.EndElement)");
        w.OpenBlock($"if (reader.NodeType != {XmlNodeType}.Element)");
        w.WriteLine($"{XmlParsing}.EnsureNotAtEnd(reader);");
        if (mixed)
        {
            w.OpenBlock($"if (reader.NodeType is {XmlNodeType}.Text or {XmlNodeType}.CDATA or {XmlNodeType}.SignificantWhitespace or {XmlNodeType}.Whitespace)");
            w.WriteLine("(textBuilder ??= new()).Append(reader.Value);");
            w.CloseBlock();
        }
        else
        {
            w.WriteLine("// Text where the schema allows only elements: not part of the data.");
        }

        w.WriteLine("reader.Skip();");
        w.WriteLine("continue;");
        w.CloseBlock();
        w.WriteLine();
        w.WriteLine("var name = reader.LocalName;");
    }

    /// <summary>
    /// The chain of <c>if</c>s that reads the child element the reader is on (<c>name</c>) into its member, ending on the node
    /// after it, with the <c>else</c> for an undeclared element: the body of an element reader's child loop, or (with a
    /// <paramref name="pathMember"/>) of an envelope level's <c>ReadChild</c>, which returns true for that member instead of
    /// reading it, and false for a repeat it skips.
    /// </summary>
    private void EmitChildBranches(ClassSpec @class, List<MemberSpec> children, MemberSpec? pathMember)
    {
        var w = _writer;
        var keyword = "if";
        foreach (var member in children)
        {
            w.OpenBlock($"{keyword} ({IsElementOf(member)})");
            if (member.Source == MemberSource.Group)
            {
                EmitReadGroup(@class, member);
            }
            else
            {
                if (IsSingle(member))
                {
                    // The schema allows one: the first is kept (as the record streams keep it), a repeat skipped and reported.
                    w.OpenBlock($"if (context.IsRepeat(reader, ref {SeenFlag(member)}))");
                    w.WriteLine(pathMember is null ? "continue;" : "return false;");
                    w.CloseBlock();
                    w.WriteLine();
                }

                if (member == pathMember)
                {
                    EmitChoiceBranches(@class, member);
                    w.WriteLine("return true;");
                }
                else
                {
                    EmitReadMember(@class, member, "context.Omit(reader, exception, depth + 1);");
                }
            }

            w.CloseBlock();
            keyword = "else if";
        }

        EmitUndeclaredElement(hasBranches: children.Count > 0);
    }

    /// <summary>Ends the chain of <c>if</c>s of <see cref="OpenChildLoop"/> with the <c>else</c> for an undeclared element, and the loop.</summary>
    private void CloseChildLoop(bool hasBranches)
    {
        EmitUndeclaredElement(hasBranches);
        _writer.CloseBlock();
    }

    /// <summary>The <c>else</c> that ends a chain of <c>if</c>s over the child elements: an element the schema does not declare.</summary>
    private void EmitUndeclaredElement(bool hasBranches)
    {
        var w = _writer;
        if (hasBranches)
        {
            w.OpenBlock("else");
        }

        w.WriteLine("// Not in this schema: Qualys adds elements without notice. Skipped, and reported as drift.");
        w.WriteLine("context.UndeclaredElement(reader);");
        w.WriteLine("reader.Skip();");
        if (hasBranches)
        {
            w.CloseBlock();
        }
    }

    private void EmitReadChild(ClassSpec @class, MemberSpec member)
    {
        var w = _writer;
        var local = Local(member);
        switch (member.Source)
        {
            case MemberSource.Presence:
                w.WriteLine("reader.Skip();");
                break;
            case MemberSource.Group:
                w.WriteLine($"{local}.Add(Read{member.TypeName}(reader, names, context, depth));");
                break;
            case MemberSource.WrappedList:
                // A repeated wrapper adds to what the earlier ones brought.
                w.WriteLine($"{local}.AddRange({WrapperReader(member)}(reader, names, context));");
                break;
            case MemberSource.Child when member.IsObject:
                var readObject = $"Read{member.TypeName}(reader, names, context)";
                if (member.IsList)
                {
                    w.WriteLine($"{local}.Add({readObject});");
                }
                else
                {
                    w.WriteLine($"{local} = {readObject};");
                }

                break;
            default:
                AssignValue(@class, member, member.IsList);
                break;
        }

        EmitChoiceBranches(@class, member);
    }

    /// <summary>Records which branch of its choices (and of the choices that contain them) a member's element selects.</summary>
    private void EmitChoiceBranches(ClassSpec @class, MemberSpec member)
    {
        var w = _writer;
        if (member.ChoiceIndex >= 0)
        {
            var choice = @class.Choices[member.ChoiceIndex];
            var branch = choice.Branches.First(b => b.XmlNames.Contains(member.XmlName));
            w.WriteLine($"{Local(choice.PropertyName)} = {choice.EnumName}.{branch.MemberName};");
        }

        // A nested choice's branch also selects the enclosing choices' branches that contain it.
        foreach (var choice in @class.Choices.Where((c, i) => i != member.ChoiceIndex && c.Branches.Any(b => b.XmlNames.Contains(member.XmlName))))
        {
            var branch = choice.Branches.First(b => b.XmlNames.Contains(member.XmlName));
            w.WriteLine($"{Local(choice.PropertyName)} = {choice.EnumName}.{branch.MemberName};");
        }
    }

    /// <param name="where">What the error points at: <c>reader</c> (the element's end, or its start tag for attributes), or
    /// <c>itemStart</c>, the position where a group's item began.</param>
    /// <param name="pathMember">In an envelope level: the member the record stream enters instead of reading, which says that it
    /// came by its flag alone.</param>
    private void EmitRequiredChecks(ClassSpec @class, List<MemberSpec> members, bool withChoices, string where = "reader", MemberSpec? pathMember = null)
    {
        var w = _writer;
        foreach (var member in members.Where(m => m.Required && m.DefaultValue is null && !m.IsList && m.Source is MemberSource.Child or MemberSource.Attribute))
        {
            var condition = NeedsFlag(member) || member == pathMember ? $"!{Local(member)}Seen" : $"{Local(member)} is null";
            var error = member.Source == MemberSource.Attribute
                ? $"{XmlParsing}.MissingAttribute({where}, {SourceWriter.Literal(member.XmlName)})"
                : $"{XmlParsing}.MissingElement({where}, {SourceWriter.Literal(member.XmlName)})";
            w.OpenBlock($"if ({condition})");
            w.WriteLine($"throw {error};");
            w.CloseBlock();
            w.WriteLine();
        }

        if (!withChoices)
        {
            return;
        }

        foreach (var choice in @class.Choices.Where(c => c.Required))
        {
            var names = string.Join(", ", choice.Branches.Select(b => "<" + b.XmlNames[0] + ">"));
            w.OpenBlock($"if ({Local(choice.PropertyName)} == {choice.EnumName}.None)");
            w.WriteLine($"throw {XmlParsing}.MissingChoice({where}, {SourceWriter.Literal(names)});");
            w.CloseBlock();
            w.WriteLine();
        }
    }

    private string Result(MemberSpec member)
    {
        var local = Local(member);
        if (member.IsList)
        {
            return $"{local}.ToArray()";
        }

        // Required members were checked above; the locals of reference types are nullable only for that check.
        return member.Required && member.DefaultValue is null && !TypeNames.IsValueType(member) && member.Source != MemberSource.Text
            ? local + "!"
            : local;
    }

    private void EmitReadWrapper(MemberSpec wrapper)
    {
        var w = _writer;
        var itemType = ItemType(wrapper);
        w.OpenBlock(Signature($"{itemType}[]", WrapperReader(wrapper)));
        w.WriteLine("var elementName = reader.LocalName;");
        w.WriteLine($"var items = default({XmlItems}<{itemType}>);");
        w.OpenBlock("try");
        w.WriteLine("var depth = context.Enter(reader, elementName);");
        w.OpenBlock("if (reader.HasAttributes)");
        w.WriteLine("context.UndeclaredAttributes(reader);");
        w.CloseBlock();
        w.WriteLine();
        w.OpenBlock("if (!reader.IsEmptyElement)");
        w.WriteLine("reader.Read();");
        OpenChildLoop(mixed: false);
        w.OpenBlock($"if ((object)name == (object){ElementName(wrapper.ItemXmlName!)})");
        if (wrapper.IsObject && _splitRecords.Contains(wrapper.ItemXmlName!))
        {
            EmitTakeRecords("ref items");
        }

        Absorbing("context.Omit(reader, exception, depth + 1);", () =>
        {
            if (wrapper.IsObject)
            {
                w.WriteLine($"items.Add(Read{wrapper.TypeName}(reader, names, context));");
            }
            else if (wrapper.Value == XmlValueType.Enum)
            {
                w.WriteLine("var position = context.Position;");
                w.WriteLine($"var raw = {ReadText(wrapper, optional: false)};");
                w.WriteLine($"var value = Parse{wrapper.TypeName}(raw);");
                w.OpenBlock($"if (value == {wrapper.TypeName}.Unknown)");
                w.WriteLine($"context.UnknownEnumValue(depth, {SourceWriter.Literal(wrapper.ItemXmlName!)}, raw, position);");
                w.CloseBlock();
                w.WriteLine("items.Add(value);");
            }
            else
            {
                w.WriteLine($"items.Add({ReadText(wrapper, optional: false)});");
            }
        });
        w.CloseBlock();
        CloseChildLoop(hasBranches: true);
        w.CloseBlock();
        w.CloseBlock();
        EmitCatch();
        w.WriteLine();
        w.WriteLine("// Past the end tag outside the try, as for an element reader.");
        w.WriteLine("reader.Read();");
        w.WriteLine("return items.ToArray();");
        w.CloseBlock();
    }

    /// <summary>
    /// The level of a class around the records of a record stream (<see cref="EnvelopeLevelSpec"/>): the class's element reader
    /// cut at its child loop, from the same emitter code, with its locals as fields. <c>Start</c> reads the attributes,
    /// <c>ReadChild</c> is one turn of the child loop (the member the path goes on through is left to the stream), and
    /// <c>End</c> checks the required members. Nothing returns the values read: they are read to be checked, as <c>Parse</c>
    /// checks them, and dropped with the level at the element's end.
    /// </summary>
    private void EmitEnvelopeLevel(EnvelopeLevelSpec level)
    {
        var w = _writer;
        var @class = _spec.Classes.First(c => c.TypeName == level.ClassName);
        var pathMember = @class.Members.First(m => m.PropertyName == level.PathMember);
        var attributes = @class.Members.Where(m => m.Source == MemberSource.Attribute).ToList();
        var children = @class.Members.Where(m => m.Source is MemberSource.Child or MemberSource.WrappedList or MemberSource.Presence or MemberSource.Group).ToList();
        const string Level = "global::QualysGen.Xml.XmlEnvelopeLevel";

        w.WriteSummary(
            $"The element of <see cref=\"{@class.TypeName}\"/> on a record stream's way to its records, through <c>{SourceWriter.Xml(pathMember.XmlName)}</c>: its\n" +
            $"attributes and its members but that one, which the stream enters, are read and checked as <see cref=\"Read{@class.TypeName}\"/> reads them.\n" +
            "The fields are that reader's locals.");
        w.OpenType($"internal sealed class {level.TypeName} : {Level}", nonUserCode: true);
        w.WriteLine($"private readonly {Names} names;");
        w.WriteLine("private readonly int depth;");
        foreach (var member in @class.Members.Where(m => m.Source != MemberSource.Text))
        {
            if (member != pathMember)
            {
                DeclareLocal(member, asField: true);
            }
            else if (IsSingle(member))
            {
                // The stream enters it: only whether it came is kept.
                Declare("bool", SeenFlag(member), "false", asField: true);
            }
        }

        foreach (var choice in @class.Choices)
        {
            Declare(choice.EnumName, Local(choice.PropertyName), choice.EnumName + ".None", asField: true);
        }

        w.WriteLine();
        w.OpenBlock($"public {level.TypeName}({Names} names, int depth)");
        w.WriteLine("this.names = names;");
        w.WriteLine("this.depth = depth;");
        w.CloseBlock();
        w.WriteLine();
        w.OpenBlock($"public override void Start({XmlReader} reader, {XmlParseContext} context)");
        EmitAttributes(@class, attributes);
        EmitRequiredChecks(@class, attributes, withChoices: false);
        w.CloseBlock();
        w.WriteLine();
        w.OpenBlock($"public override bool ReadChild({XmlReader} reader, {XmlParseContext} context)");
        w.WriteLine("var name = reader.LocalName;");
        EmitChildBranches(@class, children, pathMember);
        w.WriteLine();
        w.WriteLine("return false;");
        w.CloseBlock();
        w.WriteLine();
        w.OpenBlock($"public override void End({XmlReader} reader)");
        EmitRequiredChecks(@class, children, withChoices: true, pathMember: pathMember);
        w.CloseBlock();
        w.CloseBlock();
    }

    /// <summary>The reader method of a flattened list, named after the wrapper's schema key (unique, unlike its XML name in an XSD).</summary>
    private static string WrapperReader(MemberSpec wrapper) => "Read" + CSharpNames.ToPascalCase(wrapper.ContentKey!);

    private void EmitRoot(RootSpec root)
    {
        var w = _writer;
        var type = root.TypeName;
        var rootName = ElementName(root.XmlName);
        var exception = $"/// <exception cref=\"{QualysXmlException}\">The document is not well-formed, its root is not <c>{root.XmlName}</c>, it exceeds a limit of the options, or it breaks the schema where nothing can be left out (or anywhere, when the options are strict).</exception>";
        const string optionsDoc = "/// <param name=\"options\">Strict or lenient reading, the reporter of deviations and drift, and limits; null for <see cref=\"global::QualysGen.QualysXmlOptions.Default\"/>.</param>";

        w.OpenBlock($"partial class {type}");
        w.WriteLine($"/// <summary>Reads a <c>{root.XmlName}</c> document from <paramref name=\"stream\"/> with the default options. A DOCTYPE is skipped, never resolved.</summary>");
        w.WriteLine(exception);
        w.WriteLine(SourceWriter.NonUserCode);
        w.WriteLine($"public static {type} Parse({Stream} stream) => Parse(stream, null);");
        w.WriteLine();
        w.WriteLine($"/// <summary>Reads a <c>{root.XmlName}</c> document from <paramref name=\"stream\"/>. A DOCTYPE is skipped, never resolved.</summary>");
        w.WriteLine(StreamDoc);
        w.WriteLine(optionsDoc);
        w.WriteLine(exception);
        w.WriteLine(SourceWriter.NonUserCode);
        w.OpenBlock($"public static {type} Parse({Stream} stream, {QualysXmlOptions}? options)");
        w.WriteLine($"var names = {Names}.Rent();");
        w.WriteLine($"var context = {XmlParseContext}.Rent(options);");
        w.OpenBlock("try");
        w.WriteLine($"using var input = {XmlRecordBatches}.Open(stream, options);");
        w.OpenBlock($"if (input.TryParseWithoutIndentation(names, names.Settings, context, static (reader, names, context) => ReadDocument(reader, names, context), out var compact))");
        w.WriteLine("return compact;");
        w.CloseBlock();
        w.WriteLine();
        if (root.Streams.Count > 0)
        {
            // The records of the first record stream are what a parallel parse cuts out.
            var records = root.Streams[0];
            var steps = RecordSteps(root, records);
            w.WriteLine($"using var split = input.Parallelism > 1");
            w.WriteLine($"    ? {XmlRecordBatches}.Split(input.Stream, options, input.Parallelism, context, new[] {{ {string.Join(", ", steps.Select(SourceWriter.Literal))} }}, new[] {{ {Repeatable(root, records)} }}, {NewNames}, static names => names.Settings, {ReadRecord(records)})");
            w.WriteLine("    : null;");
            w.WriteLine($"using var reader = {XmlReader}.Create(split ?? {XmlParsing}.WholeReads(input.Stream), names.Settings);");
        }
        else
        {
            w.WriteLine($"using var reader = {XmlReader}.Create({XmlParsing}.WholeReads(input.Stream), names.Settings);");
        }

        w.WriteLine("return ReadDocument(reader, names, context);");
        w.CloseBlock();
        EmitDocumentFaultCatch();
        w.OpenBlock("finally");
        w.WriteLine($"{XmlParseContext}.Return(context);");
        w.WriteLine($"{Names}.Return(names);");
        w.CloseBlock();
        w.WriteLine();
        w.OpenBlock($"static {type} ReadDocument({XmlReader} reader, {Names} names, {XmlParseContext} context)");
        w.WriteLine($"{XmlParsing}.MoveToRoot(reader, {rootName}, context);");
        w.WriteLine($"var result = {Parser}.Read{type}(reader, names, context);");
        w.WriteLine($"{XmlParsing}.ReadToEnd(reader);");
        w.WriteLine("return result;");
        w.CloseBlock();
        w.CloseBlock();
        w.WriteLine();

        w.WriteLine($"/// <summary>Reads a <c>{root.XmlName}</c> element from <paramref name=\"reader\"/>, which is before or on it; the reader's own settings apply.</summary>");
        w.WriteLine(exception);
        w.WriteLine(SourceWriter.NonUserCode);
        w.WriteLine($"public static {type} Parse({XmlReader} reader) => Parse(reader, null);");
        w.WriteLine();
        w.WriteLine($"/// <summary>Reads a <c>{root.XmlName}</c> element from <paramref name=\"reader\"/>, which is before or on it; the reader's own settings apply.</summary>");
        w.WriteLine("/// <param name=\"reader\">The reader, before or on the element.</param>");
        w.WriteLine(optionsDoc);
        w.WriteLine(exception);
        w.WriteLine(SourceWriter.NonUserCode);
        w.OpenBlock($"public static {type} Parse({XmlReader} reader, {QualysXmlOptions}? options)");
        w.WriteLine($"var names = new {Names}(reader.NameTable ?? new global::System.Xml.NameTable());");
        w.WriteLine($"var context = {XmlParseContext}.Rent(options);");
        w.OpenBlock("try");
        w.WriteLine($"{XmlParsing}.MoveToRoot(reader, {rootName}, context);");
        w.WriteLine($"return {Parser}.Read{type}(reader, names, context);");
        w.CloseBlock();
        EmitDocumentFaultCatch();
        w.OpenBlock("finally");
        w.WriteLine($"{XmlParseContext}.Return(context);");
        w.CloseBlock();
        w.CloseBlock();
        w.WriteLine();

        w.WriteLine($"/// <summary>Reads a <c>{root.XmlName}</c> document from <paramref name=\"stream\"/> with the default options, without blocking on I/O.</summary>");
        w.WriteLine(exception);
        w.WriteLine(SourceWriter.NonUserCode);
        w.WriteLine($"public static global::System.Threading.Tasks.ValueTask<{type}> ParseAsync({Stream} stream, {CancellationToken} cancellationToken = default)");
        w.WriteLine($"    => ParseAsync(stream, null, cancellationToken);");
        w.WriteLine();
        w.WriteLine("/// <summary>");
        w.WriteLine($"/// Reads a <c>{root.XmlName}</c> document from <paramref name=\"stream\"/> without blocking on I/O: the response is read");
        w.WriteLine("/// asynchronously into pooled buffers, each given back as soon as it is parsed, and parsed as <c>Parse</c> parses it.");
        w.WriteLine("/// </summary>");
        w.WriteLine(StreamDoc);
        w.WriteLine(optionsDoc);
        w.WriteLine(CancellationDoc);
        w.WriteLine(exception);
        w.WriteLine(SourceWriter.NonUserCode);
        w.WriteLine($"public static global::System.Threading.Tasks.ValueTask<{type}> ParseAsync({Stream} stream, {QualysXmlOptions}? options, {CancellationToken} cancellationToken = default)");
        w.WriteLine($"    => global::QualysGen.Xml.XmlDocumentBuffer.ParseAsync(stream, options, Parse, cancellationToken);");

        foreach (var stream in root.Streams)
        {
            w.WriteLine();
            EmitStream(root, stream);
        }

        w.CloseBlock();
    }

    private const string StreamDoc = "/// <param name=\"stream\">The response; read, not disposed.</param>";

    private const string CancellationDoc = "/// <param name=\"cancellationToken\">Cancels waiting for the response's bytes.</param>";

    /// <summary>What the reader throws for bytes that are not a readable document becomes the one documented exception.</summary>
    private void EmitDocumentFaultCatch()
    {
        var w = _writer;
        w.OpenBlock($"catch (global::System.Exception exception) when ({XmlParsing}.IsDocumentFault(exception))");
        w.WriteLine($"throw {XmlParsing}.Malformed(exception);");
        w.CloseBlock();
    }

    private const string XmlRecordBatches = "global::QualysGen.Xml.XmlRecordBatches";

    private string NewNames => $"static () => new {Names}(new global::System.Xml.NameTable())";

    private string ReadRecord(RecordStreamSpec stream) => $"static (reader, names, context) => {Parser}.Read{stream.ItemTypeName}(reader, names, context)";

    private static List<string> RecordSteps(RootSpec root, RecordStreamSpec stream)
        => new[] { root.XmlName }.Concat(stream.Path).Concat(new[] { stream.ItemXmlName }).ToList();

    private string Repeatable(RootSpec root, RecordStreamSpec stream)
        => string.Join(", ", RepeatableSteps(root, stream).Select(r => r ? "true" : "false"));

    private void EmitStream(RootSpec root, RecordStreamSpec stream)
    {
        var w = _writer;
        var steps = RecordSteps(root, stream);
        var path = string.Join("/", steps);
        w.WriteLine($"/// <summary>Reads the <c>{path}</c> records from <paramref name=\"stream\"/> one at a time with the default options.</summary>");
        w.WriteLine($"/// <exception cref=\"{QualysXmlException}\">As <c>Parse</c> throws it, after every complete record before the fault.</exception>");
        w.WriteLine(SourceWriter.NonUserCode);
        w.WriteLine($"public static global::System.Collections.Generic.IAsyncEnumerable<{stream.ItemTypeName}> {stream.MethodName}({Stream} stream, {CancellationToken} cancellationToken = default)");
        w.WriteLine($"    => {stream.MethodName}(stream, null, cancellationToken);");
        w.WriteLine();
        w.WriteLine($"/// <summary>");
        w.WriteLine($"/// Reads the <c>{path}</c> records from <paramref name=\"stream\"/> one at a time as they arrive, so that a");
        w.WriteLine($"/// response of any size is read in constant memory. The stream is read asynchronously, a record at a time, and each");
        w.WriteLine($"/// record is parsed as <c>Parse</c> parses it: the same records come, a record that breaks the schema is left out");
        w.WriteLine($"/// and reported as <c>Parse</c> leaves it out of its list, and the same input fails with the same exception.");
        w.WriteLine($"/// </summary>");
        w.WriteLine(StreamDoc);
        w.WriteLine("/// <param name=\"options\">Strict or lenient reading, the reporter of deviations and drift, and limits; null for <see cref=\"global::QualysGen.QualysXmlOptions.Default\"/>.</param>");
        w.WriteLine(CancellationDoc);
        w.WriteLine($"/// <exception cref=\"{QualysXmlException}\">As <c>Parse</c> throws it, after every complete record before the fault.</exception>");
        w.WriteLine(SourceWriter.NonUserCode);
        w.OpenBlock($"public static async global::System.Collections.Generic.IAsyncEnumerable<{stream.ItemTypeName}> {stream.MethodName}({Stream} stream, {QualysXmlOptions}? options, [global::System.Runtime.CompilerServices.EnumeratorCancellation] {CancellationToken} cancellationToken = default)");
        w.WriteLine("// The thread's cached names, taken for the enumeration: one left unfinished keeps them, and the next parse makes its own.");
        w.WriteLine($"var names = {Names}.Rent();");
        w.OpenBlock("try");
        w.WriteLine($"using var records = new global::QualysGen.Xml.XmlRecordStream(stream, (options ?? {QualysXmlOptions}.Default).MaxRecordBytes, {string.Join(", ", steps.Select(SourceWriter.Literal))});");
        var atomized = string.Join(", ", steps.Select(ElementName));
        w.WriteLine($"using var cursor = new global::QualysGen.Xml.XmlRecordCursor(records, names.Settings, options, new[] {{ {atomized} }}, new[] {{ {Repeatable(root, stream)} }}, level => level switch");
        w.WriteLine("{");
        var last = stream.Envelope[stream.Envelope.Count - 1];
        var wrapped = _spec.Classes.First(c => c.TypeName == last.ClassName).Members.First(m => m.PropertyName == last.PathMember).Source == MemberSource.WrappedList;
        for (var i = 0; i < stream.Envelope.Count; i++)
        {
            var arm = wrapped || i < stream.Envelope.Count - 1 ? i.ToString(System.Globalization.CultureInfo.InvariantCulture) : "_";
            w.WriteLine($"    {arm} => new {Parser}.{stream.Envelope[i].TypeName}(names, {i}),");
        }

        if (wrapped)
        {
            // The records' container is a list wrapper, the one level below the classes.
            w.WriteLine("    _ => global::QualysGen.Xml.XmlEnvelopeLevel.ListWrapper,");
        }

        w.WriteLine("});");
        w.WriteLine($"global::System.Func<{XmlReader}, {Names}, {XmlParseContext}, {stream.ItemTypeName}> read = {ReadRecord(stream)};");
        w.WriteLine($"cursor.Start(names, {NewNames}, static names => names.Settings, read);");
        w.OpenBlock("while (await cursor.MoveNextAsync(cancellationToken).ConfigureAwait(false))");
        w.OpenBlock("if (cursor.TryRead(names, read, out var item))");
        w.WriteLine("yield return item;");
        w.CloseBlock();
        w.CloseBlock();
        w.CloseBlock();
        w.OpenBlock("finally");
        w.WriteLine($"{Names}.Return(names);");
        w.CloseBlock();
        w.CloseBlock();
    }

    /// <summary>For each step from the root to the record: whether its element may repeat in its parent (a list, or a list
    /// wrapper whose items the parent flattens), as <c>Parse</c> reads it.</summary>
    private IEnumerable<bool> RepeatableSteps(RootSpec root, RecordStreamSpec stream)
    {
        yield return false;
        var classes = _spec.Classes.ToDictionary(c => c.TypeName);
        classes.TryGetValue(root.TypeName, out var current);
        foreach (var step in stream.Path)
        {
            var member = current?.Members.FirstOrDefault(m => m.XmlName == step && m.Source is MemberSource.Child or MemberSource.WrappedList);
            yield return member is not null && (member.IsList || member.Source == MemberSource.WrappedList);
            current = member is { IsObject: true, Source: MemberSource.Child } && member.TypeName is not null && classes.TryGetValue(member.TypeName, out var next) ? next : null;
        }

        yield return true;
    }
}
