using System;
using System.Linq;
using QualysGen.Generator.Model;
using QualysGen.Generator.Parsing;

namespace QualysGen.Generator.Tests.Parsing;

/// <summary>Shared helpers for the DTD reader tests.</summary>
internal static class DtdTestHelpers
{
    public const string FilePath = "/repo/specs/test.dtd";

    public static SchemaReadResult Read(string text) => DtdReader.Read(FilePath, text);

    /// <summary>Reads <paramref name="text"/> and asserts that it produced no diagnostics.</summary>
    public static SchemaSpec ReadClean(string text)
    {
        var result = Read(text);
        Assert.True(result.Diagnostics.IsEmpty, "Unexpected diagnostics:\n" + Describe(result));
        Assert.NotNull(result.Schema);
        return result.Schema!;
    }

    public static ElementSpec Element(this SchemaSpec schema, string name)
    {
        var element = schema.Elements.FirstOrDefault(e => e.Name == name);
        Assert.True(element is not null, $"Element '{name}' was not read; elements: {string.Join(", ", schema.Elements.Select(e => e.Name))}");
        return element!;
    }

    public static ElementSpec Element(this SchemaReadResult result, string name) => result.Schema!.Element(name);

    public static string[] Names(this SchemaSpec schema) => schema.Elements.Select(e => e.Name).ToArray();

    /// <summary>The only diagnostic with <paramref name="id"/>; fails when there is none or several.</summary>
    public static DiagnosticSpec Single(this SchemaReadResult result, string id)
    {
        var matches = result.Diagnostics.Where(d => d.Id == id).ToArray();
        Assert.True(matches.Length == 1, $"Expected exactly one {id}:\n" + Describe(result));
        return matches[0];
    }

    /// <summary>Asserts the diagnostic's location (zero-based line and column) and, when given, its length.</summary>
    public static void AssertAt(this DiagnosticSpec diagnostic, int line, int column, int? length = null)
    {
        Assert.NotNull(diagnostic.Location);
        var location = diagnostic.Location!;
        Assert.Equal(FilePath, location.FilePath);
        Assert.Equal((line, column), (location.Line, location.Column));
        if (length is { } expected)
        {
            Assert.Equal(expected, location.Length);
        }
    }

    /// <summary>The text the diagnostic's span covers in <paramref name="text"/>.</summary>
    public static string SpanText(this DiagnosticSpec diagnostic, string text)
        => text.Substring(diagnostic.Location!.Start, diagnostic.Location.Length);

    public static string Describe(SchemaReadResult result)
        => string.Join(
            Environment.NewLine,
            result.Diagnostics.Select(d => $"{d.Id} ({d.Location?.Line},{d.Location?.Column}) len {d.Location?.Length}: {string.Join(" | ", d.MessageArgs)}"));
}
