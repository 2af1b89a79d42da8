using System;
using System.Collections.Generic;

namespace QualysGen.Generator.Binding;

/// <summary>
/// The names of one C# scope (a namespace's types, a class's members, an enum's members), and the one rule by which every name
/// the generator makes is given out (README, "Names"):
/// <list type="number">
/// <item>the generator's own names in the scope (helpers, entry points, <c>…Raw</c> companions, the enclosing type's name, names
/// that would hide a namespace or type) are reserved, and a name made from the schema that meets one gets its kind's suffix
/// (<c>Element</c>, <c>Attribute</c>, <c>Type</c>, …);</item>
/// <item>an attribute and a child element of one name (<c>@id</c>, <c>ID</c>) are not: the later takes its suffix (<c>IdElement</c>);</item>
/// <item>two schema names that make the same C# name are a collision: the later one is numbered (<c>ScanId2</c>) and
/// reported (QG0901), as are two that differ only in case (kept as they are);</item>
/// <item>a name the generator makes for itself (<see cref="Take"/>) gets its fallback, or a number, when taken.</item>
/// </list>
/// </summary>
internal sealed class UniqueNames
{
    // Every name taken, with the schema name it was made from (null: the generator's own).
    private readonly Dictionary<string, string?> _owners = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _byFoldedCase = new(StringComparer.OrdinalIgnoreCase);

    // The next number to try per numbered name, so that many names made alike (a hostile enumeration) stay linear.
    private readonly Dictionary<string, int> _nextNumber = new(StringComparer.Ordinal);

    public UniqueNames(params string[] reserved)
    {
        foreach (var name in reserved)
        {
            Reserve(name);
        }
    }

    /// <summary>What <see cref="TakeFor"/> found: two schema names that make one C# name (or two differing only in case).</summary>
    public List<NameCollision> Collisions { get; } = new();

    public bool IsTaken(string name) => _owners.ContainsKey(name);

    /// <summary>Reserves one of the generator's own names.</summary>
    public void Reserve(string name) => Add(name, owner: null);

    /// <summary>A name the generator makes for itself: <paramref name="name"/> if free, else <paramref name="fallback"/>, else <c>name2</c>, <c>name3</c>, …</summary>
    public string Take(string name, string? fallback = null)
    {
        if (!IsTaken(name))
        {
            return Add(name, owner: null);
        }

        return fallback is not null && !IsTaken(fallback) ? Add(fallback, owner: null) : Add(Numbered(name, companion: null), owner: null);
    }

    /// <summary>
    /// A name made from the schema name <paramref name="schemaName"/>. With a <paramref name="companion"/> (<c>Raw</c>), the name
    /// plus the companion is taken too, as the generator's own.
    /// </summary>
    /// <param name="schemaName">The element, attribute or type name the C# name is made from (for the collision report).</param>
    /// <param name="name">The C# name wanted.</param>
    /// <param name="suffix">What is appended when the name is one of the generator's own (<c>Element</c>, <c>Attribute</c>, …).</param>
    /// <param name="companion">The suffix of a second member the name comes with, or null.</param>
    /// <param name="fallback">A name that says as much, taken first when <paramref name="name"/> is not free (a flattened list's
    /// wrapper name), or null.</param>
    public string TakeFor(string schemaName, string name, string suffix, string? companion = null, string? fallback = null)
    {
        var chosen = name;
        if (!IsFree(name, companion) && fallback is not null && IsFree(fallback, companion))
        {
            chosen = fallback;
        }
        else if (!IsFree(name, companion))
        {
            var other = _owners.TryGetValue(name, out var owner) ? owner : null;
            if (other is not null && other != schemaName && !IsSameName(other, schemaName))
            {
                // Two schema names, one C# name: neither is the generator's to rename by rule.
                chosen = Numbered(name, companion);
                Collisions.Add(new NameCollision(schemaName, name, other, chosen));
            }
            else
            {
                chosen = IsFree(name + suffix, companion) ? name + suffix : Numbered(name + suffix, companion);
            }
        }
        else if (_byFoldedCase.TryGetValue(name, out var sameButCase) && _owners[sameButCase] is { } caseOwner)
        {
            Collisions.Add(new NameCollision(schemaName, name, caseOwner, name));
        }

        Add(chosen, schemaName);
        if (companion is not null)
        {
            Add(chosen + companion, owner: null);
        }

        return chosen;
    }

    /// <summary>An attribute and a child element of one name (<c>@id</c>, <c>ID</c>): the first keeps it, the other takes its kind's suffix.</summary>
    private static bool IsSameName(string a, string b)
        => a.StartsWith("@", StringComparison.Ordinal) != b.StartsWith("@", StringComparison.Ordinal)
            && string.Equals(a.TrimStart('@'), b.TrimStart('@'), StringComparison.OrdinalIgnoreCase);

    private bool IsFree(string name, string? companion) => !IsTaken(name) && (companion is null || !IsTaken(name + companion));

    private string Numbered(string name, string? companion)
    {
        for (var i = _nextNumber.TryGetValue(name, out var next) ? next : 2; ; i++)
        {
            var candidate = name + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (IsFree(candidate, companion))
            {
                _nextNumber[name] = i + 1;
                return candidate;
            }
        }
    }

    private string Add(string name, string? owner)
    {
        _owners[name] = owner;
        if (!_byFoldedCase.ContainsKey(name))
        {
            _byFoldedCase.Add(name, name);
        }

        return name;
    }
}
