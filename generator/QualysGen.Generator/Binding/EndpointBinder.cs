using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using QualysGen.Generator.Diagnostics;
using QualysGen.Generator.Model;

namespace QualysGen.Generator.Binding;

/// <summary>
/// Binds the endpoints of one spec file: resolves parameter groups, version overrides and drops, rules, filter sets, JSON types and
/// response schemas; picks every C# name; and returns what the request emitter needs (no locations) with located diagnostics.
/// </summary>
internal sealed class EndpointBinder
{
    /// <summary>Members a request record has besides its parameters, which a parameter's property must not take.</summary>
    private static readonly string[] ReservedMembers =
    [
        "Build", "Filters", "Body", "LimitResults", "StartFromOffset", "StartFromId", "EqualityContract", "ToString", "Equals",
        "GetHashCode", "PrintMembers", "Deconstruct", "Clone", "GetType", "MemberwiseClone", "Finalize", "WriteServiceRequest",
    ];

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

    private readonly EndpointFileSpec _file;
    private readonly GeneratorOptionsSpec _options;
    private readonly Dictionary<string, EndpointSchemaSpec> _schemas;
    private readonly List<DiagnosticSpec> _diagnostics = new();
    private readonly HashSet<(string Id, SourceLocationSpec Location)> _reported = new();
    private readonly string _namespace;
    private readonly Dictionary<string, string> _typeNames = new(StringComparer.Ordinal);
    private readonly List<EnumSpec> _enums = new();
    private readonly Dictionary<string, EnumSpec> _enumsByName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EndpointFilterClassSpec> _filterSets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EndpointJsonClassSpec> _jsonTypes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ParameterGroupSpec> _groups = new(StringComparer.Ordinal);

    private EndpointBinder(EndpointFileSpec file, EquatableArray<EndpointSchemaSpec> schemas, GeneratorOptionsSpec options)
    {
        _file = file;
        _options = options;
        _namespace = options.RootNamespace + "." + file.Family;
        _schemas = new Dictionary<string, EndpointSchemaSpec>(StringComparer.OrdinalIgnoreCase);
        foreach (var schema in schemas)
        {
            _schemas[schema.SourceFile] = schema;
        }
    }

    private string WireClassName => _file.Family + "WireFormat";

    public static EndpointBindResult Bind(EndpointFileSpec file, EquatableArray<EndpointSchemaSpec> schemas, GeneratorOptionsSpec options, CancellationToken cancellationToken)
    {
        var binder = new EndpointBinder(file, schemas, options);
        var source = binder.Bind(cancellationToken);
        return new EndpointBindResult(source, binder._diagnostics.ToEquatableArray());
    }

    private EndpointSourceSpec Bind(CancellationToken cancellationToken)
    {
        Claim(WireClassName, "the family's wire format helper", _file.FamilyLocation);
        string? baseUrlsClass = null;
        if (_file.BaseUrls.Count > 0)
        {
            baseUrlsClass = _file.Family + "BaseUrls";
            Claim(baseUrlsClass, "the family's base URLs", _file.FamilyLocation);
        }

        foreach (var group in _file.Groups)
        {
            _groups[group.Name] = group;
        }

        var filterTypes = _file.FilterTypes.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var filterSets = new List<EndpointFilterClassSpec>();
        foreach (var set in _file.FilterSets)
        {
            if (BindFilterSet(set, filterTypes) is { } bound)
            {
                filterSets.Add(bound);
                _filterSets[set.Name] = bound;
            }
        }

        var jsonClass = _file.Family + "Json";
        if (_file.JsonTypes.Count > 0)
        {
            Claim(jsonClass, "the family's JSON reading helper", _file.FamilyLocation);
        }

        var jsonTypes = new List<EndpointJsonClassSpec>();
        foreach (var type in _file.JsonTypes)
        {
            if (BindJsonType(type) is { } bound)
            {
                jsonTypes.Add(bound);
                _jsonTypes[type.Name] = bound;
            }
        }

        var requests = new List<EndpointRequestSpec>();
        foreach (var endpoint in _file.Endpoints)
        {
            cancellationToken.ThrowIfCancellationRequested();
            BindEndpoint(endpoint, requests);
        }

        return new EndpointSourceSpec(
            _file.FileName,
            _file.FilePath,
            _file.FileName,
            _namespace,
            _options.Public ? "public" : "internal",
            WireClassName,
            _enums.ToEquatableArray(),
            filterSets.ToEquatableArray(),
            jsonTypes.ToEquatableArray(),
            jsonClass,
            baseUrlsClass,
            _file.BaseUrls,
            requests.ToEquatableArray());
    }

