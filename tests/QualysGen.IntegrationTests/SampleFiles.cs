using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace QualysGen.IntegrationTests;

/// <summary>The fixture responses under <c>Samples/</c> and the values documented for them in <c>Samples/fo/expected.json</c>.</summary>
internal static class SampleFiles
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Samples", "fo");

    public static Stream Open(string name) => File.OpenRead(Path.Combine(Directory, name));

    public static IReadOnlyList<ExpectedSample> Expected { get; } = Load();

    public static IEnumerable<object[]> WithRoot(string root)
        => Expected.Where(s => s.Root == root).Select(s => new object[] { s.File });

    public static ExpectedSample Get(string file) => Expected.Single(s => s.File == file);

    private static List<ExpectedSample> Load()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Directory, "expected.json")));
        return document.RootElement.EnumerateArray()
            .Select(e => new ExpectedSample(
                e.GetProperty("file").GetString()!,
                e.GetProperty("root").GetString()!,
                e.GetProperty("values").EnumerateObject()
                    .Where(p => p.Value.ValueKind == JsonValueKind.String)
                    .ToDictionary(p => p.Name, p => p.Value.GetString()!)))
            .ToList();
    }
}

internal sealed record ExpectedSample(string File, string Root, IReadOnlyDictionary<string, string> Values);
