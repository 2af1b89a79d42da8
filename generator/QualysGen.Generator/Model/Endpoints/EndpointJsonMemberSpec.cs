namespace QualysGen.Generator.Model;

/// <summary>A bound property of a JSON response class.</summary>
internal sealed record EndpointJsonMemberSpec(string JsonName, string PropertyName, EndpointJsonValueKind Kind, bool Required, string? Description);
