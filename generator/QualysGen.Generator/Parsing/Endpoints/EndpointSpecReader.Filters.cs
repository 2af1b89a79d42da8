using System.Collections.Generic;
using System.Linq;
using QualysGen.Generator.Diagnostics;
using QualysGen.Generator.Model;
using QualysGen.Generator.Parsing.Json;

namespace QualysGen.Generator.Parsing.Endpoints;

/// <summary>QPS filters: the filter types (value and operators) and the filter sets of typed fields that serviceRequest bodies take.</summary>
internal sealed partial class EndpointSpecReader
{
    private static readonly Dictionary<string, ParameterTypeKind> FilterValueNames = new()
    {
        ["string"] = ParameterTypeKind.String,
        ["int"] = ParameterTypeKind.Int32,
        ["long"] = ParameterTypeKind.Int64,
        ["bool"] = ParameterTypeKind.Boolean,
        ["datetime"] = ParameterTypeKind.DateTime,
        ["enum"] = ParameterTypeKind.Enum,
    };

    private static readonly HashSet<string> QpsOperators = new() { "EQUALS", "NOT EQUALS", "CONTAINS", "GREATER", "LESSER", "IN", "NONE" };

    private EndpointFilterTypeDeclaration? ReadFilterType(JsonProperty type)
    {
        if (type.Value is not JsonObject body)
        {
            Bad(type.Value, $"Filter type '{type.Name}' must be an object with 'value' and 'operators'");
            return null;
        }

        ParameterTypeKind? value = null;
        EquatableArray<NameReference>? operators = null;
        Members("a filter type")
            .On("value", property =>
            {
                if (property.Value is JsonString s && FilterValueNames.TryGetValue(s.Value, out var kind))
                {
                    value = kind;
                }
                else
                {
                    Report(EndpointDiagnosticDescriptors.UnknownParameterType, property.Value.Position, ScalarText(property.Value) ?? "", "filter value", "string, int, long, bool, datetime, enum");
                }
            })
            .On("operators", property => operators = ReadOperators(property))
            .Skip(["description"])
            .Required(["value", "operators"], type.NamePosition, $"Filter type '{type.Name}' needs 'value' and 'operators'")
            .Read(body);

        return value is { } found && operators is { } allowed ? new EndpointFilterTypeDeclaration(type.Name, At(type.NamePosition), found, allowed) : null;
    }

    private EquatableArray<NameReference>? ReadOperators(JsonProperty property)
    {
        if (property.Value is not JsonArray { Items.Count: > 0 } array)
        {
            Bad(property.Value, "'operators' must be a non-empty array of QPS operators");
            return null;
        }

        var operators = new List<NameReference>();
        var ok = true;
        foreach (var item in array.Items)
        {
            if (item is JsonString s && QpsOperators.Contains(s.Value))
            {
                if (operators.Any(o => o.Name == s.Value))
                {
                    Report(EndpointDiagnosticDescriptors.DuplicateDeclaration, item.Position, "Operator", s.Value);
                    ok = false;
                }
                else
                {
                    operators.Add(new NameReference(s.Value, At(s.Position)));
                }
            }
            else
            {
                Report(EndpointDiagnosticDescriptors.UnknownOperator, item.Position, ScalarText(item) ?? item.Kind.ToString());
                ok = false;
            }
        }

        return ok ? operators.ToEquatableArray() : null;
    }

    private EndpointFilterSetDeclaration? ReadFilterSet(JsonProperty set)
        => ReadDescribedMap(set, "Filter set", "a filter set", "fields", "an object whose keys are the fields as QPS spells them", "Filter field", ReadFilterField)
            is { } read
            ? new EndpointFilterSetDeclaration(set.Name, At(set.NamePosition), read.Description, read.Entries.ToEquatableArray())
            : null;

    private EndpointFilterFieldDeclaration? ReadFilterField(JsonProperty field)
    {
        if (field.Value is JsonString shorthand)
        {
            return new EndpointFilterFieldDeclaration(field.Name, At(field.NamePosition), new NameReference(shorthand.Value, At(shorthand.Position)), EquatableArray<string>.Empty, null, null, null, null);
        }

        if (field.Value is not JsonObject body)
        {
            Bad(field.Value, $"Filter field '{field.Name}' must be a filter type name or an object with 'type'");
            return null;
        }

        NameReference? type = null;
        string? enumName = null, name = null, description = null;
        EquatableArray<NameReference>? operators = null;
        var values = EquatableArray<string>.Empty;
        var ok = true;
        Members("a filter field")
            .On("type", property => type = Reference(property, "'type' must name a filter type of 'filterTypes'"))
            .On("enum", property =>
            {
                var enumValues = new List<string>();
                if (ReadEnumValues(property, enumValues))
                {
                    values = enumValues.ToEquatableArray();
                }
                else
                {
                    ok = false;
                }
            })
            .On("enumName", property =>
            {
                enumName = ReadIdentifier(property);
                ok &= enumName is not null;
            })
            .On("name", property =>
            {
                name = ReadIdentifier(property);
                ok &= name is not null;
            })
            .On("operators", property =>
            {
                operators = ReadOperators(property);
                ok &= operators is not null;
            })
            .On("description", property => description = Text(property))
            .Required("type", field.NamePosition, $"Filter field '{field.Name}' needs a 'type'")
            .Read(body);

        return ok && type is not null ? new EndpointFilterFieldDeclaration(field.Name, At(field.NamePosition), type, values, enumName, name, operators, description) : null;
    }
}
