namespace QualysGen.Generator.Model;

/// <summary>
/// What endpoints need of a bound schema: its file name, its namespace and its roots. A projection of a <see cref="ParserSpec"/>,
/// so that editing a schema's content (not its roots) leaves the endpoint pipeline cached.
/// </summary>
internal sealed record EndpointSchemaSpec(string SourceFile, string Namespace, EquatableArray<EndpointSchemaRootSpec> Roots);
