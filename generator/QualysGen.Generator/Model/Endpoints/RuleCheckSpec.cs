namespace QualysGen.Generator.Model;

/// <summary>A rule between parameters of one request class, bound to its properties, with its message written.</summary>
/// <param name="Kind">The rule.</param>
/// <param name="Parameters">The parameters the rule is about.</param>
/// <param name="With">For <see cref="RuleKind.Together"/> with <c>with</c>: what each of <paramref name="Parameters"/> needs.</param>
/// <param name="When">The condition as alternatives of clause groups; empty when the rule always applies.</param>
/// <param name="Message">The rule in words, naming the parameters by their wire names (the exception message and the documentation).</param>
internal sealed record RuleCheckSpec(
    RuleKind Kind,
    EquatableArray<RuleOperandSpec> Parameters,
    EquatableArray<RuleOperandSpec> With,
    EquatableArray<RuleTestGroupSpec> When,
    string Message);
