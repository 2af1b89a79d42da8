using System.Collections.Generic;
using System.Linq;
using System.Threading;
using QualysGen.Generator.Diagnostics;
using QualysGen.Generator.Model;
using QualysGen.Generator.Parsing.Json;

namespace QualysGen.Generator.Parsing;

/// <summary>
/// Reads an endpoint spec file (<c>*.endpoints.json</c>). So far it reads the <c>schemas</c> section: for each schema file,
/// the C# types of element texts and attributes and the roots. Every mistake is a diagnostic at its JSON line and column.
/// </summary>
internal sealed class EndpointSpecReader
{
    private static readonly Dictionary<string, XmlValueType> TypeNames = new()
    {
        ["string"] = XmlValueType.String,
        ["int"] = XmlValueType.Int32,
        ["long"] = XmlValueType.Int64,
        ["bool"] = XmlValueType.Boolean,
        ["DateTimeOffset"] = XmlValueType.DateTimeOffset,
        ["decimal"] = XmlValueType.Decimal,
    };

    private static readonly HashSet<string> KnownTopLevel = new() { "$schema", "schemas", "endpoints", "family", "description" };

    private readonly string _filePath;
    private readonly List<DiagnosticSpec> _diagnostics = new();

    private EndpointSpecReader(string filePath) => _filePath = filePath;

    public static SpecFileResult Read(string filePath, string text, CancellationToken cancellationToken)
    {
        var reader = new EndpointSpecReader(filePath);
        var overlays = reader.ReadFile(text, cancellationToken);
        return new SpecFileResult(filePath, overlays.ToEquatableArray(), reader._diagnostics.ToEquatableArray());
    }

    private List<SchemaOverlaySpec> ReadFile(string text, CancellationToken cancellationToken)
    {
        var overlays = new List<SchemaOverlaySpec>();
        var parsed = JsonParser.Parse(text);
        if (parsed.Error is { } error)
        {
            _diagnostics.Add(DiagnosticSpec.Create(DiagnosticDescriptors.JsonSyntaxError.Id, At(error.Position), error.Message));
            return overlays;
        }

        if (parsed.Root is not JsonObject root)
        {
            Invalid(parsed.Root!, "A spec file must be a JSON object");
            return overlays;
        }

        foreach (var property in root.Properties)
        {
            if (!KnownTopLevel.Contains(property.Name))
            {
                Invalid(property, $"Unknown property '{property.Name}'; a spec file has: {string.Join(", ", KnownTopLevel.OrderBy(n => n, System.StringComparer.Ordinal))}");
            }
        }

        if (root.Find("schemas") is not { } schemas)
        {
            return overlays;
        }

        if (schemas.Value is not JsonObject schemaMap)
        {
            Invalid(schemas.Value, "'schemas' must be an object whose keys are schema file names");
            return overlays;
        }

        var seenFiles = new HashSet<string>();
        foreach (var schema in schemaMap.Properties)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!seenFiles.Add(schema.Name))
            {
                Invalid(schema, $"Schema file '{schema.Name}' appears twice in 'schemas'");
                continue;
            }

