using System;
using System.Collections.Generic;
using System.Linq;

namespace QualysGen.Tool.Cli;

/// <summary>
/// A small argument parser: <c>--name value</c> or <c>--name=value</c> for the options a command declares, <c>--flag</c> for its
/// flags, everything else positional (<c>--</c> ends the options). An undeclared option is a usage error.
/// </summary>
internal static class CommandLine
{
    public static ParsedArguments Parse(string command, IReadOnlyList<string> args, IReadOnlyCollection<string> valueOptions, IReadOnlyCollection<string> flags)
    {
        var positionals = new List<string>();
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var set = new HashSet<string>(StringComparer.Ordinal);
        var optionsEnded = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (optionsEnded || !arg.StartsWith("-", StringComparison.Ordinal) || arg == "-")
            {
                positionals.Add(arg);
                continue;
            }

            if (arg == "--")
            {
                optionsEnded = true;
                continue;
            }

            var name = arg;
            string? inline = null;
            var equals = arg.IndexOf('=');
            if (equals > 0)
            {
                name = arg.Substring(0, equals);
                inline = arg.Substring(equals + 1);
            }

            if (name is "-h" or "-?")
            {
                name = "--help";
            }

            if (flags.Contains(name) || name == "--help")
            {
                if (inline is not null)
                {
                    throw new ToolException($"{name} takes no value. See 'qualysgen {command} --help'.");
                }

                set.Add(name);
            }
            else if (valueOptions.Contains(name))
            {
                var value = inline ?? (i + 1 < args.Count ? args[++i] : throw new ToolException($"{name} needs a value. See 'qualysgen {command} --help'."));
                values[name] = value;
            }
            else
            {
                var known = valueOptions.Concat(flags).OrderBy(o => o, StringComparer.Ordinal);
                throw new ToolException($"Unknown option '{name}' for '{command}' (it takes {string.Join(", ", known.DefaultIfEmpty("no options"))}). See 'qualysgen {command} --help'.");
            }
        }

        return new ParsedArguments(positionals, values, set);
    }
}
