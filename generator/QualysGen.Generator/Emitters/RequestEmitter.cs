using System.Collections.Generic;
using System.Linq;
using QualysGen.Generator.Binding;
using QualysGen.Generator.Model;

namespace QualysGen.Generator.Emitters;

/// <summary>
/// Emits the request side of one spec file: the request enums, the QPS filter sets, the base URLs, one request record per endpoint
/// version plus the unversioned entry of each endpoint, and the file-scoped class that writes the enums on the wire.
/// </summary>
internal sealed class RequestEmitter
{
    private const string Requests = "global::QualysGen.Requests";
    private const string Checks = Requests + ".QualysParameterChecks";
    private const string Wire = Requests + ".QualysWire";
    private const string Rule = Requests + ".QualysParameterRule";
    private const string Pair = "global::System.Collections.Generic.KeyValuePair<string, string>";
    private const string PairList = "global::System.Collections.Generic.List<" + Pair + ">";
    private const string ReadOnlyList = "global::System.Collections.Generic.IReadOnlyList";

    /// <summary>Locals of <c>Build()</c> that a parameter's pattern variable must not take.</summary>
    private static readonly HashSet<string> BuildLocals = new() { "query", "form", "path", "body", "criterion", "i" };

    private readonly EndpointSourceSpec _spec;
    private readonly SourceWriter _writer = new();

    private RequestEmitter(EndpointSourceSpec spec) => _spec = spec;

    public static string Emit(EndpointSourceSpec spec) => new RequestEmitter(spec).Emit();

    private string Access => _spec.Accessibility;

    private string Emit()
    {
        var w = _writer;
        w.WriteLine(SourceWriter.FileHeader);
        w.OpenBlock("namespace " + _spec.Namespace);
        var first = true;
        foreach (var @enum in _spec.Enums)
        {
            _writer.Separate(ref first);
            EmitEnum(@enum);
        }

        foreach (var set in _spec.FilterSets)
        {
            _writer.Separate(ref first);
            EmitFilterSet(set);
        }

        if (_spec.BaseUrlsClassName is { } baseUrls)
        {
            _writer.Separate(ref first);
            EmitBaseUrls(baseUrls);
        }

        foreach (var request in _spec.Requests)
        {
            _writer.Separate(ref first);
            EmitRequest(request);
        }

        _writer.Separate(ref first);
        EmitWireFormat();
        w.CloseBlock();
        return w.ToString();
    }

    // --- enums, filter sets, base URLs, wire format --------------------------------------------------------------------

    private void EmitEnum(EnumSpec @enum)
    {
        var w = _writer;
        w.WriteSummary(@enum.Documentation is { } doc ? Doc(doc) : $"The values of <c>{SourceWriter.Xml(@enum.TypeName)}</c> as the API spells them.");
        w.OpenType($"{Access} enum {@enum.TypeName}");
        for (var i = 0; i < @enum.Members.Count; i++)
        {
            var member = @enum.Members[i];
            if (i > 0)
            {
                w.WriteLine();
            }

            w.WriteLine($"/// <summary>Sent as <c>{SourceWriter.Xml(member.XmlValue)}</c>.</summary>");
            w.WriteLine(member.Name + ",");
        }

        w.CloseBlock();
    }

