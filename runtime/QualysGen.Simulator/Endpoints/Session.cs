using System.Threading.Tasks;
using QualysGen.Simulator.Http;

namespace QualysGen.Simulator.Endpoints;

/// <summary><c>POST /api/2.0/fo/session/</c>: <c>action=login</c> (username, password) sets the <c>QualysSession</c> cookie; <c>action=logout</c> ends it.</summary>
internal static class Session
{
    public static async Task HandleAsync(SimContext context)
    {
        if (!context.IsPost)
        {
            await context.ErrorAsync(400, 1908, "Request method (GET or POST) is incompatible with specified parameter(s): action").ConfigureAwait(false);
            return;
        }

        switch (context["action"])
        {
            case null:
                await context.MissingAsync("action").ConfigureAwait(false);
                return;
            case "login":
                var options = context.Simulator.Options;
                if (context["username"] != options.UserName || context["password"] != options.Password)
                {
                    await context.SimpleReturnAsync(401, "Bad Login/Password").ConfigureAwait(false);
                    return;
                }

                var session = context.Simulator.NewSession(options.UserName);
                context.Http.Response.Headers["Set-Cookie"] = "QualysSession=" + session + "; path=/api; secure";
                await context.SimpleReturnAsync(200, "Logged in").ConfigureAwait(false);
                return;
            case "logout":
                if (!context.Http.Request.Cookies.TryGetValue("QualysSession", out var cookie) || cookie is null || !context.Simulator.EndSession(cookie))
                {
                    await context.SimpleReturnAsync(401, "Bad Login/Password").ConfigureAwait(false);
                    return;
                }

                await context.SimpleReturnAsync(200, "Logged out").ConfigureAwait(false);
                return;
            default:
                await context.InvalidAsync("action", context["action"]).ConfigureAwait(false);
                return;
        }
    }
}
