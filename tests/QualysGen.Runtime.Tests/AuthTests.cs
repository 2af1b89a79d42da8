using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using QualysGen.Requests;
using QualysGen.Runtime.Tests.Infrastructure;

namespace QualysGen.Runtime.Tests;

/// <summary>Basic, the v2 session and the JWT against the simulator, with right and wrong passwords; the scheme comes from what the endpoint accepts.</summary>
public sealed class AuthTests
{
    [Fact]
    public async Task Basic_auth_is_sent_on_every_call_with_X_Requested_With()
    {
        await using var h = await Harness.StartAsync();

        var list = await h.Client.SendAsync(TestRequests.ListSchedules(QualysAuthSchemes.Basic));
        await h.Client.SendAsync(TestRequests.CancelReport(6627719));

        Assert.Equal(57363, list.Response.Scans.Single().Id);
        var requests = h.Simulator.Requests;
        Assert.Equal(2, requests.Count);
        Assert.All(requests, r => Assert.Equal("Basic", r.Auth));
        Assert.All(requests, r => Assert.Equal("QualysGen", r.RequestedWith));
        Assert.All(requests, r => Assert.Equal(200, r.Status));
    }

    [Fact]
    public async Task Session_logs_in_once_reuses_the_cookie_and_logs_out_on_dispose()
    {
        var h = await Harness.StartAsync(client: o => o.PreferredAuthScheme = QualysAuthSchemes.Session);
        try
        {
            await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => h.Client.SendAsync(TestRequests.ListSchedules())));
            await h.Client.SendAsync(TestRequests.CancelReport(6627719, "2.0"));

            var requests = h.Simulator.Requests;
            Assert.Single(requests, r => r.Action == "login");
            Assert.All(requests.Where(r => r.Action != "login"), r => Assert.Equal("Session", r.Auth));
            Assert.Equal(1, h.Simulator.OpenSessions);

            await h.Client.DisposeAsync();

