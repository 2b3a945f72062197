using ChargeConsole.Domain.Infrastructure;
using ChargeConsole.Domain.Orders;
using ChargeConsole.Features.Orders;
using ChargeConsole.Features.Reports;
using ChargeConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Tests.Reports;

/// <summary>Every report figure equals a straightforward sum over the orders and splits for the same filter, voids and midnight included.</summary>
[Trait(TestKind.Name, TestKind.Fast)]
public class ReportConsistencyTests
{
    [Fact]
    public async Task Reports_equal_the_sums_over_settled_orders_by_china_day_with_voids_left_out()
    {
        await using var db = await TestDatabase.CreateAsync(); // 2026-11-25 10:00 China
        var f = await OrderFixture.CreateAsync(db);
        var investor = await db.AddInvestorAsync("甲投资人", (f.Station.Id, 37.5m));
        var userId = await Wallets.NewUserAsync(db.Factory, principalFen: 10_000_00);
        var random = new Random(7);
        var voids = db.Get<ChargingOrderService>();
        // Forty orders settled every 41 minutes: across several China midnights and the month's end.
        for (var i = 0; i < 40; i++)
        {
            var order = await OrderFixture.SettleAsync(db, OrderFixture.RecordFor(await f.ChargingOrderAsync(userId), (uint)random.Next(1_000, 600_000)));
            if (i % 7 == 3) Assert.True((await voids.VoidAsync(TestDatabase.Operator, order.Id, "测试退单")).Succeeded);
            db.Clock.Advance(TimeSpan.FromHours(3.7));
        }
        var filter = new ReportFilter { From = new DateTime(2026, 11, 26), To = new DateTime(2026, 12, 1) };

        await using var ctx = db.Context();
        var from = ChinaTime.ToUtc(new DateTime(2026, 11, 26));
        var to = ChinaTime.ToUtc(new DateTime(2026, 12, 2));
        var settled = (await ctx.ChargingOrders.AsNoTracking().Where(o => o.Status == ChargingOrderStatus.Settled).ToListAsync())
            .Where(o => o.SettledAt >= from && o.SettledAt < to).ToList();
        var shares = (await ctx.RevenueShares.AsNoTracking().Where(r => r.InvestorId == investor.UserId).ToListAsync())
            .Where(r => settled.Any(o => o.Id == r.ChargingOrderId)).ToList();
        Assert.True(settled.Count > 10 && settled.Select(o => ChinaTime.ToChina(o.SettledAt!.Value).Month).Distinct().Count() == 2, "the data spans November and December");

        var monthly = await ReportQueries.MonthlyAsync(ctx, TestDatabase.Operator, filter with { InvestorId = investor.UserId }, CancellationToken.None);
        foreach (var month in monthly)
        {
            var inMonth = settled.Where(o => ChinaTime.ToChina(o.SettledAt!.Value) is var c && c.Year * 100 + c.Month == month.Month).ToList();
            Assert.Equal(inMonth.Count, month.Orders);
            Assert.Equal(inMonth.Sum(o => o.TotalAmount.Fen), month.TotalFen);
            Assert.Equal(inMonth.Sum(o => o.ServiceFee.Fen), month.ServiceFen);
            Assert.Equal(inMonth.Sum(o => o.Energy.Units), month.Energy);
            Assert.Equal(shares.Where(s => inMonth.Any(o => o.Id == s.ChargingOrderId)).Sum(s => s.Amount.Fen), month.MineFen);
            Assert.Equal(month.ServiceFen, month.InvestorsFen + month.PlatformFen); // split by the service fee, to the fen
        }
        Assert.Equal(settled.Count, monthly.Sum(m => m.Orders));

        var perOrder = await ReportQueries.InvestorRevenue(ctx, investor, filter).ToListAsync();
        Assert.Equal(shares.Count, perOrder.Count);
        Assert.Equal(shares.Sum(s => s.Amount.Fen), perOrder.Sum(r => r.Amount.Fen));

        var station = Assert.Single(await ReportQueries.StationTotalsAsync(ctx, investor, filter, CancellationToken.None));
        Assert.Equal((settled.Count, settled.Sum(o => o.TotalAmount.Fen)), (station.Orders, station.TotalFen));
        Assert.Equal(0, station.PlatformFen); // an investor never sees the platform's part
        // The investor's exports: their own part, and never the platform's or another investor's.
        var monthlyExport = (await ReportQueries.ExportMonthlyAsync(ctx, investor, filter, default)).ToList();
        Assert.All(monthlyExport, r => Assert.False(r.ContainsKey("平台(元)") || r.ContainsKey("投资人可分(元)")));
        Assert.Equal(shares.Sum(s => s.Amount.Fen) / 100m, monthlyExport.Sum(r => (decimal)r["我的分成(元)"]));
        var shareExport = (await ReportQueries.ExportStationSharesAsync(ctx, investor, filter, default)).ToList();
        Assert.Equal(["甲投资人", "平台及其他投资人"], shareExport.Select(r => r.Party));
        Assert.Equal(settled.Sum(o => o.ServiceFee.Fen) / 100m, shareExport.Sum(r => r.Amount));
        var days = await ReportQueries.DailyAsync(ctx, TestDatabase.Operator, filter, CancellationToken.None);
        Assert.Equal(settled.GroupBy(o => DateOnly.FromDateTime(ChinaTime.ToChina(o.SettledAt!.Value))).OrderBy(g => g.Key)
            .Select(g => (g.Key, g.Sum(o => o.TotalAmount.Fen))), days.Select(d => (d.Day, d.TotalFen)));
    }
}
