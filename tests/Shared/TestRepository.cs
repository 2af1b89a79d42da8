using System;
using System.IO;

namespace QualysGen.Tests;

/// <summary>The repository the tests were built from: the folder above the test assembly that holds QualysGen.sln.</summary>
internal static class TestRepository
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "QualysGen.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"QualysGen.sln not found above {AppContext.BaseDirectory}");
    }
}
