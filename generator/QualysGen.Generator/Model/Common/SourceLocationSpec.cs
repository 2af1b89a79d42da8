namespace QualysGen.Generator.Model;

/// <summary>
/// Where something is in an input file, as plain values (never a Roslyn <c>Location</c>), so that
/// models carrying it stay cacheable. Lines and columns are zero-based, as Roslyn's are.
/// </summary>
internal sealed record SourceLocationSpec(string FilePath, int Start, int Length, int Line, int Column, int EndLine, int EndColumn)
{
    public static SourceLocationSpec At(string filePath, int start, int length, int line, int column)
        => new(filePath, start, length, line, column, line, column + length);
}
