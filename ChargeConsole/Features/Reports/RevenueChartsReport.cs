using ChargeConsole.Data;
using ChargeConsole.Domain.Infrastructure;
using ChargeConsole.Domain.Orders;
using ChargeConsole.Domain.Values;
using ChargeConsole.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs.Attributes;

namespace ChargeConsole.Features.Reports;

public sealed class InvestorStationExportRow
{
    [ExcelColumnName("投资人")] public string Investor { get; set; } = "";
    [ExcelColumnName("电站")] public string Station { get; set; } = "";
    [ExcelColumnName("收益(元)")] public decimal Amount { get; set; }
}

/// <summary>One investor's revenue at one station over the period.</summary>
public sealed record InvestorStationRow(string InvestorId, string Investor, int StationId, string Station, long AmountFen);

public sealed record MonthTotal(int Month, long AmountFen);

/// <summary>收益图表: each investor at each station, and by month.</summary>
public static partial class ReportQueries
{
    /// <summary>Each investor's revenue at each station over the filter (an investor: only their own).</summary>
    public static async Task<List<InvestorStationRow>> InvestorStationsAsync(ChargeDbContext db, AccessScope scope, ReportFilter f, CancellationToken ct)
    {
        var names = await StationNamesAsync(db, ct);
        var investors = await InvestorNamesAsync(db, ct);
        var rows = await InvestorDays(db, scope, f).GroupBy(d => new { d.InvestorId, d.StationId })
            .Select(g => new { g.Key.InvestorId, g.Key.StationId, Amount = g.Sum(d => d.Amount) }).ToListAsync(ct);
        return rows.Select(r => new InvestorStationRow(r.InvestorId, investors.GetValueOrDefault(r.InvestorId, r.InvestorId), r.StationId,
            names.GetValueOrDefault(r.StationId, ""), r.Amount)).OrderByDescending(r => r.AmountFen).ToList();
    }

    public static async Task<IEnumerable<InvestorStationExportRow>> ExportInvestorStationsAsync(ChargeDbContext db, AccessScope scope, ReportFilter f, CancellationToken ct) =>
        (await InvestorStationsAsync(db, scope, f, ct))
            .Select(r => new InvestorStationExportRow { Investor = r.Investor, Station = r.Station, Amount = r.AmountFen / 100m });

    public static async Task<List<MonthTotal>> InvestorMonthsAsync(ChargeDbContext db, AccessScope scope, ReportFilter f, CancellationToken ct) =>
        (await InvestorDays(db, scope, f).GroupBy(d => new { d.Day.Year, d.Day.Month })
            .Select(g => new { g.Key.Year, g.Key.Month, Amount = g.Sum(d => d.Amount) }).ToListAsync(ct))
        .Select(m => new MonthTotal(m.Year * 100 + m.Month, m.Amount)).OrderBy(m => m.Month).ToList();
}
