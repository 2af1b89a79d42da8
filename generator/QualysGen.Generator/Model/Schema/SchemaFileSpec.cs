namespace QualysGen.Generator.Model;

/// <summary>A schema file's path and text, as values (an <c>AdditionalText</c> must not flow through the pipeline).</summary>
internal sealed record SchemaFileSpec(string Path, string Text);
