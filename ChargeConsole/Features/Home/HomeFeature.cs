
namespace ChargeConsole.Features.Home;

/// <summary>The Home module's wiring: its services.</summary>
public sealed class HomeFeature : ConsoleFeature
{
    public override void AddServices(IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton<DashboardService>();
        services.AddSingleton<HomeFiguresService>();
    }
}