    private void EmitFilterSet(EndpointFilterClassSpec set)
    {
        var w = _writer;
        var criterion = $"{Requests}.QpsCriterion<{set.ClassName}>";
        w.WriteSummary(
            (set.Description is { } doc ? Doc(doc) + "\n" : "") +
            "The fields a QPS request can filter on (<c>&lt;Criteria field=\"...\" operator=\"...\"&gt;</c>), each offering only the operators its type allows.");
        w.OpenType($"{Access} sealed class {set.ClassName}");
        w.OpenBlock($"private {set.ClassName}()");
        w.CloseBlock();
        foreach (var field in set.Fields)
        {
            var operators = string.Join(", ", field.Operators.Select(OperatorText));
            w.WriteLine();
            w.WriteSummary((field.Description is { } d ? Doc(d) + " " : "") + $"Field <c>{SourceWriter.Xml(field.Field)}</c> ({SourceWriter.Xml(field.TypeName)}: {operators}).");
            w.WriteLine($"public static {field.StructName} {field.PropertyName} => default;");
        }

        foreach (var field in set.Fields)
        {
            w.WriteLine();
            w.WriteSummary($"The criteria on <c>{SourceWriter.Xml(field.Field)}</c>.");
            w.OpenType($"public readonly struct {field.StructName}");
            var valueType = field.Value switch
            {
                ParameterTypeKind.Enum => field.EnumTypeName!,
                ParameterTypeKind.DateTime => "global::System.DateTimeOffset",
                ParameterTypeKind.Boolean => "bool",
                ParameterTypeKind.Int32 => "int",
                ParameterTypeKind.Int64 => "long",
                _ => "string",
            };
            var field1 = SourceWriter.Literal(field.Field);
            var first = true;
            foreach (var op in field.Operators)
            {
                w.Separate(ref first);
                switch (op)
                {
                    case "In":
                        var format = field.Value == ParameterTypeKind.String
                            ? "static value => value"
                            : $"static value => {WireValue(field.Value, field.EnumTypeName, "value", field.Field, field.PropertyName)}";
                        w.WriteLine($"/// <summary><c>IN</c>: the field is one of <paramref name=\"values\"/> (at least one).</summary>");
                        w.WriteLine($"public {criterion} In(params {valueType}[] values) => {criterion}.In({field1}, values, {format});");
                        break;
                    case "None":
                        w.WriteLine("/// <summary><c>NONE</c>: the field has no value.</summary>");
                        w.WriteLine($"public {criterion} None() => new({field1}, {Requests}.QpsOperator.None, \"\");");
                        break;
                    default:
                        var (method, text) = op switch
                        {
                            "Equal" => ("EqualTo", "<c>EQUALS</c>: the field equals <paramref name=\"value\"/>."),
                            "NotEqual" => ("NotEqualTo", "<c>NOT EQUALS</c>: the field does not equal <paramref name=\"value\"/>."),
                            "Contains" => ("Contains", "<c>CONTAINS</c>: the field contains <paramref name=\"value\"/>."),
                            "Greater" => ("GreaterThan", field.Value == ParameterTypeKind.DateTime ? "<c>GREATER</c>: the field is later than <paramref name=\"value\"/> (strictly)." : "<c>GREATER</c>: the field is greater than <paramref name=\"value\"/> (strictly)."),
                            _ => ("LessThan", field.Value == ParameterTypeKind.DateTime ? "<c>LESSER</c>: the field is earlier than <paramref name=\"value\"/> (strictly)." : "<c>LESSER</c>: the field is less than <paramref name=\"value\"/> (strictly)."),
                        };
                        var wire = field.Value == ParameterTypeKind.String ? "value" : WireValue(field.Value, field.EnumTypeName, "value", field.Field, field.PropertyName);
                        w.WriteLine($"/// <summary>{text}</summary>");
                        w.WriteLine($"public {criterion} {method}({valueType} value) => new({field1}, {Requests}.QpsOperator.{op}, {wire});");
                        break;
                }
            }

            w.CloseBlock();
        }

        w.CloseBlock();
    }

    private static string OperatorMethod(string member) => member switch
    {
        "Equal" => "EqualTo",
        "NotEqual" => "NotEqualTo",
        "Greater" => "GreaterThan",
        "Lesser" => "LessThan",
        _ => member,
    };

    private static string OperatorText(string member) => member switch
    {
        "Equal" => "EQUALS",
        "NotEqual" => "NOT EQUALS",
        _ => member.ToUpperInvariant(),
    };

    private void EmitBaseUrls(string className)
    {
        var w = _writer;
        w.WriteSummary("The base URLs of the service these requests go to (their <c>Host</c> is <c>Custom</c>): give the client the one of your environment.");
        w.OpenType($"{Access} static class {className}");
        var first = true;
        foreach (var url in _spec.BaseUrls)
        {
            _writer.Separate(ref first);
            w.WriteSummary((url.Description is { } d ? Doc(d) + ": " : "") + $"<c>{SourceWriter.Xml(url.Url)}</c>");
            w.WriteLine($"public static global::System.Uri {url.Name} {{ get; }} = new global::System.Uri({SourceWriter.Literal(url.Url)});");
        }

        w.CloseBlock();
    }

    private void EmitWireFormat()
    {
        var w = _writer;
        w.WriteSummary("Writes this family's enums as the API spells them. An undefined value (a cast from a number) cannot be sent.");
        w.OpenType($"file static class {_spec.WireClassName}", nonUserCode: true);
        var first = true;
        foreach (var @enum in _spec.Enums)
        {
            _writer.Separate(ref first);
            var type = "global::" + _spec.Namespace + "." + @enum.TypeName;
            w.WriteLine($"public static string Format({type} value, string parameter, string property) => value switch");
            w.WriteLine("{");
            foreach (var member in @enum.Members)
            {
                w.WriteLine($"    {type}.{member.Name} => {SourceWriter.Literal(member.XmlValue)},");
            }

            w.WriteLine($"    _ => throw {Checks}.UndefinedEnumValue(value, parameter, property),");
            w.WriteLine("};");
            w.WriteLine();
            w.OpenBlock($"public static void Check({type}? value, string parameter, string property)");
            w.OpenBlock("if (value is { } defined)");
            w.WriteLine("_ = Format(defined, parameter, property);");
            w.CloseBlock();
            w.CloseBlock();
            w.WriteLine();
            w.OpenBlock($"public static void Check({ReadOnlyList}<{type}>? values, string parameter, string property)");
            w.OpenBlock("for (var i = 0; values is not null && i < values.Count; i++)");
            w.WriteLine("_ = Format(values[i], parameter, property);");
            w.CloseBlock();
            w.CloseBlock();
        }

        w.CloseBlock();
    }

