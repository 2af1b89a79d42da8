using System.Collections.Generic;

namespace QualysGen.Tool.Surface;

/// <summary>A root element: its class gets <c>Parse</c>/<c>ParseAsync</c>, and a record stream per repeated record.</summary>
/// <param name="XmlName">The root element's name.</param>
/// <param name="TypeName">Its class (schema-namespace qualified).</param>
/// <param name="StreamMethods">The record streams, e.g. <c>EnumerateScansAsync</c>.</param>
internal sealed record ApiRoot(string XmlName, string TypeName, IReadOnlyList<string> StreamMethods);
