namespace QualysGen.Generator.Model;

/// <summary>A parameter that a bound rule checks: its wire name (for messages), its property, and whether it is always given (required).</summary>
internal sealed record RuleOperandSpec(string WireName, string PropertyName, bool AlwaysGiven);
