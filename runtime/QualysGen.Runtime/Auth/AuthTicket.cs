using QualysGen.Requests;

namespace QualysGen.Auth;

/// <summary>
/// The credential attached to one attempt: a scheme and the header or cookie value. Held only for the attempt; its
/// <see cref="ToString"/> shows the scheme alone.
/// </summary>
internal readonly struct AuthTicket
{
    public AuthTicket(QualysAuthSchemes scheme, string? value)
    {
        Scheme = scheme;
        Value = value;
    }

    public QualysAuthSchemes Scheme { get; }

    /// <summary>The <c>Authorization</c> parameter (Basic, Bearer) or the <c>QualysSession</c> cookie value.</summary>
    public string? Value { get; }

    public override string ToString() => Scheme.ToString();
}
