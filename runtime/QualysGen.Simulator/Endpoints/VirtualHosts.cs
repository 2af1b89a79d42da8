using System;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using QualysGen.Simulator.Http;

namespace QualysGen.Simulator.Endpoints;

/// <summary>
/// <c>POST /api/2.0/fo/asset/vhost/</c>: <c>create</c>, <c>update</c>, <c>add_fqdn</c>, <c>delete_fqdn</c>, <c>delete</c> of a virtual
/// host identified by <c>ip</c>, <c>port</c> and (with networks enabled) <c>network_id</c>; answers as in seed 003.
/// </summary>
internal static class VirtualHosts
{
    public static async Task HandleAsync(SimContext context)
    {
        var action = context["action"];
        if (action is null)
        {
            await context.MissingAsync("action").ConfigureAwait(false);
            return;
        }

        if (action is not ("create" or "update" or "add_fqdn" or "delete_fqdn" or "delete"))
        {
            await context.InvalidAsync("action", action).ConfigureAwait(false);
            return;
        }

        if (!context.IsPost)
        {
            await context.ErrorAsync(400, 1908, $"Request method (GET or POST) is incompatible with specified parameter(s): action={action}").ConfigureAwait(false);
            return;
        }

        var needsFqdn = action is "create" or "add_fqdn" or "delete_fqdn";
        var missing = new[] { "ip", "port" }.Concat(needsFqdn ? new[] { "fqdn" } : Array.Empty<string>()).Where(n => context[n] is null).ToArray();
        if (missing.Length > 0)
        {
            await context.MissingAsync(missing).ConfigureAwait(false);
            return;
        }

        var ip = context["ip"]!.Trim();
        if (!int.TryParse(context["port"], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            await context.InvalidAsync("port", context["port"]).ConfigureAwait(false);
            return;
        }

        long network = 0;
        if (context["network_id"] is { } networkText && !long.TryParse(networkText, NumberStyles.None, CultureInfo.InvariantCulture, out network))
        {
            await context.InvalidAsync("network_id", networkText).ConfigureAwait(false);
            return;
        }

        var fqdns = (context["fqdn"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var state = context.Simulator.State;
        var (ok, text) = state.Locked(() =>
        {
            var table = state.VirtualHostTable;
            var existing = table.FirstOrDefault(v => v.Ip == ip && v.Port == port && v.NetworkId == network);
            switch (action)
            {
                case "create":
                    if (existing is not null)
                    {
                        return (false, "a virtual host already exists for this IP and port");
                    }

                    table.Add(new SimulatedVirtualHost { Ip = ip, Port = port, NetworkId = network, Fqdns = fqdns.ToList() });
                    return (true, "Virtual host successfully created.");
                case "update":
                    if (existing is null)
                    {
                        return (false, "no virtual host for this IP and port");
                    }

                    if (fqdns.Length > 0)
                    {
                        existing.Fqdns = fqdns.ToList();
                    }

                    return (true, "Virtual host successfully updated.");
                case "add_fqdn":
                    if (existing is null)
                    {
                        return (false, "no virtual host for this IP and port");
                    }

                    existing.Fqdns.AddRange(fqdns.Where(f => !existing.Fqdns.Contains(f)));
                    return (true, "Virtual host FQDN(s) successfully added.");
                case "delete_fqdn":
                    if (existing is null)
                    {
                        return (false, "no virtual host for this IP and port");
                    }

                    existing.Fqdns.RemoveAll(f => fqdns.Contains(f));
                    return (true, "Virtual host FQDN(s) successfully deleted.");
                default:
                    if (existing is null)
                    {
                        return (false, "no virtual host for this IP and port");
                    }

                    table.Remove(existing);
                    return (true, "Virtual host successfully deleted.");
            }
        });

        if (!ok)
        {
            await context.InvalidAsync("port", context["port"], text).ConfigureAwait(false);
            return;
        }

        await context.SimpleReturnAsync(200, text).ConfigureAwait(false);
    }
}
