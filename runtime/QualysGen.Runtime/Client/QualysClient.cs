using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using QualysGen.Auth;
using QualysGen.Limits;
using QualysGen.Requests;
using QualysGen.Responses;

namespace QualysGen.Client;

/// <summary>
/// Sends the requests that QualysGen's builders produce (<see cref="QualysRequest{TResponse}"/>) to a Qualys platform and reads
/// the answers with the generated parsers, as they stream in.
/// </summary>
/// <remarks>
/// <para>One instance per account and platform, shared by the whole application (it is thread-safe): it holds the v2 session,
/// the JWT, and a concurrency gate per API. Register it with
/// <c>services.AddQualysClient(o =&gt; ...)</c>, or create it with an <see cref="HttpClient"/> of your own.</para>
/// <para>For every call it: picks an auth scheme the endpoint version accepts; sends <c>X-Requested-With</c>; waits for a slot in the
/// API's gate; decides success or failure from the body's root element, not the HTTP status; waits out rate and concurrency
/// limits within <see cref="QualysClientOptions.Retry"/>; repeats a call that failed in transit only when the spec marks it safe
/// to repeat. Failures are <see cref="QualysException"/>s.</para>
/// </remarks>
public sealed partial class QualysClient : IQualysClient, IAsyncDisposable, IDisposable
{
    /// <summary>The name of the <see cref="IHttpClientFactory"/> client that <c>AddQualysClient</c> registers.</summary>
    public const string HttpClientName = "QualysGen.Client";

    private readonly Func<HttpClient> _httpClient;
    private readonly HttpClient? _ownedHttpClient;
    private readonly QualysClientOptions _options;
    private readonly QualysPlatformUrls _urls;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly RequestMessageFactory _messages;
    private readonly LimitTable _limits;
    private readonly QualysCredentials _credentials;
    private int _disposed;

    /// <summary>Creates a client with an <see cref="HttpClient"/> of its own (disposed with the client).</summary>
    public QualysClient(QualysClientOptions options, ILoggerFactory? loggerFactory = null)
        : this(CreateHttpClient(), options, loggerFactory, ownsHttpClient: true)
    {
    }

    /// <summary>
    /// Creates a client over <paramref name="httpClient"/>, which it does not dispose. Its handler should not keep cookies
    /// (<see cref="SocketsHttpHandler.UseCookies"/> = false): the client sends the session cookie itself, to the API server only.
    /// </summary>
    public QualysClient(HttpClient httpClient, QualysClientOptions options, ILoggerFactory? loggerFactory = null)
        : this(httpClient ?? throw new ArgumentNullException(nameof(httpClient)), options, loggerFactory, ownsHttpClient: false)
    {
    }

    /// <summary>Creates a client that takes a fresh <see cref="HttpClient"/> from <paramref name="httpClientFactory"/> for every call (what <c>AddQualysClient</c> does).</summary>
    public QualysClient(IHttpClientFactory httpClientFactory, QualysClientOptions options, ILoggerFactory? loggerFactory = null)
        : this(httpClientFactory, HttpClientName, options, loggerFactory)
    {
    }

    /// <summary>Over the factory's client <paramref name="httpClientName"/>: what a named <c>AddQualysClient("eu", …)</c> registers.</summary>
    internal QualysClient(IHttpClientFactory httpClientFactory, string httpClientName, QualysClientOptions options, ILoggerFactory? loggerFactory)
        : this(() => httpClientFactory.CreateClient(httpClientName), null, options, loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(httpClientFactory);
    }

    private QualysClient(HttpClient httpClient, QualysClientOptions options, ILoggerFactory? loggerFactory, bool ownsHttpClient)
        : this(() => httpClient, ownsHttpClient ? httpClient : null, options, loggerFactory)
    {
    }

    private QualysClient(Func<HttpClient> httpClient, HttpClient? owned, QualysClientOptions options, ILoggerFactory? loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Clone();
        _options.Validate();
        _urls = _options.ResolveUrls();
        _httpClient = httpClient;
        _ownedHttpClient = owned;
        _logger = (ILogger?)loggerFactory?.CreateLogger<QualysClient>() ?? NullLogger.Instance;
        _time = _options.TimeProvider ?? TimeProvider.System;
        _messages = new RequestMessageFactory(_options, _urls);
        _limits = new LimitTable(_options.DefaultConcurrencyLimit);
        _credentials = new QualysCredentials(_options, _urls, new CredentialChannel(this), _time, _logger);
    }

    /// <summary>The API server the client calls.</summary>
    public Uri ApiServer => _urls.ApiServer;

    /// <summary>The gateway the client gets JWTs from and calls gateway APIs on.</summary>
    public Uri Gateway => _urls.Gateway;

