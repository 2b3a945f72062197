using ChargeConsole.Infrastructure.Excel;
using Quartz;

namespace ChargeConsole.Features.Pricing;

/// <summary>The Pricing module's wiring: its services, jobs and endpoints.</summary>
public sealed class PricingFeature : ConsoleFeature
{
    public const string ElectricityPricesExport = "export/electricity-prices";
    public const string BillingTemplatesExport = "export/billing-templates";
    public const string SyncLogsExport = "export/billing-sync-logs";

    public override void AddServices(IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton<ElectricityPriceService>();
        services.AddSingleton<BillingTemplateService>();
        services.AddSingleton<BillingSyncService>();
    }

    public override void ScheduleJobs(IQuartzBuilder quartz, IConfiguration config) =>
        Every<BillingSyncRetryJob>(quartz, "billing-sync-retry", TimeSpan.FromSeconds(config.GetValue("BillingSync:RetrySeconds", 30)));

    public override void MapEndpoints(FeatureRoutes routes)
    {
        // Pricing is a staff page: investors get no export of it either.
        routes.StaffExports.MapExport<ElectricityPriceFilter, ElectricityPriceExportRow>(ElectricityPricesExport, "基础电价", ElectricityPriceService.Export);
        routes.StaffExports.MapExport<BillingTemplateFilter, BillingTemplateExportRow>(BillingTemplatesExport, "计费模板", BillingTemplateService.Export);
        routes.StaffExports.MapExport<BillingSyncLogFilter, BillingSyncLogExportRow>(SyncLogsExport, "计费模板日志", BillingSyncService.Export);
    }
}
