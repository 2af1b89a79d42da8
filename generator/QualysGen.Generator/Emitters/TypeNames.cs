using QualysGen.Generator.Model;

namespace QualysGen.Generator.Emitters;

/// <summary>The C# spelling of member types, shared by the emitters.</summary>
internal static class TypeNames
{
    public const string XmlItems = "global::QualysGen.Xml.XmlItems";
    public const string ReadOnlyList = "global::System.Collections.Generic.IReadOnlyList";
    public const string XmlReader = "global::System.Xml.XmlReader";
    public const string XmlParsing = "global::QualysGen.Xml.XmlParsing";
    public const string QualysXmlException = "global::QualysGen.QualysXmlException";
    public const string XmlException = "global::System.Xml.XmlException";
    public const string XmlNodeType = "global::System.Xml.XmlNodeType";
    public const string CancellationToken = "global::System.Threading.CancellationToken";
    public const string Stream = "global::System.IO.Stream";
    public const string XmlParseContext = "global::QualysGen.Xml.XmlParseContext";
    public const string QualysXmlOptions = "global::QualysGen.QualysXmlOptions";

    /// <summary>The type of one value (or one list item) of a member.</summary>
    public static string ItemType(MemberSpec member) => member.IsObject ? member.TypeName! : Value(member.Value, member.TypeName);

    public static string Value(XmlValueType type, string? enumName) => type switch
    {
        XmlValueType.Int32 => "int",
        XmlValueType.Int64 => "long",
        XmlValueType.Boolean => "bool",
        XmlValueType.Decimal => "decimal",
        XmlValueType.DateTimeOffset => "global::System.DateTimeOffset",
        XmlValueType.Enum => enumName!,
        _ => "string",
    };

    /// <summary>Whether <see cref="ItemType"/> is a value type (so "absent" needs a flag or <c>?</c>).</summary>
    public static bool IsValueType(MemberSpec member) => !member.IsObject && member.Value != XmlValueType.String;
}
