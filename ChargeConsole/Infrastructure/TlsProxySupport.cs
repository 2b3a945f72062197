using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace ChargeConsole.Infrastructure;

/// <summary>
/// Running behind a TLS-terminating proxy or load balancer (<c>ForwardedHeaders:Enabled</c>): the client's address
/// and scheme come from X-Forwarded-For/-Proto, trusted only from the proxies named in
/// <c>ForwardedHeaders:KnownNetworks</c> (CIDR, comma-separated; loopback is always trusted). Off by default.
/// </summary>
public static class TlsProxySupport
{
    public static IServiceCollection AddTlsProxySupport(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            foreach (var cidr in Domain.Piles.AllowedNetworks.Entries(config["ForwardedHeaders:KnownNetworks"]))
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(cidr));
            o.KnownProxies.Add(IPAddress.IPv6Loopback);
        });
        return services;
    }

    public static void UseTlsProxySupport(this WebApplication app)
    {
        if (app.Configuration.GetValue("ForwardedHeaders:Enabled", false)) app.UseForwardedHeaders();
    }
}
