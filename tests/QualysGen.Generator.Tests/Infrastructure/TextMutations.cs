using System;
using System.Text;

namespace QualysGen.Generator.Tests.Infrastructure;

/// <summary>Seeded random edits of an input file, for the fuzz tests of the readers and the generator.</summary>
internal static class TextMutations
{
    /// <summary>One to five edits: a fragment inserted, a run removed, a character replaced, or a slice copied elsewhere.</summary>
    public static string Mutate(string source, Random random, string[] fragments)
    {
        var builder = new StringBuilder(source);
        var edits = random.Next(1, 6);
        for (var i = 0; i < edits; i++)
        {
            var position = random.Next(builder.Length + 1);
            switch (random.Next(4))
            {
                case 0:
                    builder.Insert(position, fragments[random.Next(fragments.Length)]);
                    break;
                case 1:
                    builder.Remove(position, Math.Min(random.Next(1, 40), builder.Length - position));
                    break;
                case 2:
                    if (position < builder.Length)
                    {
                        builder[position] = fragments[random.Next(fragments.Length)][0];
                    }

                    break;
                default:
                    // Duplicate a slice elsewhere: repeated declarations, misplaced tags.
                    var start = random.Next(builder.Length);
                    var slice = builder.ToString(start, Math.Min(random.Next(1, 200), builder.Length - start));
                    builder.Insert(position, slice);
                    break;
            }
        }

        return builder.ToString();
    }
}
