using System;
using System.Collections.Generic;
using System.Linq;
using QualysGen.Generator.Diagnostics;
using QualysGen.Generator.Model;

namespace QualysGen.Generator.Binding;

/// <summary>
/// Finds schema files that generate into one namespace. A schema's namespace and type names come from its file name, so two
/// such files (the same name in two folders, or <c>simple_return.dtd</c> beside <c>SimpleReturn.dtd</c>) would define the same
/// types twice and the consumer's build would fail on the generated code. The first in path order is generated; each other one
/// is reported (QG0902) and left out.
/// </summary>
internal static class SchemaCollisions
{
    public static SchemaCollisionsSpec Find(IEnumerable<SchemaNamespaceSpec> schemas)
    {
        var notGenerated = new List<string>();
        var diagnostics = new List<DiagnosticSpec>();
        var byNamespace = schemas
            .GroupBy(s => s.Namespace, StringComparer.Ordinal)
            .Select(g => (Namespace: g.Key, Paths: g.Select(s => s.FilePath).Distinct(StringComparer.Ordinal).OrderBy(p => p, StringComparer.Ordinal).ToList()))
            .Where(g => g.Paths.Count > 1)
            .OrderBy(g => g.Paths[0], StringComparer.Ordinal);
        foreach (var (ns, paths) in byNamespace)
        {
            var names = HintNames.DisplayNames(paths);
            foreach (var path in paths.Skip(1))
            {
                notGenerated.Add(path);
                diagnostics.Add(DiagnosticSpec.Create(
                    DiagnosticDescriptors.SchemaNamespaceCollision.Id, SourceLocationSpec.At(path, 0, 0, 0, 0), names[path], names[paths[0]], ns));
            }
        }

        return new SchemaCollisionsSpec(
            notGenerated.OrderBy(p => p, StringComparer.Ordinal).ToEquatableArray(),
            diagnostics.OrderBy(d => d.Location!.FilePath, StringComparer.Ordinal).ToEquatableArray());
    }
}
