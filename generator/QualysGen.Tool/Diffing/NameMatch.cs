using System;
using System.Collections.Generic;
using System.Linq;

namespace QualysGen.Tool.Diffing;

/// <summary>
/// Pairs the items of two versions by name: same name first, then the same name in another case (a rename of case, which
/// C# and the XML parser both see as a different name). What is left over was removed or added.
/// </summary>
internal sealed class NameMatch<T>
{
    private NameMatch(List<T> removed, List<T> added, List<(T Old, T New, bool CaseRenamed)> pairs)
    {
        Removed = removed;
        Added = added;
        Pairs = pairs;
    }

    public IReadOnlyList<T> Removed { get; }

    public IReadOnlyList<T> Added { get; }

    public IReadOnlyList<(T Old, T New, bool CaseRenamed)> Pairs { get; }

    public static NameMatch<T> Of(IEnumerable<T> oldItems, IEnumerable<T> newItems, Func<T, string> name)
    {
        var removed = new List<T>();
        var pairs = new List<(T, T, bool)>();
        var remaining = newItems.ToList();
        var unmatched = new List<T>();
        foreach (var item in oldItems)
        {
            var index = remaining.FindIndex(n => string.Equals(name(n), name(item), StringComparison.Ordinal));
            if (index >= 0)
            {
                pairs.Add((item, remaining[index], false));
                remaining.RemoveAt(index);
            }
            else
            {
                unmatched.Add(item);
            }
        }

        foreach (var item in unmatched)
        {
            var index = remaining.FindIndex(n => string.Equals(name(n), name(item), StringComparison.OrdinalIgnoreCase));
            if (index >= 0)
            {
                pairs.Add((item, remaining[index], true));
                remaining.RemoveAt(index);
            }
            else
            {
                removed.Add(item);
            }
        }

        return new NameMatch<T>(removed, remaining, pairs);
    }
}
