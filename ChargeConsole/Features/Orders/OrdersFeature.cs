using ChargeConsole.Infrastructure.Excel;
using Quartz;

namespace ChargeConsole.Features.Orders;

/// <summary>The Orders module's wiring: its services, jobs and endpoints.</summary>
public sealed class OrdersFeature : ConsoleFeature
{
    public const string OrdersExport = "export/orders";
    public const string LedgerExport = "export/ledger";

    public override void AddServices(IServiceCollection services, IConfiguration config)
    {
        services.Configure<OrdersOptions>(config.GetSection("Orders"));
        services.AddSingleton<OrderSettlement>();
        services.AddSingleton<SettlementQueue>();
        services.AddHostedService(sp => sp.GetRequiredService<SettlementQueue>());
        services.AddSingleton<OrderTelemetry>();
        services.AddSingleton<ChargeConsole.Devices.Ocpp.IOcppTransactions, OcppTransactions>();
        services.AddSingleton<ChargingService>();
        services.AddSingleton<PileStartAuthorizer>();
        services.AddSingleton<ChargingOrderService>();
        services.AddSingleton<OrderResolutionService>();
    }

    public override void ScheduleJobs(IQuartzBuilder quartz, IConfiguration config) =>
        Every<OrderWatchJob>(quartz, "order-watch", TimeSpan.FromSeconds(config.GetValue("Orders:OverdueCheckSeconds", 60)));

    public override void MapEndpoints(FeatureRoutes routes)
    {
        routes.Exports.MapExport<ChargingOrderFilter, ChargingOrderExportRow>(OrdersExport, "充电订单", ChargingOrderService.Export);
        routes.StaffExports.MapExport<LedgerFilter, LedgerExportRow>(LedgerExport, "账单明细", LedgerQueries.Export);
    }
}
