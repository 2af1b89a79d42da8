using System;
using System.Collections.Generic;

namespace QualysGen.Generator.Binding;

/// <summary>Hands out identifiers that are unique within one scope, adding a number to a name already taken.</summary>
internal sealed class UniqueNames
{
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);

    public UniqueNames(params string[] reserved)
    {
        foreach (var name in reserved)
        {
            _taken.Add(name);
        }
    }

    public bool IsTaken(string name) => _taken.Contains(name);

    /// <summary>Returns <paramref name="name"/> if free, else the first free of <paramref name="fallback"/>, <c>name2</c>, <c>name3</c>, …</summary>
    public string Take(string name, string? fallback = null)
    {
        if (_taken.Add(name))
        {
            return name;
        }

        if (fallback is not null && _taken.Add(fallback))
        {
            return fallback;
        }

        for (var i = 2; ; i++)
        {
            var candidate = name + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (_taken.Add(candidate))
            {
                return candidate;
            }
        }
    }
}
