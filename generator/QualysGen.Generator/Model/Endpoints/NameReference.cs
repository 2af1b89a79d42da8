namespace QualysGen.Generator.Model;

/// <summary>A name that refers to something declared elsewhere (a parameter, a group, a version, a filter type), with where it is written.</summary>
internal sealed record NameReference(string Name, SourceLocationSpec Location);
