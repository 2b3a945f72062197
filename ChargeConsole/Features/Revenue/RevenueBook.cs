using ChargeConsole.Data;
using ChargeConsole.Data.Entities;
using ChargeConsole.Domain.Infrastructure;
using ChargeConsole.Domain.Revenue;
using ChargeConsole.Domain.Values;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Features.Revenue;

/// <summary>
/// Writes what a settlement or a void does to revenue, in the caller's transaction: the order's split
/// (<see cref="RevenueShare"/> rows, reversed by a void, never deleted) and the day's roll-ups the dashboards and
/// reports read. The day is the China day the order was settled on; a void takes the order back out of that day.
/// </summary>
public static class RevenueBook
{
    /// <summary>The split of a just-settled order with the station's shares in force now.</summary>
    public static async Task RecordSettledAsync(ChargeDbContext db, ChargingOrder order, DateTime now, CancellationToken ct)
    {
        RequireTransaction(db);
        var station = await db.Stations.AsNoTracking().Where(s => s.Id == order.StationId)
            .Select(s => new { s.SplitBase, Shares = s.Investors.Select(i => new InvestorShare(i.InvestorId, i.SharePercent)).ToList() })
            .SingleAsync(ct);
        // A coupon's discount has already reduced the service fee; the whole amount is what was charged.
        var (@base, parts) = Split(station.SplitBase, station.Shares, order.ServiceFee, order.Charged);
        foreach (var part in parts) db.RevenueShares.Add(Row(order.Id, order.StationId, part, @base, now));
        await AddToDayAsync(db, DayOf(order.SettledAt ?? now), order, @base, parts, +1, ct);
        if (order.AppUserId is { } userId)
            await db.AppUsers.Where(u => u.Id == userId && u.FirstChargeAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.FirstChargeAt, order.SettledAt ?? now).SetProperty(x => x.FirstChargeStationId, order.StationId), ct);
    }

    /// <summary>A void: each part of the order's split gets its reversing row, and the order leaves its day's figures.</summary>
    public static async Task RecordVoidedAsync(ChargeDbContext db, ChargingOrder order, DateTime now, CancellationToken ct)
    {
        RequireTransaction(db);
        var shares = await db.RevenueShares.AsNoTracking().Where(r => r.ChargingOrderId == order.Id && !r.IsReversal).ToListAsync(ct);
        if (shares.Count == 0) return; // never split (settled before splits were kept and not yet backfilled): nothing to reverse
        var reversed = RevenueSplit.Reverse(shares.Select(s => new SplitPart(s.InvestorId, s.SharePercent, s.Amount)).ToList());
        foreach (var part in reversed) db.RevenueShares.Add(Row(order.Id, order.StationId, part, -shares[0].Base, now, reversal: true));
        await AddToDayAsync(db, DayOf(order.SettledAt ?? now), order, -shares[0].Base, reversed, -1, ct);
    }

    /// <summary>An order's split base and parts; the investors go in a fixed order, so a backfill splits as a settlement does.</summary>
    internal static (Money Base, IReadOnlyList<SplitPart> Parts) Split(SplitBasis basis, IEnumerable<InvestorShare> shares, Money serviceFee, Money total)
    {
        var @base = RevenueSplit.BaseOf(basis, serviceFee, total);
        return (@base, RevenueSplit.Split(@base, shares.OrderBy(s => s.InvestorId, StringComparer.Ordinal).ToList()));
    }

    /// <summary>The row of one part; a reversal's part and base come in already negated.</summary>
    internal static RevenueShare Row(long orderId, int stationId, SplitPart part, Money @base, DateTime at, bool reversal = false) => new()
    {
        ChargingOrderId = orderId, StationId = stationId, InvestorId = part.InvestorId, SharePercent = part.Percent,
        Base = @base, Amount = part.Amount, IsReversal = reversal, CreatedAt = at,
    };

    public static DateOnly DayOf(DateTime utc) => DateOnly.FromDateTime(ChinaTime.ToChina(utc));

    /// <summary>
    /// Adds (sign +1) or removes (−1) an order in its day's roll-ups; a removal's base and parts are the reversed ones. The database adds to a row that exists, so two
    /// nodes settling at once both count; a row first made in this unit of work is added to in memory.
    /// </summary>
    private static async Task AddToDayAsync(ChargeDbContext db, DateOnly day, ChargingOrder order, Money @base, IReadOnlyList<SplitPart> parts, int sign, CancellationToken ct)
    {
        var investors = parts.Where(p => p.InvestorId is not null).Sum(p => p.Amount.Fen);
        var platform = parts.Where(p => p.InvestorId is null).Sum(p => p.Amount.Fen);
        var (energy, electricity, service, total, splitBase) =
            (sign * order.Energy.Units, sign * order.ElectricityFee.Fen, sign * order.ServiceFee.Fen, sign * order.Charged.Fen, @base.Fen);

        var pending = Tracked(db, db.DailyStationStats, d => d.Day == day && d.StationId == order.StationId);
        if (pending is not null)
        {
            pending.Orders += sign; pending.Energy += energy; pending.ElectricityFee += electricity; pending.ServiceFee += service;
            pending.Total += total; pending.SplitBase += splitBase; pending.InvestorsAmount += investors; pending.PlatformAmount += platform;
        }
        else if (await db.DailyStationStats.Where(d => d.Day == day && d.StationId == order.StationId).ExecuteUpdateAsync(u => u
                     .SetProperty(d => d.Orders, d => d.Orders + sign).SetProperty(d => d.Energy, d => d.Energy + energy)
                     .SetProperty(d => d.ElectricityFee, d => d.ElectricityFee + electricity).SetProperty(d => d.ServiceFee, d => d.ServiceFee + service)
                     .SetProperty(d => d.Total, d => d.Total + total).SetProperty(d => d.SplitBase, d => d.SplitBase + splitBase)
                     .SetProperty(d => d.InvestorsAmount, d => d.InvestorsAmount + investors).SetProperty(d => d.PlatformAmount, d => d.PlatformAmount + platform), ct) == 0)
        {
            db.DailyStationStats.Add(new DailyStationStat
            {
                Day = day, StationId = order.StationId, Orders = sign, Energy = energy, ElectricityFee = electricity, ServiceFee = service,
                Total = total, SplitBase = splitBase, InvestorsAmount = investors, PlatformAmount = platform,
            });
        }

        foreach (var part in parts.Where(p => p.InvestorId is not null))
        {
            var amount = part.Amount.Fen;
            var mine = Tracked(db, db.DailyInvestorStats, d => d.Day == day && d.StationId == order.StationId && d.InvestorId == part.InvestorId);
            if (mine is not null)
            {
                mine.Orders += sign; mine.SplitBase += splitBase; mine.Amount += amount;
            }
            else if (await db.DailyInvestorStats.Where(d => d.Day == day && d.StationId == order.StationId && d.InvestorId == part.InvestorId)
                         .ExecuteUpdateAsync(u => u.SetProperty(d => d.Orders, d => d.Orders + sign).SetProperty(d => d.SplitBase, d => d.SplitBase + splitBase)
                             .SetProperty(d => d.Amount, d => d.Amount + amount), ct) == 0)
            {
                db.DailyInvestorStats.Add(new DailyInvestorStat
                {
                    Day = day, StationId = order.StationId, InvestorId = part.InvestorId!, Orders = sign, SplitBase = splitBase, Amount = amount,
                });
            }
        }
    }

    /// <summary>
    /// A roll-up row this unit of work already holds. Reading <c>Local</c> would first detect changes across every
    /// tracked entity, per order of a settlement batch; the rows it looks for are only ever added, never edited, so
    /// there is nothing to detect.
    /// </summary>
    private static T? Tracked<T>(ChargeDbContext db, DbSet<T> set, Func<T, bool> match) where T : class
    {
        var tracker = db.ChangeTracker;
        var auto = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try { return set.Local.FirstOrDefault(match); }
        finally { tracker.AutoDetectChangesEnabled = auto; }
    }

    // The roll-ups are added to in the database at once: outside a transaction they could count an order whose
    // settlement then fails to save.
    private static void RequireTransaction(ChargeDbContext db)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("分润与日统计必须在结算/退单的同一事务中写入");
    }
}
