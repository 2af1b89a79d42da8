namespace QualysGen.Generator.Model;

/// <summary>A key of <c>baseUrls</c>: a base URL of a <c>custom</c>-host service (e.g. a data center of a third-party API), checked to be an origin.</summary>
internal sealed record EndpointBaseUrlDeclaration(string Name, string Url, string? Description);