    // --- endpoints and versions ----------------------------------------------------------------------------------------

    private void BindEndpoint(EndpointSpec endpoint, List<EndpointRequestSpec> requests)
    {
        // Newest first: the documentation lists versions that way, and the unversioned entry is the first one not past EOS.
        var versions = endpoint.Versions.OrderByDescending(v => v.Version, VersionComparer.Instance).ToList();
        if (versions.Count == 0)
        {
            return;
        }

        var target = versions.FirstOrDefault(v => v.EndOfSupport is null) ?? versions[0];
        var classNames = versions.ToDictionary(v => v.Version, v => endpoint.Name + "V" + VersionSuffix(v.Version) + "Request", StringComparer.Ordinal);
        var unversionedName = endpoint.Name + "Request";

        // Groups first, then the endpoint's own parameters and rules; a later parameter replaces an earlier one of the same wire name.
        var inherited = new List<ParameterSpec>();
        var inheritedRules = new List<RuleSpec>();
        foreach (var use in endpoint.Use)
        {
            if (!_groups.TryGetValue(use.Name, out var group))
            {
                Report(EndpointDiagnosticDescriptors.UnknownGroup, use.Location, use.Name);
                continue;
            }

            Merge(inherited, group.Parameters);
            inheritedRules.AddRange(group.Rules);
        }

        Merge(inherited, endpoint.Parameters);
        inheritedRules.AddRange(endpoint.Rules);

        var claimed = Claim(unversionedName, $"endpoint '{endpoint.Name}'", endpoint.Location);
        foreach (var version in versions)
        {
            claimed &= Claim(classNames[version.Version], $"version '{version.Version}' of endpoint '{endpoint.Name}'", version.Location);
        }

        if (!claimed)
        {
            return;
        }

        var bound = new List<EndpointRequestSpec>();
        EndpointRequestSpec? targetSpec = null;
        foreach (var version in versions)
        {
            var replacement = version == target ? null : target;
            if (version.ReplacedBy is { } replacedBy)
            {
                replacement = versions.FirstOrDefault(v => v.Version == replacedBy.Name);
                if (replacement is null)
                {
                    Report(EndpointDiagnosticDescriptors.UnknownVersion, replacedBy.Location, replacedBy.Name, endpoint.Name);
                }
            }

            var others = versions.Where(v => v != version).Select(v => classNames[v.Version]).ToEquatableArray();
            var spec = BindVersion(endpoint, version, classNames[version.Version], inherited, inheritedRules, replacement, replacement is null ? null : classNames[replacement.Version], others);
            if (spec is null)
            {
                continue;
            }

            bound.Add(spec);
            if (version == target)
            {
                targetSpec = spec;
            }
        }

        if (targetSpec is not null)
        {
            requests.Add(targetSpec with
            {
                ClassName = unversionedName,
                VersionClassName = targetSpec.ClassName,
                OtherVersions = versions.Select(v => classNames[v.Version]).ToEquatableArray(),
            });
        }

        requests.AddRange(bound);
    }

    private static void Merge(List<ParameterSpec> into, IEnumerable<ParameterSpec> parameters)
    {
        foreach (var parameter in parameters)
        {
            var index = into.FindIndex(p => p.WireName == parameter.WireName);
            if (index >= 0)
            {
                into[index] = parameter;
            }
            else
            {
                into.Add(parameter);
            }
        }
    }

