using ChargeConsole.Infrastructure.Excel;

namespace ChargeConsole.Features.Stations;

/// <summary>The Stations module's wiring: its services and endpoints.</summary>
public sealed class StationsFeature : ConsoleFeature
{
    public const string StationsExport = "export/stations";

    public override void AddServices(IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton<StationService>();
        services.AddSingleton<NearbyStations>();
    }

    public override void MapEndpoints(FeatureRoutes routes)
    {
        routes.Exports.MapExport<StationFilter, StationExportRow>(StationsExport, "电站列表", StationService.Export);
    }
}
