namespace QualysGen.Generator.Model;

/// <summary>A version's body as the spec writes it: <c>"form"</c>, or <c>{ "kind": "serviceRequest", "filters": "WasScanFilter", ... }</c>.</summary>
/// <param name="Kind">How the parameters travel.</param>
/// <param name="Description">For <c>xml</c>/<c>json</c> bodies: what the document is (the <c>Body</c> property's documentation).</param>
/// <param name="FilterSet">For <c>serviceRequest</c>: the filter set (<c>filterSets</c> key) its criteria come from, or null for no filters.</param>
/// <param name="FiltersRequired">Whether at least one criterion is required.</param>
/// <param name="Preferences">Whether the request offers the QPS <c>preferences</c> (<c>limitResults</c>, <c>startFromOffset</c>, <c>startFromId</c>).</param>
/// <param name="Location">Where the body is declared.</param>
internal sealed record EndpointBodyDeclaration(
    EndpointBodyKind Kind,
    string? Description,
    NameReference? FilterSet,
    bool FiltersRequired,
    bool Preferences,
    SourceLocationSpec Location);
