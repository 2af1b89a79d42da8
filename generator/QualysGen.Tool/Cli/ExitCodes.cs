namespace QualysGen.Tool.Cli;

/// <summary>The tool's exit codes (listed in <c>qualysgen --help</c>).</summary>
public static class ExitCodes
{
    /// <summary>Done; nothing the command fails on.</summary>
    public const int Success = 0;

    /// <summary>A change the <c>--fail-on</c> level fails on (by default a breaking one), or drift/deviations found by <c>check</c>.</summary>
    public const int Findings = 1;

    /// <summary>A usage error or an input that cannot be used (file not found, not a DTD, a schema with errors).</summary>
    public const int InputError = 2;

    /// <summary>A download failed (network, HTTP status, timeout).</summary>
    public const int NetworkError = 3;
}
