namespace QualysGen.Generator.Parsing.Json;

/// <summary><c>true</c>, <c>false</c> or <c>null</c>, told apart by <see cref="Kind"/>.</summary>
internal sealed class JsonLiteral : JsonNode
{
    public JsonLiteral(JsonPosition position, JsonNodeKind kind)
        : base(position)
        => Kind = kind;

    public override JsonNodeKind Kind { get; }

    /// <summary><see langword="true"/> or <see langword="false"/> for those literals; <see langword="null"/> for <c>null</c>.</summary>
    public bool? BooleanValue => Kind switch
    {
        JsonNodeKind.True => true,
        JsonNodeKind.False => false,
        _ => null,
    };
}
