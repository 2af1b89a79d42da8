namespace QualysGen.Generator.Model;

/// <summary>Which host serves a version (the spec's <c>host</c>); mirrors the runtime's <c>QualysHost</c>.</summary>
internal enum EndpointHostKind
{
    ApiServer,
    Gateway,
    Custom,
}
