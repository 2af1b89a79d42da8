using System.Collections.Generic;

namespace QualysGen.Generator.Parsing.Json;

/// <summary>A JSON array.</summary>
internal sealed class JsonArray : JsonNode
{
    public JsonArray(JsonPosition position, IReadOnlyList<JsonNode> items)
        : base(position)
        => Items = items;

    public override JsonNodeKind Kind => JsonNodeKind.Array;

    public IReadOnlyList<JsonNode> Items { get; }
}
