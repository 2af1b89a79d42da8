namespace QualysGen.Generator.Model;

/// <summary>A set of filterable fields (a key of <c>filterSets</c>), which becomes a C# class of the same name.</summary>
internal sealed record EndpointFilterSetDeclaration(
    string Name,
    SourceLocationSpec Location,
    string? Description,
    EquatableArray<EndpointFilterFieldDeclaration> Fields);
