namespace QualysGen.Generator.Model;

/// <summary>A property of a JSON response type: <c>"success": { "type": "bool", "required": true }</c>.</summary>
internal sealed record EndpointJsonPropertyDeclaration(
    string JsonName,
    SourceLocationSpec Location,
    EndpointJsonValueKind Kind,
    bool Required,
    string? PropertyName,
    string? Description);
