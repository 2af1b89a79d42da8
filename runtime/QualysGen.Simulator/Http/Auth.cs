using System;
using Microsoft.AspNetCore.Http;

namespace QualysGen.Simulator.Http;

/// <summary>Which auth each API accepts in the simulator, as the Qualys documentation shows it.</summary>
internal static class Auth
{
    [Flags]
    public enum Schemes
    {
        None = 0,
        Basic = 1,
        Session = 2,
        Bearer = 4,
    }

    /// <summary>
    /// <c>/api/2.0/</c>: Basic, the v2 session ("APIs with request URL containing /2.0/ support session based authentication") or a JWT;
    /// <c>/api/7.0/</c>: a JWT (the version 7 documentation shows only <c>Authorization: Bearer</c>); other <c>/api/N.0/</c>: Basic or a JWT;
    /// <c>/qps/</c>: Basic or a JWT.
    /// </summary>
    public static Schemes AcceptedFor(string path)
    {
        if (path.StartsWith("/api/2.0/", StringComparison.Ordinal))
        {
            return Schemes.Basic | Schemes.Session | Schemes.Bearer;
        }

        if (path.StartsWith("/api/7.0/", StringComparison.Ordinal))
        {
            return Schemes.Bearer;
        }

        return Schemes.Basic | Schemes.Bearer;
    }

    /// <summary>What auth a request carries, for the request log.</summary>
    public static string Describe(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return "Basic";
        }

        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return "Bearer";
        }

        return request.Cookies.ContainsKey("QualysSession") ? "Session" : "None";
    }
}
