using ChargeConsole.Data.Entities;
using ChargeConsole.Domain.Orders;
using ChargeConsole.Domain.Values;
using ChargeConsole.Features.Orders;
using ChargeConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Tests.Orders;

/// <summary>Orders a restart cut off (no record ever came), and what an investor may see of the people who charge.</summary>
[Trait(TestKind.Name, TestKind.Fast)]
public class OverdueAndPrivacyTests
{
    /// <summary>An order the console lost track of: stopped at 10:20 China time, samples of 2 and 5 kWh, flagged overdue.</summary>
    private static async Task<ChargingOrder> OverdueOrderAsync(TestDatabase db, OrderFixture f, int userId)
    {
        var order = await f.ChargingOrderAsync(userId);
        var start = new DateTime(2026, 11, 25, 2, 0, 0, DateTimeKind.Utc); // 10:00 China time, flat period
        await using var ctx = db.Context();
        var template = await ctx.BillingTemplates.Include(t => t.ElectricityPrice).SingleAsync(t => t.Id == f.TemplateId);
        await ctx.ChargingOrders.Where(o => o.Id == order.Id).ExecuteUpdateAsync(u => u
            .SetProperty(o => o.Status, ChargingOrderStatus.Finished).SetProperty(o => o.StartedAt, start).SetProperty(o => o.EndedAt, start.AddMinutes(20))
            .SetProperty(o => o.RecordOverdue, true).SetProperty(o => o.UserRunningSlot, (int?)null).SetProperty(o => o.GunRunningSlot, (int?)null)
            .SetProperty(o => o.Tariff, ChargeConsole.Features.Pricing.TemplateTariff.Snapshot(template).ToText()));
        ctx.ChargingReports.AddRange(
            new ChargingReport { ChargingOrderId = order.Id, SampledAt = start.AddMinutes(10), Energy = Energy.FromKwh(2), Amount = Money.FromFen(3_00) },
            new ChargingReport { ChargingOrderId = order.Id, SampledAt = start.AddMinutes(20), Energy = Energy.FromKwh(5), Amount = Money.FromFen(7_50) });
        await ctx.SaveChangesAsync();
        return await ctx.ChargingOrders.AsNoTracking().SingleAsync(o => o.Id == order.Id);
    }


    [Fact]
    public async Task An_overdue_order_settled_from_its_last_sample_is_never_charged_again_by_the_record_that_comes_later()
    {
        await using var db = await TestDatabase.CreateAsync();
        var f = await OrderFixture.CreateAsync(db);
        var userId = await Wallets.NewUserAsync(db.Factory, principalFen: 100_00);
        var order = await OverdueOrderAsync(db, f, userId);

        var settled = await db.Get<OrderResolutionService>().SettleFromLastSampleAsync(TestDatabase.Operator, order.Id, "电桩离线后未补传记录", "req-overdue-1");

        Assert.True(settled.Succeeded, settled.Error);
        await using (var ctx = db.Context())
        {
            var o = await ctx.ChargingOrders.SingleAsync(x => x.Id == order.Id);
            Assert.Equal(ChargingOrderStatus.Settled, o.Status);
            Assert.Equal(Energy.FromKwh(5), o.Energy);
            Assert.Equal(Money.FromFen(5_00), o.ElectricityFee); // 5 kWh × 1.00
            Assert.Equal(Money.FromFen(2_50), o.ServiceFee);     // 5 kWh × 0.50
            Assert.Equal(Money.FromFen(7_50), o.TotalAmount);
        }
        Assert.Equal(Money.FromFen(92_50), (await Wallets.WalletAsync(db.Factory, userId)).Principal);

        // The pile comes back and uploads its record: 8 kWh. Reconciled, not charged twice.
        var late = await OrderFixture.SettleAsync(db, OrderFixture.RecordFor(order, 80_000));
        Assert.Equal(ChargingOrderStatus.Settled, late.Status);
        Assert.Equal(Money.FromFen(12_00), late.PileAmount);
        Assert.True(late.AmountMismatch);
        Assert.Contains("未重复扣款", late.ReviewNote);
        Assert.Equal(Money.FromFen(92_50), (await Wallets.WalletAsync(db.Factory, userId)).Principal);
        await Wallets.AssertBalancesEqualLedgerAsync(db.Factory, userId);
        await using var check = db.Context();
        Assert.Equal(1, await check.AuditLogs.CountAsync(a => a.Action == OrderSettlement.SettledFromSamplesNote && a.Target == order.OrderNo && a.Succeeded));
    }

