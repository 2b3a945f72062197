using ChargeConsole.Domain.Values;
using ChargeConsole.Shared;

namespace ChargeConsole.Features.Reports;

/// <summary>How report figures read: money from fen as ¥1,234.56, energy from kWh×10⁴ as 1,234.56.</summary>
public static class ReportText
{
    public static string Yuan(long fen) => MoneyText.Yuan(Money.FromFen(fen));

    public static string Kwh(long units) => (units / 10_000m).ToString("#,##0.00");
}

public static class ReportRoutes
{
    public const string MonthlyExport = "export/reports/monthly";
    public const string InvestorRevenueExport = "export/reports/investor-revenue";
    public const string StationTotalsExport = "export/reports/stations";
    public const string InvestorStationsExport = "export/reports/investor-stations";
    public const string StationSharesExport = "export/reports/station-shares";
}
