using System.Data;
using ChargeConsole.Data;
using ChargeConsole.Data.Entities;
using ChargeConsole.Domain.Orders;
using ChargeConsole.Domain.Revenue;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Features.Revenue;

/// <summary>
/// Splits for orders settled before splits were kept (once: an order with a split is never split again), and the
/// day roll-ups recomputed from scratch from the orders and their splits. Runs in the background after a start when
/// needed (RevenueBackfill: the console answers meanwhile), and on demand: <c>dotnet run --project ChargeConsole -- --rebuild-revenue</c>.
/// </summary>
public sealed class RevenueRebuild(IDbContextFactory<ChargeDbContext> dbFactory, TimeProvider clock, ILogger<RevenueRebuild> log)
{
    private const int Batch = 2000;

    /// <summary>Settled or voided orders without a split, for the backfill's progress (a million orders: read once, counted in the database).</summary>
    public async Task<int> UnsplitAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Unsplit(db).CountAsync(ct);
    }

    private static IQueryable<ChargingOrder> Unsplit(ChargeDbContext db) =>
        db.ChargingOrders.Where(o => (o.Status == ChargingOrderStatus.Settled || o.Status == ChargingOrderStatus.Voided) && o.SettledAt != null
                                     && !db.RevenueShares.Any(r => r.ChargingOrderId == o.Id));

    /// <summary>Whether a start needs the backfill: orders without splits, or settled orders and no roll-ups at all.</summary>
    public async Task<bool> NeededAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Unsplit(db).AnyAsync(ct)
               || !await db.DailyStationStats.AnyAsync(ct) && await db.ChargingOrders.AnyAsync(o => o.Status == ChargingOrderStatus.Settled, ct);
    }

    /// <summary>
    /// Backfills missing splits, and rebuilds the roll-ups when that changed anything or they were never built.
    /// <paramref name="progress"/> hears how many orders are split so far (RevenueBackfill shows it).
    /// </summary>
    public async Task EnsureAsync(CancellationToken ct = default, Func<int, Task>? progress = null)
    {
        var split = await BackfillSplitsAsync(ct, progress);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await FirstChargesAsync(db, ct);
        var neverBuilt = !await db.DailyStationStats.AnyAsync(ct) && await db.ChargingOrders.AnyAsync(o => o.Status == ChargingOrderStatus.Settled, ct);
        if (split > 0 || neverBuilt) await RebuildDaysAsync(ct);
    }

    /// <summary>Splits every settled or voided order that has no split yet, with its station's shares as they are now; a voided one also gets its reversal.</summary>
    public async Task<int> BackfillSplitsAsync(CancellationToken ct = default, Func<int, Task>? progress = null)
    {
        var done = 0;
        await using (var read = await dbFactory.CreateDbContextAsync(ct))
        {
            var stations = await read.Stations.AsNoTracking()
                .Select(s => new { s.Id, s.SplitBase, Shares = s.Investors.Select(i => new InvestorShare(i.InvestorId, i.SharePercent)).ToList() })
                .ToDictionaryAsync(s => s.Id, ct);
            var after = 0L; // keyset: each batch starts after the last one, so a million orders are read once
            while (true)
            {
                await using var db = await dbFactory.CreateDbContextAsync(ct);
                db.ChangeTracker.AutoDetectChangesEnabled = false;
                var orders = await Unsplit(db).AsNoTracking().Where(o => o.Id > after)
                    .OrderBy(o => o.Id).Take(Batch)
                    .Select(o => new { o.Id, o.StationId, o.Status, o.ServiceFee, Charged = o.TotalAmount - o.DiscountAmount, SettledAt = o.SettledAt!.Value })
                    .ToListAsync(ct);
                if (orders.Count == 0) break;
                after = orders[^1].Id;
                foreach (var o in orders)
                {
                    var station = stations[o.StationId];
                    var (@base, parts) = RevenueBook.Split(station.SplitBase, station.Shares, o.ServiceFee, o.Charged);
                    db.RevenueShares.AddRange(parts.Select(p => RevenueBook.Row(o.Id, o.StationId, p, @base, o.SettledAt)));
                    if (o.Status == ChargingOrderStatus.Voided)
                        db.RevenueShares.AddRange(RevenueSplit.Reverse(parts).Select(p => RevenueBook.Row(o.Id, o.StationId, p, -@base, o.SettledAt, reversal: true)));
                }
                try
                {
                    await db.SaveChangesAsync(ct);
                    done += orders.Count;
                    if (progress is not null) await progress(done);
                }
                catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
                {
                    // Another node is backfilling the same orders; the next batch skips what it wrote.
                }
            }
        }
        if (done > 0) log.LogInformation("Revenue: split {Count} orders settled before splits were kept", done);
        return done;
    }

    /// <summary>Users who charged before first charges were kept get theirs from their earliest settled order.</summary>
    private static Task<int> FirstChargesAsync(ChargeDbContext db, CancellationToken ct)
    {
        var settled = db.ChargingOrders.Where(o => (o.Status == ChargingOrderStatus.Settled || o.Status == ChargingOrderStatus.Voided) && o.SettledAt != null);
        return db.AppUsers.Where(u => u.FirstChargeAt == null && settled.Any(o => o.AppUserId == u.Id)).ExecuteUpdateAsync(s => s
            .SetProperty(u => u.FirstChargeAt, u => settled.Where(o => o.AppUserId == u.Id).Min(o => o.SettledAt))
            .SetProperty(u => u.FirstChargeStationId, u => settled.Where(o => o.AppUserId == u.Id).OrderBy(o => o.SettledAt).ThenBy(o => o.Id).Select(o => (int?)o.StationId).First()), ct);
    }

    /// <summary>Replaces the day roll-ups with sums over the settled orders and their splits, in one serializable transaction.</summary>
    public async Task RebuildDaysAsync(CancellationToken ct = default)
    {
        var started = clock.GetTimestamp();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var tx = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, ct);
        // Deleting first takes the write lock, so no settlement lands between the reading and the writing.
        await db.DailyInvestorStats.ExecuteDeleteAsync(ct);
        await db.DailyStationStats.ExecuteDeleteAsync(ct);

        var days = new Dictionary<(DateOnly, int), DailyStationStat>();
        await foreach (var o in db.ChargingOrders.AsNoTracking().Where(o => o.Status == ChargingOrderStatus.Settled && o.SettledAt != null)
                           .Select(o => new { o.StationId, SettledAt = o.SettledAt!.Value, o.Energy, o.ElectricityFee, o.ServiceFee, o.TotalAmount, o.DiscountAmount })
                           .AsAsyncEnumerable().WithCancellation(ct))
        {
            var key = (RevenueBook.DayOf(o.SettledAt), o.StationId);
            if (!days.TryGetValue(key, out var d)) days[key] = d = new DailyStationStat { Day = key.Item1, StationId = o.StationId };
            d.Orders++; d.Energy += o.Energy.Units; d.ElectricityFee += o.ElectricityFee.Fen; d.ServiceFee += o.ServiceFee.Fen; d.Total += o.TotalAmount.Fen - o.DiscountAmount.Fen;
        }

        var investors = new Dictionary<(DateOnly, int, string), DailyInvestorStat>();
        await foreach (var s in db.RevenueShares.AsNoTracking().Where(r => !r.IsReversal)
                           .Join(db.ChargingOrders.Where(o => o.Status == ChargingOrderStatus.Settled && o.SettledAt != null), r => r.ChargingOrderId, o => o.Id,
                               (r, o) => new { r.StationId, r.InvestorId, r.Base, r.Amount, SettledAt = o.SettledAt!.Value })
                           .AsAsyncEnumerable().WithCancellation(ct))
        {
            var day = RevenueBook.DayOf(s.SettledAt);
            if (!days.TryGetValue((day, s.StationId), out var d)) continue; // cannot happen: the order was counted above
            if (s.InvestorId is null)
            {
                d.SplitBase += s.Base.Fen; // every order has exactly one platform part
                d.PlatformAmount += s.Amount.Fen;
                continue;
            }
            d.InvestorsAmount += s.Amount.Fen;
            var key = (day, s.StationId, s.InvestorId);
            if (!investors.TryGetValue(key, out var i)) investors[key] = i = new DailyInvestorStat { Day = day, StationId = s.StationId, InvestorId = s.InvestorId };
            i.Orders++; i.SplitBase += s.Base.Fen; i.Amount += s.Amount.Fen;
        }

        foreach (var chunk in days.Values.Chunk(Batch)) { db.DailyStationStats.AddRange(chunk); await db.SaveChangesAsync(ct); db.ChangeTracker.Clear(); }
        foreach (var chunk in investors.Values.Chunk(Batch)) { db.DailyInvestorStats.AddRange(chunk); await db.SaveChangesAsync(ct); db.ChangeTracker.Clear(); }
        await tx.CommitAsync(ct);
        log.LogInformation("Revenue: rebuilt {Days} station-days and {InvestorDays} investor-days in {Elapsed:0.0} s",
            days.Count, investors.Count, clock.GetElapsedTime(started).TotalSeconds);
    }
}
