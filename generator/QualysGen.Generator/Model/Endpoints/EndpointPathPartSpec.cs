namespace QualysGen.Generator.Model;

/// <summary>A piece of a bound path: literal text, or a path parameter's property (escaped when written).</summary>
internal sealed record EndpointPathPartSpec(string Text, string? PropertyName, ParameterTypeKind Kind);
