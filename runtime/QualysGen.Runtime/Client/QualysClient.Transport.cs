using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using QualysGen.Auth;
using QualysGen.Limits;
using QualysGen.Requests;
using QualysGen.Responses;

namespace QualysGen.Client;

public sealed partial class QualysClient
{
    /// <summary>
    /// Sends <paramref name="request"/> until it gets an answer that is not a limit, a stale credential or (for a call that is safe
    /// to repeat) a failure in transit, and returns it open, its body positioned at the first byte, holding the API's gate slot until
    /// disposed. Qualys errors are thrown here.
    /// </summary>
    private async Task<OpenResponse> OpenAsync(QualysRequest request, CallState state, CancellationToken cancellationToken, AuthTicket? ticketOverride = null)
    {
        var baseUri = BaseFor(request.Host, request.Path);
        var limits = _limits.GetOrAdd(LimitsKey(baseUri, state.Call.Path), static (key, capacity) => new EndpointLimits(key, capacity), _options.DefaultConcurrencyLimit);

        while (true)
        {
            if (state.PendingDelay > TimeSpan.Zero)
            {
                var delay = state.PendingDelay;
                state.PendingDelay = TimeSpan.Zero;
                await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
            }

            await WaitForRateWindowAsync(limits, state, cancellationToken).ConfigureAwait(false);
            IDisposable? lease = await limits.Gate.AcquireAsync(cancellationToken).ConfigureAwait(false);
            HttpResponseMessage? response = null;
            ResponseEnvelope? envelope = null;
            try
            {
                var ticket = ticketOverride ?? await GetTicketAsync(request, state, cancellationToken).ConfigureAwait(false);
                state.Retry.Sending();
                Log.Sending(_logger, request.Endpoint, request.Version, request.Method.Method, state.Call.Path, state.Sent, ticket.Scheme.ToString());
                var started = _time.GetTimestamp();

                using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
                {
                    if (_options.Timeout != System.Threading.Timeout.InfiniteTimeSpan)
                    {
                        timeout.CancelAfter(_options.Timeout);
                    }

                    try
                    {
                        using var message = BuildMessage(request, baseUri, ticket);
                        response = await _httpClient().SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
                        var body = new BodyIdleTimeoutStream(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), _options.BodyIdleTimeout, _time);
                        envelope = await ResponseEnvelope.ReadAsync(body, cancellationToken).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
                    {
                        if (PlanTransportRetry(request, state, exception, mayHaveRun: true))
                        {
                            continue;
                        }

                        throw new QualysTransportException(state.Call, isTimeout: true, mayHaveRun: true, state.Sent, exception);
                    }
                    catch (Exception exception) when (IsTransportFailure(exception) && !cancellationToken.IsCancellationRequested)
                    {
                        var mayHaveRun = response is not null || !NeverSent(exception);
                        if (PlanTransportRetry(request, state, exception, mayHaveRun))
                        {
                            continue;
                        }

                        throw new QualysTransportException(state.Call, BodyIdleTimeoutStream.IsTimeout(exception), mayHaveRun, state.Sent, exception);
                    }
                    catch (InvalidDataException exception)
                    {
                        // A SIMPLE_RETURN larger than the envelope cap is not a status document.
                        throw new QualysResponseFormatException(state.Call, response!.StatusCode, exception);
                    }
                }

                var status = response.StatusCode;
                Log.Answered(_logger, request.Endpoint, request.Version, (int)status, envelope.RootName is { } root ? "<" + root + ">" : envelope.Root.ToString(), (long)_time.GetElapsedTime(started).TotalMilliseconds);
                var headers = LimitHeaders.From(response, _time.GetUtcNow());
                if (limits.Observe(headers, _time.GetUtcNow(), _options.Retry.MaxLimitWait) is { } newLimit)
                {
                    Log.ConcurrencyLimitChanged(_logger, limits.Key, newLimit);
                }

                switch (ResponseClassifier.Classify(status, envelope))
                {
                    case ResponseOutcome.Success:
                        var open = new OpenResponse(response, envelope, lease);
                        response = null;
                        envelope = null;
                        lease = null;
                        return open;

                    case ResponseOutcome.Limited:
                        PlanLimitRetry(request, state, limits, status, envelope, headers);
                        continue;

                    case ResponseOutcome.Unauthorized:
                        if (!state.CredentialRefreshed && ticket.Scheme is QualysAuthSchemes.Bearer or QualysAuthSchemes.Session)
                        {
                            // A JWT or session can lapse between our check and Qualys'; a fresh one is worth exactly one more try.
                            state.CredentialRefreshed = true;
                            InvalidateCredential(ticket);
                            Log.RefreshingCredential(_logger, request.Endpoint, request.Version, ticket.Scheme.ToString(), (int)status);
                            continue;
                        }

                        throw AuthenticationError(state, ticket, status, envelope);

                    case ResponseOutcome.AccountError:
                        throw AuthenticationError(state, ticket, status, envelope);

                    case ResponseOutcome.ApiError:
                        var simple = envelope.SimpleReturn!;
                        throw new QualysApiException(state.Call, status, simple.Code, simple.Text, simple.Items);

                    case ResponseOutcome.ServiceError:
                        var service = envelope.Service!;
                        throw new QualysServiceException(state.Call, status, service.ResponseCode, service.ErrorMessage, service.ErrorResolution, service.InternalErrorCodeId);

                    case ResponseOutcome.ServerError:
                        if (state.Retry.TryPlanTransient(request.IsRetrySafe, mayHaveRun: true, out var serverDelay))
                        {
                            Log.TransientRetry(_logger, request.Endpoint, request.Version, "HTTP " + (int)status, (long)serverDelay.TotalMilliseconds, state.Sent + 1);
                            state.PendingDelay = serverDelay;
                            continue;
                        }

                        throw new QualysHttpException(state.Call, status, response.ReasonPhrase, response.Content.Headers.ContentType?.MediaType, state.Sent);

                    default:
                        throw new QualysHttpException(state.Call, status, response.ReasonPhrase, response.Content.Headers.ContentType?.MediaType, state.Sent);
                }
            }
            finally
            {
                envelope?.Body.Dispose();
                response?.Dispose();
                lease?.Dispose();
            }
        }
    }

