using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace QualysGen.Simulator;

/// <summary>
/// Something to go wrong on the next request whose path starts with a given prefix (<see cref="QualysSimulator.Enqueue"/>);
/// each fault applies once. Lets a test see how a client copes with what Qualys does on a bad day.
/// </summary>
public sealed class QualysFault
{
    private QualysFault(FaultKind kind) => Kind = kind;

    internal FaultKind Kind { get; }

    internal int Status { get; private init; }

    internal int Seconds { get; private init; }

    internal string? Code { get; private init; }

    internal string? Text { get; private init; }

    internal string? Resolution { get; private init; }

    internal string? Body { get; private init; }

    internal string? ContentType { get; private init; }

    internal IReadOnlyDictionary<string, string>? Headers { get; private init; }

    internal TimeSpan Delay { get; private init; }

    internal Task? Release { get; private init; }

    /// <summary>The connection is cut after the request was carried out, before any response byte: the client cannot know whether it ran.</summary>
    public static QualysFault DropConnection() => new(FaultKind.DropAfterProcessing);

    /// <summary>The connection is cut before the request is carried out.</summary>
    public static QualysFault DropConnectionBeforeProcessing() => new(FaultKind.DropBeforeProcessing);

    /// <summary>An HTTP error page from the infrastructure (default 503), not a Qualys body.</summary>
    public static QualysFault ServerError(int status = 503) => new(FaultKind.ServerError) { Status = status };

    /// <summary>HTTP 409, code 1965 and <c>X-RateLimit-ToWait-Sec: <paramref name="toWaitSeconds"/></c>, as if the rate window were used up.</summary>
    public static QualysFault RateLimited(int toWaitSeconds) => new(FaultKind.RateLimited) { Seconds = toWaitSeconds };

    /// <summary>HTTP 409 and code 1960, as if other calls to the API were running.</summary>
    public static QualysFault ConcurrencyLimited() => new(FaultKind.ConcurrencyLimited);

    /// <summary>The gateway's HTTP 429 with <c>Retry-After</c>.</summary>
    public static QualysFault TooManyRequests(int retryAfterSeconds) => new(FaultKind.TooManyRequests) { Seconds = retryAfterSeconds };

    /// <summary>A <c>SIMPLE_RETURN</c> error with <paramref name="code"/> and <paramref name="text"/> (HTTP <paramref name="status"/>; Qualys uses 200 for account codes, 400 for parameter codes).</summary>
    public static QualysFault SimpleReturn(int code, string text, int status = 400) => new(FaultKind.SimpleReturn) { Code = code.ToString(System.Globalization.CultureInfo.InvariantCulture), Text = text, Status = status };

    /// <summary>A QPS <c>ServiceResponse</c> with <paramref name="responseCode"/> (HTTP 200, as Qualys sends them).</summary>
    public static QualysFault ServiceError(string responseCode, string errorMessage, string? errorResolution = null)
        => new(FaultKind.ServiceError) { Code = responseCode, Text = errorMessage, Resolution = errorResolution };

    /// <summary>HTTP 401 with "Bad Login/Password", as for a lapsed session or token.</summary>
    public static QualysFault Unauthorized() => new(FaultKind.Unauthorized);

    /// <summary>Exactly this response (status, body, headers): to replay a recorded Qualys answer.</summary>
    public static QualysFault Respond(int status, string body, string contentType = "application/xml", IReadOnlyDictionary<string, string>? headers = null)
        => new(FaultKind.Respond) { Status = status, Body = body, ContentType = contentType, Headers = headers };

    /// <summary>The request is carried out after <paramref name="delay"/> (a slow server; for timeouts).</summary>
    public static QualysFault Slow(TimeSpan delay) => new(FaultKind.Slow) { Delay = delay };

    /// <summary>
    /// A list or search response stops after its first record (and the start tag of the second) until <paramref name="release"/>
    /// completes: proves that a client reads records while the body is still arriving.
    /// </summary>
    public static QualysFault HoldAfterFirstRecord(Task release) => new(FaultKind.HoldAfterFirstRecord) { Release = release ?? throw new ArgumentNullException(nameof(release)) };

    /// <inheritdoc />
    public override string ToString() => Kind.ToString();
}

internal enum FaultKind
{
    DropAfterProcessing,
    DropBeforeProcessing,
    ServerError,
    RateLimited,
    ConcurrencyLimited,
    TooManyRequests,
    SimpleReturn,
    ServiceError,
    Unauthorized,
    Respond,
    Slow,
    HoldAfterFirstRecord,
}
