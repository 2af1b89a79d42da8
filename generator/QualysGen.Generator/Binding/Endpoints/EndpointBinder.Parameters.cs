using System;
using System.Collections.Generic;
using System.Linq;
using QualysGen.Generator.Diagnostics;
using QualysGen.Generator.Model;

namespace QualysGen.Generator.Binding.Endpoints;

/// <summary>Parameters (C# properties, enums, defaults) and the rules between them.</summary>
internal sealed partial class EndpointBinder
{
    private (ParameterPropertySpec Property, EnumSpec? Enum)? BindParameter(ParameterDeclaration parameter, HashSet<string> properties, string owner)
    {
        var type = parameter.Type;
        var propertyName = parameter.PropertyName ?? CSharpNames.ToPascalCase(parameter.WireName);
        if (!properties.Add(propertyName))
        {
            Report(EndpointDiagnosticDescriptors.NameCollision, parameter.Location, propertyName, $"parameter '{parameter.WireName}'", $"another member of {owner} (give the parameter a 'name')");
            return null;
        }

        EnumSpec? enumSpec = null;
        string? enumType = null;
        if (type.Kind == ParameterTypeKind.Enum)
        {
            enumSpec = RegisterEnum(type.EnumName ?? CSharpNames.ToPascalCase(parameter.WireName), type.EnumValues, type.EnumDescription, parameter.Location);
            if (enumSpec is null)
            {
                return null;
            }

            enumType = "global::" + _namespace + "." + enumSpec.TypeName;
        }

        var numeric = type.Kind is ParameterTypeKind.Int32 or ParameterTypeKind.Int64;
        if ((parameter.Min is not null || parameter.Max is not null) && !numeric)
        {
            Report(EndpointDiagnosticDescriptors.ConditionNotApplicable, parameter.Location, $"'min' and 'max' apply to int and long parameters; '{parameter.WireName}' is not one");
            return null;
        }

        if (type.Kind == ParameterTypeKind.Int32 && (parameter.Min < int.MinValue || parameter.Max > int.MaxValue))
        {
            Report(EndpointDiagnosticDescriptors.InvalidValue, parameter.Location, $"The range of '{parameter.WireName}' does not fit an int; make it a long");
            return null;
        }

        if (parameter.MaxLength is not null && (type.Kind != ParameterTypeKind.String || type.IsList))
        {
            Report(EndpointDiagnosticDescriptors.ConditionNotApplicable, parameter.Location, $"'maxLength' applies to string parameters; '{parameter.WireName}' is not one");
            return null;
        }

        if (parameter.InPath && type.IsList)
        {
            Report(EndpointDiagnosticDescriptors.ConditionNotApplicable, parameter.Location, $"Path parameter '{parameter.WireName}' cannot be a list");
            return null;
        }

        var property = new ParameterPropertySpec(
            parameter.WireName, propertyName, type.Kind, type.IsList, enumType, parameter.Required, parameter.InPath,
            parameter.Min, parameter.Max, parameter.MaxLength, null, null, parameter.Description);

        if (parameter.Default is { } defaultValue)
        {
            if (type.IsList)
            {
                Report(EndpointDiagnosticDescriptors.ConditionNotApplicable, defaultValue.Location, $"A list parameter ('{parameter.WireName}') has no default");
                return null;
            }

            if (!EndpointValues.TryConvert(property, enumSpec?.Members, defaultValue, out var literal, out var wire, out var error))
            {
                Report(
                    type.Kind is ParameterTypeKind.Date or ParameterTypeKind.DateTime ? EndpointDiagnosticDescriptors.ConditionNotApplicable : EndpointDiagnosticDescriptors.InvalidValue,
                    defaultValue.Location,
                    error);
                return null;
            }

            property = property with { DefaultLiteral = literal, DefaultText = wire };
        }

        return (property, enumSpec);
    }

    private EnumSpec? RegisterEnum(string name, EquatableArray<string> values, string? description, SourceLocationSpec location)
    {
        if (_enumsByName.TryGetValue(name, out var existing))
        {
            if (existing.Members.Select(m => m.XmlValue).SequenceEqual(values))
            {
                return existing;
            }

            Report(EndpointDiagnosticDescriptors.ConflictingEnum, location, name, string.Join(", ", existing.Members.Select(m => m.XmlValue)));
            return null;
        }

        if (!Claim(name, $"enum '{name}'", location))
        {
            return null;
        }

        var names = new UniqueNames(name);
        var members = values.Select(v => new EnumMemberSpec(names.Take(CSharpNames.ToPascalCase(v, "Value")), v)).ToEquatableArray();
        var spec = new EnumSpec(name, description, members);
        _enums.Add(spec);
        _enumsByName[name] = spec;
        return spec;
    }

    // --- rules ---------------------------------------------------------------------------------------------------------

