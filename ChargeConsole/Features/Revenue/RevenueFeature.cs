
namespace ChargeConsole.Features.Revenue;

/// <summary>The Revenue module's wiring: its services.</summary>
public sealed class RevenueFeature : ConsoleFeature
{
    public override void AddServices(IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton<RevenueRebuild>();
        services.AddSingleton<RevenueBackfill>();
        services.AddHostedService(sp => sp.GetRequiredService<RevenueBackfill>());
    }
}
