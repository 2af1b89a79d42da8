namespace QualysGen.Generator.Model;

/// <summary>A diagnostic to report, held as values: the descriptor's ID, where, and the message arguments.</summary>
internal sealed record DiagnosticSpec(string Id, SourceLocationSpec? Location, EquatableArray<string> MessageArgs)
{
    public static DiagnosticSpec Create(string id, SourceLocationSpec? location, params string[] messageArgs)
        => new(id, location, messageArgs.ToEquatableArray());
}