    // --- request records -----------------------------------------------------------------------------------------------

    private void EmitRequest(EndpointRequestSpec request)
    {
        var w = _writer;
        EmitRequestDocumentation(request);
        if (request.Obsolete is { } obsolete)
        {
            w.WriteLine($"[global::System.Obsolete({SourceWriter.Literal(obsolete)}, DiagnosticId = \"QG0249\")]");
        }

        w.OpenType($"{Access} sealed partial record {request.ClassName}");
        var first = true;
        foreach (var parameter in request.Parameters)
        {
            _writer.Separate(ref first);
            EmitProperty(parameter);
        }

        if (request.Body is EndpointBodyKind.Xml or EndpointBodyKind.Json)
        {
            _writer.Separate(ref first);
            var what = request.Body == EndpointBodyKind.Xml ? "XML" : "JSON";
            w.WriteSummary(request.BodyDescription is { } doc ? Doc(doc) : $"The {what} document sent as the request body.");
            w.WriteLine($"/// <remarks>Sent as the request body, with the content type <c>{(request.Body == EndpointBodyKind.Xml ? "text/xml" : "application/json")}</c>; must not be empty.</remarks>");
            w.WriteLine("public required global::System.ReadOnlyMemory<byte> Body { get; init; }");
        }

        if (request.Body == EndpointBodyKind.ServiceRequest)
        {
            EmitServiceRequestProperties(request, ref first);
        }

        _writer.Separate(ref first);
        if (request.VersionClassName is { } pinned)
        {
            EmitDelegatingBuild(request, pinned);
        }
        else
        {
            EmitBuild(request);
            if (request.Body == EndpointBodyKind.ServiceRequest)
            {
                w.WriteLine();
                EmitServiceRequestWriter(request);
            }
        }

        w.CloseBlock();
    }

    /// <summary>The unversioned entry's <c>Build()</c>: the pinned version's, so that the rules are written (and checked) in one place.</summary>
    private void EmitDelegatingBuild(EndpointRequestSpec request, string pinned)
    {
        var w = _writer;
        w.WriteLine($"/// <summary>Checks every documented parameter rule, then returns the request to send: the one <see cref=\"{pinned}\"/> builds.</summary>");
        w.WriteLine($"/// <returns>The transport-neutral request: method, path, parameters, accepted auth, retry safety and the parser of <see cref=\"{request.ResponseType}\"/>.</returns>");
        w.WriteLine($"/// <exception cref=\"{Requests}.QualysParameterException\">A parameter breaks a documented rule; nothing was sent.</exception>");
        w.WriteLine($"public {RequestType(request)} Build() => new {pinned}");
        w.WriteLine("{");
        var members = request.Parameters.Select(p => p.PropertyName).ToList();
        if (request.Body is EndpointBodyKind.Xml or EndpointBodyKind.Json)
        {
            members.Add("Body");
        }

        if (request.FilterClassName is not null)
        {
            members.Add("Filters");
        }

        if (request.Preferences)
        {
            members.AddRange(["LimitResults", "StartFromOffset", "StartFromId"]);
        }

        foreach (var member in members)
        {
            w.WriteLine($"    {member} = {member},");
        }

        w.WriteLine("}.Build();");
    }

    private void EmitRequestDocumentation(EndpointRequestSpec request)
    {
        var w = _writer;
        w.WriteSummary(request.Summary is { } summary ? Doc(summary) : $"The <c>{SourceWriter.Xml(request.EndpointName)}</c> request.");
        var remarks = new List<string>();
        var call = $"<c>{request.Method} {SourceWriter.Xml(PathDisplay(request))}</c>";
        var auth = request.AuthSchemes.Count == 0 ? "no authentication" : "auth " + string.Join(" or ", request.AuthSchemes.Select(a => a == "Session" ? "session cookie" : a == "Bearer" ? "Bearer JWT" : a));
        var retry = request.RetrySafe ? "safe to retry" : "not retried after a failure (it is not idempotent)";
        remarks.Add($"{call}, API v{SourceWriter.Xml(request.Version)}; {auth}; {retry}.");
        if (request.VersionClassName is { } pinned)
        {
            remarks.Add(
                $"Bound to v{SourceWriter.Xml(request.Version)}, the newest version the spec lists as not past end of support; it moves to a newer version when the spec " +
                $"gains one (and the compiler then shows what changed). <see cref=\"{pinned}\"/> is the same request pinned to v{SourceWriter.Xml(request.Version)}.");
        }
        else if (request.Lifecycle is { } lifecycle)
        {
            remarks.Add($"Deprecated by Qualys: {SourceWriter.Xml(lifecycle)}.");
        }

        if (request.Description is { } description)
        {
            remarks.Add(Doc(description));
        }

        if (request.Rules.Count > 0)
        {
            remarks.Add("<see cref=\"Build\"/> checks these rules before anything is sent:\n<list type=\"bullet\">\n" +
                string.Join("\n", request.Rules.Select(r => $"<item><description>{SourceWriter.Xml(r.Message)}.</description></item>")) + "\n</list>");
        }

        var others = request.OtherVersions.Where(v => v != request.ClassName && v != request.VersionClassName).ToList();
        if (others.Count > 0)
        {
            remarks.Add("Other versions: " + string.Join(", ", others.Select(v => $"<see cref=\"{v}\"/>")) + ".");
        }

        w.WriteLine("/// <remarks>");
        for (var i = 0; i < remarks.Count; i++)
        {
            foreach (var line in ("<para>" + remarks[i] + "</para>").Split('\n'))
            {
                w.WriteLine("/// " + line);
            }
        }

        w.WriteLine("/// </remarks>");
    }

