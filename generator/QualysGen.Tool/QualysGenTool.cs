using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using QualysGen.Tool.Cli;
using QualysGen.Tool.Commands;

namespace QualysGen.Tool;

/// <summary>
/// The <c>qualysgen</c> command: <c>add</c>, <c>fetch</c>, <c>diff</c>, <c>check</c>. <see cref="RunAsync"/> is the whole tool
/// (<c>Program</c> calls it with the process's console), so it runs the same in a test as on a command line.
/// </summary>
public static class QualysGenTool
{
    private const string Help = """
        qualysgen - keep a QualysGen project up with the Qualys API

        Usage: qualysgen <command> [options]      (qualysgen <command> --help for one command)

        Commands:
          add <family>...   copy the catalog's endpoint spec of each family, and the DTD/XSD files it uses, into the project
          add --list        list the catalog's families and their endpoints
          fetch             download the current version of every schema the project uses from a Qualys platform,
                            show what it changes in the generated API, and write it with --write
          diff OLD NEW      what a new version of a DTD, an XSD or an endpoint spec changes in the generated C# API
          check RESPONSE    what a recorded response (or a folder of them) has that the schema does not declare (drift),
                            and what the schema requires that it lacks (deviations)

        Exit codes: 0 success, 1 a failing change or a finding, 2 a usage or input error, 3 a download failure.
        """;

    /// <summary>Runs the tool with <paramref name="args"/>; returns the exit code. User errors are one line on the error stream.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, ToolConsole console, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        if (args.Count == 0 || args[0] is "--help" or "-h" or "-?" or "help")
        {
            console.Out.WriteLine(Help);
            return args.Count == 0 ? ExitCodes.InputError : ExitCodes.Success;
        }

        if (args[0] == "--version")
        {
            console.Out.WriteLine(typeof(QualysGenTool).Assembly.GetName().Version?.ToString(3));
            return ExitCodes.Success;
        }

        var command = args[0];
        var rest = args.Skip(1).ToList();
        try
        {
            return command switch
            {
                "add" => await Run(AddCommand.Help, rest, console, ["--dir"], ["--list", "--force"], command, AddCommand.RunAsync, cancellationToken).ConfigureAwait(false),
                "fetch" => await Run(FetchCommand.Help, rest, console, ["--platform", "--url", "--dir", "--format", "--fail-on", "--namespace", "--timeout"], ["--write"], command, FetchCommand.RunAsync, cancellationToken).ConfigureAwait(false),
                "diff" => await Run(DiffCommand.Help, rest, console, ["--format", "--fail-on", "--specs", "--namespace"], [], command, DiffCommand.RunAsync, cancellationToken).ConfigureAwait(false),
                "check" => await Run(CheckCommand.Help, rest, console, ["--schema", "--specs", "--format"], [], command, CheckCommand.RunAsync, cancellationToken).ConfigureAwait(false),
                _ => throw new ToolException($"Unknown command '{command}'. Commands: add, fetch, diff, check. See 'qualysgen --help'."),
            };
        }
        catch (ToolException exception)
        {
            console.Error.WriteLine("qualysgen: " + exception.Message);
            return exception.ExitCode;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            console.Error.WriteLine("qualysgen: cancelled");
            return 130;
        }
        catch (IOException exception)
        {
            console.Error.WriteLine("qualysgen: " + exception.Message);
            return ExitCodes.InputError;
        }
        catch (UnauthorizedAccessException exception)
        {
            console.Error.WriteLine("qualysgen: " + exception.Message);
            return ExitCodes.InputError;
        }
    }

    private static Task<int> Run(
        string help,
        IReadOnlyList<string> args,
        ToolConsole console,
        string[] valueOptions,
        string[] flags,
        string command,
        Func<ParsedArguments, ToolConsole, CancellationToken, Task<int>> run,
        CancellationToken cancellationToken)
    {
        var parsed = CommandLine.Parse(command, args, valueOptions, flags);
        if (parsed.Has("--help"))
        {
            console.Out.WriteLine(help);
            return Task.FromResult(ExitCodes.Success);
        }

        return run(parsed, console, cancellationToken);
    }
}
