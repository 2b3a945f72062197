using ChargeConsole.Data;
using ChargeConsole.Domain.Infrastructure;
using ChargeConsole.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Features.Home;

/// <summary>
/// One figure over the home page's periods (China days): today, yesterday for comparison, this month, all time, and
/// for 环比 and 同比 the same days of last month and of this month a year ago (1st up to today's day of the month).
/// </summary>
public sealed record Figure(long Today, long Yesterday, long Month, long Total, long LastMonthSoFar = 0, long MonthLastYear = 0);

/// <summary>The China days the home page's figures cover.</summary>
public sealed record HomePeriods(DateOnly Today)
{
    public DateOnly Yesterday => Today.AddDays(-1);
    public DateOnly MonthStart => new(Today.Year, Today.Month, 1);

    /// <summary>Last month from its 1st to the same day of the month as today (or its last day, when shorter).</summary>
    public (DateOnly From, DateOnly To) LastMonthSoFar => SameDaysOf(MonthStart.AddMonths(-1));

    /// <summary>This month a year ago, from its 1st to the same day of the month.</summary>
    public (DateOnly From, DateOnly To) MonthLastYear => SameDaysOf(MonthStart.AddYears(-1));

    private (DateOnly, DateOnly) SameDaysOf(DateOnly monthStart) =>
        (monthStart, monthStart.AddDays(Math.Min(Today.Day, DateTime.DaysInMonth(monthStart.Year, monthStart.Month)) - 1));

    /// <summary>A figure from a sum over China days (null from: since the beginning).</summary>
    public async Task<Figure> FigureAsync(Func<DateOnly?, DateOnly, Task<long>> sum) => new(
        await sum(Today, Today), await sum(Yesterday, Yesterday), await sum(MonthStart, Today), await sum(null, Today),
        await sum(LastMonthSoFar.From, LastMonthSoFar.To), await sum(MonthLastYear.From, MonthLastYear.To));
}

public sealed record DayPoint(DateOnly Day, long Orders, long AmountFen);

/// <summary>A station's charging today; <see cref="MineFen"/> is the signed-in investor's part of it (0 for staff).</summary>
public sealed record StationRank(int StationId, string Station, long Orders, long AmountFen, long MineFen);

/// <summary>
/// The home page's cards, 7-day series and today's ranking. Recharges are the operator's only (null for an investor);
/// <see cref="MyShare"/> is the investor's own part of the split (null for staff). Charging figures count settled
/// orders on the China day they were settled; a voided order leaves them.
/// </summary>
public sealed record HomeFigures(
    Figure NewUsers, Figure? Recharges, Figure? RechargeFen, Figure Orders, Figure AmountFen, Figure EnergyUnits, Figure? MyShare,
    IReadOnlyList<DayPoint> Week, IReadOnlyList<StationRank> Ranking);

public sealed class HomeFiguresService(IDbContextFactory<ChargeDbContext> dbFactory, TimeProvider clock)
{
    public async Task<HomeFigures> GetAsync(AccessScope scope, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var periods = new HomePeriods(DateOnly.FromDateTime(ChinaTime.Today(clock)));
        var today = periods.Today;

        var days = await db.DailyStationStats.AsNoTracking().VisibleTo(scope).GroupBy(d => d.Day)
            .Select(g => new { Day = g.Key, Orders = g.Sum(d => (long)d.Orders), Energy = g.Sum(d => d.Energy), Amount = g.Sum(d => d.Total) })
            .ToListAsync(ct);
        Task<Figure> Of<T>(IEnumerable<T> rows, Func<T, DateOnly> day, Func<T, long> value) =>
            periods.FigureAsync((from, to) => Task.FromResult(rows.Where(r => (from == null || day(r) >= from) && day(r) <= to).Sum(value)));

        Figure? myShare = null;
        if (scope.IsInvestor)
        {
            var mine = await db.DailyInvestorStats.AsNoTracking().VisibleTo(scope).Where(d => d.InvestorId == scope.UserId).GroupBy(d => d.Day)
                .Select(g => new { Day = g.Key, Amount = g.Sum(d => d.Amount) }).ToListAsync(ct);
            myShare = await Of(mine, m => m.Day, m => m.Amount);
        }

        var week = Enumerable.Range(0, 7).Select(i => today.AddDays(i - 6))
            .Select(d => days.FirstOrDefault(x => x.Day == d) is { } x ? new DayPoint(d, x.Orders, x.Amount) : new DayPoint(d, 0, 0)).ToList();

        return new HomeFigures(
            await NewUsersAsync(db, scope, periods, ct),
            scope.IsInvestor ? null : await RechargesAsync(db, periods, r => r.Count, ct),
            scope.IsInvestor ? null : await RechargesAsync(db, periods, r => r.Amount, ct),
            await Of(days, d => d.Day, d => d.Orders), await Of(days, d => d.Day, d => d.Amount), await Of(days, d => d.Day, d => d.Energy), myShare,
            week, await RankingAsync(db, scope, today, ct));
    }

