using System.Linq;
using System.Threading;
using QualysGen.Generator.Model;
using QualysGen.Generator.Parsing.Endpoints;

namespace QualysGen.Generator.Tests.Endpoints;

/// <summary>The reader turns the endpoints half of a spec file into located <c>*Declaration</c> records, without resolving references.</summary>
public sealed class EndpointSpecReaderTests
{
    [Fact]
    public void A_file_with_only_schemas_has_no_endpoints_and_keeps_its_overlays()
    {
        var result = Read("""{ "schemas": { "x.dtd": { "types": { "ID": "long" } } } }""");

        Assert.Null(result.Endpoints);
        Assert.Single(result.Overlays);
        Assert.Empty(result.EndpointDiagnostics);
    }

    [Fact]
    public void Schemas_and_endpoints_are_read_from_one_file()
    {
        var result = Read("""
            { "schemas": { "x.dtd": { "roots": ["X"] } },
              "endpoints": { "Ping": { "method": "GET", "path": "/p", "response": "raw", "versions": { "1": {} } } } }
            """, "/p/api-tools.endpoints.json");

        Assert.Single(result.Overlays);
        Assert.Equal("ApiTools", result.Endpoints!.Family);
        Assert.Equal("Ping", Assert.Single(result.Endpoints.Endpoints).Name);
        Assert.Empty(result.Diagnostics);
        Assert.Empty(result.EndpointDiagnostics);
    }

    [Fact]
    public void Parameter_types_are_read_in_every_form()
    {
        var endpoint = Endpoint("""
            "parameters": {
              "a": "int", "b": "long", "c": "flag", "d": "yesno", "e": "bool", "f": "date", "g": "datetime", "h": "string",
              "i": { "type": { "enum": ["x", "y"], "name": "Xy", "description": "Ex or why." }, "default": "x" },
              "j": { "type": { "list": "long" }, "name": "Js" },
              "k": { "type": { "list": { "enum": ["p"] } } },
              "l": { "type": "int", "min": 1, "max": 5, "required": true, "description": "Ell." },
              "m": { "type": "string", "maxLength": 10, "in": "path" }
            }
            """);

        var p = endpoint.Parameters.ToDictionary(x => x.WireName);
        Assert.Equal(
            [ParameterTypeKind.Int32, ParameterTypeKind.Int64, ParameterTypeKind.Flag, ParameterTypeKind.YesNo, ParameterTypeKind.Boolean, ParameterTypeKind.Date, ParameterTypeKind.DateTime, ParameterTypeKind.String],
            "abcdefgh".Select(c => p[c.ToString()].Type.Kind));
        Assert.Equal(new ParameterTypeDeclaration(ParameterTypeKind.Enum, false, new[] { "x", "y" }.ToEquatableArray(), "Xy", "Ex or why."), p["i"].Type);
        Assert.Equal("x", p["i"].Default!.Text);
        Assert.Equal((ParameterTypeKind.Int64, true, "Js"), (p["j"].Type.Kind, p["j"].Type.IsList, p["j"].PropertyName));
        Assert.Equal((ParameterTypeKind.Enum, true), (p["k"].Type.Kind, p["k"].Type.IsList));
        Assert.Equal((1L, 5L, true, "Ell."), (p["l"].Min!.Value, p["l"].Max!.Value, p["l"].Required, p["l"].Description));
        Assert.Equal((10, true, true), (p["m"].MaxLength!.Value, p["m"].InPath, p["m"].Required));
    }

    [Fact]
    public void Every_rule_kind_and_condition_form_is_read()
    {
        var endpoint = Endpoint("""
            "rules": [
              { "oneOfRequired": ["a", "b"] },
              { "mutuallyExclusive": ["a", "b"], "when": { "c": 1 } },
              { "together": ["a"], "with": ["b", "c"] },
              { "validOnlyWhen": ["a"], "when": { "anyOf": [{ "c": { "not": 0 } }, { "d": { "in": ["x", "y"] }, "e": { "given": false } }] } },
              { "requiredWhen": ["a"], "when": { "b": { "given": true } } }
            ]
            """);

        Assert.Equal([RuleKind.OneOfRequired, RuleKind.MutuallyExclusive, RuleKind.Together, RuleKind.ValidOnlyWhen, RuleKind.RequiredWhen], endpoint.Rules.Select(r => r.Kind));
        Assert.Equal(["b", "c"], endpoint.Rules[2].With.Select(w => w.Name));
        var anyOf = endpoint.Rules[3].When!.AnyOf;
        Assert.Equal(2, anyOf.Count);
        Assert.Equal((RuleClauseOperator.NotEqualTo, "0"), (anyOf[0].AllOf[0].Operator, anyOf[0].AllOf[0].Values[0].Text));
        Assert.Equal([RuleClauseOperator.In, RuleClauseOperator.NotGiven], anyOf[1].AllOf.Select(c => c.Operator));
        Assert.Equal(["x", "y"], anyOf[1].AllOf[0].Values.Select(v => v.Text));
        Assert.Equal(RuleClauseOperator.EqualTo, endpoint.Rules[1].When!.AnyOf[0].AllOf[0].Operator);
        Assert.Equal(RuleClauseOperator.Given, endpoint.Rules[4].When!.AnyOf[0].AllOf[0].Operator);
    }

