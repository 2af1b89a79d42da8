namespace QualysGen.Generator.Model;

/// <summary>A JSON response type (a key of <c>jsonTypes</c>): an object with scalar properties, read without reflection.</summary>
internal sealed record EndpointJsonTypeDeclaration(
    string Name,
    SourceLocationSpec Location,
    string? Description,
    EquatableArray<EndpointJsonPropertyDeclaration> Properties);
