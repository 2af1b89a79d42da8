using System.Collections.Generic;
using System.Linq;
using QualysGen.Generator.Diagnostics;
using QualysGen.Generator.Model;
using QualysGen.Generator.Parsing.Json;

namespace QualysGen.Generator.Parsing.Endpoints;

/// <summary>Parameters, their types, the rules between them and their conditions, and the parameter groups that hold both.</summary>
internal sealed partial class EndpointSpecReader
{
    private const string ParameterTypeList = "string, int, long, flag (0|1), yesno (yes|no), bool (true|false), date (mm/dd/yyyy), datetime (UTC), { \"enum\": [...] }, { \"list\": type }";

    private static readonly Dictionary<string, ParameterTypeKind> ParameterTypeNames = new()
    {
        ["string"] = ParameterTypeKind.String,
        ["int"] = ParameterTypeKind.Int32,
        ["long"] = ParameterTypeKind.Int64,
        ["flag"] = ParameterTypeKind.Flag,
        ["yesno"] = ParameterTypeKind.YesNo,
        ["bool"] = ParameterTypeKind.Boolean,
        ["date"] = ParameterTypeKind.Date,
        ["datetime"] = ParameterTypeKind.DateTime,
    };

    private static readonly Dictionary<string, RuleKind> RuleKeys = new()
    {
        ["oneOfRequired"] = RuleKind.OneOfRequired,
        ["mutuallyExclusive"] = RuleKind.MutuallyExclusive,
        ["together"] = RuleKind.Together,
        ["validOnlyWhen"] = RuleKind.ValidOnlyWhen,
        ["requiredWhen"] = RuleKind.RequiredWhen,
    };

    private EquatableArray<ParameterDeclaration> ReadParameters(JsonProperty property, string owner)
    {
        if (property.Value is not JsonObject map)
        {
            Bad(property.Value, "'parameters' must be an object whose keys are the parameters' names on the wire");
            return EquatableArray<ParameterDeclaration>.Empty;
        }

        return ReadEntries(
                map,
                parameter => Report(EndpointDiagnosticDescriptors.DuplicateParameter, parameter.NamePosition, parameter.Name, owner),
                parameter =>
                {
                    if (parameter.Name.Length > 0 && !parameter.Name.Any(c => char.IsWhiteSpace(c) || c is '&' or '=' or '?' or '#' or '/' or '{' or '}'))
                    {
                        return true;
                    }

                    Bad(parameter, $"'{parameter.Name}' is not a parameter name");
                    return false;
                },
                ReadParameter)
            .ToEquatableArray();
    }

    private ParameterDeclaration? ReadParameter(JsonProperty parameter)
    {
        var location = At(parameter.NamePosition);
        // A parameter whose type or range is wrong is kept as a string without the wrong part (the error is reported), so that the rules
        // naming it do not report it again as unknown.
        var fallback = new ParameterTypeDeclaration(ParameterTypeKind.String, false, EquatableArray<string>.Empty, null, null);
        if (parameter.Value is JsonString)
        {
            return new ParameterDeclaration(parameter.Name, location, null, ReadParameterType(parameter.Value, allowList: true) ?? fallback, false, false, null, null, null, null, null);
        }

        if (parameter.Value is not JsonObject body)
        {
            Bad(parameter.Value, $"Parameter '{parameter.Name}' must be a type name or an object with 'type'");
            return null;
        }

        ParameterTypeDeclaration? type = null;
        string? name = null, description = null;
        bool inPath = false, required = false;
        long? min = null, max = null;
        int? maxLength = null;
        ParameterValueDeclaration? defaultValue = null;
        Members("a parameter")
            .On("type", item => type = ReadParameterType(item.Value, allowList: true) ?? fallback)
            .On("name", item => name = ReadIdentifier(item))
            .On("in", item =>
            {
                inPath = item.Value is JsonString { Value: "path" };
                if (!inPath && item.Value is not JsonString { Value: "query" })
                {
                    Bad(item.Value, "'in' must be \"path\" (the value fills {name} in the path) or \"query\" (the default: query or form, as the body says)");
                }
            })
            .On("required", item => required = Boolean(item) ?? false)
            .On("min", item => min = ReadInteger(item))
            .On("max", item => max = ReadInteger(item))
            .On("maxLength", item => maxLength = ReadInteger(item) is { } length && length is > 0 and <= int.MaxValue ? (int)length : BadInt(item.Value, "'maxLength' must be a positive integer"))
            .On("default", item => defaultValue = ReadScalar(item.Value))
            .On("description", item => description = Text(item))
            .Required("type", parameter.NamePosition, $"Parameter '{parameter.Name}' needs a 'type'")
            .Read(body);

        if (min is { } lo && max is { } hi && lo > hi)
        {
            Report(EndpointDiagnosticDescriptors.InvalidValue, parameter.NamePosition, $"Parameter '{parameter.Name}' has 'min' {lo} above 'max' {hi}");
            min = max = null;
        }

        return new ParameterDeclaration(parameter.Name, location, name, type ?? fallback, inPath, required || inPath, min, max, maxLength, defaultValue, description);
    }