    private EndpointRequestSpec? BindVersion(
        EndpointSpec endpoint,
        EndpointVersionSpec version,
        string className,
        List<ParameterSpec> inherited,
        List<RuleSpec> inheritedRules,
        EndpointVersionSpec? replacement,
        string? replacementClass,
        EquatableArray<string> otherVersions)
    {
        var owner = $"version '{version.Version}' of '{endpoint.Name}'";
        var e = endpoint.Settings;
        var s = version.Settings;
        var ok = true;

        var method = s.Method ?? e.Method;
        var pathTemplate = s.Path ?? e.Path;
        var response = s.Response ?? e.Response;
        foreach (var (value, name) in new[] { ((object?)method, "method"), (pathTemplate, "path"), (response, "response") })
        {
            if (value is null)
            {
                Report(EndpointDiagnosticDescriptors.InvalidEndpointSpec, endpoint.Location, $"Endpoint '{endpoint.Name}' has no '{name}'; give it on the endpoint or on each version");
                ok = false;
            }
        }

        var body = s.Body ?? e.Body;
        var bodyKind = body?.Kind ?? EndpointBodyKind.Query;
        var host = s.Host ?? e.Host ?? EndpointHostKind.ApiServer;
        var auth = s.Auth ?? e.Auth ?? new[] { "Basic" }.ToEquatableArray();

        // Parameters: the endpoint's (with its groups'), then the version's; then the drops.
        var declared = new List<ParameterSpec>(inherited);
        Merge(declared, version.Parameters);
        var declaredNames = new HashSet<string>(declared.Select(p => p.WireName), StringComparer.Ordinal);
        var dropped = new HashSet<string>(StringComparer.Ordinal);
        foreach (var drop in version.DropParameters)
        {
            if (!declaredNames.Contains(drop.Name))
            {
                Report(EndpointDiagnosticDescriptors.UnknownParameter, drop.Location, drop.Name, $"endpoint '{endpoint.Name}' (so version '{version.Version}' cannot drop it)");
                continue;
            }

            dropped.Add(drop.Name);
        }

        var action = s.Action ?? e.Action;
        var fixedParameters = new List<EndpointFixedParameterSpec>(e.FixedParameters);
        foreach (var item in s.FixedParameters)
        {
            fixedParameters.RemoveAll(f => f.Name == item.Name);
            fixedParameters.Add(item);
        }

        var sentByBuilder = new HashSet<string>(fixedParameters.Select(f => f.Name), StringComparer.Ordinal);
        if (action is not null)
        {
            sentByBuilder.Add("action");
        }

        var parameters = new List<ParameterPropertySpec>();
        var bound = new Dictionary<string, (ParameterPropertySpec Property, EnumSpec? Enum)>(StringComparer.Ordinal);
        var properties = new HashSet<string>(ReservedMembers, StringComparer.Ordinal) { className };
        foreach (var parameter in declared.Where(p => !dropped.Contains(p.WireName)))
        {
            if (sentByBuilder.Contains(parameter.WireName))
            {
                Report(EndpointDiagnosticDescriptors.DuplicateParameter, parameter.Location, parameter.WireName, owner + " (it is also its 'action' or a fixed parameter)");
                ok = false;
                continue;
            }

            if (BindParameter(parameter, properties, owner) is { } property)
            {
                parameters.Add(property.Property);
                bound[parameter.WireName] = property;
            }
            else
            {
                ok = false;
            }
        }

        var path = s.Path is not null
            ? BindPath(pathTemplate, version, parameters, owner, s.Location, ref ok)
            : BindPath(pathTemplate, version, parameters, $"'{endpoint.Name}'", e.Location, ref ok);

        // The body and the host.
        string? filterClass = null;
        if (body is not null)
        {
            if (bodyKind != EndpointBodyKind.ServiceRequest && (body.FilterSet is not null || body.FiltersRequired || body.Preferences))
            {
                Report(EndpointDiagnosticDescriptors.BodyMismatch, body.Location, "'filters', 'filtersRequired' and 'preferences' belong to a serviceRequest body");
                ok = false;
            }

            if (body.FilterSet is { } set)
            {
                if (_filterSets.TryGetValue(set.Name, out var filters))
                {
                    filterClass = "global::" + _namespace + "." + filters.ClassName;
                }
                else if (!_file.FilterSets.Any(f => f.Name == set.Name))
                {
                    Report(EndpointDiagnosticDescriptors.UnknownFilterReference, set.Location, "Filter set", set.Name, "filterSets");
                    ok = false;
                }
                else
                {
                    ok = false;
                }
            }
            else if (body.FiltersRequired)
            {
                Report(EndpointDiagnosticDescriptors.BodyMismatch, body.Location, "'filtersRequired' needs 'filters': a filter set");
                ok = false;
            }
        }

        if (method is "GET" or "DELETE" && bodyKind is not EndpointBodyKind.Query)
        {
            Report(EndpointDiagnosticDescriptors.BodyMismatch, body?.Location ?? version.Location, $"A {method} request has no body; use body \"query\"");
            ok = false;
        }

        if (host == EndpointHostKind.Custom && _file.BaseUrls.Count == 0)
        {
            Report(EndpointDiagnosticDescriptors.NoBaseUrls, version.Location, version.Version, endpoint.Name);
            ok = false;
        }

        var (responseType, parseMethod) = response is null ? ("", "") : BindResponse(response, ref ok);

        // Rules: the groups', the endpoint's, the version's. A rule that names a dropped parameter goes with it.
        var rules = new List<RuleCheckSpec>();
        foreach (var rule in inheritedRules.Concat(version.Rules))
        {
            rules.AddRange(BindRule(rule, bound, declaredNames, dropped, owner, ref ok));
        }

        if (!ok || method is null || response is null)
        {
            return null;
        }

        string? obsolete = null, lifecycle = null;
        if (version.EndOfSupport is { } eos)
        {
            lifecycle = "EOS " + eos + (version.EndOfLife is { } eol ? ", EOL " + eol : "");
            var dates = "end of support (EOS) " + eos + (version.EndOfLife is { } eol2 ? ", end of life (EOL) " + eol2 : "");
            obsolete = replacement is not null
                ? $"Qualys API v{version.Version} of {endpoint.Name} is deprecated: {dates}. Use v{replacement.Version} ({replacementClass})."
                : $"Qualys API v{version.Version} of {endpoint.Name} is deprecated: {dates}. The spec lists no supported version.";
        }

        var description = string.Join("\n", new[] { e.Description, s.Description }.Where(d => d is not null));
        return new EndpointRequestSpec(
            className,
            endpoint.Name,
            version.Version,
            null,
            endpoint.Summary,
            description.Length == 0 ? null : description,
            method,
            path,
            action,
            fixedParameters.ToEquatableArray(),
            bodyKind,
            body?.Description,
            filterClass,
            body?.FiltersRequired ?? false,
            body?.Preferences ?? false,
            auth,
            host.ToString(),
            s.RetrySafe ?? e.RetrySafe ?? method == "GET",
            response.Kind,
            responseType,
            parseMethod,
            obsolete,
            lifecycle,
            otherVersions,
            parameters.ToEquatableArray(),
            rules.ToEquatableArray());
    }

