using ChargeConsole.Infrastructure.Excel;

namespace ChargeConsole.Features.Wallets;

/// <summary>The Wallets module's wiring: its services and endpoints.</summary>
public sealed class WalletsFeature : ConsoleFeature
{
    public const string WalletsExport = "export/wallets";
    public const string LedgerExport = "export/ledger";

    public override void AddServices(IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton<WalletService>();
    }

    public override void MapEndpoints(FeatureRoutes routes)
    {
        routes.StaffExports.MapExport<WalletFilter, WalletExportRow>(WalletsExport, "用户资产", WalletService.Export);
        routes.StaffExports.MapExport<LedgerFilter, LedgerExportRow>(LedgerExport, "账单明细", LedgerQueries.Export);
    }
}
