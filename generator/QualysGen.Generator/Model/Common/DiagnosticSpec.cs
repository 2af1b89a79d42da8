namespace QualysGen.Generator.Model;

/// <summary>A diagnostic to report, held as values: the descriptor's ID, where, and the message arguments.</summary>
/// <param name="LocationKey">For a diagnostic of the schema binder, which knows no locations: the <see cref="SchemaLocationSpec.Key"/>
/// of the declaration it is about; <see cref="Location"/> (the file) is replaced by that declaration's place when reported.</param>
internal sealed record DiagnosticSpec(string Id, SourceLocationSpec? Location, EquatableArray<string> MessageArgs, string? LocationKey = null)
{
    public static DiagnosticSpec Create(string id, SourceLocationSpec? location, params string[] messageArgs)
        => new(id, location, messageArgs.ToEquatableArray());
}
