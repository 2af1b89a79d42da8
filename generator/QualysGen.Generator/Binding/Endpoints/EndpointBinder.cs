using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using QualysGen.Generator.Diagnostics;
using QualysGen.Generator.Model;

namespace QualysGen.Generator.Binding.Endpoints;

/// <summary>
/// Binds the endpoints of one spec file: resolves parameter groups, version overrides and drops, rules, filter sets, JSON types and
/// response schemas; picks every C# name; and returns what the request emitter needs (no locations) with located diagnostics. As the
/// reader is, it is cut by section: this file binds the file and owns the names; <c>.Endpoints</c>, <c>.Parameters</c>, <c>.Filters</c>
/// and <c>.JsonTypes</c> bind the sections.
/// </summary>
internal sealed partial class EndpointBinder
{
    /// <summary>Members a request record has besides its parameters, which a parameter's property must not take.</summary>
    private static readonly string[] ReservedMembers =
    [
        "Build", "Filters", "Body", "LimitResults", "StartFromOffset", "StartFromId", "EqualityContract", "ToString", "Equals",
        "GetHashCode", "PrintMembers", "Deconstruct", "Clone", "GetType", "MemberwiseClone", "Finalize", "WriteServiceRequest",
    ];

    private readonly EndpointDocument _file;
    private readonly GeneratorOptionsSpec _options;
    private readonly Dictionary<string, EndpointSchemaSpec> _schemas;
    private readonly List<DiagnosticSpec> _diagnostics = new();
    private readonly HashSet<(string Id, SourceLocationSpec Location)> _reported = new();
    private readonly string _namespace;
    private readonly Dictionary<string, string> _typeNames = new(StringComparer.Ordinal);
    private readonly List<EnumSpec> _enums = new();
    private readonly Dictionary<string, EnumSpec> _enumsByName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EndpointFilterClassSpec> _filterSets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EndpointJsonClassSpec> _jsonTypes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ParameterGroupDeclaration> _groups = new(StringComparer.Ordinal);

    private EndpointBinder(EndpointDocument file, EquatableArray<EndpointSchemaSpec> schemas, GeneratorOptionsSpec options)
    {
        _file = file;
        _options = options;
        _namespace = options.RootNamespace + "." + file.Family;
        _schemas = new Dictionary<string, EndpointSchemaSpec>(StringComparer.OrdinalIgnoreCase);
        foreach (var schema in schemas)
        {
            _schemas[schema.SourceFile] = schema;
        }
    }

    private string WireClassName => _file.Family + "WireFormat";

    public static EndpointBindResult Bind(EndpointDocument file, EquatableArray<EndpointSchemaSpec> schemas, GeneratorOptionsSpec options, CancellationToken cancellationToken)
    {
        var binder = new EndpointBinder(file, schemas, options);
        var source = binder.Bind(cancellationToken);
        return new EndpointBindResult(source, binder._diagnostics.ToEquatableArray());
    }

    private EndpointSourceSpec Bind(CancellationToken cancellationToken)
    {
        Claim(WireClassName, "the family's wire format helper", _file.FamilyLocation);
        string? baseUrlsClass = null;
        if (_file.BaseUrls.Count > 0)
        {
            baseUrlsClass = _file.Family + "BaseUrls";
            Claim(baseUrlsClass, "the family's base URLs", _file.FamilyLocation);
        }

        foreach (var group in _file.Groups)
        {
            _groups[group.Name] = group;
        }

        var filterTypes = _file.FilterTypes.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var filterSets = new List<EndpointFilterClassSpec>();
        foreach (var set in _file.FilterSets)
        {
            if (BindFilterSet(set, filterTypes) is { } bound)
            {
                filterSets.Add(bound);
                _filterSets[set.Name] = bound;
            }
        }

        var jsonClass = _file.Family + "Json";
        if (_file.JsonTypes.Count > 0)
        {
            Claim(jsonClass, "the family's JSON reading helper", _file.FamilyLocation);
        }

        var jsonTypes = new List<EndpointJsonClassSpec>();
        foreach (var type in _file.JsonTypes)
        {
            if (BindJsonType(type) is { } bound)
            {
                jsonTypes.Add(bound);
                _jsonTypes[type.Name] = bound;
            }
        }

        var requests = new List<EndpointRequestSpec>();
        foreach (var endpoint in _file.Endpoints)
        {
            cancellationToken.ThrowIfCancellationRequested();
            BindEndpoint(endpoint, requests);
        }

        return new EndpointSourceSpec(
            _file.FileName,
            _file.FilePath,
            _file.FileName,
            _namespace,
            _options.Public ? "public" : "internal",
            WireClassName,
            _enums.ToEquatableArray(),
            filterSets.ToEquatableArray(),
            jsonTypes.ToEquatableArray(),
            jsonClass,
            baseUrlsClass,
            _file.BaseUrls.Select(u => new EndpointBaseUrlSpec(u.Name, u.Url, u.Description)).ToEquatableArray(),
            requests.ToEquatableArray());
    }

    // --- names ---------------------------------------------------------------------------------------------------------

    /// <summary>Takes a type name in the family's namespace; reports a collision and returns false when it is taken.</summary>
    private bool Claim(string name, string what, SourceLocationSpec location)
    {
        if (_typeNames.TryGetValue(name, out var owner))
        {
            Report(EndpointDiagnosticDescriptors.NameCollision, location, name, what, owner);
            return false;
        }

        _typeNames[name] = what;
        return true;
    }

    /// <summary><c>2.0</c> → <c>2</c>, <c>3.1</c> → <c>3_1</c>, <c>1</c> → <c>1</c>.</summary>
    internal static string VersionSuffix(string version)
    {
        var parts = version.Split('.').ToList();
        while (parts.Count > 1 && parts[parts.Count - 1] == "0")
        {
            parts.RemoveAt(parts.Count - 1);
        }

        return string.Join("_", parts);
    }

    /// <summary>Reports a diagnostic once per ID and place: what an endpoint states is bound once per version, but is one mistake.</summary>
    private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, SourceLocationSpec location, params string[] args)
    {
        if (_reported.Add((descriptor.Id, location)))
        {
            _diagnostics.Add(DiagnosticSpec.Create(descriptor.Id, location, args));
        }
    }
}
