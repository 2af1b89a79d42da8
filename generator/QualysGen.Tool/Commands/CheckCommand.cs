using System.Threading;
using System.Threading.Tasks;
using QualysGen.Tool.Cli;

namespace QualysGen.Tool.Commands;

/// <summary><c>qualysgen check</c>: drift and deviations of recorded responses against their schema.</summary>
internal static class CheckCommand
{
    public const string Help = "Usage: qualysgen check RESPONSE.xml|DIR [--schema X.dtd|X.xsd]";

    public static Task<int> RunAsync(ParsedArguments args, ToolConsole console, CancellationToken cancellationToken)
        => throw new ToolException("check is not built yet.");
}
