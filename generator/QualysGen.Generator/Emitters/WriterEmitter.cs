using System.Linq;
using QualysGen.Generator.Binding;
using QualysGen.Generator.Model;
using static QualysGen.Generator.Emitters.TypeNames;

namespace QualysGen.Generator.Emitters;

/// <summary>
/// Emits zero-reflection <c>XmlWriter</c> writers for an XSD schema's classes, and <c>WriteTo</c>/<c>ToXml</c> on its root
/// classes: what a QPS <c>ServiceRequest</c> body is built with. What a writer writes, the generated parser reads back equal.
/// </summary>
internal sealed class WriterEmitter
{
    private const string XmlWriter = "global::System.Xml.XmlWriter";
    private const string XmlWriting = "global::QualysGen.Xml.XmlWriting";

    private readonly ParserSpec _spec;
    private readonly SourceWriter _writer = new();

    private WriterEmitter(ParserSpec spec) => _spec = spec;

    private string WriterClass => _spec.ParserClassName.Substring(0, _spec.ParserClassName.Length - "Parser".Length) + "Writer";

    public static string Emit(ParserSpec spec) => new WriterEmitter(spec).Emit();

    private string Emit()
    {
        var w = _writer;
        w.WriteLine(SourceWriter.FileHeader);
        w.OpenBlock("namespace " + _spec.Namespace);
        w.WriteSummary($"Writes the types of <c>{SourceWriter.Xml(_spec.SourceFile)}</c> as XML, members in schema order, optional members only when set.");
        w.OpenType($"file static class {WriterClass}", nonUserCode: true);
        var first = true;
        foreach (var @class in _spec.Classes)
        {
            w.Separate(ref first);
            EmitWriteClass(@class);
        }

        foreach (var @enum in _spec.Enums)
        {
            w.WriteLine();
            EmitFormatEnum(@enum);
        }

        EnumTables.WriteIndexMethod(w, _spec.Enums);

        w.CloseBlock();
        foreach (var root in _spec.Roots)
        {
            w.WriteLine();
            EmitRoot(root);
        }

        w.CloseBlock();
        return w.ToString();
    }

    private string StartElement(string name)
        => _spec.XmlNamespace.Length == 0
            ? $"writer.WriteStartElement({SourceWriter.Literal(name)});"
            : $"writer.WriteStartElement({SourceWriter.Literal(name)}, {SourceWriter.Literal(_spec.XmlNamespace)});";

    private void EmitWriteClass(ClassSpec @class)
    {
        var w = _writer;
        if (@class.Group is not null)
        {
            // A group's item has no element of its own: its members are written into the parent's.
            w.OpenBlock($"internal static void Write{@class.TypeName}({XmlWriter} writer, {@class.TypeName} value)");
            EmitContent(@class);
            w.CloseBlock();
            return;
        }

        w.OpenBlock($"internal static void Write{@class.TypeName}({XmlWriter} writer, string elementName, {@class.TypeName} value)");
        w.WriteLine(_spec.XmlNamespace.Length == 0
            ? "writer.WriteStartElement(elementName);"
            : $"writer.WriteStartElement(elementName, {SourceWriter.Literal(_spec.XmlNamespace)});");
        EmitContent(@class);
        w.WriteLine("writer.WriteEndElement();");
        w.CloseBlock();
    }

    /// <summary>Writes the attributes and the content of a class's element: everything between its start and end tags.</summary>
    private void EmitContent(ClassSpec @class)
    {
        var w = _writer;
        foreach (var member in @class.Members.Where(m => m.Source == MemberSource.Attribute))
        {
            EmitOptional(member, value => $"writer.WriteAttributeString({SourceWriter.Literal(member.XmlName)}, {Format(member, value, "value." + member.PropertyName + "Raw")});");
        }

        foreach (var member in @class.Members.Where(m => m.Source != MemberSource.Attribute))
        {
            switch (member.Source)
            {
                case MemberSource.Text when @class.ContentText == ContentTextKind.Any:
                    w.WriteLine($"writer.WriteRaw(value.{member.PropertyName});");
                    break;
                case MemberSource.Text:
                    w.WriteLine($"writer.WriteString({Format(member, "value." + member.PropertyName, "value." + member.PropertyName + "Raw")});");
                    break;
                case MemberSource.Presence:
                    w.OpenBlock($"if (value.{member.PropertyName})");
                    w.WriteLine(StartElement(member.XmlName));
                    w.WriteLine("writer.WriteEndElement();");
                    w.CloseBlock();
                    break;
                case MemberSource.WrappedList:
                    w.OpenBlock($"if (value.{member.PropertyName}.Count > 0)");
                    w.WriteLine(StartElement(member.XmlName));
                    EmitItems(member, member.ItemXmlName!);
                    w.WriteLine("writer.WriteEndElement();");
                    w.CloseBlock();
                    break;
                case MemberSource.Child when member.IsList:
                    EmitItems(member, member.XmlName);
                    break;
                case MemberSource.Group:
                    w.OpenBlock($"foreach (var item in value.{member.PropertyName})");
                    w.WriteLine($"Write{member.TypeName}(writer, item);");
                    w.CloseBlock();
                    break;
                default:
                    EmitOptional(member, v => member.IsObject
                        ? $"Write{member.TypeName}(writer, {SourceWriter.Literal(member.XmlName)}, {v});"
                        : $"writer.WriteElementString({SourceWriter.Literal(member.XmlName)}, {Namespace()}{Format(member, v, "value." + member.PropertyName + "Raw")});");
                    break;
            }
        }
    }

