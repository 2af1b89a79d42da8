using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using QualysGen.Simulator.Endpoints;
using QualysGen.Simulator.Http;
using QualysGen.Simulator.Schemas;

namespace QualysGen.Simulator;

/// <summary>
/// A Qualys platform on loopback: a real HTTP server (Kestrel on 127.0.0.1, ephemeral ports) with an API server
/// (<see cref="BaseAddress"/>) and a gateway (<see cref="GatewayAddress"/>), one account, and in-memory data.
/// </summary>
/// <remarks>
/// <para>It serves the endpoints in QualysGen's specs the way Qualys does: classic-API answers with a DOCTYPE, errors as
/// <c>SIMPLE_RETURN</c> codes (1903, 1904, 1905, 1922, 1960, 1965, ...) with the HTTP statuses Qualys uses, QPS answers as
/// <c>ServiceResponse</c>, Basic / v2 session / JWT auth per API version, per-API rate and concurrency limits with the
/// <c>X-RateLimit-*</c> and <c>X-Concurrency-Limit-*</c> headers, list truncation with a <c>WARNING</c> 1980 and next-batch URL,
/// and QPS paging with <c>hasMoreRecords</c>/<c>lastId</c>. <see cref="Enqueue"/> injects faults.</para>
/// <code>
/// await using var simulator = await QualysSimulator.StartAsync();
/// var options = new QualysClientOptions { ApiServerUrl = simulator.BaseAddress, GatewayUrl = simulator.GatewayAddress,
///                                         UserName = simulator.Options.UserName, Password = simulator.Options.Password };
/// </code>
/// </remarks>
public sealed class QualysSimulator : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly ConcurrentDictionary<string, string> _sessions = new(StringComparer.Ordinal);
    private readonly List<SimulatedRequest> _requests = new();
    private readonly List<(string Prefix, QualysFault Fault)> _faults = new();
    private readonly ApiLimits _limits = new();
    private readonly Jwt _jwt = new();
    private ListenOptions? _apiListen;
    private ListenOptions? _gatewayListen;
    private int _apiPort;
    private int _gatewayPort;
    private long _requestCount;
    private int _tokenGeneration;
    private int _tokensIssued;
    private int _disposed;

    private QualysSimulator(QualysSimulatorOptions options)
    {
        Options = options;
        State = new SimulatorState();
        if (options.SeedData)
        {
            State.Seed(options.TimeProvider.GetUtcNow());
        }

        _host = new HostBuilder()
            .ConfigureServices(services => services.AddSingleton<IHostLifetime, QuietLifetime>())
            .ConfigureLogging(logging => logging.ClearProviders())
            .ConfigureWebHost(web => web
                .UseKestrel(kestrel =>
                {
                    kestrel.AddServerHeader = false;
                    kestrel.Listen(IPAddress.Loopback, 0, listen => _apiListen = listen);
                    kestrel.Listen(IPAddress.Loopback, 0, listen => _gatewayListen = listen);
                })
                .Configure(app => app.Run(HandleAsync)))
            .Build();
    }

    /// <summary>The API server's base URL, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The gateway's base URL (another port), where <c>/auth</c> issues JWTs.</summary>
    public Uri GatewayAddress { get; private set; } = null!;

    /// <summary>The options it runs with; limits and page sizes may be changed while it runs.</summary>
    public QualysSimulatorOptions Options { get; }

    /// <summary>The account's data.</summary>
    public SimulatorState State { get; }

    /// <summary>The DTDs and XSDs it serves at the paths Qualys serves them, and the changed versions a test publishes.</summary>
    public SchemaPublisher Schemas { get; } = new();

    /// <summary>Every request received so far, oldest first.</summary>
    public IReadOnlyList<SimulatedRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return _requests.ToArray();
            }
        }
    }

    /// <summary>How many JWTs <c>/auth</c> has issued.</summary>
    public int TokensIssued => Volatile.Read(ref _tokensIssued);

    /// <summary>How many v2 sessions are open.</summary>
    public int OpenSessions => _sessions.Count;

    internal string ApiBase => BaseAddress.AbsoluteUri.TrimEnd('/');

    internal DateTimeOffset Now => Options.TimeProvider.GetUtcNow();

    /// <summary>Starts a simulator on two ephemeral loopback ports.</summary>
    public static async Task<QualysSimulator> StartAsync(QualysSimulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        var simulator = new QualysSimulator(options ?? new QualysSimulatorOptions());
        await simulator._host.StartAsync(cancellationToken).ConfigureAwait(false);
        simulator._apiPort = simulator._apiListen!.IPEndPoint!.Port;
        simulator._gatewayPort = simulator._gatewayListen!.IPEndPoint!.Port;
        if (simulator._apiPort == 0 || simulator._gatewayPort == 0)
        {
            var addresses = simulator._host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.ToArray();
            simulator._apiPort = new Uri(addresses[0]).Port;
            simulator._gatewayPort = new Uri(addresses[1]).Port;
        }

        simulator.BaseAddress = new Uri($"http://127.0.0.1:{simulator._apiPort}/");
        simulator.GatewayAddress = new Uri($"http://127.0.0.1:{simulator._gatewayPort}/");
        return simulator;
    }

    /// <summary>Makes the next request whose path starts with <paramref name="pathPrefix"/> fail as <paramref name="fault"/> says (once).</summary>
    public void Enqueue(string pathPrefix, QualysFault fault)
    {
        ArgumentNullException.ThrowIfNull(pathPrefix);
        ArgumentNullException.ThrowIfNull(fault);
        lock (_faults)
        {
            _faults.Add((pathPrefix, fault));
        }
    }

    /// <summary>Invalidates every JWT issued so far (the next call with one gets HTTP 401).</summary>
    public void RevokeTokens() => Interlocked.Increment(ref _tokenGeneration);

    /// <summary>Ends every v2 session (the next call with its cookie gets HTTP 401).</summary>
    public void EndSessions() => _sessions.Clear();

    /// <summary>The most calls to the API at <paramref name="path"/> that ran at the same time.</summary>
    public int PeakConcurrency(string path) => _limits.Peak(path);

    /// <summary>Forgets the requests received so far.</summary>
    public void ClearRequests()
    {
        lock (_requests)
        {
            _requests.Clear();
        }
    }

    /// <summary>Stops the server.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await _host.StopAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        _host.Dispose();
    }

    /// <summary>Every session ID and token handed out, for tests that prove a client never writes them anywhere.</summary>
    internal ConcurrentQueue<string> IssuedSecrets { get; } = new();

    internal string NewSession(string user)
    {
        var id = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        _sessions[id] = user;
        IssuedSecrets.Enqueue(id);
        return id;
    }

    internal bool EndSession(string id) => _sessions.TryRemove(id, out _);

    internal string IssueToken()
    {
        Interlocked.Increment(ref _tokensIssued);
        var token = _jwt.Issue(Options.UserName, Now, Options.TokenLifetime, Volatile.Read(ref _tokenGeneration));
        IssuedSecrets.Enqueue(token);
        return token;
    }

    private async Task HandleAsync(HttpContext http)
    {
        var isGateway = http.Connection.LocalPort == _gatewayPort;
        var request = http.Request;
        var entry = new SimulatedRequest(
            Interlocked.Increment(ref _requestCount),
            isGateway ? "gateway" : "api",
            request.Method,
            request.Path.Value ?? "/",
            Mask(request.QueryString.HasValue ? request.QueryString.Value!.TrimStart('?') : ""),
            request.Headers.TryGetValue("X-Requested-With", out var requestedWith) ? requestedWith.ToString() : null,
            Now);
        lock (_requests)
        {
            _requests.Add(entry);
        }

        http.Response.OnStarting(() =>
        {
            entry.Status = http.Response.StatusCode;
            return Task.CompletedTask;
        });

        try
        {
            var fault = TakeFault(entry.Path);
            entry.Fault = fault?.ToString();
            if (fault?.Kind == FaultKind.Slow)
            {
                await Task.Delay(fault.Delay, http.RequestAborted).ConfigureAwait(false);
                fault = null;
            }

            var (parameters, body) = await ReadParametersAsync(request).ConfigureAwait(false);
            entry.Action = parameters.TryGetValue("action", out var action) ? action : null;
            entry.Body = body;
            var context = new SimContext(this, http, entry, parameters, body);
            if (fault is not null && await ApplyEarlyFaultAsync(context, fault).ConfigureAwait(false))
            {
                return;
            }

            context.LateFault = fault;
            entry.Auth = Auth.Describe(request);
            if (!isGateway && HttpMethods.IsGet(request.Method) && Schemas.Find(entry.Path) is { } schema)
            {
                // Qualys serves its DTDs and XSDs to anyone, at the URL its responses name.
                await context.WriteAsync(200, entry.Path.EndsWith(".xsd", StringComparison.Ordinal) ? "application/xml" : "application/xml-dtd", schema).ConfigureAwait(false);
            }
            else if (isGateway)
            {
                await GatewayAsync(context).ConfigureAwait(false);
            }
            else
            {
                await Router.RouteAsync(context, _limits).ConfigureAwait(false);
            }

            if (!http.RequestAborted.IsCancellationRequested && !entry.Dropped)
            {
                entry.Status = http.Response.StatusCode;
                entry.Completed = true;
            }
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client went away (a cancelled enumeration); nothing to answer.
        }
    }

    private QualysFault? TakeFault(string path)
    {
        lock (_faults)
        {
            var index = _faults.FindIndex(f => path.StartsWith(f.Prefix, StringComparison.Ordinal));
            if (index < 0)
            {
                return null;
            }

            var fault = _faults[index].Fault;
            _faults.RemoveAt(index);
            return fault;
        }
    }

    private async Task<bool> ApplyEarlyFaultAsync(SimContext context, QualysFault fault)
    {
        var response = context.Http.Response;
        switch (fault.Kind)
        {
            case FaultKind.DropBeforeProcessing:
                context.Drop();
                return true;
            case FaultKind.ServerError:
                await context.WriteAsync(fault.Status, "text/html", $"<html><head><title>{fault.Status} Service Unavailable</title></head><body><h1>Service Unavailable</h1></body></html>").ConfigureAwait(false);
                return true;
            case FaultKind.RateLimited:
                response.Headers["X-RateLimit-Limit"] = "300";
                response.Headers["X-RateLimit-Window-Sec"] = "3600";
                response.Headers["X-RateLimit-Remaining"] = "0";
                response.Headers["X-RateLimit-ToWait-Sec"] = fault.Seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                response.Headers["X-Concurrency-Limit-Limit"] = (Options.ConcurrencyLimit ?? 2).ToString(System.Globalization.CultureInfo.InvariantCulture);
                response.Headers["X-Concurrency-Limit-Running"] = "0";
                await context.ErrorAsync(409, 1965, $"This API cannot be run again for another {fault.Seconds} seconds.", new KeyValuePair<string, string>("SECONDS_TO_WAIT", fault.Seconds.ToString(System.Globalization.CultureInfo.InvariantCulture))).ConfigureAwait(false);
                return true;
            case FaultKind.ConcurrencyLimited:
                var limit = Options.ConcurrencyLimit ?? 2;
                response.Headers["X-Concurrency-Limit-Limit"] = limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
                response.Headers["X-Concurrency-Limit-Running"] = limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await context.ErrorAsync(409, 1960, "This API cannot be run again until 1 currently running API instance(s) has finished.", new KeyValuePair<string, string>("CALLS_TO_FINISH", "1")).ConfigureAwait(false);
                return true;
            case FaultKind.TooManyRequests:
                response.Headers["Retry-After"] = fault.Seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await context.WriteAsync(429, "application/json", "{\"message\":\"Too Many Requests\"}").ConfigureAwait(false);
                return true;
            case FaultKind.SimpleReturn:
                await context.ErrorAsync(fault.Status, int.Parse(fault.Code!, System.Globalization.CultureInfo.InvariantCulture), fault.Text!).ConfigureAwait(false);
                return true;
            case FaultKind.ServiceError:
                await context.ServiceErrorAsync("3.0/was/wasscan.xsd", fault.Code!, fault.Text!, fault.Resolution).ConfigureAwait(false);
                return true;
            case FaultKind.Unauthorized:
                await context.SimpleReturnAsync(401, "Bad Login/Password").ConfigureAwait(false);
                return true;
            case FaultKind.Respond:
                foreach (var header in fault.Headers ?? new Dictionary<string, string>())
                {
                    response.Headers[header.Key] = header.Value;
                }

                await context.WriteAsync(fault.Status, fault.ContentType!, fault.Body!).ConfigureAwait(false);
                return true;
            default:
                return false;
        }
    }

    private async Task GatewayAsync(SimContext context)
    {
        if (context.Path != "/auth")
        {
            await context.WriteAsync(404, "application/json", "{\"message\":\"Not Found\"}").ConfigureAwait(false);
            return;
        }

        if (!context.IsPost)
        {
            await context.WriteAsync(405, "application/json", "{\"message\":\"Method Not Allowed\"}").ConfigureAwait(false);
            return;
        }

        if (context["username"] != Options.UserName || context["password"] != Options.Password || context["token"] != "true")
        {
            await context.WriteAsync(401, "application/json", "{\"message\":\"Authentication Failure\"}").ConfigureAwait(false);
            return;
        }

        await context.WriteAsync(201, "text/plain", IssueToken()).ConfigureAwait(false);
    }

    /// <summary>The user a request authenticates as with one of <paramref name="accepted"/>, or null.</summary>
    internal string? Authenticate(HttpRequest request, Auth.Schemes accepted)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            if ((accepted & Http.Auth.Schemes.Basic) == 0)
            {
                return null;
            }

            string decoded;
            try
            {
                decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header.Substring(6).Trim()));
            }
            catch (FormatException)
            {
                return null;
            }

            var colon = decoded.IndexOf(':');
            return colon > 0 && decoded.Substring(0, colon) == Options.UserName && decoded.Substring(colon + 1) == Options.Password ? Options.UserName : null;
        }

        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return (accepted & Http.Auth.Schemes.Bearer) == 0 ? null : _jwt.Validate(header.Substring(7).Trim(), Now, Volatile.Read(ref _tokenGeneration));
        }

        if ((accepted & Http.Auth.Schemes.Session) != 0 && request.Cookies.TryGetValue("QualysSession", out var session) && session is not null)
        {
            return _sessions.TryGetValue(session, out var user) ? user : null;
        }

        return null;
    }

    private static async Task<(Dictionary<string, string> Parameters, string Body)> ReadParametersAsync(HttpRequest request)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in request.Query)
        {
            parameters[pair.Key] = pair.Value.Count > 0 ? pair.Value[^1] ?? "" : "";
        }

        var body = "";
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
            foreach (var pair in form)
            {
                parameters[pair.Key] = pair.Value.Count > 0 ? pair.Value[^1] ?? "" : "";
            }
        }
        else if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            body = await reader.ReadToEndAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
        }

        return (parameters, body);
    }

    private static string Mask(string query) => PasswordPattern().Replace(query, "$1***");

    private static Regex PasswordPattern() => new("((?:^|&)[^=&]*password[^=&]*=)[^&]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>Keeps the host from printing to the console and from reacting to Ctrl+C: the simulator lives and dies with its owner.</summary>
    private sealed class QuietLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