    private EquatableArray<EndpointPathPartSpec> BindPath(string? template, EndpointVersionSpec version, List<ParameterPropertySpec> parameters, string owner, SourceLocationSpec location, ref bool ok)
    {
        var parts = new List<EndpointPathPartSpec>();
        if (template is null)
        {
            return parts.ToEquatableArray();
        }

        var used = new HashSet<string>(StringComparer.Ordinal);
        var text = template.Replace("{version}", version.Version);
        var literal = new System.Text.StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '}')
            {
                Report(EndpointDiagnosticDescriptors.PathTemplate, location, $"The path of {owner} has a '}}' without '{{'");
                ok = false;
                continue;
            }

            if (text[i] != '{')
            {
                literal.Append(text[i]);
                continue;
            }

            var close = text.IndexOf('}', i);
            if (close < 0)
            {
                Report(EndpointDiagnosticDescriptors.PathTemplate, location, $"The path of {owner} has a '{{' without '}}'");
                ok = false;
                break;
            }

            var name = text.Substring(i + 1, close - i - 1);
            i = close;
            var parameter = parameters.FirstOrDefault(p => p.WireName == name && p.InPath);
            if (parameter is null)
            {
                Report(EndpointDiagnosticDescriptors.PathTemplate, location, $"The path of {owner} has '{{{name}}}', but no parameter '{name}' with \"in\": \"path\"");
                ok = false;
                continue;
            }

            if (literal.Length > 0)
            {
                parts.Add(new EndpointPathPartSpec(literal.ToString(), null, ParameterTypeKind.String));
                literal.Clear();
            }

