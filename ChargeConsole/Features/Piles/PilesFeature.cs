using Quartz;
using ChargeConsole.Devices.Piles;
using ChargeConsole.Infrastructure.Excel;

namespace ChargeConsole.Features.Piles;

/// <summary>The Piles module's wiring: its services and endpoints.</summary>
public sealed class PilesFeature : ConsoleFeature
{
    public const string PilesExport = "export/piles";
    public const string GunsExport = "export/guns";
    public const string ImportTemplate = "templates/pile-import.xlsx";

    public override void AddServices(IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton<PileStateWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<PileStateWriter>());
        services.AddSingleton<PileEventSink>();
        services.AddSingleton<IPileEventSink>(sp => sp.GetRequiredService<PileEventSink>());
        services.AddSingleton<PileService>();
        services.AddSingleton<PileImportService>();
        services.AddSingleton<GunService>();
        services.AddSingleton<PileOperationsService>();
        services.AddSingleton<OcppLocalList>();
        services.AddSingleton<GunReservations>();
        services.AddSingleton<StationPowerSpread>();
        services.AddHostedService(sp => sp.GetRequiredService<StationPowerSpread>());
        services.AddSingleton<ChargeConsole.Devices.Ocpp.IOcppPileRecords, OcppPileRecords>();
    }

    public override void ScheduleJobs(IQuartzBuilder quartz, IConfiguration config) =>
        Every<OcppLocalListJob>(quartz, "ocpp-local-list", TimeSpan.FromSeconds(Math.Max(5, config.GetValue("Ocpp:LocalListSeconds", 60))));

    public override void MapEndpoints(FeatureRoutes routes)
    {
        routes.Exports.MapExport<PileFilter, PileExportRow>(PilesExport, "电桩列表", PileService.Export);
        routes.Exports.MapExport<GunFilter, GunExportRow>(GunsExport, "电枪列表", GunService.Export);
        routes.App.MapGet("/" + ImportTemplate, () => Results.File(PileImportService.TemplateBytes(), ExcelFiles.ContentType, "电桩导入模板.xlsx"))
            .RequireAuthorization();
    }
}
