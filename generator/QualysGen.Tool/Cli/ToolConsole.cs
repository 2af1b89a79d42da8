using System;
using System.IO;

namespace QualysGen.Tool.Cli;

/// <summary>What a run of the tool talks to: its output, its error stream, its working directory and its environment.</summary>
public sealed class ToolConsole
{
    /// <summary>Creates a console over the given writers; <paramref name="environment"/> looks up environment variables.</summary>
    public ToolConsole(TextWriter output, TextWriter error, string currentDirectory, Func<string, string?> environment)
    {
        Out = output ?? throw new ArgumentNullException(nameof(output));
        Error = error ?? throw new ArgumentNullException(nameof(error));
        CurrentDirectory = currentDirectory ?? throw new ArgumentNullException(nameof(currentDirectory));
        Environment = environment ?? throw new ArgumentNullException(nameof(environment));
    }

    /// <summary>The process's console, directory and environment.</summary>
    public static ToolConsole Standard => new(Console.Out, Console.Error, Directory.GetCurrentDirectory(), System.Environment.GetEnvironmentVariable);

    /// <summary>Where results go.</summary>
    public TextWriter Out { get; }

    /// <summary>Where errors, warnings and progress go.</summary>
    public TextWriter Error { get; }

    /// <summary>The directory relative paths are resolved against.</summary>
    public string CurrentDirectory { get; }

    /// <summary>Looks up an environment variable (credentials come from here only).</summary>
    public Func<string, string?> Environment { get; }

    internal string FullPath(string path) => Path.GetFullPath(Path.Combine(CurrentDirectory, path));
}
