using System;
using System.IO;
using System.Threading;
using QualysGen.Generator.Model;
using QualysGen.Generator.Parsing.Dtd;

namespace QualysGen.Generator.Parsing;

/// <summary>
/// Reads a DTD (an external DTD subset, as Qualys serves them) into a <see cref="SchemaSpec"/>:
/// element declarations with their content models, attribute lists, parameter entities and conditional
/// sections. Hand-written and linear in the size of the input plus its parameter-entity expansions; never
/// reads anything outside the given text. Problems are reported as diagnostics (QG0001–QG0006, QG0008),
/// never as exceptions.
/// </summary>
internal static class DtdReader
{
    /// <summary>Reads <paramref name="text"/>, the content of the DTD file at <paramref name="filePath"/>.</summary>
    /// <param name="filePath">The file's path, used for <see cref="SchemaSpec.FilePath"/> and diagnostic locations.</param>
    /// <param name="text">The DTD text.</param>
    /// <param name="cancellationToken">Cancels the read with an <see cref="OperationCanceledException"/>.</param>
    public static SchemaReadResult Read(string filePath, string text, CancellationToken cancellationToken = default)
    {
        filePath ??= string.Empty;
        return new DtdParser(filePath, GetFileName(filePath), text ?? string.Empty, cancellationToken).Parse();
    }

    private static string GetFileName(string filePath)
    {
        try
        {
            return Path.GetFileName(filePath) ?? string.Empty;
        }
        catch (ArgumentException)
        {
            // .NET Framework rejects paths with characters it considers invalid; cut at the last separator instead.
            var slash = filePath.LastIndexOfAny(new[] { '/', '\\' });
            return filePath.Substring(slash + 1);
        }
    }
}