    /// <summary>
    /// Sends <paramref name="request"/> and parses the whole response with the endpoint's generated parser.
    /// </summary>
    /// <returns>The response's root model.</returns>
    /// <exception cref="QualysApiException">A <c>SIMPLE_RETURN</c> with an error <c>CODE</c>.</exception>
    /// <exception cref="QualysServiceException">A QPS <c>responseCode</c> other than <c>SUCCESS</c>.</exception>
    /// <exception cref="QualysAuthenticationException">The credentials or the account were refused.</exception>
    /// <exception cref="QualysLimitExceededException">A limit held for longer than the retry budget.</exception>
    /// <exception cref="QualysHttpException">An HTTP error without a Qualys body.</exception>
    /// <exception cref="QualysTransportException">The connection failed or timed out (and the call was not, or no longer, repeated).</exception>
    /// <exception cref="QualysResponseFormatException">The body does not match the endpoint's schema.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<TResponse> SendAsync<TResponse>(QualysRequest<TResponse> request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ThrowIfDisposed();
        var state = new CallState(request, _options.Retry);
        using var activity = StartActivity(request);
        try
        {
            while (true)
            {
                var response = await OpenAsync(request, state, cancellationToken).ConfigureAwait(false);
                await using (response.ConfigureAwait(false))
                {
                    try
                    {
                        var result = await ParseBodyAsync(request, response.Body, cancellationToken).ConfigureAwait(false);
                        activity?.SetTag("qualys.attempts", state.Sent);
                        return result;
                    }
                    catch (Exception exception) when (exception is QualysXmlException or System.Text.Json.JsonException)
                    {
                        throw new QualysResponseFormatException(state.Call, response.StatusCode, exception);
                    }
                    catch (Exception exception) when (IsTransportFailure(exception) && !cancellationToken.IsCancellationRequested)
                    {
                        // The body broke off after the headers: the call ran. Only a call that is safe to repeat goes again.
                        if (!PlanTransportRetry(request, state, exception, mayHaveRun: true))
                        {
                            throw new QualysTransportException(state.Call, BodyIdleTimeoutStream.IsTimeout(exception), mayHaveRun: true, state.Sent, exception);
                        }
                    }
                }
            }
        }
        catch (Exception exception)
        {
            QualysTelemetry.Fail(activity, exception);
            throw;
        }
    }

    /// <summary>Logs the v2 session out now, if there is one (the next session call logs in again).</summary>
    public Task LogOutAsync(CancellationToken cancellationToken = default) => _credentials.EndSessionAsync(cancellationToken);

    /// <summary>Logs the v2 session out (when <see cref="QualysClientOptions.LogOutOnDispose"/>) and releases the client's own <see cref="HttpClient"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        if (_options.LogOutOnDispose)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                await _credentials.EndSessionAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is QualysException or OperationCanceledException or HttpRequestException)
            {
                Log.LogoutFailed(_logger, exception);
            }
        }

        _ownedHttpClient?.Dispose();
    }

    /// <summary>The synchronous form of <see cref="DisposeAsync"/>; it blocks while the session logs out.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>What the client is connected to; no credentials.</summary>
    public override string ToString() => $"QualysClient {{ API server {_urls.ApiServer}, gateway {_urls.Gateway} }}";

    /// <summary>For tests and diagnostics: the current size of the concurrency gate of the API at <paramref name="path"/> on <paramref name="host"/>.</summary>
    public int GetConcurrencyLimit(QualysHost host, string path)
        => _limits.ConcurrencyLimit(_messages.BaseFor(host, path), QualysCallInfo.PathOnly(path));

    private static HttpClient CreateHttpClient() => new(CreateHandler(), disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };

    /// <summary>
    /// The handler the client uses when it makes its own (and that <c>AddQualysClient</c> installs): no cookie container (the
    /// session cookie is sent by the client, to the API server only), no automatic redirects (a redirect means a wrong URL, and
    /// following it would send credentials elsewhere), gzip and deflate, connections recycled every 5 minutes for DNS changes.
    /// </summary>
    public static SocketsHttpHandler CreateHandler() => new()
    {
        UseCookies = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    };

    private void ThrowIfDisposed()
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            throw new ObjectDisposedException(nameof(QualysClient));
        }
    }

    private static bool IsTransportFailure(Exception exception) => exception is IOException or HttpRequestException;

    private static string Describe(Exception exception) => exception switch
    {
        HttpRequestException { HttpRequestError: var error } when error != HttpRequestError.Unknown => "connection: " + error,
        HttpRequestException => "connection failure",
        IOException when BodyIdleTimeoutStream.IsTimeout(exception) => "response body made no progress",
        IOException => "connection dropped while reading the response",
        _ => exception.GetType().Name,
    };
}
