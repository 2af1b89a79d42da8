namespace QualysGen.Generator.Model;

/// <summary>A root element of a response schema and the generated class whose <c>ParseAsync</c> reads it.</summary>
/// <param name="XmlName">The root element.</param>
/// <param name="TypeName">The generated class.</param>
/// <param name="RecordType">The record class of the root's one record stream (<c>Enumerate…Async</c>), or null when it has none or several.</param>
/// <param name="RecordStream">That record stream's method name, or null.</param>
internal sealed record EndpointSchemaRootSpec(string XmlName, string TypeName, string? RecordType = null, string? RecordStream = null);
