using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace QualysGen.Generator.Diagnostics;

/// <summary>
/// The diagnostics of the endpoints half of a spec file (QG0210–QG0249): unknown references, duplicates, bad types and values,
/// each located at its JSON line and column. The endpoint pipeline reports them itself (<see cref="Get"/> also finds the shared
/// spec diagnostics QG0200/QG0201 of <see cref="DiagnosticDescriptors"/>). <c>specs/README.md</c> lists them.
/// </summary>
internal static class EndpointDiagnosticDescriptors
{
    private const string Category = "QualysGen";

    public static readonly DiagnosticDescriptor UnknownResponseSchema = Error(
        "QG0210", "Unknown response schema file", "Response schema '{0}' is not an input of this compilation (add it as an AdditionalFiles item)");

    public static readonly DiagnosticDescriptor UnknownResponseRoot = Error(
        "QG0211", "Unknown response root element", "'{0}' is not a root element of '{1}'; its roots are: {2}");

    public static readonly DiagnosticDescriptor DuplicateEndpoint = Error(
        "QG0212", "Endpoint declared twice", "Endpoint '{0}' is declared more than once in this file");

    public static readonly DiagnosticDescriptor DuplicateVersion = Error(
        "QG0213", "Version declared twice", "Version '{0}' of endpoint '{1}' is declared more than once");

    public static readonly DiagnosticDescriptor DuplicateParameter = Error(
        "QG0214", "Parameter declared twice", "Parameter '{0}' is declared more than once in {1}");

    public static readonly DiagnosticDescriptor UnknownParameter = Error(
        "QG0215", "Unknown parameter", "'{0}' is not a parameter of {1}");

    public static readonly DiagnosticDescriptor UnknownParameterType = Error(
        "QG0216", "Unknown parameter type", "'{0}' is not a {1} type; use one of: {2}");

    public static readonly DiagnosticDescriptor InvalidValue = Error(
        "QG0217", "Value does not fit the parameter", "{0}");

    public static readonly DiagnosticDescriptor PathTemplate = Error(
        "QG0218", "Path template and path parameters disagree", "{0}");

    public static readonly DiagnosticDescriptor InvalidDate = Error(
        "QG0219", "Invalid lifecycle date", "'{0}' is not a date; write YYYY-MM (as the Qualys version tables give it) or YYYY-MM-DD");

    public static readonly DiagnosticDescriptor InvalidEndpointSpec = Error(
        "QG0220", "Invalid endpoint spec", "{0}");

    public static readonly DiagnosticDescriptor UnknownGroup = Error(
        "QG0221", "Unknown parameter group", "Parameter group '{0}' is not declared in 'parameterGroups'");

    public static readonly DiagnosticDescriptor UnknownFilterReference = Error(
        "QG0222", "Unknown filter set or filter type", "{0} '{1}' is not declared in '{2}'");

    public static readonly DiagnosticDescriptor UnknownOperator = Error(
        "QG0223", "Unknown QPS operator", "'{0}' is not a QPS operator; use one of: EQUALS, NOT EQUALS, CONTAINS, GREATER, LESSER, IN, NONE");

    public static readonly DiagnosticDescriptor UnknownJsonType = Error(
        "QG0224", "Unknown JSON type", "JSON type '{0}' is not declared in 'jsonTypes'");

    public static readonly DiagnosticDescriptor UnknownVersion = Error(
        "QG0225", "Unknown version", "Version '{0}' of endpoint '{1}' is not declared");

    public static readonly DiagnosticDescriptor ConflictingEnum = Error(
        "QG0226", "Enum declared with other values", "Enum '{0}' is already declared in this file with the values {1}; give this one another name");

    public static readonly DiagnosticDescriptor NameCollision = Error(
        "QG0227", "Generated name collision", "The C# name '{0}' of {1} is already used by {2}");

    public static readonly DiagnosticDescriptor InvalidIdentifier = Error(
        "QG0228", "Not a C# identifier", "'{0}' is not a valid C# identifier");

    public static readonly DiagnosticDescriptor DuplicateFamily = Error(
        "QG0229", "Family declared by two files", "Family '{0}' is also declared by '{1}'; a family is one file and one namespace");

    public static readonly DiagnosticDescriptor ConditionNotApplicable = Error(
        "QG0230", "Test or check does not apply to the parameter's type", "{0}");

    public static readonly DiagnosticDescriptor NoBaseUrls = Error(
        "QG0231", "Custom host without base URLs", "Version '{0}' of '{1}' is served by a custom host, but the file declares no 'baseUrls'");

    public static readonly DiagnosticDescriptor BodyMismatch = Error(
        "QG0232", "Body does not fit the version", "{0}");

    public static readonly DiagnosticDescriptor DuplicateDeclaration = Error(
        "QG0233", "Declared twice", "{0} '{1}' is declared more than once");

    public static readonly DiagnosticDescriptor ImpossibleRule = Error(
        "QG0234", "Rule can never be met", "{0}");

    private static readonly Dictionary<string, DiagnosticDescriptor> ById = typeof(EndpointDiagnosticDescriptors)
        .GetFields()
        .Select(f => f.GetValue(null))
        .OfType<DiagnosticDescriptor>()
        .ToDictionary(d => d.Id);

    public static IEnumerable<DiagnosticDescriptor> All => ById.Values;

    /// <summary>The descriptor of an endpoint diagnostic, or of a shared one (<see cref="DiagnosticDescriptors"/>).</summary>
    public static DiagnosticDescriptor Get(string id) => ById.TryGetValue(id, out var descriptor) ? descriptor : DiagnosticDescriptors.Get(id);

    private static DiagnosticDescriptor Error(string id, string title, string message)
        => new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
}
