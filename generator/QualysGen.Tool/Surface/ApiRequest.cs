using System.Collections.Generic;

namespace QualysGen.Tool.Surface;

/// <summary>A request class of an endpoint spec: one version (<c>CancelReportV3Request</c>) or the unversioned entry.</summary>
/// <param name="ClassName">The class name with its family namespace, e.g. <c>Reports.CancelReportV3Request</c>.</param>
/// <param name="Endpoint">The endpoint's name.</param>
/// <param name="Version">The API version it sends.</param>
/// <param name="BoundTo">For the unversioned entry: the versioned class it stands for; null for a versioned class.</param>
/// <param name="EndOfSupport">The EOS date as written in the spec, or null.</param>
/// <param name="EndOfLife">The EOL date as written in the spec, or null.</param>
/// <param name="Obsolete">The <c>[Obsolete]</c> message, or null.</param>
/// <param name="ResponseType">The response type the request parses.</param>
/// <param name="Parameters">The parameters (properties), in spec order.</param>
internal sealed record ApiRequest(
    string ClassName,
    string Endpoint,
    string Version,
    string? BoundTo,
    string? EndOfSupport,
    string? EndOfLife,
    string? Obsolete,
    string ResponseType,
    IReadOnlyList<ApiParameter> Parameters);
