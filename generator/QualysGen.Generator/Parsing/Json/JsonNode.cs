namespace QualysGen.Generator.Parsing.Json;

/// <summary>A value in a parsed JSON document, together with where it is in the text.</summary>
internal abstract class JsonNode
{
    private protected JsonNode(JsonPosition position) => Position = position;

    /// <summary>
    /// The span of the value: for an object or array, from its opening to its closing bracket;
    /// for a string, including the quotes.
    /// </summary>
    public JsonPosition Position { get; }

    public abstract JsonNodeKind Kind { get; }
}