    private static string PathDisplay(EndpointRequestSpec request)
    {
        var path = string.Concat(request.Path.Select(p => p.PropertyName is null ? p.Text : "{" + p.Text + "}"));
        var query = new List<string>();
        if (request.Action is { } action)
        {
            query.Add("action=" + action);
        }

        query.AddRange(request.FixedParameters.Select(f => f.Name + "=" + f.Value));
        return query.Count == 0 ? path : path + "?" + string.Join("&", query);
    }

    private void EmitProperty(ParameterPropertySpec parameter)
    {
        var w = _writer;
        w.WriteSummary(parameter.Description is { } doc ? Doc(doc) : $"The <c>{SourceWriter.Xml(parameter.WireName)}</c> parameter.");
        var remarks = new List<string> { parameter.InPath ? $"Fills <c>{{{SourceWriter.Xml(parameter.WireName)}}}</c> in the path." : $"Sent as <c>{SourceWriter.Xml(parameter.WireName)}</c>{(parameter.IsList ? ", comma-separated" : "")}." };
        if (parameter.Min is { } min && parameter.Max is { } max)
        {
            remarks.Add($"From {min} to {max}.");
        }
        else if (parameter.Min is { } lo)
        {
            remarks.Add($"At least {lo}.");
        }
        else if (parameter.Max is { } hi)
        {
            remarks.Add($"At most {hi}.");
        }

        if (parameter.MaxLength is { } length)
        {
            remarks.Add($"At most {length} characters.");
        }

        if (parameter.DefaultText is { } defaultText)
        {
            remarks.Add($"Qualys assumes <c>{SourceWriter.Xml(defaultText)}</c> when it is not sent.");
        }

        w.WriteLine("/// <remarks>" + string.Join(" ", remarks) + "</remarks>");
        var type = PropertyType(parameter);
        w.WriteLine(parameter.Required ? $"public required {type} {parameter.PropertyName} {{ get; init; }}" : $"public {type}? {parameter.PropertyName} {{ get; init; }}");
    }

    private static string PropertyType(ParameterPropertySpec parameter)
    {
        var item = ItemType(parameter.Kind, parameter.EnumTypeName);
        return parameter.IsList ? $"{ReadOnlyList}<{item}>" : item;
    }

    private static string ItemType(ParameterTypeKind kind, string? enumTypeName) => kind switch
    {
        ParameterTypeKind.Int32 => "int",
        ParameterTypeKind.Int64 => "long",
        ParameterTypeKind.Flag or ParameterTypeKind.YesNo or ParameterTypeKind.Boolean => "bool",
        ParameterTypeKind.Enum => enumTypeName!,
        ParameterTypeKind.Date => "global::System.DateOnly",
        ParameterTypeKind.DateTime => "global::System.DateTimeOffset",
        _ => "string",
    };

    private void EmitServiceRequestProperties(EndpointRequestSpec request, ref bool first)
    {
        var w = _writer;
        if (request.FilterClassName is { } filterClass)
        {
            _writer.Separate(ref first);
            var list = $"{ReadOnlyList}<{Requests}.QpsCriterion<{filterClass}>>";
            var shortName = filterClass.Substring(filterClass.LastIndexOf('.') + 1);
            var example = _spec.FilterSets.FirstOrDefault(f => f.ClassName == shortName)?.Fields.FirstOrDefault() is { } field
                ? $", e.g. <c>{SourceWriter.Xml(shortName)}.{field.PropertyName}.{OperatorMethod(field.Operators[0])}(...)</c>"
                : "";
            w.WriteSummary($"The filters (QPS <c>Criteria</c>), combined with a logical AND; build each from <see cref=\"{filterClass}\"/>{example}.");
            if (request.FiltersRequired)
            {
                w.WriteLine("/// <remarks>At least one is required: without criteria the operation would apply to every object in scope.</remarks>");
                w.WriteLine($"public required {list} Filters {{ get; init; }}");
            }
            else
            {
                w.WriteLine($"public {list} Filters {{ get; init; }} = global::System.Array.Empty<{Requests}.QpsCriterion<{filterClass}>>();");
            }
        }

        if (request.Preferences)
        {
            _writer.Separate(ref first);
            w.WriteSummary("How many records a page holds (QPS <c>preferences/limitResults</c>); Qualys sends 100 when it is not set.");
            w.WriteLine("/// <remarks>From 1 to 1000.</remarks>");
            w.WriteLine("public int? LimitResults { get; init; }");
            w.WriteLine();
            w.WriteSummary("The offset of the first record to return (QPS <c>preferences/startFromOffset</c>).");
            w.WriteLine("public int? StartFromOffset { get; init; }");
            w.WriteLine();
            w.WriteSummary("The ID of the first record to return (QPS <c>preferences/startFromId</c>).");
            w.WriteLine("public long? StartFromId { get; init; }");
        }
    }

