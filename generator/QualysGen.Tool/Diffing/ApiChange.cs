namespace QualysGen.Tool.Diffing;

/// <summary>One change of the generated C# API between two versions of a schema or spec.</summary>
/// <param name="Severity">Breaking or additive.</param>
/// <param name="Kind">What happened.</param>
/// <param name="Subject">What it happened to: <c>type</c>, <c>enum</c>, <c>property</c>, <c>enum member</c>, <c>choice</c>, <c>root</c>,
/// <c>record stream</c>, <c>request</c>, <c>parameter</c>.</param>
/// <param name="Member">The C# member, e.g. <c>ComplianceScheduleScanListOutputDtd.Scan.IscannerName</c>.</param>
/// <param name="Detail">What changed, in words (old and new types, XML names, versions, dates).</param>
internal sealed record ApiChange(ChangeSeverity Severity, ChangeKind Kind, string Subject, string Member, string Detail);
