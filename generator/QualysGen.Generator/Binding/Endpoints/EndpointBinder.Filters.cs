using System;
using System.Collections.Generic;
using System.Linq;
using QualysGen.Generator.Diagnostics;
using QualysGen.Generator.Model;

namespace QualysGen.Generator.Binding.Endpoints;

/// <summary>QPS filter sets: a class per set, a property and an operator struct per field.</summary>
internal sealed partial class EndpointBinder
{
    private static readonly Dictionary<string, string> OperatorMembers = new()
    {
        ["EQUALS"] = "Equal",
        ["NOT EQUALS"] = "NotEqual",
        ["CONTAINS"] = "Contains",
        ["GREATER"] = "Greater",
        ["LESSER"] = "Lesser",
        ["IN"] = "In",
        ["NONE"] = "None",
    };

    private EndpointFilterClassSpec? BindFilterSet(EndpointFilterSetDeclaration set, Dictionary<string, EndpointFilterTypeDeclaration> types)
    {
        if (!Claim(set.Name, $"filter set '{set.Name}'", set.Location))
        {
            return null;
        }

        var members = new HashSet<string>(StringComparer.Ordinal) { set.Name, "Equals", "GetHashCode", "ToString", "GetType" };
        var fields = new List<EndpointFilterPropertySpec>();
        var ok = true;
        foreach (var field in set.Fields)
        {
            if (!types.TryGetValue(field.Type.Name, out var type))
            {
                Report(EndpointDiagnosticDescriptors.UnknownFilterReference, field.Type.Location, "Filter type", field.Type.Name, "filterTypes");
                ok = false;
                continue;
            }

            string? enumType = null;
            if (type.Value == ParameterTypeKind.Enum)
            {
                if (field.EnumValues.Count == 0)
                {
                    Report(EndpointDiagnosticDescriptors.InvalidEndpointSpec, field.Location, $"Field '{field.Field}' has the enum filter type '{type.Name}'; give its values in 'enum'");
                    ok = false;
                    continue;
                }

                if (RegisterEnum(field.EnumName ?? CSharpNames.ToPascalCase(field.Field), field.EnumValues, field.Description, field.Location) is not { } enumSpec)
                {
                    ok = false;
                    continue;
                }

                enumType = "global::" + _namespace + "." + enumSpec.TypeName;
            }
            else if (field.EnumValues.Count > 0 || field.EnumName is not null)
            {
                Report(EndpointDiagnosticDescriptors.InvalidEndpointSpec, field.Location, $"Field '{field.Field}' has values in 'enum', but its filter type '{type.Name}' is not an enum type");
                ok = false;
                continue;
            }

            var operators = field.Operators ?? type.Operators;
            foreach (var op in operators)
            {
                var fits = op.Name switch
                {
                    "CONTAINS" => type.Value == ParameterTypeKind.String,
                    "GREATER" or "LESSER" => type.Value is ParameterTypeKind.Int32 or ParameterTypeKind.Int64 or ParameterTypeKind.DateTime,
                    _ => true,
                };
                if (!fits)
                {
                    Report(EndpointDiagnosticDescriptors.ConditionNotApplicable, op.Location, $"{op.Name} does not apply to a filter of type '{type.Name}' ({type.Value})");
                    ok = false;
                }
            }

            var propertyName = field.PropertyName ?? CSharpNames.ToPascalCase(field.Field);
            var structName = propertyName + "Field";
            if (!members.Add(propertyName) || !members.Add(structName))
            {
                Report(EndpointDiagnosticDescriptors.NameCollision, field.Location, propertyName, $"filter field '{field.Field}'", $"another member of '{set.Name}' (give the field a 'name')");
                ok = false;
                continue;
            }

            fields.Add(new EndpointFilterPropertySpec(
                field.Field, propertyName, structName, type.Value, enumType, operators.Select(o => OperatorMembers[o.Name]).ToEquatableArray(), type.Name, field.Description));
        }

        return ok ? new EndpointFilterClassSpec(set.Name, set.Description, fields.ToEquatableArray()) : null;
    }
}
