namespace QualysGen.Generator.Model;

/// <summary>A bound filter set: a C# class with one static property per filterable field.</summary>
internal sealed record EndpointFilterClassSpec(string ClassName, string? Description, EquatableArray<EndpointFilterPropertySpec> Fields);
