using System.Collections.Generic;
using System.Net;

namespace QualysGen.Auth;

/// <summary>What a credential request was answered: its status, its <c>Set-Cookie</c> values and its body, all secrets.</summary>
internal sealed class CredentialAnswer
{
    public CredentialAnswer(HttpStatusCode status, IReadOnlyList<string> setCookies, string body)
    {
        Status = status;
        SetCookies = setCookies;
        Body = body;
    }

    public HttpStatusCode Status { get; }

    /// <summary>The <c>Set-Cookie</c> header values (the session cookie is one of them).</summary>
    public IReadOnlyList<string> SetCookies { get; }

    /// <summary>The body as text (the gateway's token).</summary>
    public string Body { get; }

    /// <summary>The status alone: the cookies and the body are credentials.</summary>
    public override string ToString() => $"HTTP {(int)Status}";
}
