using System.Collections.Generic;
using QualysGen.Tool.Surface;

namespace QualysGen.Tool.Generator;

/// <summary>What reading and binding one input file gives: the API it generates (null when it generates nothing) and the diagnostics.</summary>
internal sealed record SchemaReading(ApiSurface? Surface, IReadOnlyList<ToolDiagnostic> Diagnostics);
