using System.Globalization;

namespace QualysGen.Tool.Generator;

/// <summary>A generator diagnostic as the build would print it: <c>file(line,col): error QG0001: message</c>.</summary>
/// <param name="Id">The diagnostic ID (<c>QG0001</c>).</param>
/// <param name="IsError">Whether it is an error (else a warning).</param>
/// <param name="Message">The formatted message.</param>
/// <param name="FilePath">The file it is in, or null.</param>
/// <param name="Line">The one-based line, or 0 when unknown.</param>
/// <param name="Column">The one-based column, or 0 when unknown.</param>
internal sealed record ToolDiagnostic(string Id, bool IsError, string Message, string? FilePath, int Line, int Column)
{
    public override string ToString()
    {
        var where = FilePath is null ? "" : Line > 0 ? string.Create(CultureInfo.InvariantCulture, $"{FilePath}({Line},{Column}): ") : FilePath + ": ";
        return $"{where}{(IsError ? "error" : "warning")} {Id}: {Message}";
    }
}
