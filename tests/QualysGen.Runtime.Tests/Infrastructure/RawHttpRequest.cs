using System;

namespace QualysGen.Runtime.Tests.Infrastructure;

/// <summary>A request as <see cref="RawHttpServer"/> read it off the socket.</summary>
internal sealed record RawHttpRequest(string Method, string Target, string Headers, byte[] Body)
{
    public bool HasHeader(string name, string value)
        => Headers.Contains("\r\n" + name + ": " + value + "\r\n", StringComparison.OrdinalIgnoreCase);
}
