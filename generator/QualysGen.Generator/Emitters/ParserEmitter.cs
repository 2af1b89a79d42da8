using System.Collections.Generic;
using System.Linq;
using QualysGen.Generator.Binding;
using QualysGen.Generator.Model;
using static QualysGen.Generator.Emitters.TypeNames;

namespace QualysGen.Generator.Emitters;

/// <summary>
/// Emits the streaming <c>XmlReader</c> parsers of one schema: the atomized names, one read method per
/// class (sync and async), the readers of flattened lists, enum parsing, and the public entry points on
/// each root class.
/// </summary>
internal sealed class ParserEmitter
{
    private readonly ParserSpec _spec;
    private readonly Dictionary<(string Name, bool IsAttribute), string> _nameFields;
    private readonly SourceWriter _writer = new();

    private ParserEmitter(ParserSpec spec)
    {
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
            "so that the parser compares names by reference. One instance is cached per thread and reused across parses.");
        w.OpenBlock($"internal sealed class {Names}");
        w.WriteLine($"[global::System.ThreadStatic]\nprivate static {Names}? t_cached;");
        w.WriteLine();
        w.WriteLine("private global::System.Xml.XmlReaderSettings? _settings;\nprivate global::System.Xml.XmlReaderSettings? _asyncSettings;");
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
        w.WriteLine($"public global::System.Xml.XmlReaderSettings Settings => _settings ??= {XmlParsing}.CreateSettings(Table, async: false);");
        w.WriteLine();
        w.WriteLine($"public global::System.Xml.XmlReaderSettings AsyncSettings => _asyncSettings ??= {XmlParsing}.CreateSettings(Table, async: true);");
        w.WriteLine();
        foreach (var name in _spec.Names)
        {
            w.WriteLine($"public readonly string {name.Field};");
        }

