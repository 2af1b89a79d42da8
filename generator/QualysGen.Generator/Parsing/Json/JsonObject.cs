using System;
using System.Collections.Generic;

namespace QualysGen.Generator.Parsing.Json;

/// <summary>A JSON object. Properties keep their document order, duplicates included.</summary>
internal sealed class JsonObject : JsonNode
{
    public JsonObject(JsonPosition position, IReadOnlyList<JsonProperty> properties)
        : base(position)
        => Properties = properties;

    public override JsonNodeKind Kind => JsonNodeKind.Object;

    public IReadOnlyList<JsonProperty> Properties { get; }

    /// <summary>The first property named <paramref name="name"/> (ordinal comparison), or <see langword="null"/>.</summary>
    public JsonProperty? Find(string name)
    {
        for (var i = 0; i < Properties.Count; i++)
        {
            var property = Properties[i];
            if (string.Equals(property.Name, name, StringComparison.Ordinal))
            {
                return property;
            }
        }

        return null;
    }
}
