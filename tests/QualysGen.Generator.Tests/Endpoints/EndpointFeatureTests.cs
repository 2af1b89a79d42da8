using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using QualysGen.Generator.Tests.Infrastructure;

namespace QualysGen.Generator.Tests.Endpoints;

/// <summary>
/// A spec that uses what the checked-in specs do not (QPS preferences, every filter operator kind, path parameters of several types,
/// dropped parameters, a replacement version, every version past EOS, a JSON type with every value kind, a PUT with a JSON body, a raw
/// response), compiled with a consumer and run: the emitted code compiles without a warning and does what the spec says.
/// </summary>
public sealed class EndpointFeatureTests
{
    private const string Spec = """
        {
          "family": "Features",
          "parameterGroups": {
            "Paging": { "parameters": { "page": { "type": "int", "min": 1 } } }
          },
          "filterTypes": {
            "integer": { "value": "long", "operators": ["EQUALS", "IN"] },
            "flag": { "value": "bool", "operators": ["EQUALS", "NOT EQUALS"] },
            "tags": { "value": "string", "operators": ["NONE", "CONTAINS"] },
            "count": { "value": "int", "operators": ["GREATER", "LESSER"] },
            "kind": { "value": "enum", "operators": ["IN"] }
          },
          "filterSets": {
            "ThingFilter": {
              "fields": {
                "id": "integer",
                "active": "flag",
                "tags": "tags",
                "size": { "type": "count", "name": "SizeInBytes" },
                "kind": { "type": "kind", "enum": ["A", "B-C"], "enumName": "ThingKind" }
              }
            }
          },
          "jsonTypes": {
            "Everything": {
              "properties": {
                "s": "string", "b": { "type": "bool", "required": true }, "i": "int", "l": { "type": "long", "required": true },
                "d": "decimal", "t": "DateTimeOffset", "label": { "type": "string", "required": true, "name": "Title" }
              }
            }
          },
          "baseUrls": { "Local": "http://127.0.0.1:8080" },
          "endpoints": {
            "SearchThings": {
              "summary": "Search things.", "method": "POST", "path": "/qps/rest/{version}/search/thing", "retrySafe": true,
              "body": { "kind": "serviceRequest", "filters": "ThingFilter", "preferences": true },
              "response": { "schema": "simple_return.dtd", "root": "SIMPLE_RETURN" },
              "versions": { "3.0": {} }
            },
            "GetThing": {
              "summary": "Get a thing.", "method": "GET", "path": "/things/{id}/{day}", "host": "custom", "auth": [],
              "response": { "json": "Everything" },
              "use": ["Paging"],
              "parameters": {
                "id": { "type": "long", "in": "path" },
                "day": { "type": "date", "in": "path" },
                "when": "datetime",
                "verbose": "bool",
                "level": { "type": { "enum": ["low", "high", "1st"] }, "default": "low" },
                "note": "string",
                "other": "string"
              },
              "rules": [
                { "requiredWhen": ["note"], "when": { "level": { "in": ["high", "1st"] } } },
                { "validOnlyWhen": ["other"], "when": { "note": { "given": false }, "verbose": true } },
                { "mutuallyExclusive": ["note", "other", "when"] }
              ],
              "versions": { "2": { "eos": "2026-01-15", "replacedBy": "1" }, "1": { "eos": "2025-01" } }
            },
            "Upload": {
              "summary": "Upload.", "method": "PUT", "path": "/up", "body": "json", "response": "raw",
              "parameters": { "gone": "string", "kept": "string" },
              "rules": [{ "together": ["gone", "kept"] }],
              "versions": { "2.0": { "dropParameters": ["gone"] }, "1.0": {} }
            }
          }
        }
        """;

