namespace QualysGen.Generator.Model;

/// <summary>The type of a property of a JSON response type.</summary>
internal enum EndpointJsonValueKind
{
    String,
    Boolean,
    Int32,
    Int64,
    Decimal,
    DateTimeOffset,
}
