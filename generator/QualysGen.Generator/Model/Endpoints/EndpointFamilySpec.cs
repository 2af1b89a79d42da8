namespace QualysGen.Generator.Model;

/// <summary>A family a spec file declares, with where, so that two files declaring one family (one namespace) are reported.</summary>
internal sealed record EndpointFamilySpec(string Family, string FilePath, SourceLocationSpec Location);
