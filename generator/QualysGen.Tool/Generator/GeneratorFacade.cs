using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using QualysGen.Generator.Binding;
using QualysGen.Generator.Binding.Endpoints;
using QualysGen.Generator.Diagnostics;
using QualysGen.Generator.Model;
using QualysGen.Generator.Parsing;
using QualysGen.Generator.Parsing.Endpoints;
using QualysGen.Tool.Surface;

namespace QualysGen.Tool.Generator;

/// <summary>
/// The one place the tool touches the generator: its readers (<see cref="DtdReader"/>, <see cref="XsdReader"/>,
/// <see cref="EndpointSpecReader"/>), its binders (<see cref="SchemaBinder"/>, <see cref="EndpointBinder"/>) and its diagnostic
/// descriptors, run exactly as the incremental pipeline runs them, with the bound output turned into the tool's own
/// <see cref="ApiSurface"/>. When the generator's model changes, this file is what changes with it.
/// </summary>
internal static class GeneratorFacade
{
    // Names are shown relative to the project's root namespace (an MSBuild property the tool does not see) unless one is given.
    private const string PlaceholderNamespace = "QualysGenToolRoot";

    public static bool IsDtd(string path) => path.EndsWith(".dtd", StringComparison.OrdinalIgnoreCase);

    public static bool IsXsd(string path) => path.EndsWith(".xsd", StringComparison.OrdinalIgnoreCase);

    public static bool IsSpec(string path) => path.EndsWith(".endpoints.json", StringComparison.OrdinalIgnoreCase);

    public static bool IsInput(string path) => IsDtd(path) || IsXsd(path) || IsSpec(path);

    /// <summary>
    /// Reads and binds a schema file as the build does: <paramref name="otherSchemas"/> are the project's other schema files (an XSD's
    /// includes), <paramref name="specs"/> the spec files whose <c>schemas</c> sections type it.
    /// </summary>
    public static SchemaReading ReadSchema(SourceFile schema, IReadOnlyList<SourceFile> otherSchemas, IReadOnlyList<SourceFile> specs, string? rootNamespace, CancellationToken cancellationToken)
    {
        var diagnostics = new List<ToolDiagnostic>();
        var bound = Bind(schema, otherSchemas, specs, rootNamespace, diagnostics, cancellationToken);
        return new SchemaReading(bound is null ? null : ToSurface(bound, rootNamespace), diagnostics);
    }

