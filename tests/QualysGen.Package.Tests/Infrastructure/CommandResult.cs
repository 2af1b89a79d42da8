namespace QualysGen.Package.Tests.Infrastructure;

/// <summary>What a child process did: its command line, exit code, interleaved stdout and stderr, and how long it took.</summary>
public sealed record CommandResult(string CommandLine, string WorkingDirectory, int ExitCode, string Output, TimeSpan Elapsed)
{
    /// <summary>The whole story, for an assertion message.</summary>
    public string Describe()
        => $"`{CommandLine}` in {WorkingDirectory} exited with {ExitCode} after {Elapsed.TotalSeconds:0.0} s. Output:\n{Output}";
}
