namespace QualysGen.Generator.Model;

/// <summary>A base URL of a <c>custom</c>-host service (a key of <c>baseUrls</c>), e.g. a data center of a third-party API.</summary>
internal sealed record EndpointBaseUrlSpec(string Name, string Url, string? Description);
