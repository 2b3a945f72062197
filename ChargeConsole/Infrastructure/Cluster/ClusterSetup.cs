using System.Net;
using System.Net.Sockets;
using ChargeConsole.Data;
using ChargeConsole.Devices.Piles;
using Orleans.Configuration;

namespace ChargeConsole.Infrastructure.Cluster;

/// <summary>Settings of the <c>Cluster</c> section.</summary>
public sealed class ConsoleClusterOptions
{
    /// <summary>Nodes with the same id and database form one cluster.</summary>
    public string ClusterId { get; set; } = "chargeconsole";
    /// <summary>The port nodes talk to each other on (TCP); 0 picks a free one (one node on SQLite).</summary>
    public int SiloPort { get; set; }
    /// <summary>The address other nodes reach this one at; loopback when not set.</summary>
    public string? AdvertisedIP { get; set; }
    /// <summary>A port for outside Orleans clients (the load tool's command run); 0, the default, opens none.</summary>
    public int GatewayPort { get; set; }
    /// <summary>How long a node may stay silent before the others declare it dead and take over its piles.</summary>
    public int FailureDetectionSeconds { get; set; } = 10;
}

/// <summary>
/// Every console process is an Orleans silo. On a server database (PostgreSQL, SQL Server) the nodes find each
/// other through the membership table in that database; on SQLite the console is a cluster of one on localhost.
/// </summary>
public static class ClusterSetup
{
    public static void AddConsoleCluster(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var options = config.GetSection("Cluster").Get<ConsoleClusterOptions>() ?? new ConsoleClusterOptions();
        var serverDatabase = !(config["Database:Provider"] ?? DatabaseSetup.Sqlite).Equals(DatabaseSetup.Sqlite, StringComparison.OrdinalIgnoreCase);
        var commandSeconds = config.GetValue("Ykc:CommandTimeoutSeconds", new YkcOptions().CommandTimeoutSeconds);
        var siloPort = options.SiloPort > 0 ? options.SiloPort : FreePort();
        builder.UseOrleans(silo =>
        {
            if (serverDatabase)
            {
                silo.Configure<ClusterOptions>(o => { o.ClusterId = options.ClusterId; o.ServiceId = "chargeconsole"; });
                silo.Configure<EndpointOptions>(o =>
                {
                    o.AdvertisedIPAddress = options.AdvertisedIP is { Length: > 0 } ip ? IPAddress.Parse(ip) : IPAddress.Loopback;
                    o.SiloPort = siloPort;
                    o.GatewayPort = options.GatewayPort; // every node is a silo; outside clients only when asked for
                    o.SiloListeningEndpoint = new IPEndPoint(IPAddress.Any, siloPort);
                });
                silo.Services.AddSingleton<IMembershipTable, EfMembershipTable>();
                var detection = TimeSpan.FromSeconds(Math.Max(3, options.FailureDetectionSeconds));
                silo.Configure<ClusterMembershipOptions>(o =>
                {
                    // A node killed with -9 is declared dead after about this long: three missed probes.
                    o.ProbeTimeout = detection / 3;
                    o.NumMissedProbesLimit = 3;
                    o.NumVotesForDeathDeclaration = 1;
                    o.TableRefreshTimeout = TimeSpan.FromSeconds(5);
                });
            }
            else
            {
                silo.UseLocalhostClustering(siloPort, 0, serviceId: "chargeconsole", clusterId: options.ClusterId);
            }
            // A command's round trip through the grain includes the pile's own answer time.
            silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(commandSeconds + 10));
            silo.Services.AddPileGrains();
            silo.Services.AddHostedService<ClusterWatch>();
            silo.Services.AddSingleton<Live.LiveRelay>();
            silo.Services.AddHostedService(sp => sp.GetRequiredService<Live.LiveRelay>());
        });
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
