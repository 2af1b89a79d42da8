using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace QualysGen.Tool.Generator;

/// <summary>
/// The generator's inputs in a folder, by the package's convention: every <c>*.dtd</c>, <c>*.xsd</c> and <c>*.endpoints.json</c>
/// (with subfolders, <c>bin</c> and <c>obj</c> left out, unless only the folder itself is asked for).
/// </summary>
internal static class ProjectInputs
{
    public static IReadOnlyList<SourceFile> In(string directory, bool recursive)
    {
        if (!Directory.Exists(directory))
        {
            return [];
        }

        return Directory.EnumerateFiles(directory, "*", recursive ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly)
            .Where(GeneratorFacade.IsInput)
            .Where(p => !recursive || !IsBuildOutput(directory, p))
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => new SourceFile(p, File.ReadAllText(p)))
            .ToList();
    }

    /// <summary>Whether <paramref name="path"/> is under a <c>bin</c> or <c>obj</c> folder of <paramref name="directory"/>.</summary>
    public static bool IsBuildOutput(string directory, string path)
        => Path.GetRelativePath(directory, path).Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Any(part => part is "bin" or "obj");

    public static IReadOnlyList<SourceFile> Specs(IEnumerable<SourceFile> inputs) => inputs.Where(f => GeneratorFacade.IsSpec(f.Path)).ToList();

    public static IReadOnlyList<SourceFile> Schemas(IEnumerable<SourceFile> inputs) => inputs.Where(f => !GeneratorFacade.IsSpec(f.Path)).ToList();
}
