namespace QualysGen.Generator.Model;

/// <summary>One version of an endpoint as the spec declares it (a key of <c>versions</c>).</summary>
/// <param name="Version">The version, e.g. <c>3.0</c>.</param>
/// <param name="Location">Where its key is.</param>
/// <param name="Settings">What it states for itself (over the endpoint's).</param>
/// <param name="EndOfSupport">The EOS date, or null for an active version. A version with an EOS date is <c>[Obsolete]</c>.</param>
/// <param name="EndOfLife">The EOL date, or null.</param>
/// <param name="ReplacedBy">The version to use instead, or null for the one the unversioned entry is bound to.</param>
/// <param name="Parameters">Parameters it adds, or replaces by wire name.</param>
/// <param name="DropParameters">Parameters of the endpoint it does not have (rules naming them are dropped too).</param>
/// <param name="Rules">Rules it adds.</param>
internal sealed record EndpointVersionDeclaration(
    string Version,
    SourceLocationSpec Location,
    EndpointSettingsDeclaration Settings,
    EndpointDateDeclaration? EndOfSupport,
    EndpointDateDeclaration? EndOfLife,
    NameReference? ReplacedBy,
    EquatableArray<ParameterDeclaration> Parameters,
    EquatableArray<NameReference> DropParameters,
    EquatableArray<RuleDeclaration> Rules);
