using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using QualysGen.Generator.Diagnostics;
using QualysGen.Generator.Tests.Infrastructure;

namespace QualysGen.Generator.Tests.Endpoints;

/// <summary>
/// Each mistake in the endpoints half of a spec file is one diagnostic (QG0210–QG0249) at its JSON line and column, and the rest of
/// the file, and the other files, still generate: the generator never crashes on a spec.
/// </summary>
public sealed class EndpointDiagnosticsTests
{
    /// <summary>A valid spec; each test breaks one thing in it.</summary>
    private const string Valid = """
        {
          "family": "T",
          "endpoints": {
            "Ping": {
              "summary": "Ping.",
              "method": "POST",
              "path": "/api/{version}/fo/ping/",
              "action": "ping",
              "response": { "schema": "simple_return.dtd", "root": "SIMPLE_RETURN" },
              "parameters": {
                "id": { "type": "long", "required": true },
                "mode": { "type": { "enum": ["fast", "slow"], "name": "PingMode" }, "default": "fast" },
                "a": "string",
                "b": "string"
              },
              "rules": [
                { "mutuallyExclusive": ["a", "b"] }
              ],
              "versions": {
                "3.0": {},
                "2.0": { "eos": "2025-12", "eol": "2026-06" }
              }
            }
          }
        }
        """;

    [Fact]
    public void The_valid_spec_generates_without_diagnostics()
    {
        var (result, output) = GeneratorHarness.Run(EndpointHarness.WithSpec(Valid));

        Assert.Empty(result.Diagnostics);
        Assert.Empty(GeneratorHarness.CompileProblems(output));
        Assert.Contains(result.Results.Single().GeneratedSources, s => s.HintName == "x.endpoints.json.Requests.g.cs");
    }

    [Fact]
    public void QG0210_an_unknown_response_schema_is_located_at_its_name()
        => AssertOne("QG0210", Valid.Replace("\"simple_return.dtd\"", "\"missing.dtd\""), "\"missing.dtd\"", "missing.dtd");

    [Fact]
    public void QG0211_an_unknown_response_root_is_located_and_the_roots_are_listed()
        => AssertOne("QG0211", Valid.Replace("\"SIMPLE_RETURN\"", "\"SIMPLE_RETURNS\""), "\"SIMPLE_RETURNS\"", "its roots are: SIMPLE_RETURN");

    [Fact]
    public void QG0212_an_endpoint_declared_twice()
        => AssertOne("QG0212", Valid.Replace("\n  }\n}", ",\n    \"Ping\": { \"versions\": { \"1\": {} } }\n  }\n}"), "\"Ping\": { \"versions\"", "Ping");

    [Fact]
    public void QG0213_a_version_declared_twice()
        => AssertOne("QG0213", Valid.Replace("\"3.0\": {},", "\"3.0\": {},\n        \"3.0\": {},"), "\"3.0\": {},\n        \"2.0\"", "'3.0'");

    [Fact]
    public void QG0214_a_parameter_declared_twice()
        => AssertOne("QG0214", Valid.Replace("\"a\": \"string\",", "\"a\": \"string\",\n        \"a\": \"long\","), "\"a\": \"long\"", "'a'");

    [Fact]
    public void QG0214_a_parameter_that_is_also_the_action()
        => AssertOne("QG0214", Valid.Replace("\"a\": \"string\",", "\"a\": \"string\",\n        \"action\": \"string\","), "\"action\": \"string\"", "'action'");

    [Fact]
    public void QG0215_an_unknown_parameter_in_a_rule_is_located_at_its_name()
        => AssertOne("QG0215", Valid.Replace("[\"a\", \"b\"]", "[\"a\", \"c\"]"), "\"c\"", "'c' is not a parameter of version '3.0' of 'Ping'");

    [Fact]
    public void QG0215_an_unknown_parameter_in_a_condition()
        => AssertOne("QG0215", Valid.Replace("{ \"mutuallyExclusive\": [\"a\", \"b\"] }", "{ \"requiredWhen\": [\"a\"], \"when\": { \"modes\": \"fast\" } }"), "\"modes\"", "'modes'");