    private const string Consumer = """"
        #pragma warning disable QG0249
        using System;
        using System.Text;
        using QualysGen.Requests;
        using Tests.Qualys.Features;

        public static class Probe
        {
            public static string Run()
            {
                var log = new StringBuilder();
                var search = new SearchThingsRequest
                {
                    Filters = [ThingFilter.Id.In(1, 2), ThingFilter.Active.NotEqualTo(false), ThingFilter.Tags.None(), ThingFilter.SizeInBytes.GreaterThan(10), ThingFilter.Kind.In(ThingKind.BC)],
                    LimitResults = 50,
                    StartFromId = 7,
                }.Build();
                log.AppendLine(Encoding.UTF8.GetString(search.Body.Span));
                log.AppendLine(Try(() => new SearchThingsRequest { LimitResults = 0 }.Build()));

                var get = new GetThingRequest { Id = 5, Day = new DateOnly(2026, 11, 28), Level = Level.High, Note = "n", Page = 2 }.Build();
                log.AppendLine($"{get.Method} {get.PathAndQuery} {get.Version} {get.Host} {get.AuthSchemes} {get.IsRetrySafe}");
                log.AppendLine(FeaturesBaseUrls.Local.AbsoluteUri);
                log.AppendLine(Try(() => new GetThingV2Request { Id = 5, Day = new DateOnly(2026, 11, 28), Level = Level.Value1st }.Build()));
                log.AppendLine(Try(() => new GetThingV2Request { Id = 5, Day = new DateOnly(2026, 11, 28), Other = "o" }.Build()));
                log.AppendLine(Try(() => new GetThingV2Request { Id = 5, Day = new DateOnly(2026, 11, 28), Other = "o", Verbose = true }.Build()));
                log.AppendLine(Try(() => new GetThingV1Request { Id = 5, Day = new DateOnly(2026, 11, 28), Note = "n", When = DateTimeOffset.UnixEpoch }.Build()));
                log.AppendLine(Try(() => new GetThingV1Request { Id = 5, Day = new DateOnly(2026, 11, 28), Page = 0 }.Build()));

                var everything = Everything.Parse("""{"s":"x","b":false,"i":-3,"l":9007199254740993,"d":1.25,"t":"2026-11-28T10:00:00Z","label":"L","extra":[{}]}"""u8);
                log.AppendLine($"{everything.S} {everything.B} {everything.I} {everything.L} {everything.D!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)} {everything.T:O} {everything.Title}");

                var upload = new UploadRequest { Body = "{}"u8.ToArray(), Kept = "k" }.Build();
                log.AppendLine($"{upload.Method} {upload.PathAndQuery} {upload.Version} {upload.ContentType} {upload.BodyKind}");
                log.AppendLine(Try(() => new UploadV1Request { Body = "{}"u8.ToArray(), Kept = "k" }.Build()));
                return log.ToString();
            }

            private static string Try(Func<QualysRequest> build)
            {
                try
                {
                    var request = build();
                    return $"built {request.Method} {request.PathAndQuery} ({request.Endpoint} v{request.Version})";
                }
                catch (QualysParameterException error)
                {
                    return error.Rule + ": " + error.Message;
                }
            }
        }
        """";

