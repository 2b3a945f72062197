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
        services.AddSingleton<PileConnectionHandler>();
        services.AddHostedService<PileSessionMonitor>();
        return services;
    }
}
