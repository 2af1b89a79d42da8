using System.Collections.Generic;

namespace QualysGen.Tool.Generator;

/// <summary>An endpoint of a spec: its name, summary and versions (with EOS where the spec gives one).</summary>
internal sealed record EndpointDescription(string Name, string? Summary, IReadOnlyList<string> Versions);