    private ParameterTypeDeclaration? ReadParameterType(JsonNode node, bool allowList)
    {
        switch (node)
        {
            case JsonString name when ParameterTypeNames.TryGetValue(name.Value, out var kind):
                return new ParameterTypeDeclaration(kind, false, EquatableArray<string>.Empty, null, null);
            case JsonString name:
                Report(EndpointDiagnosticDescriptors.UnknownParameterType, name.Position, name.Value, "parameter", ParameterTypeList);
                return null;
            case JsonObject body when body.Find("list") is { } list:
                Members("a list type").Skip(["list"]).Read(body);
                if (!allowList)
                {
                    Bad(list, "A list cannot hold lists");
                    return null;
                }

                return ReadParameterType(list.Value, allowList: false) is { } itemType ? itemType with { IsList = true } : null;
            case JsonObject body when body.Find("enum") is not null:
                return ReadEnumType(body) is var (values, enumName, description) ? new ParameterTypeDeclaration(ParameterTypeKind.Enum, false, values, enumName, description) : null;
            default:
                Bad(node, "A parameter type is a name (" + ParameterTypeList + ")");
                return null;
        }
    }

    /// <summary>Reads <c>{ "enum": [values], "name": "CSharpName", "description": "..." }</c>.</summary>
    private (EquatableArray<string> Values, string? Name, string? Description)? ReadEnumType(JsonObject body)
    {
        var values = new List<string>();
        string? name = null, description = null;
        var ok = true;
        Members("an enum type")
            .On("enum", property => ok &= ReadEnumValues(property, values))
            .On("name", property =>
            {
                name = ReadIdentifier(property);
                ok &= name is not null;
            })
            .On("description", property => description = Text(property))
            .Read(body);

        return ok && values.Count > 0 ? (values.ToEquatableArray(), name, description) : null;
    }

    /// <summary>Adds the values of <c>"enum": [values]</c> to <paramref name="values"/>; false when one is wrong (reported).</summary>
    private bool ReadEnumValues(JsonProperty property, List<string> values)
    {
        if (property.Value is not JsonArray { Items.Count: > 0 } array)
        {
            Bad(property.Value, "'enum' must be a non-empty array of the values as sent");
            return false;
        }

        var ok = true;
        foreach (var item in array.Items)
        {
            if (item is not JsonString { Value.Length: > 0 } value)
            {
                Bad(item, "Enum values must be non-empty strings, as sent");
                ok = false;
            }
            else if (values.Contains(value.Value))
            {
                Report(EndpointDiagnosticDescriptors.DuplicateDeclaration, item.Position, "Enum value", value.Value);
                ok = false;
            }
            else
            {
                values.Add(value.Value);
            }
        }

        return ok;
    }

    private ParameterGroupDeclaration? ReadGroup(JsonProperty group)
    {
        if (group.Value is not JsonObject body)
        {
            Bad(group.Value, $"Parameter group '{group.Name}' must be an object with 'parameters' and/or 'rules'");
            return null;
        }

        string? description = null;
        var parameters = EquatableArray<ParameterDeclaration>.Empty;
        var rules = EquatableArray<RuleDeclaration>.Empty;
        Members("a parameter group")
            .On("description", property => description = Text(property))
            .On("parameters", property => parameters = ReadParameters(property, $"parameter group '{group.Name}'"))
            .On("rules", property => rules = ReadRules(property))
            .Read(body);

        return new ParameterGroupDeclaration(group.Name, At(group.NamePosition), description, parameters, rules);
    }

    // --- rules ---------------------------------------------------------------------------------------------------------

    private EquatableArray<RuleDeclaration> ReadRules(JsonProperty property)
    {
        if (property.Value is not JsonArray array)
        {
            Bad(property.Value, "'rules' must be an array of rules");
            return EquatableArray<RuleDeclaration>.Empty;
        }

        var rules = new List<RuleDeclaration>();
        foreach (var item in array.Items)
        {
            if (ReadRule(item) is { } rule)
            {
                rules.Add(rule);
            }
        }

        return rules.ToEquatableArray();
    }

