using System.IO;
using System.Linq;
using System.Reflection;
using QualysGen.Tests;

namespace QualysGen.Package.Tests.Infrastructure;

/// <summary>Where the repository is, and the build configuration these tests (and so the solution) were built in.</summary>
public static class Repository
{
    /// <summary>The folder that holds QualysGen.sln.</summary>
    public static string Root => TestRepository.Root;

    /// <summary>Debug or Release: the solution's projects were built in it before the tests ran.</summary>
    public static string Configuration { get; } = typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "Configuration").Value!;

    /// <summary>A path under the repository root, from '/'-separated parts.</summary>
    public static string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));
}