    private IEnumerable<RuleCheckSpec> BindRule(
        RuleDeclaration rule,
        Dictionary<string, (ParameterPropertySpec Property, EnumSpec? Enum)> bound,
        HashSet<string> declared,
        HashSet<string> dropped,
        string owner,
        ref bool ok)
    {
        var references = rule.Parameters.Concat(rule.With).Concat(rule.When?.AnyOf.SelectMany(a => a.AllOf).Select(c => c.Parameter) ?? []).ToList();
        var unknown = references.Where(r => !declared.Contains(r.Name)).ToList();
        foreach (var reference in unknown)
        {
            Report(EndpointDiagnosticDescriptors.UnknownParameter, reference.Location, reference.Name, owner);
        }

        if (unknown.Count > 0)
        {
            ok = false;
            return [];
        }

        if (references.Any(r => dropped.Contains(r.Name)) || references.Any(r => !bound.ContainsKey(r.Name)))
        {
            // Dropped by the version (the rule goes with it), or the parameter itself had an error (already reported).
            return [];
        }

        RuleOperandSpec Operand(NameReference reference)
        {
            var property = bound[reference.Name].Property;
            return new RuleOperandSpec(property.WireName, property.PropertyName, property.Required);
        }

        var when = new List<RuleTestGroupSpec>();
        var words = new List<IReadOnlyList<(RuleClauseOperator, string, IReadOnlyList<string>)>>();
        var valid = true;
        foreach (var conjunction in rule.When?.AnyOf ?? EquatableArray<RuleConjunctionDeclaration>.Empty)
        {
            var tests = new List<RuleTestSpec>();
            var clauseWords = new List<(RuleClauseOperator, string, IReadOnlyList<string>)>();
            foreach (var clause in conjunction.AllOf)
            {
                var (property, enumSpec) = bound[clause.Parameter.Name];
                var literals = new List<string>();
                var wires = new List<string>();
                if (clause.Operator is not (RuleClauseOperator.Given or RuleClauseOperator.NotGiven) && property.IsList)
                {
                    Report(EndpointDiagnosticDescriptors.ConditionNotApplicable, clause.Parameter.Location, $"'{property.WireName}' is a list; a condition can only test whether it is given ({{ \"given\": true }})");
                    valid = false;
                    continue;
                }

                foreach (var value in clause.Values)
                {
                    if (EndpointValues.TryConvert(property, enumSpec?.Members, value, out var literal, out var wire, out var error))
                    {
                        literals.Add(literal);
                        wires.Add(wire);
                    }
                    else
                    {
                        Report(
                            property.Kind is ParameterTypeKind.Date or ParameterTypeKind.DateTime ? EndpointDiagnosticDescriptors.ConditionNotApplicable : EndpointDiagnosticDescriptors.InvalidValue,
                            value.Location,
                            error);
                        valid = false;
                    }
                }

                tests.Add(new RuleTestSpec(Operand(clause.Parameter), clause.Operator, literals.ToEquatableArray(), property.DefaultLiteral));
                clauseWords.Add((clause.Operator, property.WireName, wires));
            }

            when.Add(new RuleTestGroupSpec(tests.ToEquatableArray()));
            words.Add(clauseWords);
        }

        if (!valid)
        {
            ok = false;
            return [];
        }

        var condition = when.Count == 0 ? "" : " when " + EndpointValues.Describe(words);
        var whenSpec = when.ToEquatableArray();
        var operands = rule.Parameters.Select(Operand).ToList();
        var names = operands.Select(o => o.WireName).ToList();
        switch (rule.Kind)
        {
            case RuleKind.OneOfRequired:
                return [new RuleCheckSpec(rule.Kind, operands.ToEquatableArray(), EquatableArray<RuleOperandSpec>.Empty, whenSpec, $"One of {string.Join(", ", names)} is required{condition}")];
            case RuleKind.MutuallyExclusive:
                if (when.Count == 0 && operands.Count(o => o.AlwaysGiven) >= 2)
                {
                    Report(EndpointDiagnosticDescriptors.ImpossibleRule, rule.Location, $"mutuallyExclusive names {EndpointValues.Names(operands.Where(o => o.AlwaysGiven).Select(o => o.WireName))}, which are required, so no request of {owner} can meet it");
                    ok = false;
                    return [];
                }

                var exclusive = operands.Count == 2 ? $"{names[0]} and {names[1]} are mutually exclusive" : $"Only one of {string.Join(", ", names)} may be given";
                return [new RuleCheckSpec(rule.Kind, operands.ToEquatableArray(), EquatableArray<RuleOperandSpec>.Empty, whenSpec, exclusive + condition)];
            case RuleKind.Together when rule.With.Count == 0:
                return [new RuleCheckSpec(rule.Kind, operands.ToEquatableArray(), EquatableArray<RuleOperandSpec>.Empty, whenSpec, $"{EndpointValues.Names(names)} must be given together (all or none){condition}")];
            case RuleKind.Together:
                var with = rule.With.Select(Operand).ToEquatableArray();
                var withNames = EndpointValues.Names(with.Select(o => o.WireName));
                return operands.Select(o => new RuleCheckSpec(rule.Kind, new[] { o }.ToEquatableArray(), with, whenSpec, $"{o.WireName} must be given together with {withNames}{condition}")).ToList();
            case RuleKind.ValidOnlyWhen:
                return operands.Select(o => new RuleCheckSpec(rule.Kind, new[] { o }.ToEquatableArray(), EquatableArray<RuleOperandSpec>.Empty, whenSpec, $"{o.WireName} is valid only{condition}")).ToList();
            default:
                return operands.Select(o => new RuleCheckSpec(rule.Kind, new[] { o }.ToEquatableArray(), EquatableArray<RuleOperandSpec>.Empty, whenSpec, $"{o.WireName} is required{condition}")).ToList();
        }
    }
}