        w.WriteLine();
        w.WriteLine("/// <summary>Takes this thread's cached instance, or makes one. Give it back with <see cref=\"Return\"/>.</summary>");
        w.OpenBlock($"public static {Names} Rent()");
        w.WriteLine("var names = t_cached;");
        w.WriteLine("t_cached = null;");
        w.WriteLine($"return names ?? new {Names}(new global::System.Xml.NameTable());");
        w.CloseBlock();
        w.WriteLine();
        w.WriteLine($"public static void Return({Names} names) => t_cached = names;");
        w.CloseBlock();
    }

    private void EmitParser()
    {
        var w = _writer;
        w.WriteSummary(
            $"Reads the elements of <c>{SourceWriter.Xml(_spec.SourceFile)}</c>. Each method starts on its element's start tag and ends\n" +
            "on the node after its end tag. Unknown elements are skipped: Qualys adds fields without notice.");
        w.OpenBlock($"internal static class {Parser}");
        var first = true;
        foreach (var @class in _spec.Classes)
        {
            foreach (var isAsync in new[] { false, true })
            {
                Separate(ref first);
                EmitReadClass(@class, isAsync);
            }
        }

        var wrappers = _spec.Classes
            .SelectMany(c => c.Members)
            .Where(m => m.Source == MemberSource.WrappedList)
            .GroupBy(m => m.ContentKey)
            .Select(g => g.First());
        foreach (var wrapper in wrappers)
        {
            foreach (var isAsync in new[] { false, true })
            {
                Separate(ref first);
                EmitReadWrapper(wrapper, isAsync);
            }
        }

        foreach (var @enum in _spec.Enums)
        {
            Separate(ref first);
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

    private void Separate(ref bool first)
    {
        if (!first)
        {
            _writer.WriteLine();
        }

        first = false;
    }

    private static string Await(bool isAsync, string call) => isAsync ? $"await {call}.ConfigureAwait(false)" : call;

    private static string AsyncName(bool isAsync, string name) => isAsync ? name + "Async" : name;

    private string Signature(string returnType, string method, bool isAsync)
        => isAsync
            ? $"internal static async global::System.Threading.Tasks.ValueTask<{returnType}> {method}Async({XmlReader} reader, {Names} names, {CancellationToken} cancellationToken)"
            : $"internal static {returnType} {method}({XmlReader} reader, {Names} names)";

    private void EmitReadClass(ClassSpec @class, bool isAsync)
    {
        var w = _writer;
        w.OpenBlock(Signature(@class.TypeName, "Read" + @class.TypeName, isAsync));
        w.WriteLine("var elementName = reader.LocalName;");
        w.OpenBlock("try");

        var attributes = @class.Members.Where(m => m.Source == MemberSource.Attribute).ToList();
        var children = @class.Members.Where(m => m.Source is MemberSource.Child or MemberSource.WrappedList or MemberSource.Presence).ToList();
        var text = @class.Members.FirstOrDefault(m => m.Source == MemberSource.Text);

        foreach (var member in @class.Members)
        {
            DeclareLocal(member);
        }

        foreach (var choice in @class.Choices)
        {
            w.WriteLine($"var {Local(choice.PropertyName)} = {choice.EnumName}.None;");
        }

        if (attributes.Count > 0)
        {
            EmitAttributes(attributes);
        }

        switch (@class.ContentText)
        {
            case ContentTextKind.Value:
                AssignValue(text!, isAsync, indexed: false);
                EmitRequiredChecks(@class, attributes);
                break;
            case ContentTextKind.Any:
                w.WriteLine($"{Local(text!)} = {Await(isAsync, AsyncName(isAsync, "reader.ReadInnerXml") + "()")};");
                EmitRequiredChecks(@class, attributes);
                break;
            default:
                EmitChildLoop(@class, children, text, isAsync);
                EmitRequiredChecks(@class, attributes.Concat(children).ToList());
                w.WriteLine(Await(isAsync, AsyncName(isAsync, "reader.Read") + "()") + ";");
                break;
        }

        w.WriteLine();
        w.OpenBlock($"return new {@class.TypeName}");
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
        w.CloseBlock();
        EmitCatch();
        w.CloseBlock();
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

    private static bool HasRaw(MemberSpec member) => member.Value == XmlValueType.Enum && !member.IsList && !member.IsObject;

    // Locals the emitted methods declare themselves; a member whose local would clash gets a suffix.
    private static readonly HashSet<string> ReservedLocals = new()
    {
        "name", "elementName", "items", "item", "attribute", "raw", "textBuilder", "exception", "reader", "names", "cancellationToken", "stream",
    };

    private static string Local(MemberSpec member) => Local(member.PropertyName);

    private static string Local(string propertyName)
    {
        var local = CSharpNames.ToLocalName(propertyName);
        return ReservedLocals.Contains(local) ? local + "Value" : local;
    }

    private static bool NeedsFlag(MemberSpec member)
        => member.Required && member.DefaultValue is null && TypeNames.IsValueType(member) && !member.IsList && member.Source != MemberSource.Text;

    private void DeclareLocal(MemberSpec member)
    {
        var w = _writer;
        var local = Local(member);
        var itemType = ItemType(member);
        switch (member.Source)
        {
            case MemberSource.Presence:
                w.WriteLine($"var {local} = false;");
                return;
            case MemberSource.Text when member.Value == XmlValueType.String:
                w.WriteLine(member.DefaultValue is null && member.Source == MemberSource.Text && !member.IsObject
                    ? $"var {local} = \"\";"
                    : $"string? {local} = null;");
                break;
            case MemberSource.WrappedList:
                w.WriteLine($"{List}<{itemType}>? {local} = null;");
                return;
            case MemberSource.Child when member.IsList:
                w.WriteLine($"{List}<{itemType}>? {local} = null;");
                return;
            default:
                if (member.DefaultValue is not null)
                {
                    w.WriteLine($"{itemType} {local} = {DefaultExpression(member)};");
                }
                else if (member.Source == MemberSource.Text || NeedsFlag(member))
                {
                    w.WriteLine($"{itemType} {local} = default;");
                }
                else
                {
                    w.WriteLine($"{itemType}? {local} = null;");
                }

                break;
        }

        if (NeedsFlag(member))
        {
            w.WriteLine($"var {local}Seen = false;");
        }

        if (HasRaw(member))
        {
            w.WriteLine($"string? {local}Raw = null;");
        }
    }

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

    private void EmitAttributes(List<MemberSpec> attributes)
    {
        var w = _writer;
        w.OpenBlock("if (reader.MoveToFirstAttribute())");
        w.OpenBlock("do");
        w.WriteLine("var attribute = reader.LocalName;");
        var keyword = "if";
        foreach (var member in attributes)
        {
            w.OpenBlock($"{keyword} ((object)attribute == (object){AttributeName(member.XmlName)})");
            var local = Local(member);
            var value = member.Value switch
            {
                XmlValueType.String => "reader.Value",
                XmlValueType.Enum => $"Parse{member.TypeName}(reader.Value)",
                XmlValueType.Int32 => $"{XmlParsing}.AttributeInt32(reader)",
                XmlValueType.Int64 => $"{XmlParsing}.AttributeInt64(reader)",
                XmlValueType.Boolean => $"{XmlParsing}.AttributeBoolean(reader)",
                XmlValueType.Decimal => $"{XmlParsing}.AttributeDecimal(reader)",
                XmlValueType.DateTimeOffset => $"{XmlParsing}.AttributeDateTimeOffset(reader)",
                _ => "reader.Value",
            };
            if (HasRaw(member))
            {
                w.WriteLine($"{local}Raw = reader.Value;");
            }

            w.WriteLine($"{local} = {value};");
            if (NeedsFlag(member))
            {
                w.WriteLine($"{local}Seen = true;");
            }

            w.CloseBlock();
            keyword = "else if";
        }

        w.CloseBlock("");
        w.WriteLine("while (reader.MoveToNextAttribute());");
        w.WriteLine();
        w.WriteLine("reader.MoveToElement();");
        w.CloseBlock();
        w.WriteLine();
    }

    /// <summary>The expression that reads the text of the element the reader is on as the member's value type (not yet an enum).</summary>
    private static string ReadText(MemberSpec member, bool isAsync)
    {
        var method = member.Value switch
        {
            XmlValueType.Int32 => "ReadInt32",
            XmlValueType.Int64 => "ReadInt64",
            XmlValueType.Boolean => "ReadBoolean",
            XmlValueType.Decimal => "ReadDecimal",
            XmlValueType.DateTimeOffset => "ReadDateTimeOffset",
            _ => "ReadString",
        };
        var whenEmpty = member.EmptyValue is null ? "" : ", " + SourceWriter.Literal(member.EmptyValue);
        return Await(isAsync, $"{XmlParsing}.{AsyncName(isAsync, method)}(reader{whenEmpty})");
    }

    /// <summary>Reads the text of the element the reader is on into the member's local (or list).</summary>
    private void AssignValue(MemberSpec member, bool isAsync, bool indexed)
    {
        var w = _writer;
        var local = Local(member);
        var read = ReadText(member, isAsync);
        if (member.Value == XmlValueType.Enum)
        {
            var rawLocal = indexed ? "raw" : local + "Raw";
            w.WriteLine(indexed ? $"var raw = {read};" : $"{rawLocal} = {read};");
            read = $"Parse{member.TypeName}({rawLocal})";
        }

        w.WriteLine(indexed ? $"({local} ??= new()).Add({read});" : $"{local} = {read};");
        if (NeedsFlag(member))
        {
            w.WriteLine($"{local}Seen = true;");
        }
    }

    private void EmitChildLoop(ClassSpec @class, List<MemberSpec> children, MemberSpec? mixedText, bool isAsync)
    {
        var w = _writer;
        var read = Await(isAsync, AsyncName(isAsync, "reader.Read") + "()") + ";";
        var skip = Await(isAsync, AsyncName(isAsync, "reader.Skip") + "()") + ";";
        var mixed = @class.ContentText == ContentTextKind.Mixed;

        if (mixed)
        {
            w.WriteLine("global::System.Text.StringBuilder? textBuilder = null;");
        }

        w.OpenBlock("if (!reader.IsEmptyElement)");
        w.WriteLine(read);
        w.OpenBlock($"while (reader.NodeType != {XmlNodeType}.EndElement)");
        if (isAsync)
        {
            w.WriteLine("cancellationToken.ThrowIfCancellationRequested();");
        }

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

        w.WriteLine(skip);
        w.WriteLine("continue;");
        w.CloseBlock();
        w.WriteLine();
        w.WriteLine("var name = reader.LocalName;");
        var keyword = "if";
        foreach (var member in children)
        {
            w.OpenBlock($"{keyword} ((object)name == (object){ElementName(member.XmlName)})");
            EmitReadChild(member, isAsync, skip);
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

            w.CloseBlock();
            keyword = "else if";
        }

        if (children.Count > 0)
        {
            w.OpenBlock("else");
        }

        w.WriteLine("// Not in this schema: Qualys adds elements without notice.");
        w.WriteLine(skip);
        if (children.Count > 0)
        {
            w.CloseBlock();
        }

        w.CloseBlock();
        w.CloseBlock();
        if (mixed)
        {
            w.WriteLine();
            w.WriteLine($"{Local(mixedText!)} = textBuilder?.ToString() ?? \"\";");
        }

        w.WriteLine();
    }

    private void EmitReadChild(MemberSpec member, bool isAsync, string skip)
    {
        var w = _writer;
        var local = Local(member);
        var asyncArgs = isAsync ? ", cancellationToken" : "";
        switch (member.Source)
        {
            case MemberSource.Presence:
                w.WriteLine($"{local} = true;");
                w.WriteLine(skip);
                break;
            case MemberSource.WrappedList:
                var readList = Await(isAsync, $"{AsyncName(isAsync, WrapperReader(member))}(reader, names{asyncArgs})");
                // A repeated wrapper adds to what the earlier ones brought.
                w.WriteLine($"var items = {readList};");
                w.WriteLine($"if ({local} is null) {{ {local} = items; }} else {{ {local}.AddRange(items); }}");
                break;
            case MemberSource.Child when member.IsObject:
                var readObject = Await(isAsync, $"{AsyncName(isAsync, "Read" + member.TypeName)}(reader, names{asyncArgs})");
                w.WriteLine(member.IsList ? $"({local} ??= new()).Add({readObject});" : $"{local} = {readObject};");
                break;
            default:
                AssignValue(member, isAsync, member.IsList);
                break;
        }
    }

    private void EmitRequiredChecks(ClassSpec @class, List<MemberSpec> members)
    {
        var w = _writer;
        foreach (var member in members.Where(m => m.Required && m.DefaultValue is null && !m.IsList && m.Source is MemberSource.Child or MemberSource.Attribute))
        {
            var condition = NeedsFlag(member) ? $"!{Local(member)}Seen" : $"{Local(member)} is null";
            var error = member.Source == MemberSource.Attribute
                ? $"{XmlParsing}.MissingAttribute(reader, {SourceWriter.Literal(member.XmlName)})"
                : $"{XmlParsing}.MissingElement(reader, {SourceWriter.Literal(member.XmlName)})";
            w.OpenBlock($"if ({condition})");
            w.WriteLine($"throw {error};");
            w.CloseBlock();
            w.WriteLine();
        }

        foreach (var choice in @class.Choices.Where(c => c.Required))
        {
            var names = string.Join(", ", choice.Branches.Select(b => "<" + b.XmlNames[0] + ">"));
            w.OpenBlock($"if ({Local(choice.PropertyName)} == {choice.EnumName}.None)");
            w.WriteLine($"throw {XmlParsing}.MissingChoice(reader, {SourceWriter.Literal(names)});");
            w.CloseBlock();
            w.WriteLine();
        }
    }

    private string Result(MemberSpec member)
    {
        var local = Local(member);
        if (member.IsList)
        {
            var itemType = ItemType(member);
            return $"({ReadOnlyList}<{itemType}>?){local} ?? global::System.Array.Empty<{itemType}>()";
        }

        // Required members were checked above; the locals of reference types are nullable only for that check.
        return member.Required && member.DefaultValue is null && !TypeNames.IsValueType(member) && member.Source != MemberSource.Text
            ? local + "!"
            : local;
    }

    private void EmitReadWrapper(MemberSpec wrapper, bool isAsync)
    {
        var w = _writer;
        var itemType = ItemType(wrapper);
        var read = Await(isAsync, AsyncName(isAsync, "reader.Read") + "()") + ";";
        var skip = Await(isAsync, AsyncName(isAsync, "reader.Skip") + "()") + ";";
        w.OpenBlock(Signature($"{List}<{itemType}>", WrapperReader(wrapper), isAsync));
        w.WriteLine("var elementName = reader.LocalName;");
        w.WriteLine($"var items = new {List}<{itemType}>();");
        w.OpenBlock("try");
        w.OpenBlock("if (!reader.IsEmptyElement)");
        w.WriteLine(read);
        w.OpenBlock($"while (reader.NodeType != {XmlNodeType}.EndElement)");
        if (isAsync)
        {
            w.WriteLine("cancellationToken.ThrowIfCancellationRequested();");
        }

        w.OpenBlock($"if (reader.NodeType == {XmlNodeType}.Element && (object)reader.LocalName == (object){ElementName(wrapper.ItemXmlName!)})");
        if (wrapper.IsObject)
        {
            var asyncArgs = isAsync ? ", cancellationToken" : "";
            w.WriteLine($"items.Add({Await(isAsync, $"{AsyncName(isAsync, "Read" + wrapper.TypeName)}(reader, names{asyncArgs})")});");
        }
        else
        {
            AssignValueToList(wrapper, isAsync);
        }

        w.CloseBlock();
        w.OpenBlock("else");
        w.WriteLine($"{XmlParsing}.EnsureNotAtEnd(reader);");
        w.WriteLine(skip);
        w.CloseBlock();
        w.CloseBlock();
        w.CloseBlock();
        w.WriteLine();
        w.WriteLine(read);
        w.WriteLine("return items;");
        w.CloseBlock();
        EmitCatch();
        w.CloseBlock();
    }

    /// <summary>The reader method of a flattened list, named after the wrapper's schema key (unique, unlike its XML name in an XSD).</summary>
    private static string WrapperReader(MemberSpec wrapper) => "Read" + CSharpNames.ToPascalCase(wrapper.ContentKey!);

    /// <summary>Reads the text of a wrapper's item into the wrapper reader's list.</summary>
    private void AssignValueToList(MemberSpec item, bool isAsync)
    {
        var read = ReadText(item, isAsync);
        _writer.WriteLine(item.Value == XmlValueType.Enum ? $"items.Add(Parse{item.TypeName}({read}));" : $"items.Add({read});");
    }

    private void EmitRoot(RootSpec root)
    {
        var w = _writer;
        var type = root.TypeName;
        var rootName = ElementName(root.XmlName);
        var exception = $"/// <exception cref=\"{QualysXmlException}\">The document is not well-formed, its root is not <c>{root.XmlName}</c>, a required element or attribute is missing, or a value does not parse as its type.</exception>";

        w.OpenBlock($"partial class {type}");
        w.WriteLine($"/// <summary>Reads a <c>{root.XmlName}</c> document from <paramref name=\"stream\"/>. A DOCTYPE is skipped, never resolved.</summary>");
        w.WriteLine(exception);
        w.OpenBlock($"public static {type} Parse({Stream} stream)");
        w.WriteLine($"var names = {Names}.Rent();");
        w.OpenBlock("try");
        w.WriteLine($"using var reader = {XmlReader}.Create(stream, names.Settings);");
        w.WriteLine($"{XmlParsing}.MoveToRoot(reader, {rootName});");
        w.WriteLine($"return {Parser}.Read{type}(reader, names);");
        w.CloseBlock();
        w.OpenBlock("finally");
        w.WriteLine($"{Names}.Return(names);");
        w.CloseBlock();
        w.CloseBlock();
        w.WriteLine();

        w.WriteLine($"/// <summary>Reads a <c>{root.XmlName}</c> element from <paramref name=\"reader\"/>, which is before or on it; the reader's own settings apply.</summary>");
        w.WriteLine(exception);
        w.OpenBlock($"public static {type} Parse({XmlReader} reader)");
        w.WriteLine($"var names = new {Names}(reader.NameTable ?? new global::System.Xml.NameTable());");
        w.WriteLine($"{XmlParsing}.MoveToRoot(reader, {rootName});");
        w.WriteLine($"return {Parser}.Read{type}(reader, names);");
        w.CloseBlock();
        w.WriteLine();

        w.WriteLine($"/// <summary>Reads a <c>{root.XmlName}</c> document from <paramref name=\"stream\"/> as it arrives, without blocking on I/O.</summary>");
        w.WriteLine(exception);
        w.OpenBlock($"public static async global::System.Threading.Tasks.ValueTask<{type}> ParseAsync({Stream} stream, {CancellationToken} cancellationToken = default)");
        w.WriteLine($"var names = {Names}.Rent();");
        w.OpenBlock("try");
        w.WriteLine($"using var reader = {XmlReader}.Create(stream, names.AsyncSettings);");
        w.WriteLine($"await {XmlParsing}.MoveToRootAsync(reader, {rootName}).ConfigureAwait(false);");
        w.WriteLine($"return await {Parser}.Read{type}Async(reader, names, cancellationToken).ConfigureAwait(false);");
        w.CloseBlock();
        w.OpenBlock("finally");
        w.WriteLine($"{Names}.Return(names);");
        w.CloseBlock();
        w.CloseBlock();

        foreach (var stream in root.Streams)
        {
            w.WriteLine();
            EmitStream(root, stream);
        }

        w.CloseBlock();
    }

    private void EmitStream(RootSpec root, RecordStreamSpec stream)
    {
        var w = _writer;
        var path = string.Join("/", new[] { root.XmlName }.Concat(stream.Path).Concat(new[] { stream.ItemXmlName }));
        w.WriteLine($"/// <summary>");
        w.WriteLine($"/// Reads the <c>{path}</c> records from <paramref name=\"stream\"/> one at a time as they arrive, so that a");
        w.WriteLine($"/// response of any size is read in constant memory. The rest of the document is not read. The stream is read");
        w.WriteLine($"/// asynchronously, a record at a time, and each record is parsed as <c>Parse</c> parses it.");
        w.WriteLine($"/// </summary>");
        w.WriteLine($"/// <exception cref=\"{QualysXmlException}\">The document is not well-formed, its root is not <c>{root.XmlName}</c>, or a record cannot be read.</exception>");
        w.OpenBlock($"public static async global::System.Collections.Generic.IAsyncEnumerable<{stream.ItemTypeName}> {stream.MethodName}({Stream} stream, [global::System.Runtime.CompilerServices.EnumeratorCancellation] {CancellationToken} cancellationToken = default)");
        var recordPath = string.Join(", ", new[] { root.XmlName }.Concat(stream.Path).Concat(new[] { stream.ItemXmlName }).Select(SourceWriter.Literal));
        w.WriteLine("// Async I/O, sync parsing: the records are read ahead into a buffer, a record and the start of the next at a time,");
        w.WriteLine("// and a synchronous reader parses what is buffered without waiting.");
        w.WriteLine($"using var records = new global::QualysGen.Xml.XmlRecordStream(stream, {recordPath});");
        w.WriteLine("await records.FillAsync(1, cancellationToken).ConfigureAwait(false);");
        w.WriteLine("// Not the thread's cached names: an enumeration can be left unfinished and outlive the thread.");
        w.WriteLine($"var names = new {Names}(new global::System.Xml.NameTable());");
        w.WriteLine($"using var reader = {XmlReader}.Create(records, names.Settings);");
        w.WriteLine($"{XmlParsing}.MoveToRoot(reader, {ElementName(root.XmlName)});");
        foreach (var step in stream.Path.Concat(new[] { stream.ItemXmlName }))
        {
            w.OpenBlock($"if (!{XmlParsing}.ReadToChild(reader, {ElementName(step)}))");
            w.WriteLine("yield break;");
            w.CloseBlock();
        }

        w.WriteLine();
        w.WriteLine("var index = 0;");
        w.OpenBlock("do");
        w.WriteLine("// Record number index is buffered whole once the next record's start tag is, or the response has ended.");
        w.WriteLine("index++;");
        w.WriteLine("await records.FillAsync(index + 1, cancellationToken).ConfigureAwait(false);");
        w.WriteLine($"{stream.ItemTypeName} item;");
        w.OpenBlock("try");
        w.WriteLine($"item = {Parser}.Read{stream.ItemTypeName}(reader, names);");
        w.CloseBlock();
        w.OpenBlock($"catch ({QualysXmlException} exception)");
        foreach (var step in stream.Path.Reverse().Concat(new[] { root.XmlName }))
        {
            w.WriteLine($"exception.PrependPath({SourceWriter.Literal(step)});");
        }

        w.WriteLine("throw;");
        w.CloseBlock();
        w.WriteLine();
        w.WriteLine("yield return item;");
        w.CloseBlock("");
        w.WriteLine($"while ({XmlParsing}.ReadToSibling(reader, {ElementName(stream.ItemXmlName)}));");
        w.CloseBlock();
    }
}
