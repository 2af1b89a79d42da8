using System;

namespace QualysGen.Requests;

/// <summary>The ways of authenticating that an endpoint version accepts.</summary>
[Flags]
public enum QualysAuthSchemes
{
    /// <summary>No authentication (the auth endpoints themselves).</summary>
    None = 0,

    /// <summary>HTTP Basic with the account's user name and password on every call.</summary>
    Basic = 1,

    /// <summary>The v2 session: log in at <c>/api/2.0/fo/session/</c> once and send the <c>QualysSession</c> cookie.</summary>
    Session = 2,

    /// <summary>A JWT from the gateway's <c>/auth</c>, sent as <c>Authorization: Bearer</c>.</summary>
    Bearer = 4,
}
