using System;
using System.Xml;

namespace QualysGen.Generator.Parsing.Xsd;

/// <summary>
/// The <see cref="XmlResolver"/> of the schema set: it resolves nothing. <see cref="XsdSchemaLoader"/> hands every include it
/// can serve from the AdditionalFiles to the schema set already parsed, so anything that still reaches a resolver is not among
/// the inputs (and has been reported as QG0101). Without this, XmlSchemaSet would open files relative to the current directory
/// or fetch URLs, which a generator must never do.
/// </summary>
internal sealed class XsdRefusingResolver : XmlResolver
{
    private const string UnresolvedScheme = "urn:qualysgen:unresolved:";

    public override object? GetEntity(Uri absoluteUri, string? role, Type? ofObjectToReturn)
        => throw new XmlException("QualysGen reads no files or network resources: '" + absoluteUri.OriginalString + "' is not among the inputs.");

    public override Uri ResolveUri(Uri? baseUri, string? relativeUri)
    {
        // Never combine with a base (the default would make it a path under the current directory); an opaque URI that names the location is enough.
        try
        {
            return new Uri(UnresolvedScheme + Uri.EscapeDataString(relativeUri ?? string.Empty));
        }
        catch (UriFormatException)
        {
            return new Uri(UnresolvedScheme);
        }
    }
}
