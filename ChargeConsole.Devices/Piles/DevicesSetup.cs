using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChargeConsole.Devices.Piles;

public static class DevicesSetup
{
    /// <summary>The pile host's services; the application registers its <see cref="IPileEventSink"/>.</summary>
    public static IServiceCollection AddPileHost(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<YkcOptions>(config.GetSection("Ykc"));
        services.AddSingleton<PileSessionRegistry>();
        services.AddSingleton<PileCommandService>();
        services.AddSingleton<IPileDirectory, LocalPileDirectory>();
        services.AddSingleton<AppCallGate>();
        services.AddSingleton<PileConnectionHandler>();
        services.AddHostedService<PileSessionMonitor>();
        services.Configure<Ocpp.OcppOptions>(config.GetSection("Ocpp"));
        services.AddSingleton<Ocpp.OcppSessionRegistry>();
        services.AddSingleton<Ocpp.OcppCommandService>();
        services.AddSingleton<Ocpp.OcppChargePointHandler>();
        return services;
    }

    /// <summary>Routes every pile question and command through the pile's grain (the console always runs in a cluster,
    /// of one node with SQLite). Call inside the silo's service configuration.</summary>
    public static IServiceCollection AddPileGrains(this IServiceCollection services)
    {
        services.AddSingleton<Cluster.PileCarrier>();
        services.AddSingleton<Cluster.ClusterPileDirectory>();
        services.AddSingleton<IPileDirectory>(sp => sp.GetRequiredService<Cluster.ClusterPileDirectory>());
        services.AddSingleton<Orleans.ILifecycleParticipant<Orleans.Runtime.ISiloLifecycle>>(sp => sp.GetRequiredService<Cluster.ClusterPileDirectory>());
        return services;
    }
}
