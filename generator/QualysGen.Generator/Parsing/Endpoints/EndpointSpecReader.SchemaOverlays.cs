using System.Collections.Generic;
using System.Threading;
using QualysGen.Generator.Diagnostics;
using QualysGen.Generator.Model;
using QualysGen.Generator.Parsing.Json;

namespace QualysGen.Generator.Parsing.Endpoints;

/// <summary>The <c>schemas</c> section: per schema file, the C# types of element texts and attributes, and the roots.</summary>
internal sealed partial class EndpointSpecReader
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

    private List<SchemaOverlayDeclaration> ReadSchemaOverlays(JsonObject root, CancellationToken cancellationToken)
    {
        if (root.Find("schemas") is not { } schemas)
        {
            return new List<SchemaOverlayDeclaration>();
        }

        if (schemas.Value is not JsonObject schemaMap)
        {
            Invalid(schemas.Value, "'schemas' must be an object whose keys are schema file names");
            return new List<SchemaOverlayDeclaration>();
        }

        return ReadEntries(
            schemaMap,
            schema => Invalid(schema, $"Schema file '{schema.Name}' appears twice in 'schemas'"),
            _ =>
            {
                cancellationToken.ThrowIfCancellationRequested();
                return true;
            },
            ReadSchema);
    }

    private SchemaOverlayDeclaration? ReadSchema(JsonProperty schema)
    {
        if (schema.Value is not JsonObject body)
        {
            Invalid(schema.Value, $"The entry for '{schema.Name}' must be an object with 'types' and/or 'roots'");
            return null;
        }

        var roots = new List<RootOverlayDeclaration>();
        var types = new List<TypeOverlayDeclaration>();
        var optional = new List<OptionalOverlayDeclaration>();
        new JsonObjectReader(Invalid, (property, _) => Invalid(property, $"Unknown property '{property.Name}' in a schema entry; it has 'types', 'roots' and 'optional'"))
            .On("roots", property =>
            {
                if (property.Value is not JsonArray array)
                {
                    Invalid(property.Value, "'roots' must be an array of element names");
                    return;
                }

                foreach (var item in array.Items)
                {
                    if (item is JsonString { Value.Length: > 0 } name)
                    {
                        roots.Add(new RootOverlayDeclaration(name.Value, At(item.Position)));
                    }
                    else
                    {
                        Invalid(item, "A root must be a non-empty element name");
                    }
                }
            })
            .On("types", property =>
            {
                if (property.Value is not JsonObject map)
                {
                    Invalid(property.Value, "'types' must be an object mapping \"ELEMENT\" or \"ELEMENT@attribute\" to a type");
                    return;
                }

                types.AddRange(ReadEntries(
                    map,
                    entry => _diagnostics.Add(DiagnosticSpec.Create(DiagnosticDescriptors.SpecDuplicateMapping.Id, At(entry.NamePosition), entry.Name, schema.Name)),
                    _ => true,
                    ReadType));
            })
            .On("optional", property =>
            {
                if (property.Value is not JsonArray array)
                {
                    Invalid(property.Value, "'optional' must be an array of \"CHILD\", \"PARENT/CHILD\" or \"ELEMENT@attribute\"");
                    return;
                }

                foreach (var item in array.Items)
                {
                    if (item is JsonString { Value.Length: > 0 } entry && ReadOptional(entry.Value, At(item.Position)) is { } relaxed)
                    {
                        optional.Add(relaxed);
                    }
                    else
                    {
                        Invalid(item, "An optional entry must be \"CHILD\", \"PARENT/CHILD\" or \"ELEMENT@attribute\"");
                    }
                }
            })
            .Read(body);

        return new SchemaOverlayDeclaration(schema.Name, At(schema.NamePosition), roots.ToEquatableArray(), types.ToEquatableArray(), optional.ToEquatableArray());
    }

    private static OptionalOverlayDeclaration? ReadOptional(string text, SourceLocationSpec location)
    {
        var at = text.IndexOf('@');
        if (at >= 0)
        {
            var element = text.Substring(0, at);
            var attribute = text.Substring(at + 1);
            return element.Length > 0 && attribute.Length > 0 && element.IndexOf('/') < 0 && attribute.IndexOf('@') < 0
                ? new OptionalOverlayDeclaration(null, element, attribute, location)
                : null;
        }

        var slash = text.IndexOf('/');
        if (slash < 0)
        {
            return new OptionalOverlayDeclaration(null, text, null, location);
        }

        var parent = text.Substring(0, slash);
        var child = text.Substring(slash + 1);
        return parent.Length > 0 && child.Length > 0 && child.IndexOf('/') < 0 ? new OptionalOverlayDeclaration(parent, child, null, location) : null;
    }

    private TypeOverlayDeclaration? ReadType(JsonProperty entry)
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
                return new TypeOverlayDeclaration(element, attribute, type, EquatableArray<string>.Empty, null, location);
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

    private TypeOverlayDeclaration? ReadEnum(string element, string? attribute, JsonObject enumObject, SourceLocationSpec location)
    {
        var values = new List<string>();
        string? name = null;
        var ok = true;
        new JsonObjectReader(Invalid, (property, _) =>
            {
                Invalid(property, $"Unknown property '{property.Name}' in an enum type; it has 'enum' and 'name'");
                ok = false;
            })
            .On("enum", property =>
            {
                if (property.Value is not JsonArray { Items.Count: > 0 } array)
                {
                    Invalid(property.Value, "'enum' must be a non-empty array of the values as sent");
                    ok = false;
                    return;
                }

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
            })
            .On("name", property =>
            {
                if (property.Value is JsonString { Value.Length: > 0 } s && IsIdentifier(s.Value))
                {
                    name = s.Value;
                }
                else
                {
                    Invalid(property.Value, "'name' must be a C# identifier");
                    ok = false;
                }
            })
            .Read(enumObject);

        if (values.Count == 0)
        {
            if (ok)
            {
                Invalid(enumObject, "An enum type needs 'enum': [the values as sent]");
            }

            return null;
        }

        return ok ? new TypeOverlayDeclaration(element, attribute, XmlValueType.Enum, values.ToEquatableArray(), name, location) : null;
    }
}
