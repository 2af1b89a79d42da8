namespace QualysGen.Generator.Model;

/// <summary>A bound JSON response type: a C# class with a <c>Utf8JsonReader</c> reader.</summary>
internal sealed record EndpointJsonClassSpec(string ClassName, string? Description, EquatableArray<EndpointJsonMemberSpec> Members);
