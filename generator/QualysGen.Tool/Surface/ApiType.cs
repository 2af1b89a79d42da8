using System.Collections.Generic;

namespace QualysGen.Tool.Surface;

/// <summary>A generated class or enum.</summary>
/// <param name="Name">The C# name with its schema namespace, e.g. <c>ComplianceScheduleScanListOutputDtd.Scan</c>.</param>
/// <param name="SchemaName">The element or XSD type it comes from (for a request enum: its C# name).</param>
/// <param name="IsEnum">Whether it is an enum.</param>
/// <param name="Members">A class's properties, attributes first, then text, then children.</param>
/// <param name="EnumMembers">An enum's members.</param>
/// <param name="Choices">A class's choice groups.</param>
/// <param name="Text">How a class keeps its element's own text.</param>
internal sealed record ApiType(
    string Name,
    string SchemaName,
    bool IsEnum,
    IReadOnlyList<ApiMember> Members,
    IReadOnlyList<ApiEnumMember> EnumMembers,
    IReadOnlyList<ApiChoice> Choices,
    ApiTextKind Text);
