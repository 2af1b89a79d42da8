namespace QualysGen.Generator.Binding;

/// <summary>Two schema names that make one C# name in one scope (or two that differ only in case).</summary>
/// <param name="SchemaName">The later schema name.</param>
/// <param name="CSharpName">The C# name both make.</param>
/// <param name="OtherSchemaName">The schema name that has it.</param>
/// <param name="Chosen">The name the later one gets (the same when they differ only in case).</param>
internal sealed record NameCollision(string SchemaName, string CSharpName, string OtherSchemaName, string Chosen);
