namespace QualysGen.Generator.Model;

/// <summary>One request class to emit: an endpoint version (<c>CancelReportV3Request</c>) or an endpoint's unversioned entry (<c>CancelReportRequest</c>).</summary>
/// <param name="ClassName">The record's name.</param>
/// <param name="EndpointName">The endpoint's name (the request's <c>Endpoint</c>).</param>
/// <param name="Version">The API version it sends.</param>
/// <param name="VersionClassName">For the unversioned entry: the versioned class it mirrors; null for a versioned class.</param>
/// <param name="Summary">The summary documentation, or null.</param>
/// <param name="Description">The remarks documentation, or null.</param>
/// <param name="Method">The HTTP method, upper case.</param>
/// <param name="Path">The path, in pieces.</param>
/// <param name="Action">The FO <c>action</c>, or null.</param>
/// <param name="FixedParameters">Query parameters with a fixed value (after <c>action</c>).</param>
/// <param name="Body">How the parameters travel.</param>
/// <param name="BodyDescription">For <c>xml</c>/<c>json</c>: the <c>Body</c> property's documentation.</param>
/// <param name="FilterClassName">For <c>serviceRequest</c>: the <c>global::</c>-qualified filter set class, or null.</param>
/// <param name="FiltersRequired">Whether at least one filter is required.</param>
/// <param name="Preferences">Whether the QPS preferences are offered.</param>
/// <param name="AuthSchemes">The runtime's <c>QualysAuthSchemes</c> member names accepted.</param>
/// <param name="Host">The runtime's <c>QualysHost</c> member name.</param>
/// <param name="RetrySafe">Whether the call may be repeated after a failure.</param>
/// <param name="ResponseKind">How the response is read.</param>
/// <param name="ResponseType">The <c>global::</c>-qualified response type.</param>
/// <param name="ParseMethod">The <c>global::</c>-qualified method group (or lambda) that parses the response: <c>(Stream, QualysXmlOptions?, CancellationToken)</c>.</param>
/// <param name="Obsolete">The <c>[Obsolete]</c> message, or null for a supported version.</param>
/// <param name="Lifecycle">The lifecycle in words (<c>EOS December 2025, EOL June 2026</c>), or null.</param>
/// <param name="OtherVersions">The endpoint's versioned classes other than this one, newest first, for the documentation.</param>
/// <param name="Parameters">The parameters, in spec order.</param>
/// <param name="Rules">The rules between parameters.</param>
internal sealed record EndpointRequestSpec(
    string ClassName,
    string EndpointName,
    string Version,
    string? VersionClassName,
    string? Summary,
    string? Description,
    string Method,
    EquatableArray<EndpointPathPartSpec> Path,
    string? Action,
    EquatableArray<EndpointFixedParameterSpec> FixedParameters,
    EndpointBodyKind Body,
    string? BodyDescription,
    string? FilterClassName,
    bool FiltersRequired,
    bool Preferences,
    EquatableArray<string> AuthSchemes,
    string Host,
    bool RetrySafe,
    EndpointResponseKind ResponseKind,
    string ResponseType,
    string ParseMethod,
    string? Obsolete,
    string? Lifecycle,
    EquatableArray<string> OtherVersions,
    EquatableArray<ParameterPropertySpec> Parameters,
    EquatableArray<RuleCheckSpec> Rules);
