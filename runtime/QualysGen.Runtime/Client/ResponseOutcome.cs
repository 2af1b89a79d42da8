namespace QualysGen.Client;

/// <summary>What an answer means for the call, as <see cref="ResponseClassifier"/> reads it.</summary>
internal enum ResponseOutcome
{
    /// <summary>The answer to parse.</summary>
    Success,

    /// <summary>Refused by a rate or concurrency limit: the call never ran.</summary>
    Limited,

    /// <summary>The credentials were refused (a fresh session or token is worth one more try).</summary>
    Unauthorized,

    /// <summary>The account cannot call (a <c>SIMPLE_RETURN</c> code 2000–2099: expired, locked, ...).</summary>
    AccountError,

    /// <summary>A <c>SIMPLE_RETURN</c> error.</summary>
    ApiError,

    /// <summary>A QPS <c>responseCode</c> other than <c>SUCCESS</c>.</summary>
    ServiceError,

    /// <summary>A 5xx without a Qualys body.</summary>
    ServerError,

    /// <summary>An HTTP error status below 500 without a Qualys body (a 404 from a wrong URL, a redirect).</summary>
    HttpError,
}
