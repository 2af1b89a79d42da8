using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;

namespace QualysGen.Package.Tests.Infrastructure;

/// <summary>
/// Runs a child process (the dotnet CLI, a script, a built program) with a timeout, capturing stdout and stderr together.
/// The environment is the test's, less what the test host's own MSBuild and NuGet set (so the child behaves as in a
/// user's terminal), with build servers and node reuse off (so no lingering process holds the output pipes open).
/// </summary>
public static class Command
{
    private static readonly string[] DroppedPrefixes = ["MSBUILD", "VSTEST", "TESTINGPLATFORM", "NUGET_PACKAGES", "NUGET_FALLBACK_PACKAGES", "DOTNET_HOST_PATH"];

    /// <summary>Runs <paramref name="fileName"/> and returns what it did; throws only if it cannot start or times out.</summary>
    public static CommandResult Run(string fileName, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var key in startInfo.Environment.Keys.ToList())
        {
            if (DroppedPrefixes.Any(prefix => key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
            {
                startInfo.Environment.Remove(key);
            }
        }

        startInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        startInfo.Environment["DOTNET_NOLOGO"] = "1";
        startInfo.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        startInfo.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        startInfo.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        startInfo.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        startInfo.Environment["UseSharedCompilation"] = "false";
        if (environment is not null)
        {
            foreach (var (key, value) in environment)
            {
                startInfo.Environment[key] = value;
            }
        }

        var output = new StringBuilder();
        void Append(string? line)
        {
            if (line is not null)
            {
                lock (output)
                {
                    output.AppendLine(line);
                }
            }
        }

        var commandLine = string.Join(' ', new[] { fileName }.Concat(startInfo.ArgumentList.Select(a => a.Contains(' ', StringComparison.Ordinal) ? $"\"{a}\"" : a)));
        var stopwatch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            string partial;
            lock (output)
            {
                partial = output.ToString();
            }

            throw new TimeoutException($"`{commandLine}` in {workingDirectory} did not finish within {timeout.TotalSeconds:0} s and was killed. Output so far:\n{partial}");
        }

        process.WaitForExit(); // drains the asynchronous readers
        stopwatch.Stop();
        lock (output)
        {
            return new CommandResult(commandLine, workingDirectory, process.ExitCode, output.ToString(), stopwatch.Elapsed);
        }
    }

    /// <summary>Runs the dotnet CLI.</summary>
    public static CommandResult Dotnet(string workingDirectory, TimeSpan timeout, params string[] arguments)
        => Run("dotnet", arguments, workingDirectory, timeout);

    /// <summary>Runs the dotnet CLI and fails the test, with the whole output, unless it exits with 0.</summary>
    public static CommandResult DotnetOk(string workingDirectory, TimeSpan timeout, params string[] arguments)
    {
        var result = Dotnet(workingDirectory, timeout, arguments);
        Assert.True(result.ExitCode == 0, result.Describe());
        return result;
    }

    /// <summary>A temporary folder outside the repository, made new.</summary>
    public static string NewTempDirectory(string prefix)
    {
        var path = Path.Combine(Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }
}
