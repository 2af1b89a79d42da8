namespace QualysGen.Tool.Diffing;

/// <summary>How a diff is written: for people, for CI, for a pull request.</summary>
internal enum DiffFormat
{
    Text,
    Json,
    Markdown,
}
