namespace QualysGen.Generator.Model;

/// <summary>The record stream a list request carries, so that <c>client.EnumerateAsync(request)</c> needs nothing else.</summary>
/// <param name="RecordType">The <c>global::</c>-qualified record class.</param>
/// <param name="Method">The <c>global::</c>-qualified <c>Enumerate…Async</c> method group.</param>
internal sealed record EndpointRecordStreamSpec(string RecordType, string Method);