            used.Add(name);
            parts.Add(new EndpointPathPartSpec(name, parameter.PropertyName, parameter.Kind));
        }

        if (literal.Length > 0)
        {
            parts.Add(new EndpointPathPartSpec(literal.ToString(), null, ParameterTypeKind.String));
        }

        foreach (var parameter in parameters.Where(p => p.InPath && !used.Contains(p.WireName)))
        {
            Report(EndpointDiagnosticDescriptors.PathTemplate, location, $"Path parameter '{parameter.WireName}' of {owner} does not appear in the path as {{{parameter.WireName}}}");
            ok = false;
        }

        return parts.ToEquatableArray();
    }

    private (string Type, string Parse) BindResponse(EndpointResponseSpec response, ref bool ok)
    {
        switch (response.Kind)
        {
            case EndpointResponseKind.Schema:
                if (!_schemas.TryGetValue(response.Schema!.Name, out var schema))
                {
                    Report(EndpointDiagnosticDescriptors.UnknownResponseSchema, response.Schema.Location, response.Schema.Name);
                    ok = false;
                    return ("", "");
                }

                var root = schema.Roots.FirstOrDefault(r => r.XmlName == response.Root!.Name);
                if (root is null)
                {
                    Report(EndpointDiagnosticDescriptors.UnknownResponseRoot, response.Root!.Location, response.Root.Name, schema.SourceFile, string.Join(", ", schema.Roots.Select(r => r.XmlName)));
                    ok = false;
                    return ("", "");
                }

                var type = "global::" + schema.Namespace + "." + root.TypeName;
                return (type, type + ".ParseAsync");
            case EndpointResponseKind.Json:
                if (!_jsonTypes.TryGetValue(response.JsonType!.Name, out var json))
                {
                    if (!_file.JsonTypes.Any(t => t.Name == response.JsonType.Name))
                    {
                        Report(EndpointDiagnosticDescriptors.UnknownJsonType, response.JsonType.Location, response.JsonType.Name);
                    }

                    ok = false;
                    return ("", "");
                }

                var jsonType = "global::" + _namespace + "." + json.ClassName;
                return (jsonType, jsonType + ".ParseAsync");
            default:
                return ("global::QualysGen.Requests.QualysRawResponse", "global::QualysGen.Requests.QualysRawResponse.ReadAsync");
        }
    }

    // --- parameters ----------------------------------------------------------------------------------------------------

    private (ParameterPropertySpec Property, EnumSpec? Enum)? BindParameter(ParameterSpec parameter, HashSet<string> properties, string owner)
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
        RuleSpec rule,
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

        RuleOperandSpec Operand(ParameterReferenceSpec reference)
        {
            var property = bound[reference.Name].Property;
            return new RuleOperandSpec(property.WireName, property.PropertyName, property.Required);
        }

        var when = new List<RuleTestGroupSpec>();
        var words = new List<IReadOnlyList<(RuleClauseOperator, string, IReadOnlyList<string>)>>();
        var valid = true;
        foreach (var conjunction in rule.When?.AnyOf ?? EquatableArray<RuleConjunctionSpec>.Empty)
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

    // --- filter sets and JSON types ------------------------------------------------------------------------------------

    private EndpointFilterClassSpec? BindFilterSet(EndpointFilterSetSpec set, Dictionary<string, EndpointFilterTypeSpec> types)
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

    private EndpointJsonClassSpec? BindJsonType(EndpointJsonTypeSpec type)
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

    // --- names ---------------------------------------------------------------------------------------------------------

    /// <summary>Takes a type name in the family's namespace; reports a collision and returns false when it is taken.</summary>
    private bool Claim(string name, string what, SourceLocationSpec location)
    {
        if (_typeNames.TryGetValue(name, out var owner))
        {
            Report(EndpointDiagnosticDescriptors.NameCollision, location, name, what, owner);
            return false;
        }

        _typeNames[name] = what;
        return true;
    }

    /// <summary><c>2.0</c> → <c>2</c>, <c>3.1</c> → <c>3_1</c>, <c>1</c> → <c>1</c>.</summary>
    internal static string VersionSuffix(string version)
    {
        var parts = version.Split('.').ToList();
        while (parts.Count > 1 && parts[parts.Count - 1] == "0")
        {
            parts.RemoveAt(parts.Count - 1);
        }

        return string.Join("_", parts);
    }

    /// <summary>Reports a diagnostic once per ID and place: what an endpoint states is bound once per version, but is one mistake.</summary>
    private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, SourceLocationSpec location, params string[] args)
    {
        if (_reported.Add((descriptor.Id, location)))
        {
            _diagnostics.Add(DiagnosticSpec.Create(descriptor.Id, location, args));
        }
    }

    /// <summary>Orders versions by their numeric parts (<c>10.0</c> after <c>7.0</c>), then ordinally.</summary>
    private sealed class VersionComparer : IComparer<string>
    {
        public static readonly VersionComparer Instance = new();

        public int Compare(string? x, string? y)
        {
            var a = (x ?? "").Split('.');
            var b = (y ?? "").Split('.');
            for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
            {
                var left = i < a.Length ? a[i] : "0";
                var right = i < b.Length ? b[i] : "0";
                var leftIsNumber = long.TryParse(left, NumberStyles.None, CultureInfo.InvariantCulture, out var l);
                var rightIsNumber = long.TryParse(right, NumberStyles.None, CultureInfo.InvariantCulture, out var r);
                var order = leftIsNumber && rightIsNumber ? l.CompareTo(r) : string.CompareOrdinal(left, right);
                if (order != 0)
                {
                    return order;
                }
            }

            return 0;
        }
    }
}
