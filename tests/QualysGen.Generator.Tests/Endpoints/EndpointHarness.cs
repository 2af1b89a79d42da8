using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using QualysGen.Generator.Tests.Infrastructure;

namespace QualysGen.Generator.Tests.Endpoints;

/// <summary>Small helpers for endpoint tests.</summary>
internal static class EndpointHarness
{
    /// <summary>The checked-in schemas (not their spec files) plus one spec file given as text (named <c>/p/x.endpoints.json</c>).</summary>
    public static IReadOnlyList<AdditionalText> WithSpec(string json, string name = "/p/x.endpoints.json")
        => GeneratorHarness.Specs().Where(s => !s.Path.EndsWith(".endpoints.json", StringComparison.Ordinal))
            .Append(new InMemoryAdditionalText(name, json))
            .ToList();

    /// <summary>The generator's diagnostics of a run, QG02xx of the endpoint half only.</summary>
    public static IReadOnlyList<Diagnostic> EndpointDiagnostics(GeneratorDriverRunResult result)
        => result.Diagnostics.Where(d => string.CompareOrdinal(d.Id, "QG0210") >= 0 && string.CompareOrdinal(d.Id, "QG0249") <= 0 || d.Id is "QG0200" or "QG0201" or "QG0900").ToList();
}
