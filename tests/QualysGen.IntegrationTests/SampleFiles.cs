using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using QualysGen.Tests;

namespace QualysGen.IntegrationTests;

/// <summary>
/// The FO sample responses and the values documented for them in <c>Samples/fo/expected.json</c>: the project's own, written
/// from the seed documents, under <c>Samples/fo/</c> (an entry's <c>file</c>), and those of the reference material, read in
/// place from <see cref="ReferenceFiles"/> (an entry's <c>reference</c>, a path such as <c>samples/docs/x.xml</c>).
/// </summary>
internal static class SampleFiles
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Samples", "fo");

    public static IReadOnlyList<ExpectedSample> Expected { get; } = Load();

    /// <summary>Opens a sample by its name in <c>expected.json</c>, or a file of <c>Samples/fo/</c>.</summary>
    public static Stream Open(string name)
        => Expected.Any(s => s.File == name && s.IsReference) ? ReferenceFiles.Open(name) : File.OpenRead(Path.Combine(Directory, name));

    /// <summary>Theory rows: the names of the documented samples with this root, the project's own or the reference ones.</summary>
    public static IEnumerable<object[]> WithRoot(string root, bool reference)
        => Expected.Where(s => s.Root == root && s.IsReference == reference).Select(s => new object[] { s.File });

    public static ExpectedSample Get(string file) => Expected.Single(s => s.File == file);

    private static List<ExpectedSample> Load()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Directory, "expected.json")));
        return document.RootElement.EnumerateArray()
            .Select(e =>
            {
                var isReference = e.TryGetProperty("reference", out var reference);
                return new ExpectedSample(
                    (isReference ? reference : e.GetProperty("file")).GetString()!,
                    isReference,
                    e.GetProperty("root").GetString()!,
                    e.GetProperty("values").EnumerateObject()
                        .Where(p => p.Value.ValueKind == JsonValueKind.String)
                        .ToDictionary(p => p.Name, p => p.Value.GetString()!));
            })
            .ToList();
    }
}

internal sealed record ExpectedSample(string File, bool IsReference, string Root, IReadOnlyDictionary<string, string> Values);
