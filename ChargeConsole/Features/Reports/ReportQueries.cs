using ChargeConsole.Infrastructure.Grid;
using ChargeConsole.Data;
using ChargeConsole.Data.Entities;
using ChargeConsole.Domain.Orders;
using ChargeConsole.Domain.Values;
using ChargeConsole.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Features.Reports;

/// <summary>Filters the reports share; each report uses the ones the manual names for it. Dates are China days, months their first day.</summary>
public sealed record ReportFilter
{
    /// <summary>Staff may pick an investor; an investor is always themselves.</summary>
    public string? InvestorId { get; set; }
    public int? StationId { get; set; }
    public DateTime? From { get; set; }
    public DateTime? To { get; set; }
    public string? OrderNo { get; set; }
}

/// <summary>
/// The 统计报表 queries. Station figures come from the day roll-ups, investors' parts from their own roll-up, the
/// per-order list from the splits; all count settled orders on the China day they were settled (a void takes an
/// order out). An investor sees only their stations and only their own part, whatever the filter says.
/// </summary>
public static partial class ReportQueries
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
}
