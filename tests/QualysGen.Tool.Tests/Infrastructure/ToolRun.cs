using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using QualysGen.Tool;
using QualysGen.Tool.Cli;

namespace QualysGen.Tool.Tests.Infrastructure;

/// <summary>One run of the tool's entry point: exit code and both streams.</summary>
internal sealed record ToolRun(int ExitCode, string Out, string Error)
{
    public static async Task<ToolRun> RunAsync(string directory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = new ToolConsole(output, error, directory, name => environment is not null && environment.TryGetValue(name, out var value) ? value : null);
        var code = await QualysGenTool.RunAsync(args, console);
        return new ToolRun(code, output.ToString(), error.ToString());
    }

    public static Task<ToolRun> RunAsync(string directory, params string[] args) => RunAsync(directory, null, args);

    /// <summary>No stack trace and no exception type name reached the user.</summary>
    public void AssertNoStackTrace()
    {
        Assert.DoesNotContain("   at ", Out + Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", Out + Error, StringComparison.Ordinal);
    }

    public override string ToString() => $"exit {ExitCode}\n--- out\n{Out}\n--- error\n{Error}";
}
