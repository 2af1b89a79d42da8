namespace QualysGen.Generator.Model;

/// <summary>The MSBuild options that shape the generated code.</summary>
/// <param name="RootNamespace">The namespace that every schema's namespace goes under.</param>
/// <param name="Public">Whether generated types are public (default) or internal.</param>
internal sealed record GeneratorOptionsSpec(string RootNamespace, bool Public);