    [Fact]
    public void QG0215_dropping_an_unknown_parameter()
        => AssertOne("QG0215", Valid.Replace("\"3.0\": {}", "\"3.0\": { \"dropParameters\": [\"zzz\"] }"), "\"zzz\"", "'zzz'");

    [Fact]
    public void QG0216_an_unknown_parameter_type_is_located_at_the_type()
        => AssertOne("QG0216", Valid.Replace("\"a\": \"string\"", "\"a\": \"integer\""), "\"integer\"", "'integer' is not a parameter type");

    [Fact]
    public void QG0216_an_unknown_type_inside_a_list()
        => AssertOne("QG0216", Valid.Replace("\"a\": \"string\"", "\"a\": { \"type\": { \"list\": \"uuid\" } }"), "\"uuid\"", "'uuid'");

    [Fact]
    public void QG0217_a_default_that_is_not_a_value_of_the_parameter()
        => AssertOne("QG0217", Valid.Replace("\"default\": \"fast\"", "\"default\": \"quick\""), "\"quick\"", "'quick' is not a value of parameter 'mode'");

    [Fact]
    public void QG0217_a_condition_value_that_is_not_a_value_of_the_parameter()
        => AssertOne("QG0217", Valid.Replace("{ \"mutuallyExclusive\": [\"a\", \"b\"] }", "{ \"requiredWhen\": [\"a\"], \"when\": { \"mode\": \"quick\" } }"), "\"quick\"", "fast, slow");

    [Fact]
    public void QG0217_min_above_max()
        => AssertOne("QG0217", Valid.Replace("\"a\": \"string\"", "\"a\": { \"type\": \"int\", \"min\": 5, \"max\": 1 }"), "\"a\": {", "'min' 5 above 'max' 1");

    [Fact]
    public void QG0218_a_path_placeholder_without_a_path_parameter()
        => AssertOne("QG0218", Valid.Replace("/fo/ping/\"", "/fo/ping/{pid}\""), "\"Ping\": {\n      \"summary\"", "'{pid}'");

    [Fact]
    public void QG0218_a_path_parameter_missing_from_the_path()
        => AssertOne("QG0218", Valid.Replace("\"a\": \"string\"", "\"a\": { \"type\": \"string\", \"in\": \"path\" }"), "\"Ping\": {\n      \"summary\"", "Path parameter 'a'");

    [Fact]
    public void QG0219_a_date_that_is_not_YYYY_MM()
        => AssertOne("QG0219", Valid.Replace("\"2025-12\"", "\"December 2025\""), "\"December 2025\"", "'December 2025' is not a date");

    [Fact]
    public void QG0220_a_version_without_a_method()
        => AssertOne("QG0220", Valid.Replace("\"method\": \"POST\",", ""), "\"Ping\"", "Endpoint 'Ping' has no 'method'");

    [Fact]
    public void QG0220_an_unknown_property()
        => AssertOne("QG0220", Valid.Replace("\"summary\": \"Ping.\",", "\"summary\": \"Ping.\", \"summery\": \"x\","), "\"summery\"", "Unknown property 'summery' in an endpoint");

    [Fact]
    public void QG0220_a_key_given_twice_is_located_at_the_second_and_only_the_first_is_read()
        => AssertOne(
            "QG0220",
            Valid.Replace("\"rules\": [", "\"versions\": { \"3.0\": {} },\n      \"rules\": ["),
            "\"versions\": {\n        \"3.0\": {},",
            "Property 'versions' is given more than once");

    [Fact]
    public void QG0221_an_unknown_parameter_group()
        => AssertOne("QG0221", Valid.Replace("\"summary\": \"Ping.\",", "\"summary\": \"Ping.\", \"use\": [\"Paging\"],"), "\"Paging\"", "'Paging'");

    [Fact]
    public void QG0222_an_unknown_filter_set()
        => AssertOne("QG0222", Valid.Replace("\"action\": \"ping\",", "\"body\": { \"kind\": \"serviceRequest\", \"filters\": \"PingFilter\" },"), "\"PingFilter\"", "Filter set 'PingFilter' is not declared in 'filterSets'");