    private QualysAuthenticationException AuthenticationError(CallState state, AuthTicket ticket, HttpStatusCode status, ResponseEnvelope envelope)
    {
        var scheme = ticket.Scheme == QualysAuthSchemes.None ? state.CredentialScheme : ticket.Scheme;
        return envelope.Root switch
        {
            ResponseRoot.SimpleReturn => new QualysAuthenticationException(state.Call, status, scheme, envelope.SimpleReturn!.RawCode, NullIfEmpty(envelope.SimpleReturn.Text)),
            ResponseRoot.ServiceResponse => new QualysAuthenticationException(state.Call, status, scheme, envelope.Service!.ResponseCode, envelope.Service.ErrorMessage),
            _ => new QualysAuthenticationException(state.Call, status, scheme, null, null),
        };
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    /// <summary>A refused call never ran: wait as long as Qualys asks (or back off), then send it again, whatever it is.</summary>
    private void PlanLimitRetry(QualysRequest request, CallState state, EndpointLimits limits, HttpStatusCode status, ResponseEnvelope envelope, in LimitHeaders headers)
    {
        var simple = envelope.SimpleReturn;
        var plan = state.Retry.PlanLimit(simple, headers);
        if (plan.Asked is { } asked)
        {
            // Later calls to this API wait too, for at most MaxLimitWait.
            limits.Block(_time.GetUtcNow(), asked, _options.Retry.MaxLimitWait);
        }

        if (!plan.WithinBudget)
        {
            throw new QualysLimitExceededException(state.Call, status, plan.Kind, simple?.Code, simple is null ? null : NullIfEmpty(simple.Text), plan.Asked ?? plan.Delay, state.Sent);
        }

        Log.LimitWait(_logger, request.Endpoint, request.Version, plan.Kind == QualysLimitKind.Rate ? "rate" : "concurrency", simple?.Code, (int)status, (long)plan.Delay.TotalMilliseconds, state.Sent + 1);
        state.PendingDelay = plan.Delay;
    }

    private bool PlanTransportRetry(QualysRequest request, CallState state, Exception exception, bool mayHaveRun)
    {
        var failure = exception is OperationCanceledException ? "timeout" : Describe(exception);
        if (!state.Retry.TryPlanTransient(request.IsRetrySafe, mayHaveRun, out var delay))
        {
            if (mayHaveRun && !request.IsRetrySafe)
            {
                Log.NotRetried(_logger, request.Endpoint, request.Version, failure);
            }

            return false;
        }

        Log.TransientRetry(_logger, request.Endpoint, request.Version, failure, (long)delay.TotalMilliseconds, state.Sent + 1);
        state.PendingDelay = delay;
        return true;
    }

    /// <summary>When the last answer said the rate window is used up, the next call waits for it rather than being refused.</summary>
    private async Task WaitForRateWindowAsync(EndpointLimits limits, CallState state, CancellationToken cancellationToken)
    {
        var wait = limits.NotBefore - _time.GetUtcNow();
        if (wait <= TimeSpan.Zero)
        {
            return;
        }

        if (!state.Retry.TryPlan(wait, countsAsAttempt: false))
        {
            throw new QualysLimitExceededException(state.Call, null, QualysLimitKind.Rate, null, null, wait, state.Sent);
        }

        Log.RateWindowWait(_logger, limits.Key, (long)wait.TotalMilliseconds);
        await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>True when the request certainly never left: the connection could not be made.</summary>
    private static bool NeverSent(Exception exception)
        => exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError };

    private HttpRequestMessage BuildMessage(QualysRequest request, Uri baseUri, AuthTicket ticket)
    {
        var message = new HttpRequestMessage(request.Method, ResolveUri(request, baseUri));
        message.Headers.TryAddWithoutValidation("X-Requested-With", _options.RequestedWith);
        message.Headers.TryAddWithoutValidation("User-Agent", _userAgent);
        switch (ticket.Scheme)
        {
            case QualysAuthSchemes.Basic:
                message.Headers.Authorization = new AuthenticationHeaderValue("Basic", ticket.Value);
                break;
            case QualysAuthSchemes.Bearer:
                message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ticket.Value);
                break;
            case QualysAuthSchemes.Session:
                message.Headers.TryAddWithoutValidation("Cookie", SessionCookieName + "=" + ticket.Value);
                break;
        }

        switch (request.BodyKind)
        {
            case QualysBodyKind.Form:
                message.Content = new FormUrlEncodedContent(request.Form);
                break;
            case QualysBodyKind.Xml or QualysBodyKind.Json when !request.Body.IsEmpty || request.Method != HttpMethod.Get:
                message.Content = new ReadOnlyMemoryContent(request.Body);
                break;
        }

        if (message.Content is not null && request.ContentType is { } contentType)
        {
            // The request decides its content type (QualysRequest.ContentType); nothing here second-guesses it.
            message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        if (request.BodyKind == QualysBodyKind.Json)
        {
            message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        }

        if (!request.IsRetrySafe)
        {
            // At most once on the wire, whatever the handlers below do: see SendOnceContent.
            message.Content = new SendOnceContent(message.Content);
        }

        return message;
    }

    private static Uri ResolveUri(QualysRequest request, Uri baseUri)
    {
        if (Uri.TryCreate(request.Path, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            // Only custom-host endpoints may name their own host (BaseFor refused the rest); they never get Qualys credentials.
            var pathAndQuery = request.PathAndQuery;
            return new Uri(pathAndQuery, UriKind.Absolute);
        }

        return new Uri(baseUri, request.PathAndQuery.TrimStart('/'));
    }

    private Uri BaseFor(QualysHost host, string path)
    {
        var isAbsolute = Uri.TryCreate(path, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https";
        switch (host)
        {
            case QualysHost.ApiServer when !isAbsolute:
                return _urls.ApiServer;
            case QualysHost.Gateway when !isAbsolute:
                return _urls.Gateway;
            case QualysHost.Custom when isAbsolute:
                return new Uri(absolute!.GetLeftPart(UriPartial.Authority) + "/");
            case QualysHost.Custom when _options.CustomHostUrl is { } custom:
                return custom.AbsoluteUri.EndsWith("/", StringComparison.Ordinal) ? custom : new Uri(custom.AbsoluteUri + "/");
            case QualysHost.Custom:
                throw new InvalidOperationException($"The endpoint at {path} is served by a host of its own; set QualysClientOptions.CustomHostUrl.");
            default:
                throw new InvalidOperationException($"A {host} endpoint must have a path relative to the host, not {path}.");
        }
    }

    private static string LimitsKey(Uri baseUri, string path) => baseUri.Authority + path;

    private Activity? StartActivity(QualysRequest request)
    {
        var activity = QualysTelemetry.Source.StartActivity("Qualys " + request.Endpoint, ActivityKind.Client);
        if (activity is not null)
        {
            activity.SetTag("qualys.endpoint", request.Endpoint);
            activity.SetTag("qualys.version", request.Version);
            activity.SetTag("http.request.method", request.Method.Method);
            activity.SetTag("url.path", QualysCallInfo.PathOnly(request.Path));
            activity.SetTag("server.address", request.Host == QualysHost.Gateway ? _urls.Gateway.Host : _urls.ApiServer.Host);
        }

        return activity;
    }

    private static void Fail(Activity? activity, Exception exception)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
        activity.SetTag("error.type", exception.GetType().FullName);
        if (exception is QualysException { HttpStatus: { } status })
        {
            activity.SetTag("http.response.status_code", (int)status);
        }

        switch (exception)
        {
            case QualysApiException { Code: { } code }:
                activity.SetTag("qualys.code", code);
                break;
            case QualysServiceException service:
                activity.SetTag("qualys.code", service.ResponseCode);
                break;
        }
    }

    /// <summary>The progress of one call through its attempts.</summary>
    private sealed class CallState
    {
        public CallState(QualysRequest request, QualysRetryOptions retry)
        {
            Call = QualysCallInfo.From(request);
            Retry = new RetryPlanner(retry);
        }

        public QualysCallInfo Call { get; }

        /// <summary>The retry stage: attempts, waits, the budget.</summary>
        public RetryPlanner Retry { get; }

        /// <summary>Requests sent so far.</summary>
        public int Sent => Retry.Attempts;

        public TimeSpan PendingDelay { get; set; }

        public bool CredentialRefreshed { get; set; }

        /// <summary>For the session and token requests, which carry no auth header: the scheme they obtain, for error reports.</summary>
        public QualysAuthSchemes CredentialScheme { get; set; }
    }

    /// <summary>An answer that passed the checks, its body ready to parse; disposing it gives the gate slot back and closes the connection if unread.</summary>
    private sealed class OpenResponse : IAsyncDisposable
    {
        private IDisposable? _lease;

        public OpenResponse(HttpResponseMessage message, ResponseEnvelope envelope, IDisposable lease)
        {
            Message = message;
            Envelope = envelope;
            _lease = lease;
        }

        public HttpResponseMessage Message { get; }

        public ResponseEnvelope Envelope { get; }

        public Stream Body => Envelope.Body;

        public HttpStatusCode StatusCode => Message.StatusCode;

        public ValueTask DisposeAsync()
        {
            Envelope.Body.Dispose();
            Message.Dispose();
            Interlocked.Exchange(ref _lease, null)?.Dispose();
            return default;
        }
    }
}
