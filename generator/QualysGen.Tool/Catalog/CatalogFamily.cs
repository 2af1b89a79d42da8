using System.Collections.Generic;
using QualysGen.Tool.Generator;

namespace QualysGen.Tool.Catalog;

/// <summary>A family of the catalog: its spec file, its endpoints, and every file <c>add</c> copies for it.</summary>
/// <param name="Name">The family (the spec's <c>family</c>, its C# namespace).</param>
/// <param name="SpecFile">Its <c>*.endpoints.json</c>.</param>
/// <param name="Endpoints">Its endpoints and their versions.</param>
/// <param name="Files">The spec, the schemas its responses use (and what they include), the type-only specs that type those
/// schemas, and the JSON Schema the specs name.</param>
internal sealed record CatalogFamily(string Name, string SpecFile, IReadOnlyList<EndpointDescription> Endpoints, IReadOnlyList<string> Files);
