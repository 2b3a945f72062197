using ChargeConsole.Infrastructure.Excel;
using Quartz;

namespace ChargeConsole.Features.StoredValue;

/// <summary>The StoredValue module's wiring: its services, jobs and endpoints.</summary>
public sealed class StoredValueFeature : ConsoleFeature
{
    public const string OrdersExport = "export/recharge-orders";
    public const string RefundsExport = "export/refunds";
    public const string PackagesExport = "export/recharge-packages";
    public const string WithdrawalsExport = "export/withdrawals";
    public const string WalletsExport = "export/wallets";

    public override void AddServices(IServiceCollection services, IConfiguration config)
    {
        services.Configure<RechargeOptions>(config.GetSection("Recharge"));
        services.AddSingleton<RechargeService>();
        services.AddSingleton<RechargePayments>();
        services.AddSingleton<RefundService>();
        services.AddSingleton<StoredValueQueries>();
        services.AddSingleton<PackageService>();
        services.AddSingleton<WithdrawalService>();
        services.AddSingleton<WalletService>();
    }

    public override void ScheduleJobs(IQuartzBuilder quartz, IConfiguration config) =>
        Every<PaymentRecoveryJob>(quartz, "payment-recovery", TimeSpan.FromSeconds(config.GetValue("Recharge:RecoverySeconds", 30)));

    public override void MapEndpoints(FeatureRoutes routes)
    {
        routes.App.MapPaymentNotify();
        routes.StaffExports.MapExport<RechargeOrderFilter, RechargeOrderExportRow>(OrdersExport, "储值订单", StoredValueQueries.ExportOrders);
        routes.StaffExports.MapExport<RefundFilter, RefundExportRow>(RefundsExport, "退款记录", StoredValueQueries.ExportRefunds);
        routes.StaffExports.MapExport<PackageFilter, PackageExportRow>(PackagesExport, "储值套餐", PackageService.Export);
        routes.StaffExports.MapExport<WithdrawalFilter, WithdrawalExportRow>(WithdrawalsExport, "提现记录", WithdrawalService.Export);
        routes.StaffExports.MapExport<WalletFilter, WalletExportRow>(WalletsExport, "用户资产", WalletService.Export);
    }
}
