using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using QualysGen.Auth;
using QualysGen.Limits;
using QualysGen.Requests;
using QualysGen.Responses;

namespace QualysGen.Client;

public sealed partial class QualysClient
{
    // The attempt loop. Each step is a stage of its own, testable alone: limits (LimitTable, EndpointLimits), credentials
    // (QualysCredentials), the message (RequestMessageFactory), classification (ResponseClassifier, ResponseErrors), the retry
    // planner (RetryPlanner) and the log (Log). The loop only sequences them.

    /// <summary>
    /// Sends <paramref name="request"/> until it gets an answer that is not a limit, a stale credential or (for a call that is safe
    /// to repeat) a failure in transit, and returns it open, its body positioned at the first byte, holding the API's gate slot until
    /// disposed. Qualys errors are thrown here.
    /// </summary>
    private async Task<OpenResponse> OpenAsync(QualysRequest request, CallState state, CancellationToken cancellationToken, AuthTicket? ticketOverride = null)
    {
        var baseUri = _messages.BaseFor(request.Host, request.Path);
        var limits = _limits.For(baseUri, state.Call.Path);
        while (true)
        {
            await WaitBeforeAttemptAsync(limits, state, cancellationToken).ConfigureAwait(false);
            IDisposable? lease = await limits.Gate.AcquireAsync(cancellationToken).ConfigureAwait(false);
            OpenResponse? answer = null;
            try
            {
                var ticket = ticketOverride ?? await _credentials.GetTicketAsync(request, cancellationToken).ConfigureAwait(false);
                answer = await SendAttemptAsync(request, baseUri, ticket, state, cancellationToken).ConfigureAwait(false);
                if (answer is not null && Accept(request, state, limits, ticket, answer))
                {
                    answer.Hold(lease);
                    lease = null;
                    var open = answer;
                    answer = null;
                    return open;
                }
            }
            finally
            {
                if (answer is not null)
                {
                    await answer.DisposeAsync().ConfigureAwait(false);
                }

                lease?.Dispose();
            }
        }
    }

