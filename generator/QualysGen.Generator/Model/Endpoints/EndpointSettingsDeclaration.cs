namespace QualysGen.Generator.Model;

/// <summary>
/// What an endpoint states for all its versions and a version may state for itself: a version's own value wins, then the endpoint's,
/// then the default (shown in brackets).
/// </summary>
/// <param name="Description">More documentation (the remarks), or null.</param>
/// <param name="Method">The HTTP method, upper case (required somewhere).</param>
/// <param name="Path">The path template: <c>{version}</c> is the version, <c>{name}</c> a path parameter (required somewhere).</param>
/// <param name="Action">The FO <c>action</c> sent first in the query, or null.</param>
/// <param name="Auth">The auth schemes accepted, as the runtime's <c>QualysAuthSchemes</c> member names, or null [Basic].</param>
/// <param name="Host">The host, or null [api server].</param>
/// <param name="Body">How parameters travel, or null [query].</param>
/// <param name="Response">How the response is read (required somewhere).</param>
/// <param name="RetrySafe">Whether the call may be repeated after a failure, or null [true for GET, false otherwise].</param>
/// <param name="FixedParameters">Query parameters with a fixed value, after <c>action</c>; a version's list adds to the endpoint's.</param>
/// <param name="Location">Where the endpoint or version is (for "missing method/path/response").</param>
internal sealed record EndpointSettingsDeclaration(
    string? Description,
    string? Method,
    string? Path,
    string? Action,
    EquatableArray<string>? Auth,
    EndpointHostKind? Host,
    EndpointBodyDeclaration? Body,
    EndpointResponseDeclaration? Response,
    bool? RetrySafe,
    EquatableArray<EndpointFixedParameterDeclaration> FixedParameters,
    SourceLocationSpec Location);
