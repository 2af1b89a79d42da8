using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using QualysGen.Tool.Cli;

namespace QualysGen.Tool.Tests;

/// <summary>The built tool as a process, as <c>dotnet tool install</c> runs it: help, exit codes, no stack traces.</summary>
public sealed class ProcessTests
{
    [Fact]
    public async Task The_tool_runs_as_a_process_with_help_and_exit_codes()
    {
        var help = await RunAsync("--help");
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("Usage: qualysgen <command> [options]", help.Out);

        var error = await RunAsync("diff", "missing-old.dtd", "missing-new.dtd");
        Assert.Equal(ExitCodes.InputError, error.ExitCode);
        Assert.Equal("qualysgen: File not found: missing-old.dtd", error.Error.Trim());
        Assert.DoesNotContain("   at ", error.Out + error.Error, StringComparison.Ordinal);

        var unknown = await RunAsync("publish");
        Assert.Equal(ExitCodes.InputError, unknown.ExitCode);
        Assert.Contains("Unknown command 'publish'", unknown.Error);
    }

    private static async Task<(int ExitCode, string Out, string Error)> RunAsync(params string[] args)
    {
        var tool = typeof(QualysGenTool).Assembly.Location;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        start.ArgumentList.Add(tool);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }
}
