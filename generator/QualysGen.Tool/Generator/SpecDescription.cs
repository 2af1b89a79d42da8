using System.Collections.Generic;

namespace QualysGen.Tool.Generator;

/// <summary>What an endpoint spec file declares, for the catalog and for <c>fetch</c>.</summary>
/// <param name="FileName">The spec file name.</param>
/// <param name="Family">Its family (C# namespace), or null when it declares no endpoints.</param>
/// <param name="Endpoints">Its endpoints with their versions, in file order.</param>
/// <param name="SchemaFiles">The schema files it uses: response schemas and the files its <c>schemas</c> section types.</param>
/// <param name="Diagnostics">What the reader reported.</param>
internal sealed record SpecDescription(
    string FileName,
    string? Family,
    IReadOnlyList<EndpointDescription> Endpoints,
    IReadOnlyList<string> SchemaFiles,
    IReadOnlyList<ToolDiagnostic> Diagnostics);
