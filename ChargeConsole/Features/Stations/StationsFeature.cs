using ChargeConsole.Infrastructure.Excel;

namespace ChargeConsole.Features.Stations;

/// <summary>The Stations module's wiring: its services and endpoints.</summary>
public sealed class StationsFeature : ConsoleFeature
{
    public const string StationsExport = "export/stations";
    public const string TagsExport = "export/station-tags";

    public override void AddServices(IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton<StationService>();
        services.AddSingleton<NearbyStations>();
        services.AddSingleton<StationTagService>();
    }

    public override void MapEndpoints(FeatureRoutes routes)
    {
        routes.Exports.MapExport<StationFilter, StationExportRow>(StationsExport, "电站列表", StationService.Export);
        routes.StaffExports.MapExport<StationTagFilter, StationTagExportRow>(TagsExport, "电站标签", StationTagService.Export);
    }
}
