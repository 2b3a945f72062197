using ChargeConsole.Data;
using ChargeConsole.Domain.Infrastructure;
using ChargeConsole.Domain.Orders;
using ChargeConsole.Domain.Values;
using ChargeConsole.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Features.Reports;

/// <summary>月度统计: one station's month. <see cref="MineFen"/> is the chosen (or signed-in) investor's part.</summary>
public sealed record MonthlyRow
{
    public int Month { get; init; } // yyyyMM, sorts as time does
    public int StationId { get; init; }
    public string Station { get; init; } = "";
    public long Orders { get; init; }
    public long Energy { get; init; }
    public long ElectricityFen { get; init; }
    public long ServiceFen { get; init; }
    public long TotalFen { get; init; }
    public long InvestorsFen { get; init; }
    public long PlatformFen { get; init; }
    public long MineFen { get; init; }
    public string MonthText => $"{Month / 100}-{Month % 100:00}";
}

/// <summary>月度统计: per station per month, and its export.</summary>
public static partial class ReportQueries
{
    /// <summary>月度统计: per station per month.</summary>
    public static async Task<List<MonthlyRow>> MonthlyAsync(ChargeDbContext db, AccessScope scope, ReportFilter f, CancellationToken ct)
    {
        var months = await StationDays(db, scope, f).GroupBy(d => new { d.StationId, d.Day.Year, d.Day.Month })
            .Select(g => new
            {
                g.Key.StationId, g.Key.Year, g.Key.Month, Orders = g.Sum(d => (long)d.Orders), Energy = g.Sum(d => d.Energy),
                Electricity = g.Sum(d => d.ElectricityFee), Service = g.Sum(d => d.ServiceFee), Total = g.Sum(d => d.Total),
                Investors = g.Sum(d => d.InvestorsAmount), Platform = g.Sum(d => d.PlatformAmount),
            }).ToListAsync(ct);
        var mine = new Dictionary<(int, int), long>();
        if (InvestorOf(scope, f) is not null)
            mine = (await InvestorDays(db, scope, f).GroupBy(d => new { d.StationId, d.Day.Year, d.Day.Month })
                    .Select(g => new { g.Key.StationId, Month = g.Key.Year * 100 + g.Key.Month, Amount = g.Sum(d => d.Amount) }).ToListAsync(ct))
                .ToDictionary(m => (m.StationId, m.Month), m => m.Amount);
        var names = await StationNamesAsync(db, ct);
        return months.Select(m => new MonthlyRow
        {
            Month = m.Year * 100 + m.Month, StationId = m.StationId, Station = names.GetValueOrDefault(m.StationId, ""), Orders = m.Orders, Energy = m.Energy,
            ElectricityFen = m.Electricity, ServiceFen = m.Service, TotalFen = m.Total,
            // An investor never sees what the others or the platform got.
            InvestorsFen = scope.IsInvestor ? 0 : m.Investors, PlatformFen = scope.IsInvestor ? 0 : m.Platform,
            MineFen = mine.GetValueOrDefault((m.StationId, m.Year * 100 + m.Month)),
        }).OrderByDescending(m => m.Month).ThenBy(m => m.Station).ToList();
    }

    /// <summary>Staff get every column; an investor gets their own part in place of the investors' and the platform's.</summary>
    public static async Task<IEnumerable<Dictionary<string, object>>> ExportMonthlyAsync(ChargeDbContext db, AccessScope scope, ReportFilter f, CancellationToken ct) =>
        MonthlyExportRows(await MonthlyAsync(db, scope, f, ct), scope, f);

    private static IEnumerable<Dictionary<string, object>> MonthlyExportRows(List<MonthlyRow> rows, AccessScope scope, ReportFilter f)
    {
        static decimal Yuan(long fen) => fen / 100m;
        foreach (var r in rows)
        {
            var row = new Dictionary<string, object>
            {
                ["月份"] = r.MonthText, ["电站"] = r.Station, ["订单数"] = r.Orders, ["电量(kWh)"] = r.Energy / 10_000m,
                ["电费(元)"] = Yuan(r.ElectricityFen), ["服务费(元)"] = Yuan(r.ServiceFen), ["总金额(元)"] = Yuan(r.TotalFen),
            };
            if (scope.IsInvestor) row["我的分成(元)"] = Yuan(r.MineFen);
            else
            {
                row["投资人可分(元)"] = Yuan(r.InvestorsFen);
                row["平台(元)"] = Yuan(r.PlatformFen);
                if (InvestorOf(scope, f) is not null) row["所选投资人分成(元)"] = Yuan(r.MineFen);
            }
            yield return row;
        }
    }
}
