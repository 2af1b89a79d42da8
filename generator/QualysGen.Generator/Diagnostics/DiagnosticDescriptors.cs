using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace QualysGen.Generator.Diagnostics;

/// <summary>
/// Every diagnostic the generator reports. IDs come in ranges per input kind:
/// QG0001–QG0099 DTD files, QG0100–QG0199 XSD files, QG0200–QG0299 endpoint spec JSON files,
/// QG0900–QG0999 the generator itself. The README lists them all.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "QualysGen";

    // --- DTD (QG0001–QG0099) -------------------------------------------------------------

    public static readonly DiagnosticDescriptor DtdSyntaxError = Error(
        "QG0001", "DTD syntax error", "{0}");

    // Qualys' own DTDs do both; neither stops the build.
    public static readonly DiagnosticDescriptor DtdDuplicateElement = Warning(
        "QG0002", "Element declared twice", "Element '{0}' is already declared; the first declaration is kept");

    public static readonly DiagnosticDescriptor DtdUndeclaredChild = Warning(
        "QG0003", "Undeclared child element", "Element '{0}' refers to child element '{1}', which is not declared; it is read as text");

    public static readonly DiagnosticDescriptor DtdUndefinedEntity = Error(
        "QG0004", "Undefined parameter entity", "Parameter entity '%{0};' is not declared before it is used");

    public static readonly DiagnosticDescriptor DtdDuplicateAttribute = Warning(
        "QG0005", "Attribute declared twice", "Attribute '{1}' of element '{0}' is already declared; the first declaration is kept");

    public static readonly DiagnosticDescriptor DtdAttlistForUndeclaredElement = Error(
        "QG0006", "Attribute list for an undeclared element", "<!ATTLIST {0}> names an element that is not declared");

    public static readonly DiagnosticDescriptor DtdNoRoot = Error(
        "QG0007", "No root element", "Every element in '{0}' is referenced by another one, so none can be the root; name the root in the spec's 'schemas' section");

    public static readonly DiagnosticDescriptor DtdExternalEntityIgnored = Warning(
        "QG0008", "External entity not read", "Entity '{0}' refers to an external resource, which QualysGen never reads; declarations that use it are skipped");

    public static readonly DiagnosticDescriptor DtdLimitExceeded = Warning(
        "QG0009", "DTD exceeds a generator limit", "{0}");

    // --- XSD (QG0100–QG0199) -------------------------------------------------------------

    public static readonly DiagnosticDescriptor XsdError = Error(
        "QG0100", "XSD error", "{0}");

    public static readonly DiagnosticDescriptor XsdIncludeNotFound = Error(
        "QG0101", "Include or import not found among the inputs", "Schema '{0}' is not among the AdditionalFiles; QualysGen never reads files or the network to find it");

    public static readonly DiagnosticDescriptor XsdUnsupported = Warning(
        "QG0102", "XSD construct not supported", "{0}");

    // What XmlSchemaSet reports as a warning (an import with an empty schemaLocation, say): the schema still compiles.
    public static readonly DiagnosticDescriptor XsdWarning = Warning(
        "QG0103", "XSD warning", "{0}");

    public static readonly DiagnosticDescriptor XsdLimitExceeded = Warning(
        "QG0104", "XSD exceeds a generator limit", "{0}");

    // --- Endpoint spec JSON (QG0200–QG0299) -------------------------------------------------

    public static readonly DiagnosticDescriptor JsonSyntaxError = Error(
        "QG0200", "Spec JSON syntax error", "{0}");

    public static readonly DiagnosticDescriptor SpecInvalidValue = Error(
        "QG0201", "Invalid spec value", "{0}");

    public static readonly DiagnosticDescriptor SpecUnknownSchemaFile = Error(
        "QG0202", "Unknown schema file", "Schema file '{0}' is not an input of this compilation (add it as an AdditionalFiles item)");

    public static readonly DiagnosticDescriptor SpecUnknownSchemaName = Error(
        "QG0203", "Mapping names an undeclared element or attribute", "'{0}' is not declared in '{1}'");

    public static readonly DiagnosticDescriptor SpecUnknownType = Error(
        "QG0204", "Unknown type", "'{0}' is not a known type; use one of: string, int, long, bool, DateTimeOffset, decimal, or {{ \"enum\": [...] }}");

    public static readonly DiagnosticDescriptor SpecDuplicateMapping = Error(
        "QG0205", "Duplicate mapping", "'{0}' of '{1}' is mapped more than once");

    public static readonly DiagnosticDescriptor SpecTypeNotApplicable = Error(
        "QG0206", "Type does not apply", "'{0}' of '{1}' has no text to type: it is declared with element content, EMPTY or ANY");

    // --- Generator (QG0900–QG0999) ----------------------------------------------------------

    public static readonly DiagnosticDescriptor InternalError = Error(
        "QG0900", "Generator error", "QualysGen could not process '{0}': {1}. This is a bug in QualysGen; please report it with the input file.");

    // The generated code still compiles (the later name is numbered), but its names no longer say which is which.
    public static readonly DiagnosticDescriptor NameCollision = Warning(
        "QG0901", "Generated name collision", "'{0}' in '{1}' makes the C# name '{2}', as '{3}' does; it is named '{4}'");

    public static readonly DiagnosticDescriptor SchemaNamespaceCollision = Error(
        "QG0902", "Two schema files generate the same types",
        "Schema file '{0}' would generate the same types as '{1}' (namespace '{2}'), so its code is not generated; the namespace and type names come from the file name, so rename one of the two files (and the spec entries that name it), or leave one out of the build with QualysGen=\"false\" on its item");

    private static readonly Dictionary<string, DiagnosticDescriptor> ById = typeof(DiagnosticDescriptors)
        .GetFields()
        .Select(f => f.GetValue(null))
        .OfType<DiagnosticDescriptor>()
        .ToDictionary(d => d.Id);

    public static IEnumerable<DiagnosticDescriptor> All => ById.Values;

    public static DiagnosticDescriptor Get(string id) => ById[id];

    private static DiagnosticDescriptor Error(string id, string title, string message)
        => new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static DiagnosticDescriptor Warning(string id, string title, string message)
        => new(id, title, message, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);
}