    [Fact]
    public void Versions_carry_their_own_settings_lifecycle_and_changes()
    {
        var result = Read("""
            { "family": "F", "endpoints": { "E": {
                "method": "POST", "path": "/api/{version}/e/", "action": "go", "auth": ["basic", "session"], "body": "form",
                "response": { "schema": "s.dtd", "root": "R" }, "fixedParameters": { "format": "xml", "n": 1 },
                "parameters": { "a": "string" },
                "versions": {
                  "3.0": { "auth": ["bearer"], "body": { "kind": "serviceRequest", "filters": "F", "filtersRequired": true, "preferences": true }, "host": "gateway", "retrySafe": true },
                  "2.0": { "eos": "2025-12", "eol": "2026-06-30", "replacedBy": "3.0", "dropParameters": ["a"], "parameters": { "b": "int" }, "rules": [{ "oneOfRequired": ["b", "c"] }], "response": "raw" }
                } } } }
            """);

        Assert.Empty(result.EndpointDiagnostics);
        var endpoint = result.Endpoints!.Endpoints.Single();
        Assert.Equal(("POST", "/api/{version}/e/", "go"), (endpoint.Settings.Method, endpoint.Settings.Path, endpoint.Settings.Action));
        Assert.Equal(["Basic", "Session"], endpoint.Settings.Auth!.Value);
        Assert.Equal([new EndpointFixedParameterDeclaration("format", "xml"), new EndpointFixedParameterDeclaration("n", "1")], endpoint.Settings.FixedParameters);

        var v3 = endpoint.Versions[0].Settings;
        Assert.Equal(["Bearer"], v3.Auth!.Value);
        Assert.Equal((EndpointBodyKind.ServiceRequest, "F", true, true), (v3.Body!.Kind, v3.Body.FilterSet!.Name, v3.Body.FiltersRequired, v3.Body.Preferences));
        Assert.Equal((EndpointHostKind.Gateway, true), (v3.Host!.Value, v3.RetrySafe!.Value));

        var v2 = endpoint.Versions[1];
        Assert.Equal(new EndpointDateDeclaration(2025, 12, 0), v2.EndOfSupport);
        Assert.Equal("June 30, 2026", v2.EndOfLife!.ToString());
        Assert.Equal("December 2025", v2.EndOfSupport!.ToString());
        Assert.Equal("3.0", v2.ReplacedBy!.Name);
        Assert.Equal(["a"], v2.DropParameters.Select(d => d.Name));
        Assert.Equal(EndpointResponseKind.Raw, v2.Settings.Response!.Kind);
    }

    [Fact]
    public void Filters_json_types_groups_and_base_urls_are_read()
    {
        var result = Read("""
            { "family": "F",
              "filterTypes": { "integer": { "value": "long", "operators": ["EQUALS", "NOT EQUALS", "IN"] } },
              "filterSets": { "ScanFilter": { "fields": { "id": "integer", "webApp.id": { "type": "integer", "name": "AppId", "operators": ["EQUALS"] } } } },
              "jsonTypes": { "Result": { "properties": { "ok": "bool", "n": { "type": "long", "required": true, "name": "Count" } } } },
              "parameterGroups": { "Paging": { "parameters": { "page": "int" }, "rules": [{ "together": ["page", "size"] }] } },
              "baseUrls": { "Us": "https://api.example.com", "Eu": { "url": "https://eu.example.com/", "description": "Europe" } } }
            """);

        Assert.Empty(result.EndpointDiagnostics);
        var file = result.Endpoints!;
        Assert.Equal(["EQUALS", "NOT EQUALS", "IN"], file.FilterTypes.Single().Operators.Select(o => o.Name));
        var fields = file.FilterSets.Single().Fields;
        Assert.Equal(("webApp.id", "AppId", "EQUALS"), (fields[1].Field, fields[1].PropertyName, fields[1].Operators!.Value.Single().Name));
        var json = file.JsonTypes.Single().Properties;
        Assert.Equal((EndpointJsonValueKind.Int64, true, "Count"), (json[1].Kind, json[1].Required, json[1].PropertyName));
        Assert.Equal(("Paging", 1, 1), (file.Groups.Single().Name, file.Groups.Single().Parameters.Count, file.Groups.Single().Rules.Count));
        Assert.Equal([new EndpointBaseUrlDeclaration("Us", "https://api.example.com", null), new EndpointBaseUrlDeclaration("Eu", "https://eu.example.com", "Europe")], file.BaseUrls);
    }

    [Fact]
    public void Locations_are_zero_based_lines_and_columns_of_the_names()
    {
        var endpoint = Endpoint("\"parameters\": {\n  \"abc\": \"int\"\n}");

        var location = endpoint.Parameters.Single().Location;
        Assert.Equal((2, 2, 5), (location.Line, location.Column, location.Length));
    }

