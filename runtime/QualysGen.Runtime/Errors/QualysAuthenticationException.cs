using System.Net;
using QualysGen.Requests;

namespace QualysGen;

/// <summary>
/// Qualys did not accept the credentials or the account: HTTP 401 or 403 on a call, a failed session login or JWT request
/// ("Bad Login/Password"; Qualys gives the same answer for a wrong platform URL), a QPS <c>INVALID_CREDENTIALS</c>, or a
/// <c>SIMPLE_RETURN</c> account code in the 2000s (2001 "This account has expired.", 2003 registration incomplete,
/// 2011 SecureID required). The client has already retried once with a fresh session or token where that could help.
/// </summary>
public sealed class QualysAuthenticationException : QualysException
{
    /// <summary>Creates the exception.</summary>
    public QualysAuthenticationException(QualysCallInfo call, HttpStatusCode? httpStatus, QualysAuthSchemes scheme, string? code, string? text)
        : base(FormatMessage(call, scheme, code, text), call, httpStatus)
    {
        Scheme = scheme;
        Code = code;
        Text = text;
    }

    /// <summary>The way of authenticating that was refused.</summary>
    public QualysAuthSchemes Scheme { get; }

    /// <summary>The Qualys code when one came: a <c>SIMPLE_RETURN</c> <c>CODE</c> such as <c>2001</c>, or a QPS <c>responseCode</c> such as <c>INVALID_CREDENTIALS</c>.</summary>
    public string? Code { get; }

    /// <summary>What Qualys said, e.g. "Bad Login/Password", or null when the response had no text.</summary>
    public string? Text { get; }

    private static string FormatMessage(QualysCallInfo call, QualysAuthSchemes scheme, string? code, string? text)
    {
        var message = $"{Describe(call)}: Qualys refused the {scheme} authentication";
        if (code is not null)
        {
            message += " (" + code + ")";
        }

        return text is null ? message : message + ": " + text;
    }
}
