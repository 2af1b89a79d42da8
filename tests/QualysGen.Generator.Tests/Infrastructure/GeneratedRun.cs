using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace QualysGen.Generator.Tests.Infrastructure;

/// <summary>A generator run's result, with its diagnostics and generated sources by hint name.</summary>
internal sealed class GeneratedRun(GeneratorDriverRunResult result)
{
    public GeneratorDriverRunResult Result { get; } = result;

    public ImmutableArray<Diagnostic> Diagnostics => Result.Diagnostics;

    public string Source(string hintName)
    {
        var source = Result.Results.Single().GeneratedSources.FirstOrDefault(s => s.HintName == hintName);
        Assert.True(source.HintName is not null, $"No '{hintName}' among: {string.Join(", ", Result.Results.Single().GeneratedSources.Select(s => s.HintName))}");
        return source.SourceText.ToString();
    }
}
