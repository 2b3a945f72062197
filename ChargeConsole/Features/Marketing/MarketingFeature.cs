using ChargeConsole.Infrastructure.Excel;

namespace ChargeConsole.Features.Marketing;

/// <summary>The Marketing module's wiring: its services and endpoints.</summary>
public sealed class MarketingFeature : ConsoleFeature
{
    public const string ActivitiesExport = "export/marketing-activities";
    public const string PackagesExport = "export/marketing-packages";

    public override void AddServices(IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton<ActivityService>();
        services.AddSingleton<MarketingPackageService>();
    }

    public override void MapEndpoints(FeatureRoutes routes)
    {
        routes.StaffExports.MapExport<ActivityFilter, ActivityExportRow>(ActivitiesExport, "营销活动", ActivityService.ExportActivities);
        routes.StaffExports.MapExport<MarketingPackageFilter, MarketingPackageExportRow>(PackagesExport, "营销套餐", MarketingPackageService.ExportPackages);
    }
}