    [Fact]
    public void QG0223_an_unknown_operator()
        => AssertOne("QG0223", Valid.Replace("\"endpoints\": {", "\"filterTypes\": { \"integer\": { \"value\": \"long\", \"operators\": [\"EQUALS\", \"GREATER_THAN\"] } },\n  \"endpoints\": {"), "\"GREATER_THAN\"", "'GREATER_THAN' is not a QPS operator");

    [Fact]
    public void QG0224_an_unknown_json_type()
        => AssertOne("QG0224", Valid.Replace("{ \"schema\": \"simple_return.dtd\", \"root\": \"SIMPLE_RETURN\" }", "{ \"json\": \"PingResult\" }"), "\"PingResult\"", "'PingResult'");

    [Fact]
    public void QG0225_replaced_by_an_unknown_version()
        => AssertOne("QG0225", Valid.Replace("\"eol\": \"2026-06\"", "\"eol\": \"2026-06\", \"replacedBy\": \"4.0\""), "\"4.0\"", "Version '4.0' of endpoint 'Ping' is not declared");

    [Fact]
    public void QG0226_an_enum_name_declared_with_other_values()
        => AssertOne("QG0226", Valid.Replace("\"a\": \"string\"", "\"a\": { \"type\": { \"enum\": [\"x\"], \"name\": \"PingMode\" } }"), "\"a\": {", "already declared in this file with the values fast, slow");

    [Fact]
    public void QG0227_two_parameters_with_one_csharp_name()
        => AssertOne("QG0227", Valid.Replace("\"a\": \"string\"", "\"a\": \"string\", \"A\": \"string\""), "\"A\"", "'A' of parameter 'A'");

    [Fact]
    public void QG0228_an_endpoint_name_that_is_not_an_identifier()
        => AssertOne("QG0228", Valid.Replace("\"Ping\": {", "\"Ping me\": {"), "\"Ping me\"", "'Ping me'");

    [Fact]
    public void QG0228_an_enum_named_as_a_csharp_keyword()
        => AssertOne("QG0228", Valid.Replace("\"name\": \"PingMode\"", "\"name\": \"string\""), "\"string\"", "'string'");

