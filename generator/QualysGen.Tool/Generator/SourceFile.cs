namespace QualysGen.Tool.Generator;

/// <summary>An input file as the generator sees it: its path and its text.</summary>
internal sealed record SourceFile(string Path, string Text)
{
    /// <summary>The file name with extension (what specs refer to schemas by).</summary>
    public string Name => System.IO.Path.GetFileName(Path);
}