    private void EmitBuild(EndpointRequestSpec request)
    {
        var w = _writer;
        var requestType = RequestType(request);
        w.WriteLine("/// <summary>Checks every documented parameter rule, then returns the request to send.</summary>");
        w.WriteLine($"/// <returns>The transport-neutral request: method, path, parameters, accepted auth, retry safety and the parser of <see cref=\"{request.ResponseType}\"/>.</returns>");
        w.WriteLine($"/// <exception cref=\"{Requests}.QualysParameterException\">A parameter breaks a documented rule; nothing was sent.</exception>");
        w.OpenBlock($"public {requestType} Build()");

        if (EmitValueChecks(request))
        {
            w.WriteLine();
        }

        if (EmitRuleChecks(request))
        {
            w.WriteLine();
        }

        var locals = LocalNames(request);
        var queryParameters = request.Body == EndpointBodyKind.Form ? new List<ParameterPropertySpec>() : request.Parameters.Where(p => !p.InPath).ToList();
        var formParameters = request.Body == EndpointBodyKind.Form ? request.Parameters.Where(p => !p.InPath).ToList() : new List<ParameterPropertySpec>();
        var hasQuery = queryParameters.Count > 0 || request.Action is not null || request.FixedParameters.Count > 0;
        if (hasQuery)
        {
            w.WriteLine($"var query = new {PairList}();");
            if (request.Action is { } action)
            {
                w.WriteLine($"query.Add(new(\"action\", {SourceWriter.Literal(action)}));");
            }

            foreach (var item in request.FixedParameters)
            {
                w.WriteLine($"query.Add(new({SourceWriter.Literal(item.Name)}, {SourceWriter.Literal(item.Value)}));");
            }

            EmitAdds("query", queryParameters, locals);
        }

        if (formParameters.Count > 0)
        {
            w.WriteLine($"var form = new {PairList}();");
            EmitAdds("form", formParameters, locals);
        }

        var body = request.Body switch
        {
            EndpointBodyKind.Xml or EndpointBodyKind.Json => "Body",
            EndpointBodyKind.ServiceRequest => "WriteServiceRequest()",
            _ => "default",
        };
        var empty = $"global::System.Array.Empty<{Pair}>()";
        var auth = request.AuthSchemes.Count == 0 ? $"{Requests}.QualysAuthSchemes.None" : string.Join(" | ", request.AuthSchemes.Select(a => $"{Requests}.QualysAuthSchemes.{a}"));
        w.WriteLine(request.Records is { } records
            ? $"return {Requests}.QualysRequestFactory.Create<{request.ResponseType}, {records.RecordType}>("
            : $"return {Requests}.QualysRequestFactory.Create<{request.ResponseType}>(");
        w.WriteLine($"    endpoint: {SourceWriter.Literal(request.EndpointName)},");
        w.WriteLine($"    version: {SourceWriter.Literal(request.Version)},");
        w.WriteLine($"    method: {SourceWriter.Literal(request.Method)},");
        w.WriteLine($"    path: {PathExpression(request)},");
        w.WriteLine($"    query: {(hasQuery ? "query" : empty)},");
        w.WriteLine($"    bodyKind: {Requests}.QualysBodyKind.{BodyKind(request.Body)},");
        w.WriteLine($"    form: {(formParameters.Count > 0 ? "form" : empty)},");
        w.WriteLine($"    body: {body},");
        // No content type: the runtime decides it from the body kind (QualysRequest.DefaultContentType), in one place.
        w.WriteLine($"    authSchemes: {auth},");
        w.WriteLine($"    host: {Requests}.QualysHost.{request.Host},");
        w.WriteLine($"    isRetrySafe: {(request.RetrySafe ? "true" : "false")},");
        if (request.Records is { } stream)
        {
            w.WriteLine($"    parse: {request.ParseMethod},");
            w.WriteLine($"    readRecords: {stream.Method});");
        }
        else
        {
            w.WriteLine($"    parse: {request.ParseMethod});");
        }

        w.CloseBlock();
    }

