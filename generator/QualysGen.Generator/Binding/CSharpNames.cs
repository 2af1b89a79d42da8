using System.Collections.Generic;
using System.Text;

namespace QualysGen.Generator.Binding;

/// <summary>Turns XML names and values into C# identifiers, the same way everywhere.</summary>
internal static class CSharpNames
{
    /// <summary>
    /// <c>COMPLIANCE_SCHEDULE_SCAN_LIST</c> → <c>ComplianceScheduleScanList</c>, <c>frequency_days</c> → <c>FrequencyDays</c>,
    /// <c>webApp.name</c> → <c>WebAppName</c>, <c>NOT EQUALS</c> → <c>NotEquals</c>. Words in capitals are lowered after their first
    /// letter; words in mixed case keep their inner capitals. A name that would start with a digit gets <paramref name="digitPrefix"/>.
    /// </summary>
    public static string ToPascalCase(string name, string digitPrefix = "_")
    {
        var builder = new StringBuilder(name.Length);
        var word = new StringBuilder();
        foreach (var c in name)
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(c);
            }
            else
            {
                AppendWord(builder, word);
            }
        }

        AppendWord(builder, word);
        if (builder.Length == 0)
        {
            return digitPrefix + "Empty";
        }

        var pascal = char.IsDigit(builder[0]) ? digitPrefix + builder : builder.ToString();
        // A hostile schema's names can be of any length; C# allows 512 characters, and some generated names join two.
        return pascal.Length > Parsing.SchemaLimits.MaxNameLength ? pascal.Substring(0, Parsing.SchemaLimits.MaxNameLength) : pascal;
    }

    private static void AppendWord(StringBuilder builder, StringBuilder word)
    {
        if (word.Length == 0)
        {
            return;
        }

        var allUpper = true;
        for (var i = 0; i < word.Length; i++)
        {
            if (char.IsLower(word[i]))
            {
                allUpper = false;
                break;
            }
        }

        builder.Append(char.ToUpperInvariant(word[0]));
        for (var i = 1; i < word.Length; i++)
        {
            builder.Append(allUpper ? char.ToLowerInvariant(word[i]) : word[i]);
        }

        word.Clear();
    }

    /// <summary>An English plural good enough for property names: <c>Scan</c> → <c>Scans</c>, <c>Policy</c> → <c>Policies</c>, <c>Dns</c> → <c>Dnses</c>.</summary>
    public static string Pluralize(string name)
    {
        if (name.Length == 0)
        {
            return name;
        }

        // Already plural: Latin plurals Qualys uses as element names.
        if (name.EndsWith("Criteria", System.StringComparison.Ordinal) || name.EndsWith("Data", System.StringComparison.Ordinal))
        {
            return name;
        }

        if (name.EndsWith("s") || name.EndsWith("x") || name.EndsWith("z") || name.EndsWith("ch") || name.EndsWith("sh"))
        {
            return name + "es";
        }

        if (name.Length > 1 && name[name.Length - 1] == 'y' && "aeiou".IndexOf(name[name.Length - 2]) < 0)
        {
            return name.Substring(0, name.Length - 1) + "ies";
        }

        return name + "s";
    }

    /// <summary>
    /// A camelCase local variable name for a property name, <c>@</c>-prefixed when it is a C# keyword. Only a keyword: <c>@names</c>
    /// is the same identifier as <c>names</c>, so the emitters keep their own locals apart themselves.
    /// </summary>
    public static string ToLocalName(string propertyName)
    {
        var local = char.ToLowerInvariant(propertyName[0]) + propertyName.Substring(1);
        return Keywords.Contains(local) ? "@" + local : local;
    }

    /// <summary>Whether <paramref name="name"/> is a C# keyword, which cannot name a type or member without an <c>@</c>.</summary>
    public static bool IsKeyword(string name) => Keywords.Contains(name) && name != "value";

    /// <summary>
    /// Names a generated type must not have: a type in the generated namespace would hide, from the generated code and from a
    /// user's partial class there, the namespaces they use (<c>System</c>, <c>QualysGen</c>, …) and the types behind C#
    /// keywords and in the generated API.
    /// </summary>
    public static readonly string[] HiddenByTypes =
    {
        "System", "Microsoft", "QualysGen", "Global",
        "String", "Object", "Boolean", "Int32", "Int64", "Decimal", "Double", "DateTime", "DateTimeOffset", "Guid", "Array", "Enum", "Type",
        "Exception", "Stream", "Task", "ValueTask", "CancellationToken", "XmlReader", "XmlWriter", "QualysXmlException",
    };

    /// <summary>What every class inherits from <c>object</c>: a property of that name would hide it.</summary>
    public static readonly string[] ObjectMembers = { "Equals", "GetHashCode", "GetType", "ToString", "MemberwiseClone", "Finalize", "ReferenceEquals" };

    private static readonly HashSet<string> Keywords = new()
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const", "continue",
        "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern", "false", "finally",
        "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface", "internal", "is", "lock",
        "long", "namespace", "new", "null", "object", "operator", "out", "override", "params", "private", "protected",
        "public", "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc", "static", "string",
        "struct", "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort",
        "using", "virtual", "void", "volatile", "while",
        "value", // contextual (a setter's parameter): prefixed all the same
    };
}
