using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Xml;
using System.Xml.Schema;
using QualysGen.Generator.Diagnostics;

namespace QualysGen.Generator.Parsing.Xsd;

/// <summary>
/// Parses the main XSD and every schema it includes, imports or redefines, and compiles them with an
/// <see cref="XmlSchemaSet"/>. Nothing is read from disk or the network: each <c>schemaLocation</c> is looked up by file
/// name among the other AdditionalFiles, parsed here, and handed to the schema set on the include object itself
/// (<see cref="XmlSchemaExternal.Schema"/>), so the set never asks its resolver for it. That also keeps the text's own
/// encoding declaration out of the way: the files are already strings.
/// </summary>
internal sealed class XsdSchemaLoader
{
    /// <summary>The <c>xml:</c> namespace, whose schema XmlSchemaSet has built in.</summary>
    private const string XmlNamespace = "http://www.w3.org/XML/1998/namespace";

    private readonly string _fileName;
    private readonly string _text;
    private readonly XsdDiagnostics _diagnostics;
    private readonly CancellationToken _cancellationToken;
    private readonly XmlNameTable _nameTable = new NameTable();
    private readonly Lazy<Dictionary<string, string>> _otherFilesByName;
    private readonly Lazy<Dictionary<string, string>> _otherFilesByNameIgnoreCase;

    // Other files parsed so far, by file name; null when the file did not parse.
    private readonly Dictionary<string, XmlSchema?> _loaded = new(StringComparer.Ordinal);

    // Includes that the schema set will fail to resolve and that are already reported: the set's warning about them is dropped.
    private readonly HashSet<XmlSchemaObject> _unresolved = new();

    // Errors the schema set reported while compiling.
    private int _compileErrors;

    public XsdSchemaLoader(string fileName, string text, IReadOnlyDictionary<string, string> otherFiles, XsdDiagnostics diagnostics, CancellationToken cancellationToken)
    {
        _fileName = fileName;
        _text = text;
        _diagnostics = diagnostics;
        _cancellationToken = cancellationToken;

        // Keys are file names, but accept paths too; when two keys share a file name the ordinally first wins, so the choice is stable.
        _otherFilesByName = new Lazy<Dictionary<string, string>>(() => IndexByFileName(otherFiles, StringComparer.Ordinal));
        _otherFilesByNameIgnoreCase = new Lazy<Dictionary<string, string>>(() => IndexByFileName(otherFiles, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>The parsed main schema, once <see cref="Load"/> has run; null when it is not well-formed.</summary>
    public XmlSchema? MainSchema { get; private set; }

    /// <summary>
    /// Parses and compiles; returns the compiled set, or null when the main file or the compilation has errors (all
    /// reported). A file that is included but does not parse is reported and left out; the rest may still compile.
    /// </summary>
    public XmlSchemaSet? Load()
    {
        var (main, mainErrors) = Parse(_text, XsdDiagnostics.MainUri);
        MainSchema = main;
        if (main is null)
        {
            return null;
        }

        LoadExternals(main);
        _cancellationToken.ThrowIfCancellationRequested();

        // Compiled even after errors in the main file, for what only the compiler sees (it may also skip a schema with errors).
        var set = new XmlSchemaSet(_nameTable) { XmlResolver = new XsdRefusingResolver() };
        set.ValidationEventHandler += OnSchemaSetEvent;
        set.Add(main);
        set.Compile();

        // IsCompiled alone is not enough: some errors (minOccurs > maxOccurs) leave the set compiled.
        return set.IsCompiled && mainErrors == 0 && _compileErrors == 0 ? set : null;
    }

    /// <summary>Breadth first over the includes of every loaded schema; each other file is parsed once, however often it is included.</summary>
    private void LoadExternals(XmlSchema main)
    {
        var queue = new Queue<(XmlSchema Schema, XmlSchemaExternal? Anchor)>();
        queue.Enqueue((main, null));
        while (queue.Count > 0)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var (schema, anchor) = queue.Dequeue();
            foreach (var external in schema.Includes.OfType<XmlSchemaExternal>())
            {
                var reportAt = anchor ?? external;
                var location = external.SchemaLocation?.Trim();
                if (string.IsNullOrEmpty(location))
                {
                    // An import may name only a namespace; an include without a location is an error the schema parser reported.
                    continue;
                }

                var fileName = FileNameOf(location!);
                if (fileName.Length > 0 && string.Equals(fileName, _fileName, StringComparison.OrdinalIgnoreCase))
                {
                    external.Schema = main;
                    continue;
                }

                if (!_loaded.TryGetValue(fileName, out var loaded))
                {
                    if (TryGetOtherFile(fileName, out var text))
                    {
                        var uri = _diagnostics.RegisterIncludedFile(fileName, reportAt);
                        loaded = Parse(text, uri).Schema;
                        _loaded.Add(fileName, loaded);
                        if (loaded is not null)
                        {
                            queue.Enqueue((loaded, reportAt));
                        }
                    }
                    else if (external is XmlSchemaImport { Namespace: XmlNamespace })
                    {
                        // XmlSchemaSet has the xml: schema built in, but uses it only for an import without a location.
                        external.SchemaLocation = null;
                        continue;
                    }
                    else
                    {
                        _diagnostics.Report(DiagnosticDescriptors.XsdIncludeNotFound.Id, reportAt, location!);
                        _unresolved.Add(external);
                        continue;
                    }
                }

                if (loaded is null)
                {
                    _unresolved.Add(external); // its errors are reported
                }
                else
                {
                    external.Schema = loaded;
                }
            }
        }
    }

    /// <summary>Parses one schema document; null when it is not well-formed. Errors are reported and counted.</summary>
    private (XmlSchema? Schema, int Errors) Parse(string text, string uri)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            NameTable = _nameTable,
        };

        var errors = 0;
        try
        {
            using var stringReader = new StringReader(text);
            using var reader = XmlReader.Create(stringReader, settings, uri);
            var schema = XmlSchema.Read(reader, (_, e) =>
            {
                errors += e.Severity == XmlSeverityType.Error ? 1 : 0;
                _diagnostics.Report(IdOf(e.Severity), e.Exception);
            });
            return (schema, errors);
        }
        catch (XmlException exception)
        {
            _diagnostics.Report(DiagnosticDescriptors.XsdError.Id, uri, exception);
            return (null, errors + 1);
        }
        catch (XmlSchemaException exception)
        {
            _diagnostics.Report(DiagnosticDescriptors.XsdError.Id, exception);
            return (null, errors + 1);
        }
    }

