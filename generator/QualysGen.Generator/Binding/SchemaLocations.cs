using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using QualysGen.Generator.Model;

namespace QualysGen.Generator.Binding;

/// <summary>
/// Places the binder's diagnostics: the binder sees only the schema, which holds no locations, and names the declaration a
/// diagnostic is about by a <see cref="SchemaLocationSpec"/> key; the reader kept where each is.
/// </summary>
internal static class SchemaLocations
{
    /// <summary><paramref name="diagnostics"/>, each with a key moved to its declaration in the file it is reported in.</summary>
    public static EquatableArray<DiagnosticSpec> Place(EquatableArray<DiagnosticSpec> diagnostics, ImmutableArray<SchemaReadResult> reads)
    {
        if (diagnostics.All(d => d.LocationKey is null))
        {
            return diagnostics;
        }

        var byFile = new Dictionary<string, EquatableArray<SchemaLocationSpec>>(StringComparer.Ordinal);
        foreach (var read in reads)
        {
            if (read.Schema is { } schema)
            {
                byFile[schema.FilePath] = read.Locations;
            }
        }

        return diagnostics.Select(d => d.LocationKey is { } key && d.Location is { } file
                && byFile.TryGetValue(file.FilePath, out var locations) && locations.FirstOrDefault(l => l.Key == key) is { } found
            ? d with { Location = found.Location }
            : d).ToEquatableArray();
    }
}