            if (ReadSchema(schema) is { } overlay)
            {
                overlays.Add(overlay);
            }
        }

        return overlays;
    }

    private SchemaOverlaySpec? ReadSchema(JsonProperty schema)
    {
        if (schema.Value is not JsonObject body)
        {
            Invalid(schema.Value, $"The entry for '{schema.Name}' must be an object with 'types' and/or 'roots'");
            return null;
        }

        var roots = new List<RootOverlaySpec>();
        var types = new List<TypeOverlaySpec>();
        foreach (var property in body.Properties)
        {
            switch (property.Name)
            {
                case "roots":
                    if (property.Value is not JsonArray array)
                    {
                        Invalid(property.Value, "'roots' must be an array of element names");
                        break;
                    }

                    foreach (var item in array.Items)
                    {
                        if (item is JsonString { Value.Length: > 0 } name)
                        {
                            roots.Add(new RootOverlaySpec(name.Value, At(item.Position)));
                        }
                        else
                        {
                            Invalid(item, "A root must be a non-empty element name");
                        }
                    }

                    break;
                case "types":
                    if (property.Value is not JsonObject map)
                    {
                        Invalid(property.Value, "'types' must be an object mapping \"ELEMENT\" or \"ELEMENT@attribute\" to a type");
                        break;
                    }

                    var seen = new HashSet<string>();
                    foreach (var entry in map.Properties)
                    {
                        if (!seen.Add(entry.Name))
                        {
                            _diagnostics.Add(DiagnosticSpec.Create(DiagnosticDescriptors.SpecDuplicateMapping.Id, At(entry.NamePosition), entry.Name, schema.Name));
                            continue;
                        }

                        if (ReadType(entry) is { } type)
                        {
                            types.Add(type);
                        }
                    }

                    break;
                default:
                    Invalid(property, $"Unknown property '{property.Name}' in a schema entry; it has 'types' and 'roots'");
                    break;
            }
        }

        return new SchemaOverlaySpec(schema.Name, At(schema.NamePosition), roots.ToEquatableArray(), types.ToEquatableArray());
    }

    private TypeOverlaySpec? ReadType(JsonProperty entry)
    {
        var at = entry.Name.IndexOf('@');
        var element = at < 0 ? entry.Name : entry.Name.Substring(0, at);
        var attribute = at < 0 ? null : entry.Name.Substring(at + 1);
        if (element.Length == 0 || attribute is { Length: 0 })
        {
            Invalid(entry, $"'{entry.Name}' is not \"ELEMENT\" or \"ELEMENT@attribute\"");
            return null;
        }

        var location = At(entry.NamePosition);
        switch (entry.Value)
        {
            case JsonString name when TypeNames.TryGetValue(name.Value, out var type):
                return new TypeOverlaySpec(element, attribute, type, EquatableArray<string>.Empty, null, location);
            case JsonString name:
                _diagnostics.Add(DiagnosticSpec.Create(DiagnosticDescriptors.SpecUnknownType.Id, At(name.Position), name.Value));
                return null;
            case JsonObject enumObject:
                return ReadEnum(element, attribute, enumObject, location);
            default:
                Invalid(entry.Value, $"The type of '{entry.Name}' must be a type name or {{ \"enum\": [...] }}");
                return null;
        }
    }

    private TypeOverlaySpec? ReadEnum(string element, string? attribute, JsonObject enumObject, SourceLocationSpec location)
    {
        var values = new List<string>();
        string? name = null;
        var ok = true;
        foreach (var property in enumObject.Properties)
        {
            switch (property.Name)
            {
                case "enum" when property.Value is JsonArray array && array.Items.Count > 0:
                    foreach (var item in array.Items)
                    {
                        if (item is JsonString value)
                        {
                            values.Add(value.Value);
                        }
                        else
                        {
                            Invalid(item, "Enum values must be strings");
                            ok = false;
                        }
                    }

                    break;
                case "enum":
                    Invalid(property.Value, "'enum' must be a non-empty array of the values as sent");
                    ok = false;
                    break;
                case "name" when property.Value is JsonString { Value.Length: > 0 } s && IsIdentifier(s.Value):
                    name = s.Value;
                    break;
                case "name":
                    Invalid(property.Value, "'name' must be a C# identifier");
                    ok = false;
                    break;
                default:
                    Invalid(property, $"Unknown property '{property.Name}' in an enum type; it has 'enum' and 'name'");
                    ok = false;
                    break;
            }
        }

        if (values.Count == 0)
        {
            if (ok)
            {
                Invalid(enumObject, "An enum type needs 'enum': [the values as sent]");
            }

            return null;
        }

        return ok ? new TypeOverlaySpec(element, attribute, XmlValueType.Enum, values.ToEquatableArray(), name, location) : null;
    }

    private static bool IsIdentifier(string text)
        => (char.IsLetter(text[0]) || text[0] == '_') && text.All(c => char.IsLetterOrDigit(c) || c == '_');

    private void Invalid(JsonNode node, string message)
        => _diagnostics.Add(DiagnosticSpec.Create(DiagnosticDescriptors.SpecInvalidValue.Id, At(node.Position), message));

    private void Invalid(JsonProperty property, string message)
        => _diagnostics.Add(DiagnosticSpec.Create(DiagnosticDescriptors.SpecInvalidValue.Id, At(property.NamePosition), message));

    private SourceLocationSpec At(JsonPosition position)
        => SourceLocationSpec.At(_filePath, position.Offset, position.Length, position.Line, position.Column);
}
