using ChargeConsole.Infrastructure.Grid;
using ChargeConsole.Data;
using ChargeConsole.Data.Entities;
using ChargeConsole.Domain.Infrastructure;
using ChargeConsole.Domain.Orders;
using ChargeConsole.Domain.Values;
using ChargeConsole.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Features.Reports;

/// <summary>
/// The 统计报表 queries. Station figures come from the day roll-ups, investors' parts from their own roll-up, the
/// per-order list from the splits; all count settled orders on the China day they were settled (a void takes an
/// order out). An investor sees only their stations and only their own part, whatever the filter says.
/// </summary>
public static class ReportQueries
{
    /// <summary>The investor whose part a report shows: an investor is always themselves; staff may choose one.</summary>
    public static string? InvestorOf(AccessScope scope, ReportFilter f) => scope.IsInvestor ? scope.UserId : string.IsNullOrEmpty(f.InvestorId) ? null : f.InvestorId;

    private static DateOnly? Day(DateTime? d) => d is { } v ? DateOnly.FromDateTime(ChinaDays.Day(v)) : null;

    /// <summary>The station-days a filter covers: visible stations, the chosen station and investor, the date range.</summary>
    public static IQueryable<DailyStationStat> StationDays(ChargeDbContext db, AccessScope scope, ReportFilter f) =>
        OfInvestorStations(db, scope, f, Within(db.DailyStationStats.AsNoTracking(), scope, f));

    /// <summary>One investor's parts (or every investor's, for staff without a choice) over the filter.</summary>
    public static IQueryable<DailyInvestorStat> InvestorDays(ChargeDbContext db, AccessScope scope, ReportFilter f)
    {
        var q = Within(db.DailyInvestorStats.AsNoTracking(), scope, f);
        return InvestorOf(scope, f) is { } investor ? q.Where(d => d.InvestorId == investor) : q;
    }

    /// <summary>The guns' faults over the filter, counted per gun and day.</summary>
    public static IQueryable<DailyGunFault> FaultDays(ChargeDbContext db, AccessScope scope, ReportFilter f) =>
        OfInvestorStations(db, scope, f, Within(db.DailyGunFaults.AsNoTracking(), scope, f));

    /// <summary>A roll-up's rows the viewer may see, of the chosen station, inside the date range.</summary>
    private static IQueryable<T> Within<T>(IQueryable<T> q, AccessScope scope, ReportFilter f) where T : class, IDailyStationFigure
    {
        q = q.VisibleTo(scope);
        if (f.StationId is { } station) q = q.Where(d => d.StationId == station);
        if (Day(f.From) is { } from) q = q.Where(d => d.Day >= from);
        if (Day(f.To) is { } to) q = q.Where(d => d.Day <= to);
        return q;
    }

    /// <summary>Staff who chose an investor see that investor's stations (an investor's own scope already is).</summary>
    private static IQueryable<T> OfInvestorStations<T>(ChargeDbContext db, AccessScope scope, ReportFilter f, IQueryable<T> q) where T : class, IDailyStationFigure =>
        !scope.IsInvestor && InvestorOf(scope, f) is { } investor
            ? q.Where(d => db.StationInvestors.Any(s => s.StationId == d.StationId && s.InvestorId == investor))
            : q;