    /// <summary>
    /// Reads and binds an endpoint spec as the build does, with the schema files its responses name (their namespaces and roots).
    /// </summary>
    public static SchemaReading ReadSpec(SourceFile spec, IReadOnlyList<SourceFile> schemas, IReadOnlyList<SourceFile> specs, string? rootNamespace, CancellationToken cancellationToken)
    {
        var diagnostics = new List<ToolDiagnostic>();
        var read = EndpointSpecReader.Read(spec.Path, spec.Text, cancellationToken);
        diagnostics.AddRange(Convert(read.Diagnostics));
        diagnostics.AddRange(Convert(read.EndpointDiagnostics));
        if (read.Endpoints is null)
        {
            return new SchemaReading(new ApiSurface(spec.Name, [], [], []), diagnostics);
        }

        var responseSchemas = new List<EndpointSchemaSpec>();
        foreach (var schema in schemas)
        {
            // The schemas' own diagnostics belong to their files; only what the endpoints need of them is taken.
            if (Bind(schema, schemas, specs, rootNamespace, new List<ToolDiagnostic>(), cancellationToken) is { } parser)
            {
                responseSchemas.Add(new EndpointSchemaSpec(parser.SourceFile, parser.Namespace, parser.Roots.Select(r => new EndpointSchemaRootSpec(r.XmlName, r.TypeName)).ToEquatableArray()));
            }
        }

        var bound = EndpointBinder.Bind(read.Endpoints, responseSchemas.OrderBy(s => s.SourceFile, StringComparer.Ordinal).ToEquatableArray(), Options(rootNamespace), cancellationToken);
        diagnostics.AddRange(Convert(bound.Diagnostics));
        if (bound.Source is not { } source)
        {
            return new SchemaReading(null, diagnostics);
        }

        var lifecycle = read.Endpoints.Endpoints
            .SelectMany(e => e.Versions.Select(v => (Key: (e.Name, v.Version), Eos: v.EndOfSupport?.ToString(), Eol: v.EndOfLife?.ToString())))
            .GroupBy(x => x.Key)
            .ToDictionary(g => g.Key, g => g.First());
        var types = source.Enums.Select(e => ToEnum(e, source.Namespace, rootNamespace)).ToList();

        // JSON response classes, and QPS filter sets (one static property per filterable field, typed by its value).
        types.AddRange(source.JsonTypes.Select(j => new ApiType(
            Relative(source.Namespace + "." + j.ClassName, rootNamespace),
            j.ClassName,
            IsEnum: false,
            j.Members.Select(m => new ApiMember(m.PropertyName, ApiMemberSource.Child, m.JsonName, null, JsonType(m.Kind, m.Required), ApiValueKind.String, null, false, m.Required, -1)).ToList(),
            [],
            [],
            ApiTextKind.None)));
        types.AddRange(source.FilterSets.Select(f => new ApiType(
            Relative(source.Namespace + "." + f.ClassName, rootNamespace),
            f.ClassName,
            IsEnum: false,
            f.Fields.Select(field => new ApiMember(field.PropertyName, ApiMemberSource.Child, field.Field, null, field.StructName, ApiValueKind.String, null, false, true, -1)).ToList(),
            [],
            [],
            ApiTextKind.None)));
        var requests = source.Requests.Select(r =>
        {
            lifecycle.TryGetValue((r.EndpointName, r.Version), out var dates);
            return new ApiRequest(
                Relative(source.Namespace + "." + r.ClassName, rootNamespace),
                r.EndpointName,
                r.Version,
                r.VersionClassName is null ? null : Relative(source.Namespace + "." + r.VersionClassName, rootNamespace),
                dates.Eos,
                dates.Eol,
                r.Obsolete,
                Relative(r.ResponseType, rootNamespace),
                r.Parameters.Select(p => new ApiParameter(p.PropertyName, p.WireName, Relative(ParameterType(p), rootNamespace), p.IsList, p.Required)).ToList());
        }).ToList();
        return new SchemaReading(new ApiSurface(spec.Name, types, [], requests), diagnostics);
    }

    /// <summary>What a spec file declares: family, endpoints and versions, and the schema files it uses.</summary>
    public static SpecDescription DescribeSpec(SourceFile spec, CancellationToken cancellationToken)
    {
        var read = EndpointSpecReader.Read(spec.Path, spec.Text, cancellationToken);
        var diagnostics = Convert(read.Diagnostics).Concat(Convert(read.EndpointDiagnostics)).ToList();
        var schemaFiles = new List<string>();
        void Use(string? name)
        {
            if (name is not null && !schemaFiles.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                schemaFiles.Add(name);
            }
        }

        var endpoints = new List<EndpointDescription>();
        foreach (var endpoint in read.Endpoints?.Endpoints ?? EquatableArray<EndpointDeclaration>.Empty)
        {
            Use(endpoint.Settings.Response?.Schema?.Name);
            foreach (var version in endpoint.Versions)
            {
                Use(version.Settings.Response?.Schema?.Name);
            }

            endpoints.Add(new EndpointDescription(
                endpoint.Name,
                endpoint.Summary,
                endpoint.Versions.Select(v => v.EndOfSupport is { } eos ? $"{v.Version} (EOS {eos})" : v.Version).ToList()));
        }

        foreach (var overlay in read.Overlays)
        {
            Use(overlay.SchemaFile);
        }

        return new SpecDescription(spec.Name, read.Endpoints?.Family, endpoints, schemaFiles, diagnostics);
    }

