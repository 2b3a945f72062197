namespace ChargeConsole.Features.Reports;

public static class ReportRoutes
{
    public const string MonthlyExport = "export/reports/monthly";
    public const string InvestorRevenueExport = "export/reports/investor-revenue";
    public const string StationTotalsExport = "export/reports/stations";
    public const string InvestorStationsExport = "export/reports/investor-stations";
    public const string StationSharesExport = "export/reports/station-shares";
}
