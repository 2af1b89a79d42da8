using System;
using System.CodeDom.Compiler;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using QualysGen.Generator.Emitters;
using QualysGen.Generator.Tests.Infrastructure;

namespace QualysGen.Generator.Tests;

/// <summary>
/// The checked-in specs compiled as a consumer compiles them: every generated type says it is generated and by which version,
/// the parsing and writing machinery is marked for the debugger and coverage tools, and the helpers only their own file uses
/// (atomized names, element readers, writers, wire formats, JSON readers) are file-local, not types of the consumer's assembly.
/// </summary>
public sealed class GeneratedCodeMarkerTests
{
    private static readonly Lazy<Type[]> Generated = new(() =>
    {
        var (_, output) = GeneratorHarness.Run(GeneratorHarness.Specs());
        return GeneratorHarness.Load(output).GetTypes()
            .Where(t => t.Namespace?.StartsWith(GeneratorHarness.Namespace, StringComparison.Ordinal) == true && !t.IsDefined(typeof(CompilerGeneratedAttribute)))
            .ToArray();
    });

    [Fact]
    public void Every_generated_type_carries_GeneratedCode_with_the_generators_version_without_a_source_revision()
    {
        Assert.Matches(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$", SourceWriter.GeneratorVersion);
        var types = Generated.Value.Where(t => !t.Name.StartsWith('<')).ToList();
        Assert.True(types.Count > 100, $"{types.Count} types");
        Assert.All(types, type =>
        {
            var attribute = type.GetCustomAttribute<GeneratedCodeAttribute>();
            Assert.True(attribute is not null, type.FullName);
            Assert.Equal(("QualysGen", SourceWriter.GeneratorVersion), (attribute!.Tool, attribute.Version));
        });
    }

    [Fact]
    public void The_only_helper_types_are_file_local_and_marked_as_non_user_code()
    {
        // A file-local type's metadata name is <file>F{hash}__{Name}: nothing outside its file can name it.
        var helpers = Generated.Value.Where(t => !t.IsNested && !t.IsPublic).ToList();
        Assert.Contains(helpers, t => t.Name.EndsWith("__SimpleReturnParser", StringComparison.Ordinal));
        Assert.Contains(helpers, t => t.Name.EndsWith("__WasscanWriter", StringComparison.Ordinal));
        Assert.Contains(helpers, t => t.Name.EndsWith("__ScansWireFormat", StringComparison.Ordinal));
        Assert.All(helpers, t =>
        {
            Assert.StartsWith("<", t.Name, StringComparison.Ordinal);
            Assert.True(t.IsDefined(typeof(DebuggerNonUserCodeAttribute)) && t.IsDefined(typeof(ExcludeFromCodeCoverageAttribute)), t.Name);
        });

        // The entry points on a model are machinery too; the model's own members stay the user's.
        var root = Generated.Value.Single(t => t.FullName == GeneratorHarness.Namespace + ".SimpleReturnDtd.SimpleReturn");
        var entryPoints = root.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly).Where(m => m.Name.StartsWith("Parse", StringComparison.Ordinal) || m.Name.StartsWith("Enumerate", StringComparison.Ordinal)).ToList();
        Assert.Equal(8, entryPoints.Count);
        Assert.All(entryPoints, m => Assert.True(m.IsDefined(typeof(DebuggerNonUserCodeAttribute)) && m.IsDefined(typeof(ExcludeFromCodeCoverageAttribute)), m.ToString()));
        Assert.False(root.IsDefined(typeof(DebuggerNonUserCodeAttribute)));
    }
}