            Assert.Equal(0, h.Simulator.OpenSessions);
            Assert.Equal("logout", h.Simulator.Requests[^1].Action);
            Assert.Equal(200, h.Simulator.Requests[^1].Status);
            Assert.All(h.Simulator.Requests, r => Assert.Equal("QualysGen", r.RequestedWith));
        }
        finally
        {
            await h.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_lapsed_session_is_replaced_once()
    {
        await using var h = await Harness.StartAsync(client: o => o.PreferredAuthScheme = QualysAuthSchemes.Session);
        await h.Client.SendAsync(TestRequests.ListSchedules());

        h.Simulator.EndSessions();
        await h.Client.SendAsync(TestRequests.ListSchedules());

        var requests = h.Simulator.Requests;
        Assert.Equal(["login", "list", "list", "login", "list"], requests.Select(r => r.Action));
        Assert.Equal([200, 200, 401, 200, 200], requests.Select(r => r.Status));
    }

    [Fact]
    public async Task Session_is_not_used_where_the_endpoint_does_not_accept_it()
    {
        await using var h = await Harness.StartAsync(client: o => o.PreferredAuthScheme = QualysAuthSchemes.Session);

        await h.Client.SendAsync(TestRequests.CancelReport(6627719, "3.0"));

        Assert.Equal("Basic", Assert.Single(h.Simulator.Requests).Auth);
    }

    [Fact]
    public async Task Bearer_token_is_fetched_from_the_gateway_once_and_reused()
    {
        await using var h = await Harness.StartAsync();

        for (var i = 0; i < 3; i++)
        {
            var created = await h.Client.SendAsync(TestRequests.CreateTemplate("7.0"));
            Assert.Equal("Scan Report Template(s) Successfully Created.", created.Response.Text);
        }

        Assert.Equal(1, h.Simulator.TokensIssued);
        var auth = Assert.Single(h.Simulator.Requests, r => r.Host == "gateway");
        Assert.Equal("/auth", auth.Path);
        Assert.Equal(201, auth.Status);
        Assert.All(h.Simulator.Requests.Where(r => r.Host == "api"), r => Assert.Equal("Bearer", r.Auth));
        Assert.All(h.Simulator.Requests, r => Assert.Equal("QualysGen", r.RequestedWith));
        Assert.Equal(3, h.Simulator.State.ReportTemplates.Count(t => t.Version == "7.0"));
    }

    [Fact]
    public async Task Bearer_token_is_refreshed_once_on_401()
    {
        await using var h = await Harness.StartAsync();
        await h.Client.SendAsync(TestRequests.CreateTemplate("7.0"));

        h.Simulator.RevokeTokens();
        await h.Client.SendAsync(TestRequests.CreateTemplate("7.0"));

        Assert.Equal(2, h.Simulator.TokensIssued);
        Assert.Equal([201, 200, 401, 201, 200], h.Simulator.Requests.Select(r => r.Status));
    }

    [Fact]
    public async Task Bearer_token_is_replaced_before_it_expires()
    {
        var clock = new ManualTimeProvider();
        await using var h = await Harness.StartAsync(
            simulator: o => o.TokenLifetime = TimeSpan.FromMinutes(30),
            client: o =>
            {
                o.TimeProvider = clock;
                o.TokenRefreshMargin = TimeSpan.FromMinutes(5);
            });

        await h.Client.SendAsync(TestRequests.CreateTemplate("7.0"));
        clock.Offset = TimeSpan.FromMinutes(20);
        await h.Client.SendAsync(TestRequests.CreateTemplate("7.0"));
        Assert.Equal(1, h.Simulator.TokensIssued);

        clock.Offset = TimeSpan.FromMinutes(26);
        await h.Client.SendAsync(TestRequests.CreateTemplate("7.0"));
        Assert.Equal(2, h.Simulator.TokensIssued);
        Assert.DoesNotContain(h.Simulator.Requests, r => r.Status == 401);
    }

    [Fact]
    public async Task Wrong_password_with_basic_is_an_authentication_exception()
    {
        await using var h = await Harness.StartAsync(client: o => o.Password = "wrong");

        var exception = await Assert.ThrowsAsync<QualysAuthenticationException>(() => h.Client.SendAsync(TestRequests.ListSchedules(QualysAuthSchemes.Basic)));

        Assert.Equal(QualysAuthSchemes.Basic, exception.Scheme);
        Assert.Equal(HttpStatusCode.Unauthorized, exception.HttpStatus);
        Assert.Equal("Bad Login/Password", exception.Text);
        Assert.Single(h.Simulator.Requests);
    }

    [Fact]
    public async Task Wrong_password_with_the_session_fails_at_login()
    {
        await using var h = await Harness.StartAsync(client: o =>
        {
            o.Password = "wrong";
            o.PreferredAuthScheme = QualysAuthSchemes.Session;
        });

        var exception = await Assert.ThrowsAsync<QualysAuthenticationException>(() => h.Client.SendAsync(TestRequests.ListSchedules()));

        Assert.Equal(QualysAuthSchemes.Session, exception.Scheme);
        Assert.Equal("SessionLogin", exception.Call.Endpoint);
        Assert.Equal("Bad Login/Password", exception.Text);
        Assert.Equal("login", Assert.Single(h.Simulator.Requests).Action);
    }

    [Fact]
    public async Task Wrong_password_with_the_gateway_fails_at_auth()
    {
        await using var h = await Harness.StartAsync(client: o => o.Password = "wrong");

        var exception = await Assert.ThrowsAsync<QualysAuthenticationException>(() => h.Client.SendAsync(TestRequests.CreateTemplate("7.0")));

        Assert.Equal(QualysAuthSchemes.Bearer, exception.Scheme);
        Assert.Equal("GatewayAuth", exception.Call.Endpoint);
        Assert.Equal(HttpStatusCode.Unauthorized, exception.HttpStatus);
        Assert.Equal("/auth", Assert.Single(h.Simulator.Requests).Path);
    }

    [Fact]
    public async Task Wrong_password_on_QPS_is_INVALID_CREDENTIALS_with_200()
    {
        await using var h = await Harness.StartAsync(client: o => o.Password = "wrong");

        var exception = await Assert.ThrowsAsync<QualysAuthenticationException>(() => h.Client.SendAsync(TestRequests.PortalVersion()));

        Assert.Equal(HttpStatusCode.OK, exception.HttpStatus);
        Assert.Equal("INVALID_CREDENTIALS", exception.Code);
        Assert.Equal("Authentication failed", exception.Text);
    }

    [Fact]
    public async Task A_scheme_the_endpoint_accepts_but_the_client_may_not_use_is_refused_before_sending()
    {
        await using var h = await Harness.StartAsync(client: o => o.AllowedAuthSchemes = QualysAuthSchemes.Basic | QualysAuthSchemes.Session);

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => h.Client.SendAsync(TestRequests.CreateTemplate("7.0")));

        Assert.Contains("Bearer", exception.Message);
        Assert.Empty(h.Simulator.Requests);
    }
}