    private void EmitFormatEnum(EnumSpec @enum)
    {
        var w = _writer;
        var type = @enum.TypeName;
        var unknown = $"raw ?? throw {XmlWriting}.UnknownEnumValue(property)";
        if (!EnumTables.IsLarge(@enum))
        {
            w.WriteLine($"internal static string Format{type}({type} value, string? raw, string property) => value switch");
            w.WriteLine("{");
            foreach (var member in @enum.Members)
            {
                w.WriteLine($"    {type}.{member.Name} => {SourceWriter.Literal(member.XmlValue)},");
            }

            w.WriteLine($"    _ => {unknown},");
            w.WriteLine("};");
            return;
        }

        // Too many values for a switch (see EnumTables): a dictionary, made on first use.
        var field = EnumTables.Field(@enum, "Texts");
        w.WriteLine($"private static global::System.Collections.Generic.Dictionary<{type}, string>? {field};");
        w.WriteLine();
        w.OpenBlock($"internal static string Format{type}({type} value, string? raw, string property)");
        EnumTables.WriteIndex(w, $"var texts = {field} ??= ", @enum, byText: false);
        w.WriteLine($"return texts.TryGetValue(value, out var text) ? text : {unknown};");
        w.CloseBlock();
    }

    private string Namespace() => _spec.XmlNamespace.Length == 0 ? "" : SourceWriter.Literal(_spec.XmlNamespace) + ", ";

    private void EmitItems(MemberSpec member, string itemName)
    {
        var w = _writer;
        w.OpenBlock($"foreach (var item in value.{member.PropertyName})");
        w.WriteLine(member.IsObject
            ? $"Write{member.TypeName}(writer, {SourceWriter.Literal(itemName)}, item);"
            : $"writer.WriteElementString({SourceWriter.Literal(itemName)}, {Namespace()}{Format(member, "item", "null")});");
        w.CloseBlock();
    }

    /// <summary>Writes a member only when it has a value: optional members are nullable, required ones always have one.</summary>
    private void EmitOptional(MemberSpec member, System.Func<string, string> write)
    {
        var w = _writer;
        var access = "value." + member.PropertyName;
        if (member.Required)
        {
            w.WriteLine(write(access));
            return;
        }

        w.OpenBlock($"if ({access} is {{ }} {CSharpNames.ToLocalName(member.PropertyName)}Value)");
        w.WriteLine(write(CSharpNames.ToLocalName(member.PropertyName) + "Value"));
        w.CloseBlock();
    }

    private static string Format(MemberSpec member, string value, string raw) => member.Value switch
    {
        XmlValueType.String => value,
        XmlValueType.Enum => $"Format{member.TypeName}({value}, {raw}, {SourceWriter.Literal(member.PropertyName)})",
        _ => $"{XmlWriting}.Format({value})",
    };

    private void EmitRoot(RootSpec root)
    {
        var w = _writer;
        w.OpenBlock($"partial class {root.TypeName}");
        w.WriteLine($"/// <summary>Writes this value as a <c>{root.XmlName}</c> element.</summary>");
        w.WriteLine(SourceWriter.NonUserCode);
        w.WriteLine($"public void WriteTo({XmlWriter} writer) => {WriterClass}.Write{root.TypeName}(writer, {SourceWriter.Literal(root.XmlName)}, this);");
        w.WriteLine();
        w.WriteLine($"/// <summary>Writes this value as a <c>{root.XmlName}</c> document (UTF-8, with an XML declaration) to <paramref name=\"stream\"/>.</summary>");
        w.WriteLine(SourceWriter.NonUserCode);
        w.OpenBlock($"public void WriteTo({Stream} stream)");
        w.WriteLine($"using var writer = {XmlWriting}.CreateWriter(stream);");
        w.WriteLine("writer.WriteStartDocument();");
        w.WriteLine("WriteTo(writer);");
        w.WriteLine("writer.WriteEndDocument();");
        w.CloseBlock();
        w.WriteLine();
        w.WriteLine($"/// <summary>This value as <c>{root.XmlName}</c> XML text, without a declaration.</summary>");
        w.WriteLine(SourceWriter.NonUserCode);
        w.OpenBlock("public string ToXml()");
        w.WriteLine("var builder = new global::System.Text.StringBuilder();");
        w.OpenBlock($"using (var writer = {XmlWriting}.CreateWriter(builder))");
        w.WriteLine("WriteTo(writer);");
        w.CloseBlock();
        w.WriteLine();
        w.WriteLine("return builder.ToString();");
        w.CloseBlock();
        w.CloseBlock();
    }
}
