using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;
using QualysGen.Tests;
using Xunit.Sdk;

namespace QualysGen.Generator.Tests.Infrastructure;

/// <summary>
/// Approval testing for generated source: compares text with an approved file checked in under <c>Snapshots/</c>
/// beside the test. On a difference the test fails with a line diff and writes <c>name.received.txt</c> (ignored by git).
/// Set the environment variable <c>QUALYSGEN_UPDATE_SNAPSHOTS=1</c> to accept the new output instead.
/// </summary>
internal static class Snapshot
{
    public const string UpdateVariable = "QUALYSGEN_UPDATE_SNAPSHOTS";

    public static void Match(string name, string actual, [CallerFilePath] string testFile = "")
    {
        var directory = Path.Combine(Path.GetDirectoryName(SourcePath(testFile))!, "Snapshots");
        var approvedPath = Path.Combine(directory, name + ".approved.txt");
        var receivedPath = Path.Combine(directory, name + ".received.txt");
        actual = actual.Replace("\r\n", "\n");

        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(approvedPath, actual);
            File.Delete(receivedPath);
            return;
        }

        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).Replace("\r\n", "\n") : null;
        if (approved == actual)
        {
            File.Delete(receivedPath);
            return;
        }

        Directory.CreateDirectory(directory);
        File.WriteAllText(receivedPath, actual);
        var message = approved is null
            ? $"No approved snapshot '{approvedPath}'. Review '{receivedPath}' and run with {UpdateVariable}=1 to approve it."
            : $"Snapshot '{name}' differs from the approved file (- approved, + received). Run with {UpdateVariable}=1 to approve.\n{Diff(approved, actual)}";
        throw new XunitException(message);
    }

    /// <summary>
    /// The test file's real path. A deterministic CI build (<c>ContinuousIntegrationBuild</c>) maps source paths to <c>/_/</c>;
    /// then the repository root is found from the test's output folder instead.
    /// </summary>
    private static string SourcePath(string compiledPath)
    {
        if (File.Exists(compiledPath))
        {
            return compiledPath;
        }

        var relative = compiledPath.Replace('\\', '/');
        relative = relative.StartsWith("/_/", StringComparison.Ordinal) ? relative.Substring(3) : relative.TrimStart('/');
        return Path.Combine(TestRepository.Root, relative);
    }

    /// <summary>A unified-style line diff (longest common subsequence), with two lines of context, at most 200 lines.</summary>
    public static string Diff(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var lines = new List<(char Kind, int Line, string Text)>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                lines.Add((' ', x + 1, a[x]));
                x++;
                y++;
            }
            else if (y < b.Length && (x == a.Length || lcs[x, y + 1] >= lcs[x + 1, y]))
            {
                lines.Add(('+', y + 1, b[y]));
                y++;
            }
            else
            {
                lines.Add(('-', x + 1, a[x]));
                x++;
            }
        }

        var output = new StringBuilder();
        var shown = 0;
        for (var k = 0; k < lines.Count && shown < 200; k++)
        {
            var near = false;
            for (var d = -2; d <= 2; d++)
            {
                if (k + d >= 0 && k + d < lines.Count && lines[k + d].Kind != ' ')
                {
                    near = true;
                }
            }

            if (near)
            {
                output.Append(lines[k].Kind).Append(' ').Append(lines[k].Line.ToString().PadLeft(5)).Append(" | ").Append(lines[k].Text).Append('\n');
                shown++;
            }
        }

        return output.ToString();
    }
}
