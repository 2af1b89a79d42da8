using System;

namespace QualysGen.Tool.Cli;

/// <summary>A failure the user can act on: printed as one line (no stack trace) with its exit code.</summary>
internal sealed class ToolException : Exception
{
    public ToolException(string message, int exitCode = ExitCodes.InputError)
        : base(message)
    {
        ExitCode = exitCode;
    }

    public int ExitCode { get; }
}
