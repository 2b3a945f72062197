using ChargeConsole.Devices.Ykc;
using ChargeConsole.Domain.Orders;
using ChargeConsole.Domain.Values;
using ChargeConsole.Features.Orders;
using ChargeConsole.Infrastructure.Live;
using ChargeConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChargeConsole.Tests.Orders;

/// <summary>Settlement and the overdue watch on a real SQLite file, with money written out by hand in fen.</summary>
[Trait(TestKind.Name, TestKind.Fast)]
public class SettlementRulesTests
{
    [Fact]
    public async Task A_record_is_priced_per_fee_rounded_to_the_fen_from_the_tariff()
    {
        await using var db = await TestDatabase.CreateAsync();
        var f = await OrderFixture.CreateAsync(db);
        var userId = await Wallets.NewUserAsync(db.Factory, principalFen: 100_00);
        var order = await f.ChargingOrderAsync(userId);

        // 12.3456 kWh, all flat, at 1.00 + 0.50 yuan/kWh: electricity 12.3456 → 12.35, service 6.1728 → 6.17.
        var settled = await OrderFixture.SettleAsync(db, OrderFixture.RecordFor(order, 123_456));

        Assert.Equal(Money.FromFen(12_35), settled.ElectricityFee);
        Assert.Equal(Money.FromFen(6_17), settled.ServiceFee);
        Assert.Equal(Money.FromFen(18_52), settled.TotalAmount);
        Assert.Equal(Money.FromFen(81_48), (await Wallets.WalletAsync(db.Factory, userId)).Principal);
    }

    [Fact]
    public async Task Each_period_of_a_record_is_priced_at_its_own_rates()
    {
        await using var db = await TestDatabase.CreateAsync();
        var f = await OrderFixture.CreateAsync(db);
        await using (var ctx = db.Context())
        {
            var template = await ctx.BillingTemplates.Include(t => t.ElectricityPrice).SingleAsync(t => t.Id == f.TemplateId);
            (template.ElectricityPrice.Sharp, template.ElectricityPrice.Peak, template.ElectricityPrice.Flat, template.ElectricityPrice.Valley) =
                (Price.FromYuan(1.2345m), Price.FromYuan(1.0m), Price.FromYuan(0.7m), Price.FromYuan(0.3m));
            (template.SharpServiceFee, template.PeakServiceFee, template.FlatServiceFee, template.ValleyServiceFee) =
                (Price.FromYuan(0.8m), Price.FromYuan(0.6m), Price.FromYuan(0.5m), Price.FromYuan(0.4m));
            await ctx.SaveChangesAsync();
        }
        var userId = await Wallets.NewUserAsync(db.Factory, principalFen: 100_00);
        var order = await f.ChargingOrderAsync(userId);
        PeriodUsage Used(uint units) => new(0, units, units, 0);
        var record = OrderFixture.RecordFor(order, 0) with
        {
            Periods = [Used(2_0000), Used(5_5555), Used(0), Used(10_1010)],
            TotalEnergy = 17_6565, TotalAmount = 12_4200,
        };

        var settled = await OrderFixture.SettleAsync(db, record);

        // Electricity: 2 × 1.2345 = 2.4690; 5.5555 × 1.0 = 5.5555; 10.101 × 0.3 = 3.0303; sum 11.0548 → 11.05.
        // Service:     2 × 0.8 = 1.6000;    5.5555 × 0.6 = 3.3333; 10.101 × 0.4 = 4.0404; sum 8.9737 → 8.97.
        Assert.Equal(Money.FromFen(11_05), settled.ElectricityFee);
        Assert.Equal(Money.FromFen(8_97), settled.ServiceFee);
        Assert.Equal(Money.FromFen(20_02), settled.TotalAmount);
        Assert.Equal(Money.FromFen(79_98), (await Wallets.WalletAsync(db.Factory, userId)).Principal);
    }

    [Fact]
    public async Task A_pile_amount_more_than_a_fen_off_the_consoles_price_is_flagged_and_a_fen_is_not()
    {
        await using var db = await TestDatabase.CreateAsync();
        var f = await OrderFixture.CreateAsync(db);
        var userId = await Wallets.NewUserAsync(db.Factory, principalFen: 100_00);
        var close = await f.ChargingOrderAsync(userId);
        var far = await f.ChargingOrderAsync(userId);

        // 10 kWh is 15.00 yuan here; the piles say 15.01 and 15.02 (yuan ×10⁴ on the wire).
        var oneFen = await OrderFixture.SettleAsync(db, OrderFixture.RecordFor(close, 100_000) with { TotalAmount = 150_100 });
        var twoFen = await OrderFixture.SettleAsync(db, OrderFixture.RecordFor(far, 100_000) with { TotalAmount = 150_200 });

        Assert.False(oneFen.AmountMismatch);
        Assert.True(twoFen.AmountMismatch);
        Assert.Equal(Money.FromFen(15_02), twoFen.PileAmount);
        Assert.Equal(Money.FromFen(15_00), twoFen.TotalAmount); // the console's price is what is charged
    }

    [Fact]
    public async Task The_overdue_watch_flags_orders_without_a_record_and_fails_starts_the_pile_never_began()
    {
        await using var db = await TestDatabase.CreateAsync();
        var f = await OrderFixture.CreateAsync(db);
        var userId = await Wallets.NewUserAsync(db.Factory, principalFen: 100_00);
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var stoppedLongAgo = await f.ChargingOrderAsync(userId);
        var stoppedRecently = await f.ChargingOrderAsync(userId);
        var neverStarted = await f.ChargingOrderAsync(userId);
        await using (var ctx = db.Context())
        {
            await ctx.ChargingOrders.Where(o => o.Id == stoppedLongAgo.Id).ExecuteUpdateAsync(u => u.SetProperty(o => o.Status, ChargingOrderStatus.Finished).SetProperty(o => o.EndedAt, now.AddMinutes(-31)));
            await ctx.ChargingOrders.Where(o => o.Id == stoppedRecently.Id).ExecuteUpdateAsync(u => u.SetProperty(o => o.Status, ChargingOrderStatus.Stopping).SetProperty(o => o.EndedAt, now.AddMinutes(-29)));
            await ctx.ChargingOrders.Where(o => o.Id == neverStarted.Id).ExecuteUpdateAsync(u => u.SetProperty(o => o.Status, ChargingOrderStatus.Starting).SetProperty(o => o.CreatedAt, now.AddMinutes(-31)));
        }
        var job = new OrderWatchJob(db.Factory, db.Get<LiveEvents>(), db.Clock, Options.Create(new OrdersOptions { RecordOverdueMinutes = 30 }));

        await job.Execute(null!, CancellationToken.None);

        await using var check = db.Context();
        var orders = await check.ChargingOrders.AsNoTracking().ToDictionaryAsync(o => o.Id);
        Assert.True(orders[stoppedLongAgo.Id].RecordOverdue);
        Assert.False(orders[stoppedRecently.Id].RecordOverdue);
        Assert.Equal(ChargingOrderStatus.Failed, orders[neverStarted.Id].Status);
        Assert.Equal("电桩授权后未开始充电", orders[neverStarted.Id].FailureReason);
        Assert.Null(orders[neverStarted.Id].UserRunningSlot); // the user may start again
    }
}
