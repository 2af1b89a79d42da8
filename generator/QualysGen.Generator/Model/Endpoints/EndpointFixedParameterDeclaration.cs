namespace QualysGen.Generator.Model;

/// <summary>An entry of <c>fixedParameters</c>: a query parameter every request of an endpoint or version sends with the same value.</summary>
internal sealed record EndpointFixedParameterDeclaration(string Name, string Value);
