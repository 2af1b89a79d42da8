using System;
using System.Collections.Generic;
using QualysGen.Generator.Diagnostics;
using QualysGen.Generator.Model;

namespace QualysGen.Generator.Binding.Endpoints;

/// <summary>JSON response types: a class per type, a property per JSON property.</summary>
internal sealed partial class EndpointBinder
{
    private EndpointJsonClassSpec? BindJsonType(EndpointJsonTypeDeclaration type)
    {
        if (!Claim(type.Name, $"JSON type '{type.Name}'", type.Location))
        {
            return null;
        }

        var names = new HashSet<string>(StringComparer.Ordinal) { type.Name, "Parse", "ParseAsync", "Read", "Equals", "GetHashCode", "ToString", "GetType" };
        var members = new List<EndpointJsonMemberSpec>();
        foreach (var property in type.Properties)
        {
            var name = property.PropertyName ?? CSharpNames.ToPascalCase(property.JsonName);
            if (!names.Add(name))
            {
                Report(EndpointDiagnosticDescriptors.NameCollision, property.Location, name, $"JSON property '{property.JsonName}'", $"another member of '{type.Name}' (give the property a 'name')");
                return null;
            }

            members.Add(new EndpointJsonMemberSpec(property.JsonName, name, property.Kind, property.Required, property.Description));
        }

        return new EndpointJsonClassSpec(type.Name, type.Description, members.ToEquatableArray());
    }
}
