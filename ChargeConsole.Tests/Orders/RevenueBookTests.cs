using ChargeConsole.Data.Entities;
using ChargeConsole.Domain.Orders;
using ChargeConsole.Domain.Values;
using ChargeConsole.Features.Orders;
using ChargeConsole.Features.Revenue;
using ChargeConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChargeConsole.Tests.Orders;

/// <summary>The revenue split and the day roll-ups, written with the settlement and the void, on a real SQLite file.</summary>
[Trait(TestKind.Name, TestKind.Live)]
public class RevenueBookTests
{
    private static async Task<(OrderFixture F, string A, string B)> StationWithTwoInvestorsAsync(TestDatabase db)
    {
        var f = await OrderFixture.CreateAsync(db);
        var a = await db.AddInvestorAsync("甲投资人", (f.Station.Id, 60m));
        var b = await db.AddInvestorAsync("乙投资人", (f.Station.Id, 33.33m));
        return (f, a.UserId, b.UserId);
    }

    [Fact]
    public async Task A_settled_order_is_split_by_the_service_fee_to_the_fen_and_its_day_counts_it()
    {
        await using var db = await TestDatabase.CreateAsync();
        var (f, a, b) = await StationWithTwoInvestorsAsync(db);
        var userId = await Wallets.NewUserAsync(db.Factory, principalFen: 100_00);

        // 12.3456 kWh at 1.00 + 0.50: electricity 12.35, service 6.17, total 18.52. Service fee 617 fen split
        // 60 % → 370.2, 33.33 % → 205.6461, platform 6.67 % → 41.1539: 616 in whole fen, the one left goes to the
        // largest remainder (0.6461, the second investor).
        var order = await OrderFixture.SettleAsync(db, OrderFixture.RecordFor(await f.ChargingOrderAsync(userId), 123_456));

        await using var ctx = db.Context();
        var shares = await ctx.RevenueShares.Where(r => r.ChargingOrderId == order.Id).ToListAsync();
        Assert.Equal(new Dictionary<string, long> { [a] = 3_70, [b] = 2_06, ["平台"] = 41 },
            shares.ToDictionary(s => s.InvestorId ?? "平台", s => s.Amount.Fen));
        Assert.All(shares, s => Assert.Equal(Money.FromFen(6_17), s.Base));
        var day = await ctx.DailyStationStats.SingleAsync();
        Assert.Equal((1, 123_456L, 12_35L, 6_17L, 18_52L, 6_17L, 5_76L, 41L),
            (day.Orders, day.Energy, day.ElectricityFee, day.ServiceFee, day.Total, day.SplitBase, day.InvestorsAmount, day.PlatformAmount));
        Assert.Equal(new Dictionary<string, long> { [a] = 3_70, [b] = 2_06 },
            await ctx.DailyInvestorStats.ToDictionaryAsync(d => d.InvestorId, d => d.Amount));
    }

    [Fact]
    public async Task A_void_writes_reversing_rows_and_takes_the_order_out_of_its_day()
    {
        await using var db = await TestDatabase.CreateAsync();
        var (f, a, _) = await StationWithTwoInvestorsAsync(db);
        var userId = await Wallets.NewUserAsync(db.Factory, principalFen: 100_00);
        var kept = await OrderFixture.SettleAsync(db, OrderFixture.RecordFor(await f.ChargingOrderAsync(userId), 100_000)); // 10 kWh: service 5.00
        var voided = await OrderFixture.SettleAsync(db, OrderFixture.RecordFor(await f.ChargingOrderAsync(userId), 123_456));

        Assert.True((await db.Get<ChargingOrderService>().VoidAsync(TestDatabase.Operator, voided.Id, "用户投诉")).Succeeded);

        await using var ctx = db.Context();
        var rows = await ctx.RevenueShares.Where(r => r.ChargingOrderId == voided.Id).ToListAsync();
        Assert.Equal(6, rows.Count); // three parts and their three reversals: nothing deleted
        Assert.All(rows.GroupBy(r => r.InvestorId), g => Assert.Equal(0, g.Sum(r => r.Amount.Fen)));
        var day = await ctx.DailyStationStats.SingleAsync();
        // Only the 10 kWh order is left: 15.00 in all, service 5.00 → 3.00 (60 %), 1.6665 → 1.67 (33.33 %), platform 0.33.
        Assert.Equal((1, 100_000L, 15_00L, 5_00L, 4_67L, 33L), (day.Orders, day.Energy, day.Total, day.SplitBase, day.InvestorsAmount, day.PlatformAmount));
        Assert.Equal(3_00, (await ctx.DailyInvestorStats.SingleAsync(d => d.InvestorId == a)).Amount);
        Assert.Equal(ChargingOrderStatus.Settled, (await ctx.ChargingOrders.SingleAsync(o => o.Id == kept.Id)).Status);
    }

