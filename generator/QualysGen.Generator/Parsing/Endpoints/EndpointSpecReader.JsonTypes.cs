using System.Collections.Generic;
using QualysGen.Generator.Diagnostics;
using QualysGen.Generator.Model;
using QualysGen.Generator.Parsing.Json;

namespace QualysGen.Generator.Parsing.Endpoints;

/// <summary>JSON response types: objects of scalar properties that a generated <c>Utf8JsonReader</c> reader fills.</summary>
internal sealed partial class EndpointSpecReader
{
    private const string JsonTypeList = "string, bool, int, long, decimal, DateTimeOffset";

    private static readonly Dictionary<string, EndpointJsonValueKind> JsonValueNames = new()
    {
        ["string"] = EndpointJsonValueKind.String,
        ["bool"] = EndpointJsonValueKind.Boolean,
        ["int"] = EndpointJsonValueKind.Int32,
        ["long"] = EndpointJsonValueKind.Int64,
        ["decimal"] = EndpointJsonValueKind.Decimal,
        ["DateTimeOffset"] = EndpointJsonValueKind.DateTimeOffset,
    };

    private EndpointJsonTypeDeclaration? ReadJsonType(JsonProperty type)
        => ReadDescribedMap(type, "JSON type", "a JSON type", "properties", "an object whose keys are the JSON property names", "JSON property", ReadJsonProperty)
            is { } read
            ? new EndpointJsonTypeDeclaration(type.Name, At(type.NamePosition), read.Description, read.Entries.ToEquatableArray())
            : null;

    private EndpointJsonPropertyDeclaration? ReadJsonProperty(JsonProperty member)
    {
        JsonNode? typeNode = member.Value is JsonString ? member.Value : null;
        bool required = false, ok = true;
        string? name = null, description = null;
        if (member.Value is JsonObject body)
        {
            Members("a JSON property")
                .On("type", property => typeNode = property.Value)
                .On("required", property => required = Boolean(property) ?? false)
                .On("name", property =>
                {
                    name = ReadIdentifier(property);
                    ok &= name is not null;
                })
                .On("description", property => description = Text(property))
                .Required("type", member.NamePosition, $"JSON property '{member.Name}' needs a 'type'")
                .Read(body);
        }
        else if (typeNode is null)
        {
            Bad(member.Value, $"JSON property '{member.Name}' must be a type name or an object with 'type'");
            return null;
        }

        if (typeNode is JsonString t && JsonValueNames.TryGetValue(t.Value, out var kind))
        {
            return ok ? new EndpointJsonPropertyDeclaration(member.Name, At(member.NamePosition), kind, required, name, description) : null;
        }

        if (typeNode is not null)
        {
            Report(EndpointDiagnosticDescriptors.UnknownParameterType, typeNode.Position, ScalarText(typeNode) ?? "", "JSON property", JsonTypeList);
        }

        return null;
    }
}