    /// <summary>What <c>Build()</c> returns: a list request carries its record stream, so <c>client.EnumerateAsync(request)</c> is enough.</summary>
    private static string RequestType(EndpointRequestSpec request)
        => request.Records is { } records
            ? $"{Requests}.QualysRequest<{request.ResponseType}, {records.RecordType}>"
            : $"{Requests}.QualysRequest<{request.ResponseType}>";

    private static string BodyKind(EndpointBodyKind kind) => kind switch
    {
        EndpointBodyKind.Form => "Form",
        EndpointBodyKind.Xml or EndpointBodyKind.ServiceRequest => "Xml",
        EndpointBodyKind.Json => "Json",
        _ => "Query",
    };

    private static string PathExpression(EndpointRequestSpec request)
    {
        if (request.Path.All(p => p.PropertyName is null))
        {
            return SourceWriter.Literal(string.Concat(request.Path.Select(p => p.Text)));
        }

        return string.Join(" + ", request.Path.Select(p => p.PropertyName is null
            ? SourceWriter.Literal(p.Text)
            : "global::System.Uri.EscapeDataString(" + (p.Kind == ParameterTypeKind.String ? p.PropertyName : ScalarWire(p.Kind, null, p.PropertyName, p.Text, p.PropertyName)) + ")"));
    }

    private Dictionary<string, string> LocalNames(EndpointRequestSpec request)
    {
        var taken = new HashSet<string>(BuildLocals);
        var locals = new Dictionary<string, string>();
        foreach (var parameter in request.Parameters)
        {
            var local = CSharpNames.ToLocalName(parameter.PropertyName);
            while (!taken.Add(local))
            {
                local += "Value";
            }

            locals[parameter.PropertyName] = local;
        }

        return locals;
    }

    private void EmitAdds(string list, List<ParameterPropertySpec> parameters, Dictionary<string, string> locals)
    {
        var w = _writer;
        foreach (var parameter in parameters)
        {
            var name = SourceWriter.Literal(parameter.WireName);
            if (parameter.Required)
            {
                w.WriteLine($"{list}.Add(new({name}, {ValueWire(parameter, parameter.PropertyName)}));");
                continue;
            }

            var local = locals[parameter.PropertyName];
            w.OpenBlock($"if ({parameter.PropertyName} is {{ }} {local})");
            w.WriteLine($"{list}.Add(new({name}, {ValueWire(parameter, local)}));");
            w.CloseBlock();
            w.WriteLine();
        }
    }

    /// <summary>The wire text of a parameter's value held in <paramref name="expression"/>.</summary>
    private string ValueWire(ParameterPropertySpec parameter, string expression)
    {
        if (!parameter.IsList)
        {
            return parameter.Kind == ParameterTypeKind.String ? expression : WireValue(parameter.Kind, parameter.EnumTypeName, expression, parameter.WireName, parameter.PropertyName);
        }

        return parameter.Kind switch
        {
            ParameterTypeKind.String => $"{Wire}.Join({expression})",
            ParameterTypeKind.Int32 or ParameterTypeKind.Int64 => $"{Wire}.Join({expression}, {Wire}.Format)",
            _ => $"{Wire}.Join({expression}, static item => {WireValue(parameter.Kind, parameter.EnumTypeName, "item", parameter.WireName, parameter.PropertyName)})",
        };
    }

    private string WireValue(ParameterTypeKind kind, string? enumTypeName, string expression, string wireName, string propertyName)
        => kind == ParameterTypeKind.Enum
            ? $"{_spec.WireClassName}.Format({expression}, {SourceWriter.Literal(wireName)}, {SourceWriter.Literal(propertyName)})"
            : ScalarWire(kind, enumTypeName, expression, wireName, propertyName);

    private static string ScalarWire(ParameterTypeKind kind, string? enumTypeName, string expression, string wireName, string propertyName) => kind switch
    {
        ParameterTypeKind.Int32 or ParameterTypeKind.Int64 => $"{Wire}.Format({expression})",
        ParameterTypeKind.Flag => $"{Wire}.Flag({expression})",
        ParameterTypeKind.YesNo => $"{Wire}.YesNo({expression})",
        ParameterTypeKind.Boolean => $"{Wire}.Boolean({expression})",
        ParameterTypeKind.Date => $"{Wire}.Date({expression})",
        ParameterTypeKind.DateTime => $"{Wire}.DateTime({expression})",
        _ => expression,
    };

    // --- checks --------------------------------------------------------------------------------------------------------