    [Fact]
    public async Task Orders_settled_before_splits_were_kept_are_split_once_and_the_rebuilt_days_equal_the_live_ones()
    {
        await using var db = await TestDatabase.CreateAsync();
        var (f, a, b) = await StationWithTwoInvestorsAsync(db);
        var userId = await Wallets.NewUserAsync(db.Factory, principalFen: 100_00);
        await OrderFixture.SettleAsync(db, OrderFixture.RecordFor(await f.ChargingOrderAsync(userId), 123_456));
        await using (var ctx = db.Context())
        {
            // An order from before: settled yesterday (China time), with no split and outside the roll-ups.
            var yesterday = db.Clock.GetUtcNow().UtcDateTime.AddDays(-1);
            ctx.ChargingOrders.Add(new ChargingOrder
            {
                OrderNo = "CDOLD0001", StationId = f.Station.Id, PileId = f.PileId, GunId = f.GunId, GunCode = OrderFixture.GunCode, Status = ChargingOrderStatus.Settled,
                CreatedAt = yesterday, SettledAt = yesterday, Energy = Energy.FromUnits(200_000), ElectricityFee = Money.FromFen(20_00), ServiceFee = Money.FromFen(10_00),
                TotalAmount = Money.FromFen(30_00),
            });
            await ctx.SaveChangesAsync();
        }
        var rebuild = db.Get<RevenueRebuild>();

        await rebuild.EnsureAsync();
        await rebuild.EnsureAsync(); // a second start changes nothing

        await using var check = db.Context();
        Assert.Equal(6, await check.RevenueShares.CountAsync());
        var days = await check.DailyStationStats.OrderBy(d => d.Day).ToListAsync();
        Assert.Equal([(1, 30_00L, 10_00L, 6_00L + 3_33L), (1, 18_52L, 6_17L, 3_70L + 2_06L)], days.Select(d => (d.Orders, d.Total, d.SplitBase, d.InvestorsAmount)).ToArray());
        Assert.Equal(3_33, (await check.DailyInvestorStats.OrderBy(d => d.Day).FirstAsync(d => d.InvestorId == b)).Amount);
    }

    /// <summary>Issue 20, item 26: the backfill after an upgrade runs in the background, shows its progress, and two nodes split each order once.</summary>
    [Fact]
    public async Task The_upgrade_backfill_runs_in_the_background_on_one_node_at_a_time_and_reports_its_progress()
    {
        await using var db = await TestDatabase.CreateAsync();
        var f = await OrderFixture.CreateAsync(db);
        await db.AddInvestorAsync("甲投资人", (f.Station.Id, 60m));
        await using (var ctx = db.Context())
        {
            // Orders from before splits were kept: settled yesterday, no split, outside the roll-ups.
            var yesterday = db.Clock.GetUtcNow().UtcDateTime.AddDays(-1);
            for (var i = 0; i < 30; i++)
                ctx.ChargingOrders.Add(new ChargingOrder
                {
                    OrderNo = $"CDOLD{i:0000}", StationId = f.Station.Id, PileId = f.PileId, GunId = f.GunId, GunCode = OrderFixture.GunCode, Status = ChargingOrderStatus.Settled,
                    CreatedAt = yesterday, SettledAt = yesterday, Energy = Energy.FromUnits(100_000), ElectricityFee = Money.FromFen(10_00), ServiceFee = Money.FromFen(5_00),
                    TotalAmount = Money.FromFen(15_00),
                });
            await ctx.SaveChangesAsync();
        }
        // Two nodes start at once.
        var nodes = new[] { db.Get<RevenueBackfill>(), ActivatorUtilities.CreateInstance<RevenueBackfill>(db.Services) };
        foreach (var node in nodes) await node.StartAsync(CancellationToken.None);

        await LiveWebApp.Eventually(async () => await nodes[0].ProgressAsync() is { State: JobState.Done }, "the backfill done");
        foreach (var node in nodes) await node.StopAsync(CancellationToken.None);

        var job = (await nodes[0].ProgressAsync())!;
        Assert.Equal((30L, 30L), (job.Done, job.Total));
        await using var check = db.Context();
        Assert.Equal(60, await check.RevenueShares.CountAsync()); // investor and platform, once per order whichever node did it
        var day = await check.DailyStationStats.SingleAsync();
        Assert.Equal((30, 450_00L, 150_00L, 90_00L), (day.Orders, day.Total, day.SplitBase, day.InvestorsAmount)); // 60 % of 5.00 × 30
    }
}
