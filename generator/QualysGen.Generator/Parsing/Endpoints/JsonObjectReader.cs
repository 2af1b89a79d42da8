using System;
using System.Collections.Generic;
using System.Linq;
using QualysGen.Generator.Parsing.Json;

namespace QualysGen.Generator.Parsing.Endpoints;

/// <summary>
/// Reads one JSON object of a spec file against the table of its keys: each member goes to the reader of its key, in document order;
/// a key not in the table is reported with the keys the object has; a key given again is reported and only its first value is read
/// (a later one would add a second set of versions or rules, or silently win); after the walk, each required key that is missing is
/// reported at its place. Every object shape of a spec file is one such table.
/// </summary>
internal sealed class JsonObjectReader
{
    private readonly List<string> _keys = new();
    private readonly Dictionary<string, Action<JsonProperty>?> _readers = new(StringComparer.Ordinal);
    private readonly List<(IReadOnlyList<string> Keys, JsonPosition At, string Message)> _required = new();
    private readonly Action<JsonPosition, string> _report;
    private readonly Action<JsonProperty, IReadOnlyList<string>>? _unknown;

    /// <param name="report">Reports a missing required key or a repeated key: where and the message.</param>
    /// <param name="unknown">Reports a key not in the table, given the keys of the table in order; null when another reader of the
    /// same object (which has this one's keys in its table) reports unknown and repeated keys.</param>
    public JsonObjectReader(Action<JsonPosition, string> report, Action<JsonProperty, IReadOnlyList<string>>? unknown)
    {
        _report = report;
        _unknown = unknown;
    }

    /// <summary>Reads the value of <paramref name="key"/> with <paramref name="read"/>.</summary>
    public JsonObjectReader On(string key, Action<JsonProperty> read) => Add(key, read);

    /// <summary>Reads the value of each of <paramref name="keys"/> with <paramref name="read"/>.</summary>
    public JsonObjectReader On(IEnumerable<string> keys, Action<JsonProperty> read)
    {
        foreach (var key in keys)
        {
            Add(key, read);
        }

        return this;
    }

    /// <summary>Keys the object has that this reader leaves alone (another reader reads them, or nothing does).</summary>
    public JsonObjectReader Skip(IEnumerable<string> keys)
    {
        foreach (var key in keys)
        {
            Add(key, null);
        }

        return this;
    }

    /// <summary>Reports <paramref name="message"/> at <paramref name="at"/> when the object lacks <paramref name="key"/>.</summary>
    public JsonObjectReader Required(string key, JsonPosition at, string message) => Required([key], at, message);

    /// <summary>Reports <paramref name="message"/> at <paramref name="at"/>, once, when the object lacks one or more of <paramref name="keys"/>.</summary>
    public JsonObjectReader Required(IReadOnlyList<string> keys, JsonPosition at, string message)
    {
        _required.Add((keys, at, message));
        return this;
    }

    /// <summary>Walks <paramref name="body"/>; true when it has every required key.</summary>
    public bool Read(JsonObject body)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in body.Properties)
        {
            if (!_readers.TryGetValue(property.Name, out var read))
            {
                _unknown?.Invoke(property, _keys);
            }
            else if (!seen.Add(property.Name))
            {
                if (_unknown is not null)
                {
                    _report(property.NamePosition, $"Property '{property.Name}' is given more than once; an object has each key once");
                }
            }
            else
            {
                read?.Invoke(property);
            }
        }

        var complete = true;
        foreach (var (keys, at, message) in _required)
        {
            if (keys.Any(key => body.Find(key) is null))
            {
                _report(at, message);
                complete = false;
            }
        }

        return complete;
    }

    private JsonObjectReader Add(string key, Action<JsonProperty>? read)
    {
        _keys.Add(key);
        _readers.Add(key, read);
        return this;
    }
}
