namespace QualysGen.Generator.Model;

/// <summary>How a version's response is read.</summary>
internal enum EndpointResponseKind
{
    /// <summary>By the generated parser of a root element of a DTD or XSD among the inputs.</summary>
    Schema,

    /// <summary>By a generated <c>Utf8JsonReader</c> reader of a type in the file's <c>jsonTypes</c>.</summary>
    Json,

    /// <summary>Not parsed: the bytes are handed over as they came (no schema is checked in for it yet).</summary>
    Raw,
}
