namespace QualysGen.Generator.Model;

/// <summary>One endpoint as the spec declares it (a key of <c>endpoints</c>), with its versions.</summary>
/// <param name="Name">The endpoint's name, which names its C# request types (<c>CancelReport</c> → <c>CancelReportV3Request</c>).</param>
/// <param name="Location">Where its key is.</param>
/// <param name="Summary">One sentence of documentation (the summary), or null.</param>
/// <param name="Settings">What it states for all versions.</param>
/// <param name="Use">The parameter groups it pulls in, in order, before its own parameters.</param>
/// <param name="Parameters">Its parameters (they replace a group's parameter of the same wire name).</param>
/// <param name="Rules">Its rules (after the groups' rules).</param>
/// <param name="Versions">Its versions in spec order.</param>
internal sealed record EndpointDeclaration(
    string Name,
    SourceLocationSpec Location,
    string? Summary,
    EndpointSettingsDeclaration Settings,
    EquatableArray<NameReference> Use,
    EquatableArray<ParameterDeclaration> Parameters,
    EquatableArray<RuleDeclaration> Rules,
    EquatableArray<EndpointVersionDeclaration> Versions);
