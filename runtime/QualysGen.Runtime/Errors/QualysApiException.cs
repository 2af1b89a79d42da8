using System;
using System.Collections.Generic;
using System.Net;

namespace QualysGen;

/// <summary>
/// Qualys answered a classic-API (<c>/api/N.0/fo/...</c>) call with a <c>SIMPLE_RETURN</c> that carries an error <c>CODE</c>,
/// for example 1905 "parameter ids has invalid value" (sent with HTTP 400) or 1920 "blocked by one or more existing Business
/// Objects" (409). The HTTP status is kept but was not what decided: Qualys sends some errors with 200.
/// </summary>
/// <remarks>
/// Codes 1960 and 1965 (concurrency and rate limits) are retried by the client and surface as
/// <see cref="QualysLimitExceededException"/> only when the retry budget runs out; account codes (2000-2099, e.g. 2001
/// "This account has expired.") surface as <see cref="QualysAuthenticationException"/>.
/// </remarks>
public sealed class QualysApiException : QualysException
{
    /// <summary>Creates the exception.</summary>
    public QualysApiException(QualysCallInfo call, HttpStatusCode httpStatus, int? code, string text, IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> items)
        : base(FormatMessage(call, code, text), call, httpStatus)
    {
        Code = code;
        Text = text;
        Items = items ?? Array.Empty<KeyValuePair<string, IReadOnlyList<string>>>();
    }

    /// <summary>The <c>CODE</c> (Qualys appendix D: 1901 unrecognized parameter, 1903 missing parameter, 1905 invalid value, ...), or null when the error came without one.</summary>
    public int? Code { get; }

    /// <summary>The <c>TEXT</c>, trimmed.</summary>
    public string Text { get; }

    /// <summary>The <c>ITEM_LIST</c>: each <c>KEY</c> with its <c>VALUE</c>s, in document order.</summary>
    public IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> Items { get; }

    private static string FormatMessage(QualysCallInfo call, int? code, string text)
        => code is { } c ? $"{Describe(call)} failed with Qualys code {c}: {text}" : $"{Describe(call)} failed: {text}";
}
