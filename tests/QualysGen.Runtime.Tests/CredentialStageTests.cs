using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging.Abstractions;
using QualysGen.Auth;
using QualysGen.Client;
using QualysGen.Requests;
using QualysGen.Runtime.Tests.Infrastructure;

namespace QualysGen.Runtime.Tests;

/// <summary>The credential stage on its own, without a server: its login, logout and token requests go to a fake transport.</summary>
public sealed class CredentialStageTests
{
    private const string Password = "S3cr3t-p@ss!word";

    [Fact]
    public async Task Concurrent_session_calls_log_in_once_and_a_refused_session_is_replaced()
    {
        var transport = new FakeTransport(_ => new CredentialAnswer(HttpStatusCode.OK, ["path=/", "QualysSession=cookie-" + Guid.NewGuid().ToString("N") + "; path=/api; secure"], "<SIMPLE_RETURN/>"));
        var credentials = Credentials(transport, o => o.PreferredAuthScheme = QualysAuthSchemes.Session);

        var tickets = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => credentials.GetTicketAsync(TestRequests.ListSchedules(), CancellationToken.None).AsTask()));

        var login = Assert.Single(transport.Sent);
        Assert.Equal(("SessionLogin", QualysAuthSchemes.Session, false), (login.Request.Endpoint, login.Obtains, login.Ticket.HasValue));
        Assert.Equal(["login", "demo_user", Password], login.Request.Form.Select(p => p.Value));
        Assert.Single(tickets.Select(t => t.Value).Distinct());
        Assert.StartsWith("cookie-", tickets[0].Value);

        credentials.Invalidate(tickets[0]);
        var fresh = await credentials.GetTicketAsync(TestRequests.ListSchedules(), CancellationToken.None);
        Assert.Equal(2, transport.Sent.Count);
        Assert.NotEqual(tickets[0].Value, fresh.Value);

        // Another caller's refusal of the old session does not drop the new one.
        credentials.Invalidate(tickets[0]);
        Assert.Equal(fresh.Value, (await credentials.GetTicketAsync(TestRequests.ListSchedules(), CancellationToken.None)).Value);
        Assert.Equal(2, transport.Sent.Count);
    }

    [Fact]
    public async Task Logout_ends_the_session_with_its_own_cookie_and_the_next_call_logs_in_again()
    {
        var transport = new FakeTransport(r => new CredentialAnswer(HttpStatusCode.OK, r.Endpoint == "SessionLogin" ? ["QualysSession=s" + Guid.NewGuid().ToString("N")] : [], ""));
        var credentials = Credentials(transport, o => o.PreferredAuthScheme = QualysAuthSchemes.Session);
        await credentials.EndSessionAsync(CancellationToken.None);
        Assert.Empty(transport.Sent);

        var session = await credentials.GetTicketAsync(TestRequests.ListSchedules(), CancellationToken.None);
        await credentials.EndSessionAsync(CancellationToken.None);
        await credentials.GetTicketAsync(TestRequests.ListSchedules(), CancellationToken.None);

        Assert.Equal(["SessionLogin", "SessionLogout", "SessionLogin"], transport.Sent.Select(s => s.Request.Endpoint));
        var logout = transport.Sent[1];
        Assert.Equal((QualysAuthSchemes.Session, session.Value), (logout.Ticket!.Value.Scheme, logout.Ticket.Value.Value));
        Assert.Equal(["logout"], logout.Request.Form.Select(p => p.Value));
    }

    [Fact]
    public async Task A_login_answer_without_the_session_cookie_is_an_authentication_failure()
    {
        var credentials = Credentials(new FakeTransport(_ => new CredentialAnswer(HttpStatusCode.OK, ["other=1"], "")), o => o.PreferredAuthScheme = QualysAuthSchemes.Session);

        var exception = await Assert.ThrowsAsync<QualysAuthenticationException>(() => credentials.GetTicketAsync(TestRequests.ListSchedules(), CancellationToken.None).AsTask());

        Assert.Equal((QualysAuthSchemes.Session, "SessionLogin"), (exception.Scheme, exception.Call.Endpoint));
    }

    [Fact]
    public async Task The_token_is_reused_until_its_refresh_margin_before_exp_then_replaced()
    {
        var clock = new ManualTimeProvider();
        var transport = new FakeTransport(_ => new CredentialAnswer(HttpStatusCode.Created, [], Jwt(clock.GetUtcNow() + TimeSpan.FromMinutes(30)) + "\n"));
        var credentials = Credentials(transport, o => o.TokenRefreshMargin = TimeSpan.FromMinutes(5), clock);
        var request = TestRequests.CreateTemplate("7.0");

        var first = await credentials.GetTicketAsync(request, CancellationToken.None);
        clock.Offset = TimeSpan.FromMinutes(24);
        var reused = await credentials.GetTicketAsync(request, CancellationToken.None);
        clock.Offset = TimeSpan.FromMinutes(26);
        var replaced = await credentials.GetTicketAsync(request, CancellationToken.None);

        Assert.Equal(QualysAuthSchemes.Bearer, first.Scheme);
        Assert.Equal(first.Value, reused.Value);
        Assert.NotEqual(first.Value, replaced.Value);
        Assert.DoesNotContain("\n", first.Value);
        Assert.Equal(["GatewayAuth", "GatewayAuth"], transport.Sent.Select(s => s.Request.Endpoint));
        Assert.All(transport.Sent, s => Assert.Equal((QualysHost.Gateway, QualysAuthSchemes.Bearer), (s.Request.Host, s.Obtains)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("<SIMPLE_RETURN/>")]
    [InlineData("{\"error\":\"no\"}")]
    public async Task A_gateway_answer_that_is_not_a_token_is_an_authentication_failure(string body)
    {
        var credentials = Credentials(new FakeTransport(_ => new CredentialAnswer(HttpStatusCode.OK, [], body)));

        var exception = await Assert.ThrowsAsync<QualysAuthenticationException>(() => credentials.GetTicketAsync(TestRequests.CreateTemplate("7.0"), CancellationToken.None).AsTask());

        Assert.Equal((QualysAuthSchemes.Bearer, "GatewayAuth"), (exception.Scheme, exception.Call.Endpoint));
    }

    [Fact]
    public async Task Basic_goes_on_the_message_as_its_header_and_the_session_as_a_cookie_and_no_ticket_prints_its_value()
    {
        var credentials = Credentials(new FakeTransport(_ => throw new InvalidOperationException("Basic needs no request")));
        var basic = await credentials.GetTicketAsync(TestRequests.ListSchedules(QualysAuthSchemes.Basic), CancellationToken.None);
        var session = new AuthTicket(QualysAuthSchemes.Session, "cookie-value");

        using var withBasic = new HttpRequestMessage();
        using var withSession = new HttpRequestMessage();
        QualysCredentials.Apply(withBasic, basic);
        QualysCredentials.Apply(withSession, session);

        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("demo_user:" + Password)), withBasic.Headers.Authorization!.ToString());
        Assert.Equal("QualysSession=cookie-value", Assert.Single(withSession.Headers.GetValues("Cookie")));
        Assert.Null(withSession.Headers.Authorization);
        Assert.Equal("Basic", basic.ToString());
        Assert.DoesNotContain("cookie-value", session.ToString());
        Assert.DoesNotContain("secret", new CredentialAnswer(HttpStatusCode.OK, ["QualysSession=secret"], "secret").ToString());
    }

    [Fact]
    public async Task Without_a_user_name_nothing_is_sent_and_a_custom_host_gets_no_credential()
    {
        var transport = new FakeTransport(_ => throw new InvalidOperationException("nothing may be sent"));
        var credentials = Credentials(transport, o => o.UserName = null);

        foreach (var request in new QualysRequest[] { TestRequests.ListSchedules(QualysAuthSchemes.Basic), TestRequests.ListSchedules(QualysAuthSchemes.Session), TestRequests.CreateTemplate("7.0") })
        {
            var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => credentials.GetTicketAsync(request, CancellationToken.None).AsTask());
            Assert.Contains("UserName", exception.Message);
        }

        var custom = new QualysRequest<string>("Zuora", "1.0", HttpMethod.Get, "https://reports.example.com/run", [], QualysBodyKind.Query, [], default, null,
            QualysAuthSchemes.Basic, QualysHost.Custom, true, TestRequests.ReadToEndAsync);
        Assert.Equal(QualysAuthSchemes.None, (await credentials.GetTicketAsync(custom, CancellationToken.None)).Scheme);
        Assert.Empty(transport.Sent);
    }

    [Theory]
    [InlineData("QualysSession=abc; path=/api; secure", "abc")]
    [InlineData(" QualysSession = abc ", "abc")]
    [InlineData("QualysSession=; path=/", null)]
    [InlineData("XQualysSession=abc", null)]
    public void The_session_cookie_is_found_by_its_exact_name(string setCookie, string? value)
        => Assert.Equal(value, QualysCredentials.FindSessionCookie(["other=1; path=/", setCookie]));

    private static QualysCredentials Credentials(FakeTransport transport, Action<QualysClientOptions>? configure = null, TimeProvider? time = null)
    {
        var options = Harness.ClientOptions(new Uri("https://qualysapi.example.com/"), password: Password);
        configure?.Invoke(options);
        return new QualysCredentials(options, options.ResolveUrls(), transport, time ?? TimeProvider.System, NullLogger.Instance);
    }

    private static string Jwt(DateTimeOffset expires)
    {
        static string Part(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return Part("{\"alg\":\"none\"}") + "." + Part("{\"sub\":\"" + Guid.NewGuid().ToString("N") + "\",\"exp\":" + expires.ToUnixTimeSeconds() + "}") + ".";
    }

    private sealed class FakeTransport : ICredentialTransport
    {
        private readonly Func<QualysRequest<string>, CredentialAnswer> _answer;
        private readonly ConcurrentQueue<(QualysRequest<string> Request, QualysAuthSchemes Obtains, AuthTicket? Ticket)> _sent = new();

        public FakeTransport(Func<QualysRequest<string>, CredentialAnswer> answer) => _answer = answer;

        public System.Collections.Generic.IReadOnlyList<(QualysRequest<string> Request, QualysAuthSchemes Obtains, AuthTicket? Ticket)> Sent => _sent.ToArray();

        public async Task<CredentialAnswer> SendAsync(QualysRequest<string> request, QualysAuthSchemes obtains, AuthTicket? ticket, CancellationToken cancellationToken)
        {
            _sent.Enqueue((request, obtains, ticket));
            await Task.Yield();
            return _answer(request);
        }
    }
}
