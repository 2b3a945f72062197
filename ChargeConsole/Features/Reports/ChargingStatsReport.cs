using ChargeConsole.Data;
using ChargeConsole.Data.Entities;
using ChargeConsole.Domain.Infrastructure;
using ChargeConsole.Domain.Orders;
using ChargeConsole.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs.Attributes;

namespace ChargeConsole.Features.Reports;

/// <summary>充电统计's per-station line, and one station's figures in the other reports.</summary>
public sealed record StationTotalRow
{
    public int StationId { get; init; }
    public string Station { get; init; } = "";
    public long Orders { get; init; }
    public long Energy { get; init; }
    public long TotalFen { get; init; }
    public long SplitBaseFen { get; init; }
    public long InvestorsFen { get; init; }
    public long PlatformFen { get; init; }
    /// <summary>How many times the station's guns went into fault over the period.</summary>
    public long Faults { get; init; }
}

public sealed class StationTotalExportRow
{
    [ExcelColumnName("电站")] public string Station { get; set; } = "";
    [ExcelColumnName("充电次数")] public long Orders { get; set; }
    [ExcelColumnName("电量(kWh)")] public decimal Energy { get; set; }
    [ExcelColumnName("充电金额(元)")] public decimal Total { get; set; }
    [ExcelColumnName("故障次数")] public long Faults { get; set; }
}

public sealed record DayTotal(DateOnly Day, long Orders, long Energy, long TotalFen);

/// <summary>充电统计: per station, per day or hour, and the guns' statuses now.</summary>
public static partial class ReportQueries
{
    /// <summary>Per station over the filter (充电统计's list, 电站收益占比's table).</summary>
    public static async Task<List<StationTotalRow>> StationTotalsAsync(ChargeDbContext db, AccessScope scope, ReportFilter f, CancellationToken ct)
    {
        var names = await StationNamesAsync(db, ct);
        var rows = await StationDays(db, scope, f).GroupBy(d => d.StationId).Select(g => new
        {
            StationId = g.Key, Orders = g.Sum(d => (long)d.Orders), Energy = g.Sum(d => d.Energy), Total = g.Sum(d => d.Total),
            Base = g.Sum(d => d.SplitBase), Investors = g.Sum(d => d.InvestorsAmount), Platform = g.Sum(d => d.PlatformAmount),
        }).ToListAsync(ct);
        var faults = await FaultDays(db, scope, f).GroupBy(d => d.StationId)
            .Select(g => new { StationId = g.Key, Faults = g.Sum(d => (long)d.Faults) }).ToDictionaryAsync(g => g.StationId, g => g.Faults, ct);
        var totals = rows.Select(r => new StationTotalRow
        {
            StationId = r.StationId, Station = names.GetValueOrDefault(r.StationId, ""), Orders = r.Orders, Energy = r.Energy, TotalFen = r.Total,
            SplitBaseFen = r.Base, InvestorsFen = scope.IsInvestor ? 0 : r.Investors, PlatformFen = scope.IsInvestor ? 0 : r.Platform,
            Faults = faults.GetValueOrDefault(r.StationId),
        }).ToList();
        // A station whose guns only failed over the period is listed too, with its faults.
        totals.AddRange(faults.Where(x => rows.All(r => r.StationId != x.Key))
            .Select(x => new StationTotalRow { StationId = x.Key, Station = names.GetValueOrDefault(x.Key, ""), Faults = x.Value }));
        return totals.OrderByDescending(r => r.TotalFen).ThenBy(r => r.Station).ToList();
    }

    public static async Task<IEnumerable<StationTotalExportRow>> ExportStationTotalsAsync(ChargeDbContext db, AccessScope scope, ReportFilter f, CancellationToken ct) =>
        (await StationTotalsAsync(db, scope, f, ct)).Select(r => new StationTotalExportRow
        {
            Station = r.Station, Orders = r.Orders, Energy = r.Energy / 10_000m, Total = r.TotalFen / 100m, Faults = r.Faults,
        });

    public static async Task<List<DayTotal>> DailyAsync(ChargeDbContext db, AccessScope scope, ReportFilter f, CancellationToken ct) =>
        (await StationDays(db, scope, f).GroupBy(d => d.Day)
            .Select(g => new { Day = g.Key, Orders = g.Sum(d => (long)d.Orders), Energy = g.Sum(d => d.Energy), Total = g.Sum(d => d.Total) })
            .ToListAsync(ct)).Select(d => new DayTotal(d.Day, d.Orders, d.Energy, d.Total)).OrderBy(d => d.Day).ToList();

    /// <summary>
    /// One China day's settled charging hour by hour (the trend of a single day), from the orders themselves: the same
    /// orders and amounts the day's roll-up holds (settled, what they charged), spread over the hour each was settled in.
    /// </summary>
    public static async Task<List<TrendPoint>> HourlyAsync(ChargeDbContext db, AccessScope scope, ReportFilter f, DateOnly day, CancellationToken ct)
    {
        var start = ChinaTime.ToUtc(day.ToDateTime(TimeOnly.MinValue));
        var end = start.AddDays(1);
        var q = db.ChargingOrders.AsNoTracking().VisibleTo(scope).Where(o => o.Status == ChargingOrderStatus.Settled && o.SettledAt >= start && o.SettledAt < end);
        if (f.StationId is { } station) q = q.Where(o => o.StationId == station);
        var orders = await q.Select(o => new { o.SettledAt, o.Energy, o.TotalAmount, o.DiscountAmount }).ToListAsync(ct);
        var byHour = orders.ToLookup(o => ChinaTime.ToChina(o.SettledAt!.Value).Hour);
        return Enumerable.Range(0, 24).Select(h => new TrendPoint($"{h:00}:00", byHour[h].Count(), byHour[h].Sum(o => o.Energy.Units),
            byHour[h].Sum(o => (o.TotalAmount - o.DiscountAmount).Fen))).ToList();
    }

    /// <summary>How the guns split across statuses now, for the filter's stations.</summary>
    public static async Task<List<(GunStatus Status, int Count)>> GunStatusesAsync(ChargeDbContext db, AccessScope scope, ReportFilter f, CancellationToken ct)
    {
        var guns = db.Guns.AsNoTracking().VisibleTo(scope);
        if (f.StationId is { } station) guns = guns.Where(g => g.StationId == station);
        return (await guns.GroupBy(g => g.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .Select(g => (g.Key, g.Count)).OrderBy(g => g.Key).ToList();
    }
}