    [Fact]
    public async Task A_closed_order_charges_nothing_and_its_late_record_waits_for_an_operator()
    {
        await using var db = await TestDatabase.CreateAsync();
        var f = await OrderFixture.CreateAsync(db);
        var userId = await Wallets.NewUserAsync(db.Factory, principalFen: 100_00);
        var order = await OverdueOrderAsync(db, f, userId);
        var resolutions = db.Get<OrderResolutionService>();

        Assert.False((await resolutions.CloseAsync(TestDatabase.Operator, order.Id, "", null)).Succeeded); // a reason is required
        var closed = await resolutions.CloseAsync(TestDatabase.Operator, order.Id, "用户未实际充电", null);
        Assert.True(closed.Succeeded, closed.Error);
        Assert.Equal(Money.FromFen(100_00), (await Wallets.WalletAsync(db.Factory, userId)).Principal);

        var late = await OrderFixture.SettleAsync(db, OrderFixture.RecordFor(order, 80_000));
        Assert.Equal(ChargingOrderStatus.PendingReview, late.Status);
        Assert.Equal(Money.FromFen(100_00), (await Wallets.WalletAsync(db.Factory, userId)).Principal);
        Assert.True((await resolutions.ApproveAsync(TestDatabase.Operator, order.Id, "核实已充电", null)).Succeeded);
        Assert.Equal(Money.FromFen(88_00), (await Wallets.WalletAsync(db.Factory, userId)).Principal); // 8 kWh × 1.50, once
    }

    [Fact]
    public async Task Investors_see_masked_phones_no_nicknames_no_wallet_figures_and_cannot_search_by_phone()
    {
        await using var db = await TestDatabase.CreateAsync();
        var f = await OrderFixture.CreateAsync(db);
        var userId = await Wallets.NewUserAsync(db.Factory, principalFen: 100_00, phone: "13912340000");
        var order = await f.ChargingOrderAsync(userId);
        await OrderFixture.SettleAsync(db, OrderFixture.RecordFor(order, 100_000));
        var investor = await db.AddInvestorAsync("inv-privacy", (f.Station.Id, 30m));

        await using var ctx = db.Context();
        var row = await ChargingOrderService.Query(ctx, investor, new ChargingOrderFilter()).SingleAsync();
        Assert.Equal("139****0000", row.Phone);
        Assert.Null(row.Nickname);
        var exported = ChargingOrderService.Export(ctx, investor, new ChargingOrderFilter()).Single();
        Assert.Equal("139****0000", exported.Phone);
        Assert.Equal("", exported.Nickname);
        // A phone filter neither narrows nor empties an investor's list: it tells them nothing about a number.
        Assert.Single(await ChargingOrderService.Query(ctx, investor, new ChargingOrderFilter { Phone = "13900000000" }).ToListAsync());
        var detail = await db.Get<ChargingOrderService>().GetDetailAsync(investor, order.Id);
        Assert.False(detail!.ShowsWallet);
        Assert.Empty(detail.Ledger);
        Assert.Equal("139****0000", detail.Phone);

        var staff = await ChargingOrderService.Query(ctx, TestDatabase.Operator, new ChargingOrderFilter()).SingleAsync();
        Assert.Equal("13912340000", staff.Phone);
    }
}
