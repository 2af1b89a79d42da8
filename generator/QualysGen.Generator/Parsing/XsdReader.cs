using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using QualysGen.Generator.Diagnostics;
using QualysGen.Generator.Model;
using QualysGen.Generator.Parsing.Xsd;

namespace QualysGen.Generator.Parsing;

/// <summary>
/// Reads an XSD into a <see cref="SchemaSpec"/>: <see cref="System.Xml.Schema.XmlSchemaSet"/> compiles it (with its
/// <c>xs:include</c>/<c>xs:import</c>/<c>xs:redefine</c> served only from the other AdditionalFiles, never from disk or
/// the network), then the compiled schema is walked into one <see cref="ElementSpec"/> per complex type and per simple
/// type an element uses. Problems are reported as diagnostics (QG0100–QG0103), never as exceptions.
/// </summary>
internal static class XsdReader
{
    /// <summary>Reads <paramref name="text"/>, the content of the XSD file at <paramref name="filePath"/>.</summary>
    /// <param name="filePath">The file's path, used for <see cref="SchemaSpec.FilePath"/> and diagnostic locations.</param>
    /// <param name="text">The XSD text.</param>
    /// <param name="otherFiles">File name (or path) → text of the other <c>.xsd</c> AdditionalFiles: the only place an include or import may
    /// resolve to. When two share a file name, the ordinally first key wins.</param>
    /// <param name="cancellationToken">Cancels the read with an <see cref="OperationCanceledException"/>.</param>
    /// <returns>The schema, or a null schema when the XSD does not compile, and the diagnostics in file order.</returns>
    public static SchemaReadResult Read(string filePath, string text, IReadOnlyDictionary<string, string> otherFiles, CancellationToken cancellationToken = default)
    {
        filePath ??= string.Empty;
        text ??= string.Empty;
        otherFiles ??= new Dictionary<string, string>();
        var fileName = GetFileName(filePath);
        var diagnostics = new XsdDiagnostics(filePath, text);

        SchemaSpec? schema = null;
        var locations = EquatableArray<SchemaLocationSpec>.Empty;
        try
        {
            var loader = new XsdSchemaLoader(fileName, text, otherFiles, diagnostics, cancellationToken);
            var set = loader.Load();
            if (set is not null && loader.MainSchema is { } main)
            {
                var builder = new XsdModelBuilder(set, diagnostics, cancellationToken);
                schema = builder.Build(filePath, fileName, main.TargetNamespace ?? string.Empty);
                locations = builder.Locations;
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // XmlSchemaSet is a large piece of code that may throw on input nobody foresaw; the file is then unreadable, not the build broken.
            diagnostics.ReportAtStart(DiagnosticDescriptors.XsdError.Id, "The XSD could not be read: " + exception.Message);
            schema = null;
        }

        return new SchemaReadResult(schema, diagnostics.ToEquatableArray(), locations);
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