    private bool EmitValueChecks(EndpointRequestSpec request)
    {
        var w = _writer;
        var any = false;
        foreach (var p in request.Parameters)
        {
            var args = $"{SourceWriter.Literal(p.WireName)}, nameof({p.PropertyName})";
            if (p.Required && (p.IsList || p.Kind == ParameterTypeKind.String))
            {
                w.WriteLine($"{Checks}.Required({p.PropertyName}, {args});");
                any = true;
            }

            if (p.Min is not null || p.Max is not null)
            {
                w.WriteLine($"{Checks}.Range({p.PropertyName}, {Bound(p.Min)}, {Bound(p.Max)}, {args});");
                any = true;
            }

            if (p.MaxLength is { } maxLength)
            {
                w.WriteLine($"{Checks}.MaxLength({p.PropertyName}, {maxLength}, {args});");
                any = true;
            }

            if (p.IsList && p.Kind == ParameterTypeKind.String)
            {
                w.WriteLine($"{Checks}.ListItems({p.PropertyName}, {args});");
                any = true;
            }

            // An undefined enum value (a cast from a number) is refused before the rules compare it.
            if (p.Kind == ParameterTypeKind.Enum)
            {
                w.WriteLine($"{_spec.WireClassName}.Check({p.PropertyName}, {args});");
                any = true;
            }
        }

        if (request.Body is EndpointBodyKind.Xml or EndpointBodyKind.Json)
        {
            w.WriteLine($"{Checks}.Required(Body, \"body\", nameof(Body));");
            any = true;
        }

        if (request.Preferences)
        {
            w.WriteLine($"{Checks}.Range(LimitResults, 1, 1000, \"limitResults\", nameof(LimitResults));");
            any = true;
        }

        if (request.FilterClassName is not null)
        {
            if (request.FiltersRequired)
            {
                w.WriteLine($"{Checks}.Required(Filters, \"filters\", nameof(Filters));");
            }
            else
            {
                w.OpenBlock("if (Filters is null)");
                w.WriteLine($"throw {Checks}.ParameterBroken({Rule}.Value, \"filters must not be null; leave it empty for no filters\", \"filters\", nameof(Filters));");
                w.CloseBlock();
            }

            w.OpenBlock("for (var i = 0; i < Filters.Count; i++)");
            w.OpenBlock("if (Filters[i].Field is null)");
            var shortName = request.FilterClassName.Substring(request.FilterClassName.LastIndexOf('.') + 1);
            w.WriteLine($"throw {Checks}.ParameterBroken({Rule}.Value, \"filters[\" + i + \"] is a default value; build criteria from {shortName}\", \"filters\", nameof(Filters));");
            w.CloseBlock();
            w.CloseBlock();
            any = true;
        }

        return any;
    }

    private static string Bound(long? value) => value is { } v ? v.ToString(System.Globalization.CultureInfo.InvariantCulture) : "null";

    private bool EmitRuleChecks(EndpointRequestSpec request)
    {
        var w = _writer;
        var any = false;
        var first = true;
        foreach (var rule in request.Rules)
        {
            var when = Condition(rule.When);
            var operands = rule.Parameters;
            RequestCondition broken = rule.Kind switch
            {
                RuleKind.OneOfRequired => RequestCondition.And(when, RequestCondition.Or(operands.Select(Given)).Not()),
                RuleKind.MutuallyExclusive => RequestCondition.And(when, MoreThanOne(operands)),
                RuleKind.Together when rule.With.Count == 0 => RequestCondition.And(when, RequestCondition.Or(operands.Select(Given)), RequestCondition.And(operands.Select(Given)).Not()),
                RuleKind.Together => RequestCondition.And(when, Given(operands[0]), RequestCondition.And(rule.With.Select(Given)).Not()),
                RuleKind.ValidOnlyWhen => RequestCondition.And(Given(operands[0]), when.Not()),
                _ => RequestCondition.And(Given(operands[0]).Not(), when),
            };

            // Known false: the rule holds for every request (a required parameter makes it so); nothing to check.
            if (broken.Constant == false)
            {
                continue;
            }

            w.Separate(ref first);
            any = true;
            var kind = rule.Kind switch
            {
                RuleKind.OneOfRequired => "OneOfRequired",
                RuleKind.MutuallyExclusive => "MutuallyExclusive",
                RuleKind.Together => "Together",
                RuleKind.ValidOnlyWhen => "ValidOnlyWhen",
                _ => "RequiredWhen",
            };
            w.OpenBlock($"if ({broken})");
            if (rule.Kind is RuleKind.ValidOnlyWhen or RuleKind.RequiredWhen || (rule.Kind == RuleKind.Together && rule.With.Count > 0))
            {
                w.WriteLine($"throw {Checks}.ParameterBroken({Rule}.{kind}, {SourceWriter.Literal(rule.Message)}, {SourceWriter.Literal(operands[0].WireName)}, nameof({operands[0].PropertyName}));");
            }
            else
            {
                var names = string.Join(", ", operands.Concat(rule.With).Select(o => SourceWriter.Literal(o.WireName)));
                w.WriteLine($"throw {Checks}.RuleBroken({Rule}.{kind}, {SourceWriter.Literal(rule.Message)}, {names});");
            }

            w.CloseBlock();
        }

        return any;
    }

    private static RequestCondition Given(RuleOperandSpec operand)
        => operand.AlwaysGiven ? RequestCondition.True : RequestCondition.Atom(operand.PropertyName + " is not null", operand.PropertyName + " is null");

