using System.Collections.Generic;
using System.Linq;
using QualysGen.Generator.Binding;
using QualysGen.Generator.Model;

namespace QualysGen.Generator.Emitters;

/// <summary>
/// Large enumerations in emitted code. A <c>switch</c> over an enum's values reads best, but the compiler's time for one grows
/// with the square of its cases (a string switch of 8,000 cases: 44 s; 50,000 did not finish); past
/// <see cref="MaxSwitchCases"/> the parser and the writer look values up in a dictionary built on first use from two arrays,
/// which compiles in linear time.
/// </summary>
internal static class EnumTables
{
    /// <summary>The most values matched with a <c>switch</c>.</summary>
    public const int MaxSwitchCases = 128;

    /// <summary>The name of the helper <see cref="WriteIndexMethod"/> emits.</summary>
    public const string IndexMethod = "EnumIndex";

    public static bool IsLarge(EnumSpec @enum) => @enum.Members.Count > MaxSwitchCases;

    /// <summary>The lazily filled field that holds an enum's dictionary, <c>s_scanStatusTexts</c>.</summary>
    public static string Field(EnumSpec @enum, string suffix) => "s_" + CSharpNames.ToLocalName(@enum.TypeName).TrimStart('@') + suffix;

    /// <summary>Emits, once per class that needs it, the helper that makes a dictionary of two parallel arrays.</summary>
    public static void WriteIndexMethod(SourceWriter w, IEnumerable<EnumSpec> enums)
    {
        if (!enums.Any(IsLarge))
        {
            return;
        }

        w.WriteLine();
        w.OpenBlock($"private static global::System.Collections.Generic.Dictionary<TKey, TValue> {IndexMethod}<TKey, TValue>(TKey[] keys, TValue[] values, global::System.Collections.Generic.IEqualityComparer<TKey>? comparer)\n    where TKey : notnull");
        w.WriteLine("var index = new global::System.Collections.Generic.Dictionary<TKey, TValue>(keys.Length, comparer);");
        w.OpenBlock("for (var i = 0; i < keys.Length; i++)");
        w.WriteLine("index[keys[i]] = values[i];");
        w.CloseBlock();
        w.WriteLine();
        w.WriteLine("return index;");
        w.CloseBlock();
    }

    /// <summary>Emits the statement <c>{prefix}EnumIndex(texts, values, comparer);</c> (or values to texts).</summary>
    public static void WriteIndex(SourceWriter w, string prefix, EnumSpec @enum, bool byText)
    {
        w.WriteLine($"{prefix}{IndexMethod}(");
        if (byText)
        {
            WriteTexts(w, @enum);
            w.WriteLine("    ,");
            WriteValues(w, @enum);
            w.WriteLine("    , global::System.StringComparer.Ordinal);");
        }
        else
        {
            WriteValues(w, @enum);
            w.WriteLine("    ,");
            WriteTexts(w, @enum);
            w.WriteLine("    , null);");
        }
    }

    private static void WriteTexts(SourceWriter w, EnumSpec @enum)
    {
        w.WriteLine("    new string[]");
        w.WriteLine("    {");
        foreach (var member in @enum.Members)
        {
            w.WriteLine($"        {SourceWriter.Literal(member.XmlValue)},");
        }

        w.WriteLine("    }");
    }

    private static void WriteValues(SourceWriter w, EnumSpec @enum)
    {
        w.WriteLine($"    new {@enum.TypeName}[]");
        w.WriteLine("    {");
        foreach (var member in @enum.Members)
        {
            w.WriteLine($"        {@enum.TypeName}.{member.Name},");
        }

        w.WriteLine("    }");
    }
}
