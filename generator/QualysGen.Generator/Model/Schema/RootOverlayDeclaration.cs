namespace QualysGen.Generator.Model;

/// <summary>An element the spec names as a root.</summary>
internal sealed record RootOverlayDeclaration(string Element, SourceLocationSpec Location);