    public static async Task<Dictionary<int, string>> StationNamesAsync(ChargeDbContext db, CancellationToken ct) =>
        await db.Stations.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, ct);

    public static async Task<Dictionary<string, string>> InvestorNamesAsync(ChargeDbContext db, CancellationToken ct) =>
        await db.StationInvestors.AsNoTracking().Select(s => s.Investor).Distinct()
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName != "" ? u.DisplayName : u.UserName!, ct);

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

    /// <summary>投资人收益: each investor's part of each settled order (voided orders leave the list).</summary>
    public static IQueryable<InvestorRevenueRow> InvestorRevenue(ChargeDbContext db, AccessScope scope, ReportFilter f)
    {
        var shares = db.RevenueShares.AsNoTracking().VisibleTo(scope).Where(r => !r.IsReversal && r.InvestorId != null);
        if (InvestorOf(scope, f) is { } investor) shares = shares.Where(r => r.InvestorId == investor);
        if (f.StationId is { } station) shares = shares.Where(r => r.StationId == station);
        // A part is written when its order settles, so its time is the settlement's.
        if (Day(f.From) is { } from) { var start = ChinaTime.ToUtc(from.ToDateTime(TimeOnly.MinValue)); shares = shares.Where(r => r.CreatedAt >= start); }
        if (Day(f.To) is { } to) { var end = ChinaTime.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue)); shares = shares.Where(r => r.CreatedAt < end); }
        var orders = db.ChargingOrders.Where(o => o.Status == ChargingOrderStatus.Settled);
        if (!string.IsNullOrWhiteSpace(f.OrderNo)) { var no = f.OrderNo.Trim(); orders = orders.Where(o => o.OrderNo.StartsWith(no)); }
        // Filtered by "its order is settled" rather than joined to the orders: the database then walks the parts
        // newest first and stops at the page, instead of sorting a year of them (an order-number filter starts from
        // the order-number index either way).
        return shares.Where(r => orders.Any(o => o.Id == r.ChargingOrderId)).Select(r => new InvestorRevenueRow
        {
            Id = r.Id, SettledAt = r.CreatedAt, Base = r.Base, SharePercent = r.SharePercent, Amount = r.Amount,
            OrderNo = db.ChargingOrders.Where(o => o.Id == r.ChargingOrderId).Select(o => o.OrderNo).First(),
            Station = db.Stations.Where(s => s.Id == r.StationId).Select(s => s.Name).First(),
            Investor = db.Users.Where(u => u.Id == r.InvestorId).Select(u => u.DisplayName != "" ? u.DisplayName : u.UserName!).FirstOrDefault() ?? "",
        });
    }

    /// <summary>
    /// How many rows <see cref="InvestorRevenue"/> has, from the investors' day roll-ups (each counts its non-voided
    /// parts), so paging a year of parts needs no count over them; null when an order-number filter needs the real count.
    /// </summary>
    public static async Task<int?> InvestorRevenueCountAsync(ChargeDbContext db, AccessScope scope, ReportFilter f, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(f.OrderNo) ? await InvestorDays(db, scope, f).SumAsync(d => d.Orders, ct) : null;

    public static IEnumerable<InvestorRevenueExportRow> ExportInvestorRevenue(ChargeDbContext db, AccessScope scope, ReportFilter f) =>
        InvestorRevenue(db, scope, f).OrderByDescending(r => r.Id).AsEnumerable().Select(r => new InvestorRevenueExportRow
        {
            OrderNo = r.OrderNo, Station = r.Station, Investor = r.Investor, SettledAt = ChinaTime.Format(r.SettledAt), Base = r.Base.Yuan,
            Share = r.SharePercent, Amount = r.Amount.Yuan,
        });

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

    /// <summary>
    /// Each station's split base and who got it: staff see every investor and the platform; an investor sees their
    /// own part and the rest as one figure (平台及其他投资人).
    /// </summary>
    public static async Task<List<(StationTotalRow Station, List<(string Party, long Fen)> Parts)>> StationSharesAsync(
        ChargeDbContext db, AccessScope scope, ReportFilter f, CancellationToken ct)
    {
        var stations = await StationTotalsAsync(db, scope, f, ct);
        var investors = await InvestorStationsAsync(db, scope, f, ct);
        return stations.Where(s => s.Orders != 0 || s.TotalFen != 0).Select(s =>
        {
            var parts = investors.Where(i => i.StationId == s.StationId).Select(i => (i.Investor, i.AmountFen)).ToList();
            parts.Add(scope.IsInvestor ? ("平台及其他投资人", s.SplitBaseFen - parts.Sum(p => p.AmountFen)) : ("平台", s.PlatformFen));
            return (s, parts);
        }).ToList();
    }

    public static async Task<IEnumerable<StationShareExportRow>> ExportStationSharesAsync(ChargeDbContext db, AccessScope scope, ReportFilter f, CancellationToken ct) =>
        (await StationSharesAsync(db, scope, f, ct)).SelectMany(s => s.Parts.Select(p => new StationShareExportRow
        {
            Station = s.Station.Station, Total = s.Station.TotalFen / 100m, Base = s.Station.SplitBaseFen / 100m, Party = p.Party, Amount = p.Fen / 100m,
        }));

    public static async Task<List<MonthTotal>> InvestorMonthsAsync(ChargeDbContext db, AccessScope scope, ReportFilter f, CancellationToken ct) =>
        (await InvestorDays(db, scope, f).GroupBy(d => new { d.Day.Year, d.Day.Month })
            .Select(g => new { g.Key.Year, g.Key.Month, Amount = g.Sum(d => d.Amount) }).ToListAsync(ct))
        .Select(m => new MonthTotal(m.Year * 100 + m.Month, m.Amount)).OrderBy(m => m.Month).ToList();

    /// <summary>How the guns split across statuses now, for the filter's stations.</summary>
    public static async Task<List<(GunStatus Status, int Count)>> GunStatusesAsync(ChargeDbContext db, AccessScope scope, ReportFilter f, CancellationToken ct)
    {
        var guns = db.Guns.AsNoTracking().VisibleTo(scope);
        if (f.StationId is { } station) guns = guns.Where(g => g.StationId == station);
        return (await guns.GroupBy(g => g.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .Select(g => (g.Key, g.Count)).OrderBy(g => g.Key).ToList();
    }
}
