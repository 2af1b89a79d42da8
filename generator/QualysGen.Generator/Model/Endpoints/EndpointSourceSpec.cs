namespace QualysGen.Generator.Model;

/// <summary>
/// Everything the request and JSON emitters need for one spec file, bound: C# names chosen, references resolved, no locations
/// (so that a whitespace edit of the JSON re-reports diagnostics without re-emitting code).
/// </summary>
/// <param name="HintName">The stem of the generated files' hint names: the file name from the binder, made unique among all inputs
/// (<see cref="Binding.HintNames"/>) before emitting.</param>
/// <param name="FilePath">The spec file's path, which that hint name is looked up by.</param>
/// <param name="SourceFile">The spec file name, for comments.</param>
/// <param name="Namespace">The family's namespace.</param>
/// <param name="Accessibility"><c>public</c> or <c>internal</c>.</param>
/// <param name="WireClassName">The file-scoped class (in the requests file) that writes the family's enums on the wire.</param>
/// <param name="Enums">The request enums (parameter and filter values).</param>
/// <param name="FilterSets">The filter set classes.</param>
/// <param name="JsonTypes">The JSON response classes.</param>
/// <param name="JsonClassName">The file-scoped class with the JSON readers' helpers (used when there are JSON types).</param>
/// <param name="BaseUrlsClassName">The static class of base URLs, or null when the file has none.</param>
/// <param name="BaseUrls">The base URLs.</param>
/// <param name="Requests">The request classes, per endpoint: the unversioned entry, then the versions newest first.</param>
internal sealed record EndpointSourceSpec(
    string HintName,
    string FilePath,
    string SourceFile,
    string Namespace,
    string Accessibility,
    string WireClassName,
    EquatableArray<EnumSpec> Enums,
    EquatableArray<EndpointFilterClassSpec> FilterSets,
    EquatableArray<EndpointJsonClassSpec> JsonTypes,
    string JsonClassName,
    string? BaseUrlsClassName,
    EquatableArray<EndpointBaseUrlSpec> BaseUrls,
    EquatableArray<EndpointRequestSpec> Requests);
