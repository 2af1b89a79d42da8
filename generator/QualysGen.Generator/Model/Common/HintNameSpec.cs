namespace QualysGen.Generator.Model;

/// <summary>The stem of the hint names of one input file's generated sources (<c>simple_return.dtd</c> → <c>simple_return.dtd.Models.g.cs</c>).</summary>
/// <param name="FilePath">The input file's path as the compiler gives it.</param>
/// <param name="HintName">The stem: the file name, or, when another input has the same name, the file name after the folders that tell them apart.</param>
internal sealed record HintNameSpec(string FilePath, string HintName);