    [Fact]
    public void The_feature_spec_compiles_cleanly_and_its_requests_behave()
    {
        var files = EndpointHarness.WithSpec(Spec, "/p/features.endpoints.json");
        var (result, output) = GeneratorHarness.Run(files, Consumer);

        Assert.Empty(result.Diagnostics);
        Assert.True(GeneratorHarness.CompileProblems(output).Count == 0, string.Join("\n", GeneratorHarness.CompileProblems(output)));

        var lines = Run(output).Split(Environment.NewLine);
        Assert.Equal(
            "<ServiceRequest><filters><Criteria field=\"id\" operator=\"IN\">1,2</Criteria><Criteria field=\"active\" operator=\"NOT EQUALS\">false</Criteria>" +
            "<Criteria field=\"tags\" operator=\"NONE\"></Criteria><Criteria field=\"size\" operator=\"GREATER\">10</Criteria><Criteria field=\"kind\" operator=\"IN\">B-C</Criteria></filters>" +
            "<preferences><startFromId>7</startFromId><limitResults>50</limitResults></preferences></ServiceRequest>",
            lines[0]);
        Assert.Equal("Range: limitResults must be from 1 to 1000; it is 0 (rule: range) (Parameter 'LimitResults')", lines[1]);
        Assert.Equal("GET /things/5/11%2F28%2F2026?page=2&level=high&note=n 2 Custom None True", lines[2]);
        Assert.Equal("http://127.0.0.1:8080/", lines[3]);
        Assert.Equal("RequiredWhen: note is required when level is one of high, 1st (rule: required-when) (Parameter 'Note')", lines[4]);
        Assert.Equal("ValidOnlyWhen: other is valid only when note is not given and verbose=true (rule: valid-only-when) (Parameter 'Other')", lines[5]);
        Assert.StartsWith("built GET /things/5/11%2F28%2F2026?verbose=true&other=o (GetThing v2)", lines[6], StringComparison.Ordinal);
        Assert.Equal("MutuallyExclusive: Only one of note, other, when may be given (rule: mutually-exclusive)", lines[7]);
        Assert.Equal("Range: page must be at least 1; it is 0 (rule: range) (Parameter 'Page')", lines[8]);
        Assert.Equal("x False -3 9007199254740993 1.25 2026-11-28T10:00:00.0000000+00:00 L", lines[9]);
        Assert.Equal("PUT /up?kept=k 2.0 application/json Json", lines[10]);
        Assert.Equal("Together: gone and kept must be given together (all or none) (rule: must-be-together)", lines[11]);
    }

    [Fact]
    public void When_every_version_is_past_EOS_the_unversioned_entry_is_obsolete_too()
    {
        var (result, _) = GeneratorHarness.Run(EndpointHarness.WithSpec(Spec, "/p/features.endpoints.json"));
        var source = result.Results.Single().GeneratedSources.Single(s => s.HintName == "features.endpoints.json.Requests.g.cs").SourceText.ToString();

        Assert.Contains("[global::System.Obsolete(\"Qualys API v2 of GetThing is deprecated: end of support (EOS) January 15, 2026. Use v1 (GetThingV1Request).\", DiagnosticId = \"QG0249\")]\n    " + Emitters.SourceWriter.GeneratedCode + "\n    public sealed partial record GetThingV2Request", source, StringComparison.Ordinal);
        Assert.Contains("[global::System.Obsolete(\"Qualys API v2 of GetThing is deprecated: end of support (EOS) January 15, 2026. Use v1 (GetThingV1Request).\", DiagnosticId = \"QG0249\")]\n    " + Emitters.SourceWriter.GeneratedCode + "\n    public sealed partial record GetThingRequest", source, StringComparison.Ordinal);
        Assert.Contains("[global::System.Obsolete(\"Qualys API v1 of GetThing is deprecated: end of support (EOS) January 2025. Use v2 (GetThingV2Request).\", DiagnosticId = \"QG0249\")]", source, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("features.endpoints.json.Requests.g.cs")]
    [InlineData("features.endpoints.json.JsonResponses.g.cs")]
    public void The_feature_spec_output_matches_the_approved_snapshot(string hintName)
    {
        var (result, _) = GeneratorHarness.Run(EndpointHarness.WithSpec(Spec, "/p/features.endpoints.json"));

        Snapshot.Match(hintName, result.Results.Single().GeneratedSources.Single(s => s.HintName == hintName).SourceText.ToString());
    }

    private static string Run(Compilation compilation)
    {
        using var image = new MemoryStream();
        var emit = compilation.Emit(image);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));
        image.Position = 0;
        var assembly = new AssemblyLoadContext("endpoints", isCollectible: true).LoadFromStream(image);
        return (string)assembly.GetType("Probe", throwOnError: true)!.GetMethod("Run", BindingFlags.Public | BindingFlags.Static)!.Invoke(null, null)!;
    }
}
