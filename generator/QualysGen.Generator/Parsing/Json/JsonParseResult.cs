using System.Diagnostics.CodeAnalysis;

namespace QualysGen.Generator.Parsing.Json;

/// <summary>
/// The outcome of <see cref="JsonParser.Parse"/>: either <see cref="Root"/> is set, or it is
/// <see langword="null"/> and <see cref="Error"/> says why.
/// </summary>
internal sealed record JsonParseResult(JsonNode? Root, JsonSyntaxError? Error)
{
    [MemberNotNullWhen(true, nameof(Root))]
    public bool Success => Root is not null;
}
