using System;

namespace QualysGen.Simulator;

/// <summary>One request the simulator received, as a test sees it. Passwords in parameters are shown as <c>***</c>; no header value but <c>X-Requested-With</c> is kept.</summary>
public sealed class SimulatedRequest
{
    internal SimulatedRequest(long number, string host, string method, string path, string query, string? requestedWith, DateTimeOffset received)
    {
        Number = number;
        Host = host;
        Method = method;
        Path = path;
        Query = query;
        RequestedWith = requestedWith;
        Received = received;
    }

    /// <summary>1 for the first request, and so on.</summary>
    public long Number { get; }

    /// <summary><c>api</c> (the API server) or <c>gateway</c>.</summary>
    public string Host { get; }

    /// <summary>The HTTP method.</summary>
    public string Method { get; }

    /// <summary>The path.</summary>
    public string Path { get; }

    /// <summary>The query string as received, passwords masked.</summary>
    public string Query { get; }

    /// <summary>The <c>X-Requested-With</c> header, or null when missing.</summary>
    public string? RequestedWith { get; }

    /// <summary>When it arrived.</summary>
    public DateTimeOffset Received { get; }

    /// <summary>The auth the request carried: <c>Basic</c>, <c>Session</c>, <c>Bearer</c> or <c>None</c> (whether or not it was accepted).</summary>
    public string Auth { get; internal set; } = "None";

    /// <summary>The body when it is not a form (a QPS <c>ServiceRequest</c>, a template), else empty.</summary>
    public string Body { get; internal set; } = "";

    /// <summary>The <c>action</c> parameter, if any.</summary>
    public string? Action { get; internal set; }

    /// <summary>The response status (0 when the connection was cut before a response started).</summary>
    public int Status { get; internal set; }

    /// <summary>Whether the simulator cut the connection (a <see cref="QualysFault.DropConnection"/>).</summary>
    public bool Dropped { get; internal set; }

    /// <summary>A fault that was applied, if any.</summary>
    public string? Fault { get; internal set; }

    /// <summary>Whether the whole response was written.</summary>
    public bool Completed { get; internal set; }

    /// <inheritdoc />
    public override string ToString() => $"#{Number} {Method} {Host}{Path}{(Query.Length > 0 ? "?" + Query : "")} -> {Status}";
}
