namespace QualysGen.Tool.Fetching;

/// <summary>A schema the project uses: its file name, where it is (or goes) in the project, and whether it is there yet.</summary>
internal sealed record FetchTarget(string FileName, string LocalPath, bool Exists);
