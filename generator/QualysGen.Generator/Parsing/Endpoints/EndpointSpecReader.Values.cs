using System.Collections.Generic;
using System.Linq;
using QualysGen.Generator.Diagnostics;
using QualysGen.Generator.Model;
using QualysGen.Generator.Parsing.Json;

namespace QualysGen.Generator.Parsing.Endpoints;

/// <summary>The values every section reads: texts, booleans, integers, identifiers, scalars, and references to other parts.</summary>
internal sealed partial class EndpointSpecReader
{
    private static bool IsIdentifier(string text)
        => (char.IsLetter(text[0]) || text[0] == '_') && text.All(c => char.IsLetterOrDigit(c) || c == '_') && !Binding.CSharpNames.IsKeyword(text);

    private List<NameReference> References(JsonProperty property, string what)
    {
        var references = new List<NameReference>();
        if (property.Value is not JsonArray array)
        {
            Bad(property.Value, $"'{property.Name}' must be an array; each item is {what}");
            return references;
        }

        foreach (var item in array.Items)
        {
            if (item is JsonString { Value.Length: > 0 } name)
            {
                references.Add(new NameReference(name.Value, At(name.Position)));
            }
            else
            {
                Bad(item, $"Each item of '{property.Name}' is {what}");
            }
        }

        return references;
    }

    /// <summary>A non-empty string naming something declared elsewhere; null (and <paramref name="message"/> reported) otherwise.</summary>
    private NameReference? Reference(JsonProperty property, string message)
        => property.Value is JsonString { Value.Length: > 0 } s ? new NameReference(s.Value, At(s.Position)) : BadNull<NameReference>(property.Value, message);

    private string? ReadIdentifier(JsonProperty property)
    {
        if (property.Value is JsonString { Value.Length: > 0 } s && IsIdentifier(s.Value))
        {
            return s.Value;
        }

        Report(EndpointDiagnosticDescriptors.InvalidIdentifier, property.Value.Position, ScalarText(property.Value) ?? property.Value.Kind.ToString());
        return null;
    }

    private long? ReadInteger(JsonProperty property)
    {
        if (property.Value is JsonNumber number && number.TryGetInt64(out var value))
        {
            return value;
        }

        Bad(property.Value, $"'{property.Name}' must be an integer");
        return null;
    }

    private bool? Boolean(JsonProperty property)
        => property.Value is JsonLiteral { BooleanValue: { } value } ? value : BadBool(property.Value, $"'{property.Name}' must be true or false");

    private ParameterValueDeclaration? ReadScalar(JsonNode node, bool quiet = false)
    {
        switch (node)
        {
            case JsonString s:
                return new ParameterValueDeclaration(s.Value, ParameterValueKind.String, At(s.Position));
            case JsonNumber n:
                return new ParameterValueDeclaration(n.Text, ParameterValueKind.Number, At(n.Position));
            case JsonLiteral { BooleanValue: { } b }:
                return new ParameterValueDeclaration(b ? "true" : "false", ParameterValueKind.Boolean, At(node.Position));
            default:
                if (!quiet)
                {
                    Bad(node, "Expected a string, a number or true/false");
                }

                return null;
        }
    }

    private static string? ScalarText(JsonNode node) => node switch
    {
        JsonString s => s.Value,
        JsonNumber n => n.Text,
        JsonLiteral { BooleanValue: { } b } => b ? "true" : "false",
        _ => null,
    };

    private string? Text(JsonProperty property)
    {
        if (property.Value is JsonString s)
        {
            return s.Value.Length == 0 ? null : s.Value;
        }

        Bad(property.Value, $"'{property.Name}' must be a string");
        return null;
    }
}