    [Fact]
    public void QG0229_two_files_with_one_family()
    {
        var files = EndpointHarness.WithSpec(Valid, "/p/a.endpoints.json").Append(new InMemoryAdditionalText("/p/b.endpoints.json", Valid.Replace("Ping", "Pong"))).ToList();
        var (result, _) = GeneratorHarness.Run(files);

        var diagnostic = Assert.Single(EndpointHarness.EndpointDiagnostics(result));
        Assert.Equal("QG0229", diagnostic.Id);
        Assert.Equal("/p/b.endpoints.json", diagnostic.Location.GetLineSpan().Path);
        Assert.Contains("also declared by 'a.endpoints.json'", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void QG0230_a_value_test_on_a_list_parameter()
        => AssertOne("QG0230", Valid.Replace("\"a\": \"string\"", "\"a\": { \"type\": { \"list\": \"string\" } }").Replace("{ \"mutuallyExclusive\": [\"a\", \"b\"] }", "{ \"requiredWhen\": [\"b\"], \"when\": { \"a\": \"x\" } }"), "\"a\": \"x\"", "'a' is a list");

    [Fact]
    public void QG0230_a_range_on_a_text()
        => AssertOne("QG0230", Valid.Replace("\"a\": \"string\"", "\"a\": { \"type\": \"string\", \"max\": 3 }"), "\"a\": {", "'min' and 'max' apply to int and long parameters");

    [Fact]
    public void QG0231_a_custom_host_without_base_urls()
        => AssertOne("QG0231", Valid.Replace("\"3.0\": {}", "\"3.0\": { \"host\": \"custom\" }"), "\"3.0\"", "declares no 'baseUrls'");

    [Fact]
    public void QG0232_a_GET_with_a_form_body()
        => AssertOne("QG0232", Valid.Replace("\"method\": \"POST\",", "\"method\": \"GET\", \"body\": \"form\","), "\"form\"", "A GET request has no body");

    [Fact]
    public void QG0233_an_enum_value_declared_twice()
        => AssertOne("QG0233", Valid.Replace("[\"fast\", \"slow\"]", "[\"fast\", \"slow\", \"fast\"]"), "\"fast\"]", "Enum value 'fast' is declared more than once");

    [Fact]
    public void QG0234_mutually_exclusive_required_parameters()
        => AssertOne("QG0234", Valid.Replace("\"a\": \"string\"", "\"a\": { \"type\": \"string\", \"required\": true }").Replace("\"b\": \"string\"", "\"b\": { \"type\": \"string\", \"required\": true }"), "\"mutuallyExclusive\"", "which are required");

    [Fact]
    public void A_json_syntax_error_in_an_endpoints_file_is_QG0200_and_nothing_else()
    {
        var (result, _) = GeneratorHarness.Run(EndpointHarness.WithSpec(Valid.Replace("\"summary\": \"Ping.\",", "\"summary\": \"Ping.\",,")));

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("QG0200", diagnostic.Id);
    }

    [Fact]
    public void One_broken_endpoint_leaves_the_others_generated()
    {
        var json = Valid.Replace("\"endpoints\": {", "\"endpoints\": {\n    \"Broken\": { \"summary\": \"x\", \"method\": \"GET\", \"path\": \"/x/\", \"response\": { \"schema\": \"nope.dtd\", \"root\": \"X\" }, \"versions\": { \"1\": {} } },");
        var (result, output) = GeneratorHarness.Run(EndpointHarness.WithSpec(json));

        Assert.Equal("QG0210", Assert.Single(result.Diagnostics).Id);
        var source = result.Results.Single().GeneratedSources.Single(s => s.HintName == "x.endpoints.json.Requests.g.cs").SourceText.ToString();
        Assert.Contains("record PingV3Request", source, StringComparison.Ordinal);
        Assert.DoesNotContain("BrokenRequest", source, StringComparison.Ordinal);
        Assert.Empty(GeneratorHarness.CompileProblems(output));
    }

    [Fact]
    public void Every_endpoint_descriptor_is_in_range_documented_and_tested()
    {
        var ids = EndpointDiagnosticDescriptors.All.Select(d => d.Id).Order().ToList();
        var tested = typeof(EndpointDiagnosticsTests).GetMethods().Select(m => m.Name).Where(n => n.StartsWith("QG", StringComparison.Ordinal)).Select(n => n.Substring(0, 6)).Distinct();
        var readme = System.IO.File.ReadAllText(System.IO.Path.Combine(GeneratorHarness.SpecsDirectory, "README.md"));

        Assert.All(ids, id => Assert.InRange(string.CompareOrdinal(id, "QG0210"), 0, int.MaxValue));
        Assert.All(ids, id => Assert.InRange(string.CompareOrdinal(id, "QG0249"), int.MinValue, 0));
        Assert.Equal(ids, tested.Order());
        Assert.All(ids, id => Assert.Contains("| " + id + " |", readme, StringComparison.Ordinal));
        Assert.Empty(ids.Intersect(DiagnosticDescriptors.All.Select(d => d.Id)));
    }

    /// <summary>Runs the spec and asserts exactly one diagnostic: its ID, that it starts where <paramref name="at"/> first occurs, and its message.</summary>
    private static void AssertOne(string id, string json, string at, string message)
    {
        var (result, output) = GeneratorHarness.Run(EndpointHarness.WithSpec(json));

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains(message, diagnostic.GetMessage(), StringComparison.Ordinal);

        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal("/p/x.endpoints.json", span.Path);
        var offset = json.IndexOf(at, StringComparison.Ordinal);
        Assert.True(offset >= 0, $"'{at}' is not in the spec");
        var line = json.Take(offset).Count(c => c == '\n');
        var column = offset - (json.LastIndexOf('\n', Math.Max(0, offset - 1)) + 1);
        Assert.Equal((line, column), (span.StartLinePosition.Line, span.StartLinePosition.Character));

        // Whatever is still valid generates, and what is generated compiles.
        Assert.Empty(GeneratorHarness.CompileProblems(output));
    }
}
