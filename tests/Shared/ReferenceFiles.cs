using System;
using System.IO;

namespace QualysGen.Tests;

/// <summary>
/// The reference material in <c>../shared/reference/</c> beside the repository (real recorded Qualys responses, documentation
/// samples, fixtures published by other clients, the real <c>webapp.xsd</c>), read in place: the project keeps no copy of it.
/// CI clones the repository next to a read-only copy of <c>shared/</c>; elsewhere the folder may be absent, and the tests that
/// need it (<see cref="ReferenceFactAttribute"/>, <see cref="ReferenceInlineDataAttribute"/>,
/// <see cref="ReferenceMemberDataAttribute"/>) are then skipped with <see cref="SkipReason"/>. The environment variable
/// <c>QUALYSGEN_REFERENCE_DIR</c> points the tests at another folder (one that does not exist shows the skips).
/// </summary>
internal static class ReferenceFiles
{
    public const string DirectoryVariable = "QUALYSGEN_REFERENCE_DIR";

    public static string Directory { get; } = Path.GetFullPath(
        Environment.GetEnvironmentVariable(DirectoryVariable) is { Length: > 0 } configured
            ? configured
            : Path.Combine(TestRepository.Root, "..", "shared", "reference"));

    /// <summary>Null when the folder is there; otherwise why the tests that read it are skipped.</summary>
    public static string? SkipReason { get; } = System.IO.Directory.Exists(Directory)
        ? null
        : $"Reference material not found at {Directory}: these tests read ../shared/reference/ beside the repository (or the folder {DirectoryVariable} names) in place.";

    /// <summary>A file under the reference folder, from a '/'-separated path (<c>samples/recorded/x.xml</c>).</summary>
    public static string PathOf(string relative) => Path.Combine(Directory, relative.Replace('/', Path.DirectorySeparatorChar));

    public static Stream Open(string relative) => File.OpenRead(PathOf(relative));

    public static string ReadAllText(string relative) => File.ReadAllText(PathOf(relative));
}
