namespace QualysGen.Generator.Model;

/// <summary>The C# namespace a bound schema file generates into: all that is needed to find two files that would define the same types.</summary>
internal sealed record SchemaNamespaceSpec(string FilePath, string Namespace);
