using System.Net;
using Microsoft.AspNetCore.Connections;
using ChargeConsole.Devices.Piles;

namespace ChargeConsole.Infrastructure;

/// <summary>
/// Kestrel listens on the configured web addresses (<c>urls</c>, e.g. from the launch profile or --urls)
/// and, in the same process, on the pile port with the YKC connection handler. Endpoints set in code replace
/// <c>urls</c>, so the web addresses are listened on here explicitly.
/// </summary>
public static class KestrelEndpoints
{
    public static void Configure(WebApplicationBuilder builder)
    {
        var urls = (builder.Configuration["urls"] ?? "http://127.0.0.1:5000").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var ykc = builder.Configuration.GetSection("Ykc").Get<YkcOptions>() ?? new YkcOptions();
        // A reconnect storm brings thousands of piles at once; the kernel's default queue of 512 waiting connections
        // overflows while the node is busy and a balancer in front then takes the node for dead.
        builder.WebHost.UseSockets(o => o.Backlog = 4096);
        builder.WebHost.ConfigureKestrel(k =>
        {
            foreach (var url in urls)
            {
                var uri = new Uri(url.Replace("://*", "://0.0.0.0").Replace("://+", "://0.0.0.0"));
                if (uri.Scheme != Uri.UriSchemeHttp) throw new InvalidOperationException($"Only http addresses are supported here ({url}); put TLS in front.");
                if (uri.IsLoopback && uri.Host == "localhost") k.ListenLocalhost(uri.Port);
                else k.Listen(IPAddress.Parse(uri.Host), uri.Port);
            }
            if (ykc.Port > 0)
            {
                k.Listen(IPAddress.Parse(ykc.Address), ykc.Port, l => l.UseConnectionHandler<PileConnectionHandler>());
            }
        });
    }
}
