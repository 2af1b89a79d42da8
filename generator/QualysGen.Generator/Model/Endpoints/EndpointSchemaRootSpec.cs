namespace QualysGen.Generator.Model;

/// <summary>A root element of a response schema and the generated class whose <c>ParseAsync</c> reads it.</summary>
internal sealed record EndpointSchemaRootSpec(string XmlName, string TypeName);
