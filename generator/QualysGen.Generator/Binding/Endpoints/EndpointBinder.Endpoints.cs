using System;
using System.Collections.Generic;
using System.Linq;
using QualysGen.Generator.Diagnostics;
using QualysGen.Generator.Model;

namespace QualysGen.Generator.Binding.Endpoints;

/// <summary>Endpoints and versions: a request class per version and the unversioned entry, with the path, body, host and response bound.</summary>
internal sealed partial class EndpointBinder
{
    private void BindEndpoint(EndpointDeclaration endpoint, List<EndpointRequestSpec> requests)
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
        var inherited = new List<ParameterDeclaration>();
        var inheritedRules = new List<RuleDeclaration>();
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

    private static void Merge(List<ParameterDeclaration> into, IEnumerable<ParameterDeclaration> parameters)
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
        EndpointDeclaration endpoint,
        EndpointVersionDeclaration version,
        string className,
        List<ParameterDeclaration> inherited,
        List<RuleDeclaration> inheritedRules,
        EndpointVersionDeclaration? replacement,
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
        var declared = new List<ParameterDeclaration>(inherited);
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
        var fixedParameters = e.FixedParameters.Select(f => new EndpointFixedParameterSpec(f.Name, f.Value)).ToList();
        foreach (var item in s.FixedParameters)
        {
            fixedParameters.RemoveAll(f => f.Name == item.Name);
            fixedParameters.Add(new EndpointFixedParameterSpec(item.Name, item.Value));
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

        var filterClass = body is null ? null : BindBody(body, ref ok);
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

    /// <summary>Checks what a body states against its kind; returns the <c>global::</c>-qualified filter set class of a serviceRequest body, or null.</summary>
    private string? BindBody(EndpointBodyDeclaration body, ref bool ok)
    {
        string? filterClass = null;
        if (body.Kind != EndpointBodyKind.ServiceRequest && (body.FilterSet is not null || body.FiltersRequired || body.Preferences))
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

        return filterClass;
    }

    private EquatableArray<EndpointPathPartSpec> BindPath(string? template, EndpointVersionDeclaration version, List<ParameterPropertySpec> parameters, string owner, SourceLocationSpec location, ref bool ok)
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

    private (string Type, string Parse) BindResponse(EndpointResponseDeclaration response, ref bool ok)
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
                return (jsonType, NoXmlOptions(jsonType + ".ParseAsync"));
            default:
                return ("global::QualysGen.Requests.QualysRawResponse", NoXmlOptions("global::QualysGen.Requests.QualysRawResponse.ReadAsync"));
        }
    }

    /// <summary>A parser that takes no XML options (JSON, raw text), as the request's parse delegate, which passes them.</summary>
    private static string NoXmlOptions(string parseAsync) => $"static (stream, _, cancellationToken) => {parseAsync}(stream, cancellationToken)";
}