    /// <summary>
    /// One attempt on the wire: the message out, the headers and the root element in, within <see cref="QualysClientOptions.Timeout"/>.
    /// Null when it failed in transit and the planner has set up another attempt; a failure not to be repeated throws.
    /// </summary>
    private async Task<OpenResponse?> SendAttemptAsync(QualysRequest request, Uri baseUri, AuthTicket ticket, CallState state, CancellationToken cancellationToken)
    {
        state.Retry.Sending();
        Log.Sending(_logger, request.Endpoint, request.Version, request.Method.Method, state.Call.Path, state.Sent, ticket.Scheme.ToString());
        var started = _time.GetTimestamp();
        HttpResponseMessage? response = null;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (_options.Timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            timeout.CancelAfter(_options.Timeout);
        }

        try
        {
            using var message = _messages.Create(request, baseUri, ticket);
            response = await _httpClient().SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            var body = new BodyIdleTimeoutStream(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), _options.BodyIdleTimeout, _time);
            var envelope = await ResponseEnvelope.ReadAsync(body, cancellationToken).ConfigureAwait(false);
            Log.Answered(_logger, request.Endpoint, request.Version, (int)response.StatusCode, envelope.RootName is { } root ? "<" + root + ">" : envelope.Root.ToString(), (long)_time.GetElapsedTime(started).TotalMilliseconds);
            var answer = new OpenResponse(response, envelope);
            response = null;
            return answer;
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            return PlanTransportRetry(request, state, exception, mayHaveRun: true) ? null
                : throw new QualysTransportException(state.Call, isTimeout: true, mayHaveRun: true, state.Sent, exception);
        }
        catch (Exception exception) when (IsTransportFailure(exception) && !cancellationToken.IsCancellationRequested)
        {
            var mayHaveRun = response is not null || !NeverSent(exception);
            return PlanTransportRetry(request, state, exception, mayHaveRun) ? null
                : throw new QualysTransportException(state.Call, BodyIdleTimeoutStream.IsTimeout(exception), mayHaveRun, state.Sent, exception);
        }
        catch (InvalidDataException exception)
        {
            // A SIMPLE_RETURN larger than the envelope cap is not a status document.
            throw new QualysResponseFormatException(state.Call, response!.StatusCode, exception);
        }
        finally
        {
            response?.Dispose();
        }
    }

    /// <summary>
    /// What the answer means for the call: true to hand it to the caller, false to try again (the wait is planned); a failure
    /// throws. The limit headers are learnt from every answer, whatever it says.
    /// </summary>
    private bool Accept(QualysRequest request, CallState state, EndpointLimits limits, AuthTicket ticket, OpenResponse answer)
    {
        var status = answer.StatusCode;
        var headers = LimitHeaders.From(answer.Message, _time.GetUtcNow());
        if (limits.Observe(headers, _time.GetUtcNow(), _options.Retry.MaxLimitWait) is { } newLimit)
        {
            Log.ConcurrencyLimitChanged(_logger, limits.Key, newLimit);
        }

        var outcome = ResponseClassifier.Classify(status, answer.Envelope);
        switch (outcome)
        {
            case ResponseOutcome.Success:
                return true;

            case ResponseOutcome.Limited:
                PlanLimitRetry(request, state, limits, status, answer.Envelope, headers);
                return false;

            case ResponseOutcome.Unauthorized when !state.CredentialRefreshed && QualysCredentials.IsRenewable(ticket.Scheme):
                // A JWT or session can lapse between our check and Qualys'; a fresh one is worth exactly one more try.
                state.CredentialRefreshed = true;
                _credentials.Invalidate(ticket);
                Log.RefreshingCredential(_logger, request.Endpoint, request.Version, ticket.Scheme.ToString(), (int)status);
                return false;

            case ResponseOutcome.ServerError when state.Retry.TryPlanTransient(request.IsRetrySafe, mayHaveRun: true, out var delay):
                Log.TransientRetry(_logger, request.Endpoint, request.Version, "HTTP " + (int)status, (long)delay.TotalMilliseconds, state.Sent + 1);
                state.PendingDelay = delay;
                return false;

            default:
                var scheme = ticket.Scheme == QualysAuthSchemes.None ? state.CredentialScheme : ticket.Scheme;
                throw ResponseErrors.For(outcome, state.Call, scheme, answer.Message, answer.Envelope, state.Sent);
        }
    }

    /// <summary>The wait the planner set up after the last attempt, then the rate window's: a used-up window is waited out rather than refused.</summary>
    private async Task WaitBeforeAttemptAsync(EndpointLimits limits, CallState state, CancellationToken cancellationToken)
    {
        if (state.PendingDelay > TimeSpan.Zero)
        {
            var delay = state.PendingDelay;
            state.PendingDelay = TimeSpan.Zero;
            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
        }

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
            throw new QualysLimitExceededException(state.Call, status, plan.Kind, simple?.Code, simple is null ? null : ResponseErrors.NullIfEmpty(simple.Text), plan.Asked ?? plan.Delay, state.Sent);
        }

        Log.LimitWait(_logger, request.Endpoint, request.Version, plan.Kind == QualysLimitKind.Rate ? "rate" : "concurrency", simple?.Code, (int)status, (long)plan.Delay.TotalMilliseconds, state.Sent + 1);
        state.PendingDelay = plan.Delay;
    }

    /// <summary>After a failure in transit: true when the planner set up another attempt (and it is logged), false when the call fails.</summary>
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

    /// <summary>True when the request certainly never left: the connection could not be made.</summary>
    private static bool NeverSent(Exception exception)
        => exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError };

    private Activity? StartActivity(QualysRequest request)
        => QualysTelemetry.StartCall(request, request.Host == QualysHost.Gateway ? _urls.Gateway.Host : _urls.ApiServer.Host);

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

    /// <summary>
    /// An answer whose root element has been read, its body ready to parse; once accepted it holds the API's gate slot. Disposing
    /// it gives the slot back and closes the connection if the body is unread.
    /// </summary>
    private sealed class OpenResponse : IAsyncDisposable
    {
        private IDisposable? _lease;

        public OpenResponse(HttpResponseMessage message, ResponseEnvelope envelope)
        {
            Message = message;
            Envelope = envelope;
        }

        public HttpResponseMessage Message { get; }

        public ResponseEnvelope Envelope { get; }

        public Stream Body => Envelope.Body;

        public HttpStatusCode StatusCode => Message.StatusCode;

        public void Hold(IDisposable lease) => _lease = lease;

        public ValueTask DisposeAsync()
        {
            Envelope.Body.Dispose();
            Message.Dispose();
            Interlocked.Exchange(ref _lease, null)?.Dispose();
            return default;
        }
    }

    /// <summary>The credential stage's way out: its login, logout and token requests go through the same attempt loop.</summary>
    private sealed class CredentialChannel : ICredentialTransport
    {
        private readonly QualysClient _client;

        public CredentialChannel(QualysClient client) => _client = client;

        public async Task<CredentialAnswer> SendAsync(QualysRequest<string> request, QualysAuthSchemes obtains, AuthTicket? ticket, CancellationToken cancellationToken)
        {
            // A logout sends the session it ends; a refusal there is final (no new session to end the old one).
            var state = new CallState(request, _client._options.Retry) { CredentialScheme = obtains, CredentialRefreshed = ticket is not null };
            using var activity = _client.StartActivity(request);
            var response = await _client.OpenAsync(request, state, cancellationToken, ticket).ConfigureAwait(false);
            await using (response.ConfigureAwait(false))
            {
                string body;
                try
                {
                    body = await _client.ParseBodyAsync(request, response.Body, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception exception) when (TranslateBodyFailure(exception, state, response) is { } translated)
                {
                    throw translated;
                }

                var cookies = response.Message.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToArray() : [];
                return new CredentialAnswer(response.StatusCode, cookies, body);
            }
        }
    }
}