    private void OnSchemaSetEvent(object? sender, ValidationEventArgs e)
    {
        // "Cannot resolve the 'schemaLocation' attribute" for an include already reported as QG0101.
        if (e.Exception.SourceSchemaObject is XmlSchemaExternal external && _unresolved.Contains(external))
        {
            return;
        }

        _compileErrors += e.Severity == XmlSeverityType.Error ? 1 : 0;
        _diagnostics.Report(IdOf(e.Severity), e.Exception);
    }

    /// <summary>A warning leaves the schema usable, so it must not fail the consumer's build: QG0103, not QG0100.</summary>
    private static string IdOf(XmlSeverityType severity)
        => severity == XmlSeverityType.Warning ? DiagnosticDescriptors.XsdWarning.Id : DiagnosticDescriptors.XsdError.Id;

    private bool TryGetOtherFile(string fileName, out string text)
    {
        if (_otherFilesByName.Value.TryGetValue(fileName, out text!) || _otherFilesByNameIgnoreCase.Value.TryGetValue(fileName, out text!))
        {
            return true;
        }

        var unescaped = UnescapeOrSelf(fileName);
        return unescaped != fileName && TryGetOtherFile(unescaped, out text);
    }

    private static Dictionary<string, string> IndexByFileName(IReadOnlyDictionary<string, string> otherFiles, StringComparer comparer)
    {
        var index = new Dictionary<string, string>(comparer);
        foreach (var pair in otherFiles.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var name = FileNameOf(pair.Key);
            if (pair.Value is not null && !index.ContainsKey(name))
            {
                index.Add(name, pair.Value);
            }
        }

        return index;
    }

    /// <summary><c>../common/types.xsd?v=2</c> → <c>types.xsd</c>; works for paths and URLs alike.</summary>
    private static string FileNameOf(string location)
    {
        var end = location.IndexOfAny(new[] { '?', '#' });
        var path = end < 0 ? location : location.Substring(0, end);
        var slash = path.LastIndexOfAny(new[] { '/', '\\' });
        return path.Substring(slash + 1);
    }

    private static string UnescapeOrSelf(string value)
    {
        try
        {
            return Uri.UnescapeDataString(value);
        }
        catch (UriFormatException)
        {
            return value;
        }
    }
}
