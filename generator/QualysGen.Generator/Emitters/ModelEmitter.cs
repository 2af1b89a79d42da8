using System.Globalization;
using System.Linq;
using QualysGen.Generator.Model;

namespace QualysGen.Generator.Emitters;

/// <summary>Emits the model classes and enums of one schema: plain data, no parsing logic.</summary>
internal static class ModelEmitter
{
    public static string Emit(ParserSpec spec)
    {
        var writer = new SourceWriter();
        writer.WriteLine(SourceWriter.FileHeader);
        writer.OpenBlock("namespace " + spec.Namespace);

        var first = true;
        foreach (var @class in spec.Classes)
        {
            writer.Separate(ref first);
            EmitClass(writer, spec, @class);
        }

        foreach (var choice in spec.Classes.SelectMany(c => c.Choices.Select(choice => (Class: c, Choice: choice))))
        {
            writer.Separate(ref first);
            EmitChoiceEnum(writer, spec, choice.Class, choice.Choice);
        }

        foreach (var @enum in spec.Enums)
        {
            writer.Separate(ref first);
            EmitEnum(writer, spec, @enum);
        }

        writer.CloseBlock();
        return writer.ToString();
    }

    private static void EmitClass(SourceWriter writer, ParserSpec spec, ClassSpec @class)
    {
        var what = spec.Kind == SchemaKind.Dtd ? "element" : "type";
        var summary = @class.Group is { } group
            ? $"One item of the repeated group <c>{SourceWriter.Xml(group.Model)}</c> in the <c>{SourceWriter.Xml(@class.SchemaName)}</c> {what} of <c>{SourceWriter.Xml(spec.SourceFile)}</c>:\n" +
              (group.Kind == ParticleKind.Choice ? "one of its branches, <see cref=\"Choice\"/> says which." : "elements that came together, in the group's order.")
            : $"The <c>{SourceWriter.Xml(@class.SchemaName)}</c> {what} of <c>{SourceWriter.Xml(spec.SourceFile)}</c>.";
        if (@class.Documentation is { } doc)
        {
            summary += "\n" + SourceWriter.Xml(doc);
        }

        writer.WriteSummary(summary);
        writer.OpenType($"{spec.Accessibility} sealed partial class {@class.TypeName}");
        var firstMember = true;
        foreach (var member in @class.Members)
        {
            writer.Separate(ref firstMember);
            EmitProperty(writer, spec, member);
        }

        for (var i = 0; i < @class.Choices.Count; i++)
        {
            var choice = @class.Choices[i];
            writer.Separate(ref firstMember);
            var branches = string.Join(", ", choice.Branches.Select(b => $"<c>{b.XmlNames[0]}</c>"));
            writer.WriteSummary($"Which branch of the choice {branches} came; <see cref=\"{choice.EnumName}.None\"/> when none did.");
            writer.WriteLine($"public {choice.EnumName} {choice.PropertyName} {{ get; init; }}");
        }

        writer.CloseBlock();
    }

    private static void EmitProperty(SourceWriter writer, ParserSpec spec, MemberSpec member)
    {
        var itemType = TypeNames.ItemType(member);
        writer.WriteSummary(Describe(spec, member));
        switch (member.Source)
        {
            case MemberSource.WrappedList:
            case MemberSource.Group:
            case MemberSource.Child when member.IsList:
                writer.WriteLine($"public {TypeNames.ReadOnlyList}<{itemType}> {member.PropertyName} {{ get; init; }} = global::System.Array.Empty<{itemType}>();");
                break;
            case MemberSource.Presence:
                writer.WriteLine($"public bool {member.PropertyName} {{ get; init; }}");
                break;
            case MemberSource.Text when member.Value == XmlValueType.String && !member.IsObject:
                writer.WriteLine($"public string {member.PropertyName} {{ get; init; }} = \"\";");
                break;
            default:
                if (member.DefaultValue is not null)
                {
                    writer.WriteLine($"public {itemType} {member.PropertyName} {{ get; init; }} = {DefaultLiteral(spec, member)};");
                }
                else if (member.Required)
                {
                    writer.WriteLine($"public required {itemType} {member.PropertyName} {{ get; init; }}");
                }
                else
                {
                    writer.WriteLine($"public {itemType}? {member.PropertyName} {{ get; init; }}");
                }

                break;
        }

        if (member.Value == XmlValueType.Enum && !member.IsList && !member.IsObject)
        {
            writer.WriteLine();
            writer.WriteSummary(
                $"The text of <c>{member.XmlName}</c> as sent, or null when absent. It is kept because Qualys adds values without notice:\n" +
                $"a value that <see cref=\"{member.TypeName}\"/> does not know reads as <see cref=\"{member.TypeName}.Unknown\"/>.");
            writer.WriteLine($"public string? {member.PropertyName}Raw {{ get; init; }}");
        }
    }

