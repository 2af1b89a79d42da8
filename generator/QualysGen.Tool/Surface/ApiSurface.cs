using System.Collections.Generic;

namespace QualysGen.Tool.Surface;

/// <summary>
/// The C# API that one schema or spec file generates, as the tool compares and checks it: the generator's bound output
/// (<c>Generator/GeneratorFacade.cs</c> makes it), reduced to what a consumer's code can see and what the parsers require.
/// </summary>
/// <param name="FileName">The schema or spec file name.</param>
/// <param name="Types">The model classes and enums, by C# name (relative to the project's root namespace).</param>
/// <param name="Roots">The root elements and the entry points their classes get.</param>
/// <param name="Requests">The request classes of a spec: the unversioned entries and every version.</param>
internal sealed record ApiSurface(
    string FileName,
    IReadOnlyList<ApiType> Types,
    IReadOnlyList<ApiRoot> Roots,
    IReadOnlyList<ApiRequest> Requests);
