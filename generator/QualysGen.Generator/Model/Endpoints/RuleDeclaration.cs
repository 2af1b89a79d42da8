namespace QualysGen.Generator.Model;

/// <summary>
/// A rule between parameters as the spec writes it, e.g. <c>{ "requiredWhen": ["frequency_days"], "when": { "occurrence": "daily" } }</c>.
/// </summary>
/// <param name="Kind">Which rule (the key that holds the parameter list).</param>
/// <param name="Parameters">The parameters the rule is about.</param>
/// <param name="With">For <see cref="RuleKind.Together"/>: the parameters that each of <paramref name="Parameters"/> needs; empty for "all or none".</param>
/// <param name="When">The condition: required for <see cref="RuleKind.ValidOnlyWhen"/> and <see cref="RuleKind.RequiredWhen"/>; for the other kinds, when
/// given, the rule applies only while it holds.</param>
/// <param name="Location">Where the rule is.</param>
internal sealed record RuleDeclaration(
    RuleKind Kind,
    EquatableArray<NameReference> Parameters,
    EquatableArray<NameReference> With,
    RuleConditionDeclaration? When,
    SourceLocationSpec Location);