    private static ParserSpec? Bind(SourceFile schema, IReadOnlyList<SourceFile> otherSchemas, IReadOnlyList<SourceFile> specs, string? rootNamespace, List<ToolDiagnostic> diagnostics, CancellationToken cancellationToken)
    {
        SchemaReadResult read;
        if (IsDtd(schema.Path))
        {
            read = DtdReader.Read(schema.Path, schema.Text, cancellationToken);
        }
        else if (IsXsd(schema.Path))
        {
            var others = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var other in otherSchemas.Where(o => IsXsd(o.Path) && o.Path != schema.Path))
            {
                others[other.Path] = other.Text;
            }

            read = XsdReader.Read(schema.Path, schema.Text, others, cancellationToken);
        }
        else
        {
            throw new ArgumentException("Not a schema file: " + schema.Path, nameof(schema));
        }

        diagnostics.AddRange(Convert(read.Diagnostics));
        if (read.Schema is not { } model)
        {
            return null;
        }

        var overlays = specs
            .SelectMany(spec => EndpointSpecReader.Read(spec.Path, spec.Text, cancellationToken).Overlays)
            .Where(o => string.Equals(o.SchemaFile, model.FileName, StringComparison.OrdinalIgnoreCase))
            .ToEquatableArray();
        var bound = SchemaBinder.Bind(model, overlays, Options(rootNamespace), cancellationToken);
        diagnostics.AddRange(Convert(bound.Diagnostics));
        return bound.Spec;
    }

    private static GeneratorOptionsSpec Options(string? rootNamespace) => new(rootNamespace ?? PlaceholderNamespace, Public: true);

    private static ApiSurface ToSurface(ParserSpec spec, string? rootNamespace)
    {
        string Qualify(string typeName) => Relative(spec.Namespace + "." + typeName, rootNamespace);

        var types = new List<ApiType>();
        foreach (var @class in spec.Classes)
        {
            var members = @class.Members.Select(m => new ApiMember(
                m.PropertyName,
                Source(m.Source),
                m.XmlName,
                m.ItemXmlName,
                MemberType(m, Qualify),
                m.IsObject ? ApiValueKind.Object : Value(m.Value),
                m.IsObject || m.Value == XmlValueType.Enum ? Qualify(m.TypeName!) : null,
                m.IsList,
                m.Required,
                m.ChoiceIndex)).ToList();
            var choices = @class.Choices.Select(c => new ApiChoice(
                c.PropertyName,
                Qualify(c.EnumName),
                c.Branches.Select(b => new ApiChoiceBranch(b.MemberName, b.XmlNames.ToList())).ToList(),
                c.Required)).ToList();
            types.Add(new ApiType(Qualify(@class.TypeName), @class.SchemaName, IsEnum: false, members, [], choices, Text(@class.ContentText)));
        }

        types.AddRange(spec.Enums.Select(e => ToEnum(e, spec.Namespace, rootNamespace)));
        var roots = spec.Roots.Select(r => new ApiRoot(r.XmlName, Qualify(r.TypeName), r.Streams.Select(s => s.MethodName).ToList())).ToList();
        return new ApiSurface(spec.SourceFile, types, roots, []);
    }

    private static ApiType ToEnum(EnumSpec @enum, string ns, string? rootNamespace)
        => new(Relative(ns + "." + @enum.TypeName, rootNamespace), @enum.TypeName, IsEnum: true, [], @enum.Members.Select(m => new ApiEnumMember(m.Name, m.XmlValue)).ToList(), [], ApiTextKind.None);

    /// <summary>The property's C# type as the model emitter declares it.</summary>
    private static string MemberType(MemberSpec member, Func<string, string> qualify)
    {
        var item = member.IsObject || member.Value == XmlValueType.Enum ? qualify(member.TypeName!) : ValueType(member.Value);
        return member.Source switch
        {
            MemberSource.WrappedList => $"IReadOnlyList<{item}>",
            MemberSource.Child when member.IsList => $"IReadOnlyList<{item}>",
            MemberSource.Presence => "bool",
            MemberSource.Text when member.Value == XmlValueType.String && !member.IsObject => "string",
            _ when member.DefaultValue is not null || member.Required => item,
            _ => item + "?",
        };
    }

    private static ApiMemberSource Source(MemberSource source) => source switch
    {
        MemberSource.Attribute => ApiMemberSource.Attribute,
        MemberSource.Text => ApiMemberSource.Text,
        MemberSource.WrappedList => ApiMemberSource.WrappedList,
        MemberSource.Presence => ApiMemberSource.Presence,
        _ => ApiMemberSource.Child,
    };

    private static ApiValueKind Value(XmlValueType type) => type switch
    {
        XmlValueType.Int32 => ApiValueKind.Int32,
        XmlValueType.Int64 => ApiValueKind.Int64,
        XmlValueType.Boolean => ApiValueKind.Boolean,
        XmlValueType.DateTimeOffset => ApiValueKind.DateTimeOffset,
        XmlValueType.Decimal => ApiValueKind.Decimal,
        XmlValueType.Enum => ApiValueKind.Enum,
        _ => ApiValueKind.String,
    };

    private static ApiTextKind Text(ContentTextKind kind) => kind switch
    {
        ContentTextKind.Value => ApiTextKind.Value,
        ContentTextKind.Mixed => ApiTextKind.Mixed,
        ContentTextKind.Any => ApiTextKind.Any,
        _ => ApiTextKind.None,
    };

    private static string ValueType(XmlValueType type) => type switch
    {
        XmlValueType.Int32 => "int",
        XmlValueType.Int64 => "long",
        XmlValueType.Boolean => "bool",
        XmlValueType.Decimal => "decimal",
        XmlValueType.DateTimeOffset => "DateTimeOffset",
        _ => "string",
    };

    private static string JsonType(EndpointJsonValueKind kind, bool required)
    {
        var type = kind switch
        {
            EndpointJsonValueKind.Boolean => "bool",
            EndpointJsonValueKind.Int32 => "int",
            EndpointJsonValueKind.Int64 => "long",
            EndpointJsonValueKind.Decimal => "decimal",
            EndpointJsonValueKind.DateTimeOffset => "DateTimeOffset",
            _ => "string",
        };
        return required ? type : type + "?";
    }

    /// <summary>The parameter's C# type as the request emitter declares it.</summary>
    private static string ParameterType(ParameterPropertySpec parameter)
    {
        var item = parameter.Kind switch
        {
            ParameterTypeKind.Int32 => "int",
            ParameterTypeKind.Int64 => "long",
            ParameterTypeKind.Flag or ParameterTypeKind.YesNo or ParameterTypeKind.Boolean => "bool",
            ParameterTypeKind.Enum => parameter.EnumTypeName!,
            ParameterTypeKind.Date => "DateOnly",
            ParameterTypeKind.DateTime => "DateTimeOffset",
            _ => "string",
        };
        var type = parameter.IsList ? $"IReadOnlyList<{item}>" : item;
        return parameter.Required ? type : type + "?";
    }

    private static string Relative(string name, string? rootNamespace)
    {
        name = name.Replace("global::", "");
        return rootNamespace is null ? name.Replace(PlaceholderNamespace + ".", "") : name;
    }

    private static IEnumerable<ToolDiagnostic> Convert(EquatableArray<DiagnosticSpec> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            var descriptor = EndpointDiagnosticDescriptors.Get(diagnostic.Id);
            var message = string.Format(CultureInfo.InvariantCulture, descriptor.MessageFormat.ToString(CultureInfo.InvariantCulture), diagnostic.MessageArgs.Cast<object>().ToArray());
            var location = diagnostic.Location;
            yield return new ToolDiagnostic(
                diagnostic.Id,
                descriptor.DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error,
                message,
                location?.FilePath,
                location is null ? 0 : location.Line + 1,
                location is null ? 0 : location.Column + 1);
        }
    }
}