    private static DateTime Utc(DateOnly chinaDay) => ChinaTime.ToUtc(chinaDay.ToDateTime(TimeOnly.MinValue));

    /// <summary>Staff: users registered in the period. An investor: users whose first charge was at one of their stations.</summary>
    private static Task<Figure> NewUsersAsync(ChargeDbContext db, AccessScope scope, HomePeriods periods, CancellationToken ct)
    {
        async Task<long> Count(DateOnly? from, DateOnly to)
        {
            DateTime? start = from is { } f ? Utc(f) : null;
            var end = Utc(to.AddDays(1));
            if (scope.StationIds is { } ids)
                return await db.AppUsers.CountAsync(u => u.FirstChargeStationId != null && ids.Contains(u.FirstChargeStationId.Value)
                                                   && (start == null || u.FirstChargeAt >= start) && u.FirstChargeAt < end, ct);
            return await db.AppUsers.CountAsync(u => (start == null || u.RegisteredAt >= start) && u.RegisteredAt < end, ct);
        }
        return periods.FigureAsync(Count);
    }

    private sealed record RechargeSum(long Count, long Amount);

    /// <summary>Paid recharge orders by the time they were paid (refunds later do not unpay them), summed in the database.</summary>
    private static Task<Figure> RechargesAsync(ChargeDbContext db, HomePeriods periods, Func<RechargeSum, long> pick, CancellationToken ct)
    {
        async Task<long> Sum(DateOnly? from, DateOnly to)
        {
            var start = from is { } f ? Utc(f) : DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc);
            var end = Utc(to.AddDays(1));
            // Money is a value-converted integer column: the database sums it, LINQ cannot.
            var sum = await db.Database.SqlQuery<RechargeSum>($"""
                SELECT CAST(COUNT(*) AS BIGINT) AS "Count", CAST(COALESCE(SUM("PaidAmount"), 0) AS BIGINT) AS "Amount" FROM "RechargeOrders" WHERE "PaidAt" >= {start} AND "PaidAt" < {end}
                """).SingleAsync(ct);
            return pick(sum);
        }
        return periods.FigureAsync(Sum);
    }

    private static async Task<IReadOnlyList<StationRank>> RankingAsync(ChargeDbContext db, AccessScope scope, DateOnly today, CancellationToken ct)
    {
        var rows = await db.DailyStationStats.AsNoTracking().VisibleTo(scope).Where(d => d.Day == today)
            .Join(db.Stations, d => d.StationId, s => s.Id, (d, s) => new { d.StationId, s.Name, d.Orders, d.Total })
            .OrderByDescending(r => r.Total).Take(10).ToListAsync(ct);
        var mine = scope.IsInvestor
            ? await db.DailyInvestorStats.AsNoTracking().Where(d => d.Day == today && d.InvestorId == scope.UserId).ToDictionaryAsync(d => d.StationId, d => d.Amount, ct)
            : [];
        return rows.Select(r => new StationRank(r.StationId, r.Name, r.Orders, r.Total, mine.GetValueOrDefault(r.StationId))).ToList();
    }
}