    private static string Describe(ParserSpec spec, MemberSpec member)
    {
        var what = member.Source switch
        {
            MemberSource.Attribute => $"The <c>{member.XmlName}</c> attribute",
            MemberSource.WrappedList => $"The <c>{member.ItemXmlName}</c> items of <c>{member.XmlName}</c>",
            MemberSource.Group => $"The items of the repeated group <c>{SourceWriter.Xml(spec.Classes.First(c => c.TypeName == member.TypeName).Group!.Model)}</c>, in document order",
            MemberSource.Text => member.Documentation ?? "The element's text",
            MemberSource.Presence => member.Documentation ?? $"Whether <c>{member.XmlName}</c> is present",
            _ when member.IsList => $"The <c>{member.XmlName}</c> elements",
            _ => $"The <c>{member.XmlName}</c> element",
        };

        if (member.Source == MemberSource.Text || member.Source == MemberSource.Presence)
        {
            return what;
        }

        var condition = member.IsList
            ? "; empty when there are none."
            : member.DefaultValue is not null
                ? $"; <c>{SourceWriter.Xml(member.DefaultValue)}</c> when absent."
                : member.Required ? "." : "; null when absent.";
        var extra = member.Documentation is null ? "" : " " + member.Documentation;
        return what + condition + extra;
    }

    private static string DefaultLiteral(ParserSpec spec, MemberSpec member)
    {
        var text = member.DefaultValue!.Trim();
        return member.Value switch
        {
            XmlValueType.Int32 when int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i) => i.ToString(CultureInfo.InvariantCulture),
            XmlValueType.Int64 when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) => l.ToString(CultureInfo.InvariantCulture) + "L",
            XmlValueType.Decimal when decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) => d.ToString(CultureInfo.InvariantCulture) + "m",
            XmlValueType.Boolean => text is "1" or "true" ? "true" : "false",
            XmlValueType.Enum => $"{member.TypeName}.{EnumMember(spec, member.TypeName!, text)}",
            XmlValueType.String => SourceWriter.Literal(member.DefaultValue),
            _ => "default",
        };
    }

    internal static string EnumMember(ParserSpec spec, string enumName, string value)
        => spec.Enums.First(e => e.TypeName == enumName).Members.FirstOrDefault(m => m.XmlValue == value)?.Name ?? "Unknown";

    private static void EmitChoiceEnum(SourceWriter writer, ParserSpec spec, ClassSpec @class, ChoiceSpec choice)
    {
        writer.WriteSummary($"Which branch of a choice in <c>{SourceWriter.Xml(@class.SchemaName)}</c> came.");
        writer.OpenType($"{spec.Accessibility} enum {choice.EnumName}");
        writer.WriteSummary("None of the branches came.");
        writer.WriteLine("None = 0,");
        foreach (var branch in choice.Branches)
        {
            writer.WriteLine();
            writer.WriteSummary($"<c>{string.Join("</c>, <c>", branch.XmlNames)}</c> came.");
            writer.WriteLine(branch.MemberName + ",");
        }

        writer.CloseBlock();
    }

    private static void EmitEnum(SourceWriter writer, ParserSpec spec, EnumSpec @enum)
    {
        writer.WriteSummary(@enum.Documentation ?? $"The values of <c>{@enum.TypeName}</c>.");
        writer.OpenType($"{spec.Accessibility} enum {@enum.TypeName}");
        writer.WriteSummary("A value this version of the schema does not list; the raw text is kept beside the property.");
        writer.WriteLine("Unknown = 0,");
        foreach (var member in @enum.Members)
        {
            writer.WriteLine();
            writer.WriteSummary($"<c>{SourceWriter.Xml(member.XmlValue)}</c>");
            writer.WriteLine(member.Name + ",");
        }

        writer.CloseBlock();
    }
}
