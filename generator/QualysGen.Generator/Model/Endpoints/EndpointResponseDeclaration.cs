namespace QualysGen.Generator.Model;

/// <summary>
/// A version's response as the spec writes it: <c>{ "schema": "simple_return.dtd", "root": "SIMPLE_RETURN" }</c>,
/// <c>{ "json": "CancelReportRunResult" }</c> or <c>"raw"</c>.
/// </summary>
/// <param name="Kind">How it is read.</param>
/// <param name="Schema">For <see cref="EndpointResponseKind.Schema"/>: the schema file name and where it is written.</param>
/// <param name="Root">For <see cref="EndpointResponseKind.Schema"/>: the root element name and where it is written.</param>
/// <param name="JsonType">For <see cref="EndpointResponseKind.Json"/>: the <c>jsonTypes</c> key and where it is written.</param>
/// <param name="Location">Where the response is declared.</param>
internal sealed record EndpointResponseDeclaration(
    EndpointResponseKind Kind,
    NameReference? Schema,
    NameReference? Root,
    NameReference? JsonType,
    SourceLocationSpec Location);
