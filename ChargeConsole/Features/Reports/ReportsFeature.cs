using ChargeConsole.Infrastructure.Excel;

namespace ChargeConsole.Features.Reports;

/// <summary>The Reports module's wiring: its services and endpoints.</summary>
public sealed class ReportsFeature : ConsoleFeature
{
    public const string MonthlyExport = "export/reports/monthly";
    public const string InvestorRevenueExport = "export/reports/investor-revenue";
    public const string StationTotalsExport = "export/reports/stations";
    public const string InvestorStationsExport = "export/reports/investor-stations";
    public const string StationSharesExport = "export/reports/station-shares";

    public override void AddServices(IServiceCollection services, IConfiguration config) => services.AddScoped<ReportPages>();

    public override void MapEndpoints(FeatureRoutes routes)
    {
        // Scoped inside the queries: an investor gets their stations and their own part only.
        routes.Exports.MapExport<ReportFilter, Dictionary<string, object>>(MonthlyExport, "月度统计", ReportQueries.ExportMonthlyAsync);
        routes.Exports.MapExport<ReportFilter, InvestorRevenueExportRow>(InvestorRevenueExport, "投资人收益", ReportQueries.ExportInvestorRevenue);
        routes.Exports.MapExport<ReportFilter, StationTotalExportRow>(StationTotalsExport, "充电统计", ReportQueries.ExportStationTotalsAsync);
        routes.Exports.MapExport<ReportFilter, InvestorStationExportRow>(InvestorStationsExport, "收益图表", ReportQueries.ExportInvestorStationsAsync);
        routes.Exports.MapExport<ReportFilter, StationShareExportRow>(StationSharesExport, "电站收益占比", ReportQueries.ExportStationSharesAsync);
    }
}