    private RuleDeclaration? ReadRule(JsonNode node)
    {
        const string Shape = "A rule is an object with one of oneOfRequired, mutuallyExclusive, together, validOnlyWhen, requiredWhen (a list of parameters), and 'with' (together) or 'when'";
        if (node is not JsonObject body)
        {
            Bad(node, Shape);
            return null;
        }

        RuleKind? kind = null;
        JsonProperty? kindProperty = null;
        var parameters = new List<NameReference>();
        var with = new List<NameReference>();
        RuleConditionDeclaration? when = null;
        var ok = true;
        Members("a rule")
            .On(RuleKeys.Keys, property =>
            {
                if (kind is not null)
                {
                    Bad(property, "A rule has one kind; write two rules");
                    ok = false;
                    return;
                }

                kind = RuleKeys[property.Name];
                kindProperty = property;
                parameters.AddRange(References(property, "a parameter name"));
            })
            .On("with", property => with.AddRange(References(property, "a parameter name")))
            .On("when", property =>
            {
                when = ReadCondition(property.Value);
                ok &= when is not null;
            })
            .Skip(["description"])
            .Read(body);

        if (kind is not { } ruleKind || kindProperty is null)
        {
            Bad(node, Shape);
            return null;
        }

        var minimum = ruleKind is RuleKind.OneOfRequired or RuleKind.MutuallyExclusive || (ruleKind == RuleKind.Together && with.Count == 0) ? 2 : 1;
        if (parameters.Count < minimum)
        {
            Bad(kindProperty.Value, $"'{kindProperty.Name}' needs at least {minimum} parameter{(minimum == 1 ? "" : "s")}");
            ok = false;
        }

        if (with.Count > 0 && ruleKind != RuleKind.Together)
        {
            Bad(body.Find("with")!, "'with' belongs to a 'together' rule");
            ok = false;
        }

        if (when is null && ruleKind is RuleKind.ValidOnlyWhen or RuleKind.RequiredWhen && body.Find("when") is null)
        {
            Bad(kindProperty, $"'{kindProperty.Name}' needs 'when': the condition");
            ok = false;
        }

        return ok ? new RuleDeclaration(ruleKind, parameters.ToEquatableArray(), with.ToEquatableArray(), when, At(kindProperty.NamePosition)) : null;
    }

    private RuleConditionDeclaration? ReadCondition(JsonNode node)
    {
        const string Shape = "A condition is an object of parameter tests ({ \"occurrence\": \"daily\" }, all must hold) or { \"anyOf\": [such objects] }";
        if (node is not JsonObject body || body.Properties.Count == 0)
        {
            Bad(node, Shape);
            return null;
        }

        var alternatives = new List<RuleConjunctionDeclaration>();
        if (body.Properties.Count == 1 && body.Properties[0].Name == "anyOf")
        {
            if (body.Properties[0].Value is not JsonArray { Items.Count: > 0 } array)
            {
                Bad(body.Properties[0].Value, "'anyOf' must be a non-empty array of condition objects");
                return null;
            }

            foreach (var item in array.Items)
            {
                if (item is not JsonObject { Properties.Count: > 0 } conjunction)
                {
                    Bad(item, Shape);
                    return null;
                }

                if (ReadConjunction(conjunction) is not { } all)
                {
                    return null;
                }

                alternatives.Add(all);
            }
        }
        else if (ReadConjunction(body) is { } all)
        {
            alternatives.Add(all);
        }
        else
        {
            return null;
        }

        return new RuleConditionDeclaration(alternatives.ToEquatableArray(), At(node.Position));
    }

    /// <summary>One object of a condition: its keys are parameters, not a fixed set, so it is walked here rather than by a key table.</summary>
    private RuleConjunctionDeclaration? ReadConjunction(JsonObject body)
    {
        const string TestShape = "A test is a value (equal to), { \"not\": value }, { \"in\": [values] } or { \"given\": true|false }";
        var clauses = new List<RuleClauseDeclaration>();
        foreach (var property in body.Properties)
        {
            var parameter = new NameReference(property.Name, At(property.NamePosition));
            if (property.Name == "anyOf")
            {
                Bad(property, "'anyOf' must be the only key of a condition");
                return null;
            }

            if (ReadScalar(property.Value, quiet: true) is { } equal)
            {
                clauses.Add(new RuleClauseDeclaration(parameter, RuleClauseOperator.EqualTo, new[] { equal }.ToEquatableArray()));
                continue;
            }

            if (property.Value is not JsonObject { Properties.Count: 1 } test)
            {
                Bad(property.Value, TestShape);
                return null;
            }

            var op = test.Properties[0];
            switch (op.Name)
            {
                case "given" when op.Value is JsonLiteral { BooleanValue: { } given }:
                    clauses.Add(new RuleClauseDeclaration(parameter, given ? RuleClauseOperator.Given : RuleClauseOperator.NotGiven, EquatableArray<ParameterValueDeclaration>.Empty));
                    break;
                case "not" when ReadScalar(op.Value) is { } value:
                    clauses.Add(new RuleClauseDeclaration(parameter, RuleClauseOperator.NotEqualTo, new[] { value }.ToEquatableArray()));
                    break;
                case "in" when op.Value is JsonArray { Items.Count: > 0 } values:
                    var list = new List<ParameterValueDeclaration>();
                    foreach (var item in values.Items)
                    {
                        if (ReadScalar(item) is not { } v)
                        {
                            return null;
                        }

                        list.Add(v);
                    }

                    clauses.Add(new RuleClauseDeclaration(parameter, RuleClauseOperator.In, list.ToEquatableArray()));
                    break;
                default:
                    Bad(op.Value, TestShape);
                    return null;
            }
        }

        return new RuleConjunctionDeclaration(clauses.ToEquatableArray());
    }
}
