using System;
using System.Collections.Generic;

namespace QualysGen.Tool.Cli;

/// <summary>A command's arguments: positional values, <c>--name value</c> options and <c>--flag</c>s.</summary>
internal sealed class ParsedArguments
{
    private readonly Dictionary<string, string> _values;
    private readonly HashSet<string> _flags;

    public ParsedArguments(IReadOnlyList<string> positionals, Dictionary<string, string> values, HashSet<string> flags)
    {
        Positionals = positionals;
        _values = values;
        _flags = flags;
    }

    public IReadOnlyList<string> Positionals { get; }

    public bool Has(string flag) => _flags.Contains(flag);

    public string? Value(string option) => _values.TryGetValue(option, out var value) ? value : null;

    /// <summary>An option whose value must name a member of <typeparamref name="T"/> (case-insensitive); <paramref name="fallback"/> when absent.</summary>
    public T Choice<T>(string option, T fallback)
        where T : struct, Enum
    {
        if (Value(option) is not { } text)
        {
            return fallback;
        }

        if (Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(value) && !int.TryParse(text, out _))
        {
            return value;
        }

        throw new ToolException($"{option} must be one of {string.Join(", ", Array.ConvertAll(Enum.GetNames<T>(), n => n.ToLowerInvariant()))}, not '{text}'.");
    }
}
