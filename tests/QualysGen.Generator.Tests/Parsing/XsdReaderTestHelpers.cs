using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using QualysGen.Generator.Model;
using QualysGen.Generator.Parsing;

namespace QualysGen.Generator.Tests.Parsing;

/// <summary>Shared helpers for the XSD reader tests.</summary>
internal static class XsdReaderTestHelpers
{
    public const string FilePath = "/repo/specs/test.xsd";

    private static readonly IReadOnlyDictionary<string, string> NoOtherFiles = new Dictionary<string, string>();

    public static string SpecPath(string fileName) => Path.Combine(AppContext.BaseDirectory, "specs", fileName);

    public static SchemaReadResult Read(string text, IReadOnlyDictionary<string, string>? otherFiles = null)
        => XsdReader.Read(FilePath, text, otherFiles ?? NoOtherFiles);

    /// <summary>Reads <paramref name="text"/> and asserts that it produced no diagnostics.</summary>
    public static SchemaSpec ReadClean(string text, IReadOnlyDictionary<string, string>? otherFiles = null)
    {
        var result = Read(text, otherFiles);
        Assert.True(result.Diagnostics.IsEmpty, "Unexpected diagnostics:\n" + Describe(result));
        Assert.NotNull(result.Schema);
        return result.Schema!;
    }

    /// <summary>A schema document in the XSD namespace with <paramref name="body"/> as its content.</summary>
    public static string Xsd(string body, string attributes = "")
        => "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\"" + (attributes.Length == 0 ? "" : " " + attributes) + ">\n" + body + "\n</xs:schema>";

    public static ElementSpec Spec(this SchemaSpec schema, string key)
    {
        var element = schema.Elements.FirstOrDefault(e => e.Name == key);
        Assert.True(element is not null, $"No spec with key '{key}'; keys: {string.Join(", ", Keys(schema))}");
        return element!;
    }

    public static string[] Keys(this SchemaSpec schema) => schema.Elements.Select(e => e.Name).ToArray();

    /// <summary>The element particle named <paramref name="name"/> anywhere in <paramref name="element"/>'s content model.</summary>
    public static ParticleSpec Child(this ElementSpec element, string name)
    {
        var found = Flatten(element.Particle).FirstOrDefault(p => p.Kind == ParticleKind.Element && p.Name == name);
        Assert.True(found is not null, $"'{element.Name}' has no child '{name}'");
        return found!;
    }

    /// <summary>The spec describing the content of child <paramref name="name"/> of <paramref name="parentKey"/>.</summary>
    public static ElementSpec ChildSpec(this SchemaSpec schema, string parentKey, string name)
        => schema.Spec(schema.Spec(parentKey).Child(name).ContentRef!);

    public static AttributeSpec Attribute(this ElementSpec element, string name)
    {
        var attribute = element.Attributes.FirstOrDefault(a => a.Name == name);
        Assert.True(attribute is not null, $"'{element.Name}' has no attribute '{name}'; attributes: {string.Join(", ", element.Attributes.Select(a => a.Name))}");
        return attribute!;
    }

    public static IEnumerable<ParticleSpec> Flatten(ParticleSpec? particle)
    {
        if (particle is null)
        {
            yield break;
        }

        yield return particle;
        foreach (var child in particle.Children)
        {
            foreach (var descendant in Flatten(child))
            {
                yield return descendant;
            }
        }
    }

    public static ParticleSpec E(string name, string contentRef, Occurrence occurs = Occurrence.One)
        => ParticleSpec.Element(name, contentRef, occurs);

    public static ParticleSpec Seq(params ParticleSpec[] children) => ParticleSpec.Group(ParticleKind.Sequence, Occurrence.One, children);

    /// <summary>The only diagnostic with <paramref name="id"/>; fails when there is none or several.</summary>
    public static DiagnosticSpec OnlyDiagnostic(this SchemaReadResult result, string id)
    {
        var matches = result.Diagnostics.Where(d => d.Id == id).ToArray();
        Assert.True(matches.Length == 1, $"Expected exactly one {id}:\n" + Describe(result));
        return matches[0];
    }

    /// <summary>Asserts the diagnostic's location (zero-based line and column) and, when given, the text its span covers.</summary>
    public static void AssertLocatedAt(this DiagnosticSpec diagnostic, string text, int line, int column, string? spanText = null)
    {
        Assert.NotNull(diagnostic.Location);
        var location = diagnostic.Location!;
        Assert.Equal(FilePath, location.FilePath);
        Assert.Equal((line, column), (location.Line, location.Column));
        Assert.Equal((line, column + location.Length), (location.EndLine, location.EndColumn));
        Assert.InRange(location.Start, 0, text.Length);
        Assert.InRange(location.Start + location.Length, 0, text.Length);
        Assert.Equal(line, CountLines(text, location.Start));
        if (spanText is not null)
        {
            Assert.Equal(spanText, text.Substring(location.Start, location.Length));
        }
    }

    public static string Describe(SchemaReadResult result)
        => string.Join(
            Environment.NewLine,
            result.Diagnostics.Select(d => $"{d.Id} ({d.Location?.Line},{d.Location?.Column}) len {d.Location?.Length}: {string.Join(" | ", d.MessageArgs)}"));

    private static int CountLines(string text, int offset)
    {
        var lines = 0;
        for (var i = 0; i < offset; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
            {
                lines++;
            }
        }

        return lines;
    }
}