    [Theory]
    [InlineData("""{ "endpoints": [] }""", "'endpoints' must be an object")]
    [InlineData("""{ "endpoints": { "E": { "versions": {} } } }""", "'versions' must be a non-empty object")]
    [InlineData("""{ "endpoints": { "E": { } } }""", "needs 'versions'")]
    [InlineData("""{ "endpoints": { "E": { "method": "FETCH", "versions": { "1": {} } } } }""", "'method' must be one of")]
    [InlineData("""{ "endpoints": { "E": { "path": "api/x?y=1", "versions": { "1": {} } } } }""", "'path' must start with '/'")]
    [InlineData("""{ "endpoints": { "E": { "auth": ["kerberos"], "versions": { "1": {} } } } }""", "An auth scheme is one of")]
    [InlineData("""{ "endpoints": { "E": { "rules": [{ "oneOfRequired": ["a"] }], "versions": { "1": {} } } } }""", "needs at least 2 parameters")]
    [InlineData("""{ "endpoints": { "E": { "rules": [{ "validOnlyWhen": ["a"] }], "versions": { "1": {} } } } }""", "needs 'when'")]
    [InlineData("""{ "endpoints": { "E": { "rules": [{ "oneOfRequired": ["a", "b"], "with": ["c"] }], "versions": { "1": {} } } } }""", "'with' belongs to a 'together' rule")]
    [InlineData("""{ "endpoints": { "E": { "versions": { "1": { "eol": "2026-01" } } } } }""", "has an 'eol' but no 'eos'")]
    [InlineData("""{ "baseUrls": { "X": "https://api.example.com/v1" } }""", "must be an http(s) origin")]
    [InlineData("""{ "family": "not a name" }""", "'family' must be a C# identifier")]
    [InlineData("""{ "endpoints": { "E": { "versions": { "1": {} }, "versions": { "1": {} } } } }""", "Property 'versions' is given more than once")]
    public void Structural_mistakes_are_QG0220_with_a_message_that_says_what_to_write(string json, string message)
    {
        var diagnostic = Assert.Single(Read(json).EndpointDiagnostics);

        Assert.Equal("QG0220", diagnostic.Id);
        Assert.Contains(message, diagnostic.MessageArgs[0], System.StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_key_is_reported_with_the_keys_the_object_has_then_missing_required_keys_once()
    {
        var result = Read("""{ "filterTypes": { "t": { "valu": "long" } } }""");

        Assert.Equal(
            ["Unknown property 'valu' in a filter type; it has: value, operators, description", "Filter type 't' needs 'value' and 'operators'"],
            result.EndpointDiagnostics.Select(d => d.MessageArgs[0]));
        Assert.Equal([26, 19], result.EndpointDiagnostics.Select(d => d.Location!.Column)); // at "valu", then at "t"
        Assert.Empty(result.Endpoints!.FilterTypes);
    }

    [Fact]
    public void The_json_schema_for_editors_describes_every_section_the_reader_knows()
    {
        using var schema = System.Text.Json.JsonDocument.Parse(System.IO.File.ReadAllText(System.IO.Path.Combine(Infrastructure.GeneratorHarness.SpecsDirectory, "qualysgen.spec.schema.json")));
        var root = schema.RootElement;

        Assert.Equal("https://json-schema.org/draft/2020-12/schema", root.GetProperty("$schema").GetString());
        Assert.Equal(
            ["$schema", "baseUrls", "description", "endpoints", "family", "filterSets", "filterTypes", "jsonTypes", "parameterGroups", "schemas"],
            root.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(System.StringComparer.Ordinal));
        Assert.Equal(
            new[] { "auth", "body", "description", "fixedParameters", "host", "method", "path", "response", "retrySafe", "action" }.Order(System.StringComparer.Ordinal),
            root.GetProperty("$defs").GetProperty("settings").GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(System.StringComparer.Ordinal));

        // Every checked-in spec file points editors at it.
        foreach (var file in System.IO.Directory.GetFiles(Infrastructure.GeneratorHarness.SpecsDirectory, "*.endpoints.json"))
        {
            Assert.Contains("\"$schema\": \"./qualysgen.spec.schema.json\"", System.IO.File.ReadAllText(file), System.StringComparison.Ordinal);
        }
    }

    private static EndpointSpecReadResult Read(string json, string path = "/p/x.endpoints.json") => EndpointSpecReader.Read(path, json, CancellationToken.None);

    private static EndpointDeclaration Endpoint(string members)
    {
        var result = Read("{ \"endpoints\": { \"E\": { \"method\": \"GET\", \"path\": \"/e\", \"response\": \"raw\", \"versions\": { \"1\": {} },\n" + members + " } } }");
        Assert.Empty(result.EndpointDiagnostics);
        return result.Endpoints!.Endpoints.Single();
    }
}
