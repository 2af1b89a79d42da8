namespace QualysGen.Generator.Model;

/// <summary>
/// The endpoint half of one <c>*.endpoints.json</c> file, as read: everything with its location, references not yet resolved.
/// </summary>
/// <param name="FilePath">The file's path.</param>
/// <param name="FileName">The file's name (the generated file's hint name starts with it).</param>
/// <param name="Family">The family, which names the C# namespace under <c>QualysGenNamespace</c>.</param>
/// <param name="FamilyLocation">Where the family is written (or the file's start when it is derived from the file name).</param>
/// <param name="Endpoints">The endpoints, in file order.</param>
/// <param name="Groups">The parameter groups.</param>
/// <param name="FilterTypes">The QPS filter types.</param>
/// <param name="FilterSets">The QPS filter sets.</param>
/// <param name="JsonTypes">The JSON response types.</param>
/// <param name="BaseUrls">The base URLs of a custom host.</param>
internal sealed record EndpointDocument(
    string FilePath,
    string FileName,
    string Family,
    SourceLocationSpec FamilyLocation,
    EquatableArray<EndpointDeclaration> Endpoints,
    EquatableArray<ParameterGroupDeclaration> Groups,
    EquatableArray<EndpointFilterTypeDeclaration> FilterTypes,
    EquatableArray<EndpointFilterSetDeclaration> FilterSets,
    EquatableArray<EndpointJsonTypeDeclaration> JsonTypes,
    EquatableArray<EndpointBaseUrlDeclaration> BaseUrls);
