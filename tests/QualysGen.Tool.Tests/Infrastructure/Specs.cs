using System;
using System.IO;

namespace QualysGen.Tool.Tests.Infrastructure;

/// <summary>The repository's specs/ (copied next to the tests), to build old and new versions from.</summary>
internal static class Specs
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "specs");

    public static string Read(string name) => File.ReadAllText(Path.Combine(Directory, name));

    /// <summary>Copies <paramref name="names"/> from specs/ into <paramref name="target"/>.</summary>
    public static void CopyTo(TempDirectory target, params string[] names)
    {
        foreach (var name in names)
        {
            target.Write(name, Read(name));
        }
    }
}
