using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace QualysGen.Simulator.Schemas;

/// <summary>
/// The schemas the simulator serves, as Qualys serves them: every DTD and XSD of QualysGen's <c>specs/</c> at each path its
/// catalog (<c>specs/qualysgen.catalog.json</c>) records (<c>/api/2.0/simple_return.dtd</c>, <c>/qps/xsd/3.0/was/wasscan.xsd</c>, ...),
/// to anyone (no auth, like Qualys' DTD URLs). A test can publish a changed version, as Qualys does between releases.
/// </summary>
public sealed class SchemaPublisher
{
    private const string ResourcePrefix = "Schemas/";
    private const string CatalogFile = "qualysgen.catalog.json";

    private readonly Dictionary<string, string> _original = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _current = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, IReadOnlyList<string>> _paths = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _byPath = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    internal SchemaPublisher()
    {
        var assembly = typeof(SchemaPublisher).Assembly;
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            var name = resource.Substring(ResourcePrefix.Length);
            var text = reader.ReadToEnd();
            if (name == CatalogFile)
            {
                ReadCatalog(text);
            }
            else
            {
                _original[name] = text;
            }
        }

        foreach (var (name, text) in _original)
        {
            _current[name] = text;
        }
    }

    /// <summary>The schema files it serves.</summary>
    public IReadOnlyList<string> Files => _paths.Keys.Where(_original.ContainsKey).OrderBy(n => n, StringComparer.Ordinal).ToList();

    /// <summary>The paths <paramref name="fileName"/> is served at.</summary>
    public IReadOnlyList<string> PathsOf(string fileName) => _paths.TryGetValue(fileName, out var paths) ? paths : throw Unknown(fileName);

    /// <summary>The version of <paramref name="fileName"/> it serves now.</summary>
    public string Current(string fileName)
    {
        lock (_gate)
        {
            return _current.TryGetValue(fileName, out var text) ? text : throw Unknown(fileName);
        }
    }

    /// <summary>Serves <paramref name="text"/> as the new version of <paramref name="fileName"/> (a DTD or an XSD).</summary>
    public void Publish(string fileName, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        lock (_gate)
        {
            if (!_current.ContainsKey(fileName))
            {
                throw Unknown(fileName);
            }

            _current[fileName] = text;
        }
    }

    /// <summary>Applies <paramref name="edits"/> to the DTD served now and serves the result; returns it.</summary>
    /// <exception cref="InvalidOperationException">An edit does not fit the DTD (an undeclared element, a child that is not there).</exception>
    public string Publish(string fileName, params DtdEdit[] edits)
    {
        ArgumentNullException.ThrowIfNull(edits);
        if (!fileName.EndsWith(".dtd", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException("DTD edits apply to a .dtd file; publish an XSD's new text with Publish(fileName, text).", nameof(fileName));
        }

        lock (_gate)
        {
            var text = edits.Aggregate(Current(fileName), DtdEditor.Apply);
            Publish(fileName, text);
            return text;
        }
    }

    /// <summary>Serves the project's own version of every schema again.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            foreach (var (name, text) in _original)
            {
                _current[name] = text;
            }
        }
    }

    /// <summary>The schema served at <paramref name="path"/>, or null.</summary>
    internal string? Find(string path)
    {
        lock (_gate)
        {
            return _byPath.TryGetValue(path, out var name) && _current.TryGetValue(name, out var text) ? text : null;
        }
    }

    private void ReadCatalog(string json)
    {
        using var document = JsonDocument.Parse(json);
        foreach (var schema in document.RootElement.GetProperty("schemas").EnumerateObject())
        {
            var paths = schema.Value.GetProperty("paths").EnumerateArray().Select(p => p.GetString()!).ToList();
            _paths[schema.Name] = paths;
            foreach (var path in paths)
            {
                _byPath[path] = schema.Name;
            }
        }
    }

    private static ArgumentException Unknown(string fileName) => new($"The simulator serves no schema named '{fileName}'.", nameof(fileName));
}