    private static RequestCondition MoreThanOne(EquatableArray<RuleOperandSpec> operands)
    {
        var known = operands.Count(o => o.AlwaysGiven);
        var unknown = operands.Where(o => !o.AlwaysGiven).ToList();
        if (known >= 2)
        {
            return RequestCondition.True;
        }

        if (known == 1)
        {
            return RequestCondition.Or(unknown.Select(Given));
        }

        return unknown.Count == 2
            ? RequestCondition.And(Given(unknown[0]), Given(unknown[1]))
            : RequestCondition.Atom(string.Join(" + ", unknown.Select(o => $"({o.PropertyName} is not null ? 1 : 0)")) + " > 1");
    }

    /// <summary>A rule's condition; true when the rule has none.</summary>
    private static RequestCondition Condition(EquatableArray<RuleTestGroupSpec> anyOf)
        => anyOf.Count == 0 ? RequestCondition.True : RequestCondition.Or(anyOf.Select(group => RequestCondition.And(group.AllOf.Select(Test))));

    private static RequestCondition Test(RuleTestSpec test)
    {
        var operand = test.Operand;
        var value = operand.AlwaysGiven || test.DefaultLiteral is null ? operand.PropertyName : $"({operand.PropertyName} ?? {test.DefaultLiteral})";
        return test.Operator switch
        {
            RuleClauseOperator.Given => Given(operand),
            RuleClauseOperator.NotGiven => Given(operand).Not(),
            RuleClauseOperator.EqualTo => RequestCondition.Atom($"{value} == {test.Literals[0]}", $"{value} != {test.Literals[0]}"),
            RuleClauseOperator.NotEqualTo => RequestCondition.Atom($"{value} != {test.Literals[0]}", $"{value} == {test.Literals[0]}"),
            _ => RequestCondition.Or(test.Literals.Select(l => RequestCondition.Atom($"{value} == {l}", $"{value} != {l}"))),
        };
    }

    // --- the QPS ServiceRequest body -----------------------------------------------------------------------------------

    /// <summary>
    /// Writes the <c>ServiceRequest</c> (<c>filters/Criteria</c> and <c>preferences</c>) with an <c>XmlWriter</c>. Kept in this one
    /// method so that it can call the XSD path's generated <c>ServiceRequest</c> writer instead once that covers requests.
    /// </summary>
    private void EmitServiceRequestWriter(EndpointRequestSpec request)
    {
        var w = _writer;
        w.OpenBlock("private global::System.ReadOnlyMemory<byte> WriteServiceRequest()");
        w.WriteLine("var buffer = new global::System.IO.MemoryStream();");
        w.WriteLine("var settings = new global::System.Xml.XmlWriterSettings { Encoding = new global::System.Text.UTF8Encoding(false), OmitXmlDeclaration = true };");
        w.OpenBlock("using (var writer = global::System.Xml.XmlWriter.Create(buffer, settings))");
        w.WriteLine("writer.WriteStartElement(\"ServiceRequest\");");
        if (request.FilterClassName is not null)
        {
            w.OpenBlock("if (Filters.Count > 0)");
            w.WriteLine("writer.WriteStartElement(\"filters\");");
            w.OpenBlock("foreach (var criterion in Filters)");
            w.WriteLine("writer.WriteStartElement(\"Criteria\");");
            w.WriteLine("writer.WriteAttributeString(\"field\", criterion.Field);");
            w.WriteLine("writer.WriteAttributeString(\"operator\", criterion.OperatorText);");
            w.WriteLine("writer.WriteString(criterion.Value);");
            w.WriteLine("writer.WriteEndElement();");
            w.CloseBlock();
            w.WriteLine("writer.WriteEndElement();");
            w.CloseBlock();
        }

        if (request.Preferences)
        {
            w.OpenBlock("if (StartFromId is not null || StartFromOffset is not null || LimitResults is not null)");
            w.WriteLine("writer.WriteStartElement(\"preferences\");");
            foreach (var (property, element) in new[] { ("StartFromId", "startFromId"), ("StartFromOffset", "startFromOffset"), ("LimitResults", "limitResults") })
            {
                var local = CSharpNames.ToLocalName(property);
                w.OpenBlock($"if ({property} is {{ }} {local})");
                w.WriteLine($"writer.WriteElementString(\"{element}\", {Wire}.Format({local}));");
                w.CloseBlock();
            }

            w.WriteLine("writer.WriteEndElement();");
            w.CloseBlock();
        }

        w.WriteLine("writer.WriteEndElement();");
        w.CloseBlock();
        w.WriteLine();
        w.WriteLine("return new global::System.ReadOnlyMemory<byte>(buffer.GetBuffer(), 0, (int)buffer.Length);");
        w.CloseBlock();
    }

    /// <summary>Documentation text from a spec: escaped, lines kept.</summary>
    private static string Doc(string text) => SourceWriter.Xml(text.Trim()).Replace("\r\n", "\n");
}
