namespace QualysGen.Generator.Model;

/// <summary>A query parameter every request of a version sends with the same value (<c>action=create</c>, <c>report_format=xml</c>).</summary>
internal sealed record EndpointFixedParameterSpec(string Name, string Value);
