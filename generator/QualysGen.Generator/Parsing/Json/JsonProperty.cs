namespace QualysGen.Generator.Parsing.Json;

/// <summary>A name/value pair of a <see cref="JsonObject"/>.</summary>
internal sealed class JsonProperty
{
    public JsonProperty(string name, JsonPosition namePosition, JsonNode value)
    {
        Name = name;
        NamePosition = namePosition;
        Value = value;
    }

    /// <summary>The unescaped name.</summary>
    public string Name { get; }

    /// <summary>The span of the name, including its quotes.</summary>
    public JsonPosition NamePosition { get; }

    public JsonNode Value { get; }
}
