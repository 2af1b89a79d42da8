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

        return char.IsDigit(builder[0]) ? digitPrefix + builder : builder.ToString();
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

    /// <summary>A camelCase local variable name for a property name, never a C# keyword.</summary>
    public static string ToLocalName(string propertyName)
    {
        var local = char.ToLowerInvariant(propertyName[0]) + propertyName.Substring(1);
        return Keywords.Contains(local) ? "@" + local : local;
    }

    private static readonly HashSet<string> Keywords = new()
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const", "continue",
        "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern", "false", "finally",
        "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface", "internal", "is", "lock",
        "long", "namespace", "new", "null", "object", "operator", "out", "override", "params", "private", "protected",
        "public", "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc", "static", "string",
        "struct", "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort",
        "using", "virtual", "void", "volatile", "while", "value", "names", "reader",
    };
}
