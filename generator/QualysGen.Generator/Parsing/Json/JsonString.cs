namespace QualysGen.Generator.Parsing.Json;

/// <summary>A JSON string. <see cref="JsonNode.Position"/> includes the quotes.</summary>
internal sealed class JsonString : JsonNode
{
    public JsonString(JsonPosition position, string value)
        : base(position)
        => Value = value;

    public override JsonNodeKind Kind => JsonNodeKind.String;

    /// <summary>The unescaped value. Escaped lone surrogates are kept as they are.</summary>
    public string Value { get; }
}
