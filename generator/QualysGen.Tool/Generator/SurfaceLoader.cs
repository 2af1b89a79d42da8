using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using QualysGen.Tool.Cli;
using QualysGen.Tool.Surface;

namespace QualysGen.Tool.Generator;

/// <summary>
/// Reads one version of a schema or spec into the API it generates, among the project inputs beside it (an XSD's includes, the specs
/// that type a DTD, the schemas a spec's responses name). Errors stop the command, as they would stop the build; warnings are shown.
/// </summary>
internal static class SurfaceLoader
{
    /// <summary>Loads <paramref name="file"/> as if it were named <paramref name="fileName"/> (the name decides the namespace and which spec entries type it).</summary>
    public static ApiSurface Load(SourceFile file, string fileName, IReadOnlyList<SourceFile> neighbours, string? rootNamespace, TextWriter warnings, CancellationToken cancellationToken)
    {
        var named = new SourceFile(Path.Combine(Path.GetDirectoryName(file.Path) ?? "", fileName), file.Text);
        var others = neighbours.Where(n => !string.Equals(n.Name, fileName, StringComparison.OrdinalIgnoreCase)).ToList();
        SchemaReading reading;
        if (GeneratorFacade.IsSpec(fileName))
        {
            var specs = ProjectInputs.Specs(others).Append(named).ToList();
            reading = GeneratorFacade.ReadSpec(named, ProjectInputs.Schemas(others), specs, rootNamespace, cancellationToken);
        }
        else
        {
            reading = GeneratorFacade.ReadSchema(named, ProjectInputs.Schemas(others), ProjectInputs.Specs(others), rootNamespace, cancellationToken);
        }

        var errors = reading.Diagnostics.Where(d => d.IsError).ToList();
        if (errors.Count > 0)
        {
            throw new ToolException($"{file.Path} does not generate (as {fileName}):{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", errors.Select(e => e.ToString().Replace(named.Path, file.Path))));
        }

        foreach (var warning in reading.Diagnostics)
        {
            warnings.WriteLine(warning.ToString().Replace(named.Path, file.Path));
        }

        return reading.Surface ?? new ApiSurface(fileName, [], [], []);
    }

    /// <summary>Which kind of input a file is, or a usage error.</summary>
    public static string KindOf(string path)
        => GeneratorFacade.IsSpec(path) ? "endpoint spec"
            : GeneratorFacade.IsDtd(path) ? "DTD"
            : GeneratorFacade.IsXsd(path) ? "XSD"
            : throw new ToolException($"{path} is not a DTD (.dtd), an XSD (.xsd) or an endpoint spec (.endpoints.json).");
}
