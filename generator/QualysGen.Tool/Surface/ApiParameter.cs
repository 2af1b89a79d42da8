namespace QualysGen.Tool.Surface;

/// <summary>A request parameter: its C# property and its wire name.</summary>
/// <param name="Name">The C# property name.</param>
/// <param name="WireName">The name on the wire.</param>
/// <param name="Type">The C# type as a consumer writes it (<c>int?</c>, <c>IReadOnlyList&lt;string&gt;?</c>).</param>
/// <param name="IsList">Whether it is a comma-separated list.</param>
/// <param name="Required">Whether it is a <c>required</c> member.</param>
internal sealed record ApiParameter(string Name, string WireName, string Type, bool IsList, bool Required);
