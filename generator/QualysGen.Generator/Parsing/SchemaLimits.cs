using System.Collections.Generic;
using QualysGen.Generator.Model;

namespace QualysGen.Generator.Parsing;

/// <summary>
/// The sizes past which a schema is not modelled whole, so that generating and compiling the code stays bounded and
/// linear in the schema. Both readers check them and report what exceeds one (QG0009 for a DTD, QG0104 for an XSD) at its
/// declaration; the README lists them. Real Qualys schemas stay far below every one.
/// </summary>
internal static class SchemaLimits
{
    /// <summary>
    /// Child elements in one content model. The parser of an element reads its children in one method, whose compile time
    /// grows faster than its size (2,000 children: 20 s); the children past this many are not modelled and are skipped
    /// when parsing, as elements the schema does not declare are.
    /// </summary>
    public const int MaxChildren = 1000;

    /// <summary>Attributes of one element; those past this many are not modelled (skipped when parsing).</summary>
    public const int MaxAttributes = 1000;

    /// <summary>Values of one enumeration; a larger one is read as a string.</summary>
    public const int MaxEnumValues = 100_000;

    /// <summary>
    /// Characters of an element, attribute or type name that make up the C# name made from it (C# allows 512 in an
    /// identifier, and generated names join up to two schema names). A longer name is cut.
    /// </summary>
    public const int MaxNameLength = 200;

    /// <summary>How many element references <paramref name="particle"/> holds.</summary>
    public static int CountElements(ParticleSpec? particle)
    {
        var count = 0;
        if (particle is null)
        {
            return 0;
        }

        var stack = new Stack<ParticleSpec>();
        stack.Push(particle);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            if (current.Kind == ParticleKind.Element)
            {
                count++;
            }

            foreach (var child in current.Children)
            {
                stack.Push(child);
            }
        }

        return count;
    }

    /// <summary>
    /// <paramref name="particle"/> with only its first <paramref name="max"/> element references (in document order), and groups
    /// left empty by the cut removed. The recursion follows group nesting, which both readers bound.
    /// </summary>
    public static ParticleSpec? KeepFirstElements(ParticleSpec particle, int max)
    {
        var left = max;
        return Keep(particle, ref left);

        static ParticleSpec? Keep(ParticleSpec particle, ref int left)
        {
            if (particle.Kind == ParticleKind.Element)
            {
                if (left == 0)
                {
                    return null;
                }

                left--;
                return particle;
            }

            var kept = new List<ParticleSpec>();
            foreach (var child in particle.Children)
            {
                if (left == 0)
                {
                    break;
                }

                if (Keep(child, ref left) is { } k)
                {
                    kept.Add(k);
                }
            }

            return kept.Count == 0 ? null : particle with { Children = kept.ToEquatableArray() };
        }
    }
}
