using ChargeConsole.Domain.Infrastructure;
using ChargeConsole.Domain.Orders;
using ChargeConsole.Domain.Values;
using ChargeConsole.Features.Orders;
using ChargeConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Tests.Orders;

/// <summary>
/// Issue 20, items 2 and 3: every record is weighed against the order the console made for it (its start, the real
/// time since, the limit its pile was given), and a charge never costs more than that limit.
/// </summary>
[Trait(TestKind.Name, TestKind.Fast)]
public class SpendingLimitSettlementTests
{
    private static async Task<(TestDatabase Db, OrderFixture F, int UserId, Data.Entities.ChargingOrder Order)> OrderWithLimitAsync(long walletFen, long limitFen, TimeSpan age)
    {
        var db = await TestDatabase.CreateAsync();
        var f = await OrderFixture.CreateAsync(db);
        var userId = await Wallets.NewUserAsync(db.Factory, principalFen: walletFen);
        var order = await f.ChargingOrderAsync(userId);
        var created = db.Clock.GetUtcNow().UtcDateTime - age;
        await using (var ctx = db.Context())
            await ctx.ChargingOrders.Where(o => o.Id == order.Id).ExecuteUpdateAsync(u => u
                .SetProperty(o => o.SpendingLimit, Money.FromFen(limitFen)).SetProperty(o => o.CreatedAt, created).SetProperty(o => o.StartedAt, created));
        order.CreatedAt = created;
        return (db, f, userId, order);
    }

    [Fact]
    public async Task A_record_claiming_47_hours_and_3000_kWh_on_an_order_made_seconds_ago_is_held_and_bills_at_most_its_limit()
    {
        var (db, _, userId, order) = await OrderWithLimitAsync(walletFen: 100_00, limitFen: 100_00, age: TimeSpan.FromSeconds(20));
        await using var _ = db;
        // 47 h at 60 kW could hold 3,384 kWh (rated power × the record's own times), so only the order itself gives it away.
        var end = ChinaTime.ToChina(db.Clock.GetUtcNow().UtcDateTime);
        var record = OrderFixture.RecordFor(order, 30_000_000) with { StartTime = end.AddHours(-47), EndTime = end, TradeTime = end };

        var held = await OrderFixture.SettleAsync(db, record);

        Assert.Equal(ChargingOrderStatus.PendingReview, held.Status);
        Assert.Contains("交易开始时间早于平台创建订单的时间", held.ReviewNote);
        Assert.Contains("电量超过电桩额定功率自订单创建以来可充的电量", held.ReviewNote);
        Assert.Contains("计费金额远超启动时下发给电桩的可用余额", held.ReviewNote);
        // Priced 3,000 kWh × 1.50 = 4,500.00; held at the 100.00 limit, 4,400.00 not charged.
        Assert.Equal((100_00L, 440_000L), (held.TotalAmount.Fen, held.OverLimitWaived.Fen));
        Assert.Equal(Money.FromFen(100_00), (await Wallets.WalletAsync(db.Factory, userId)).Principal);

        var approved = await db.Get<OrderResolutionService>().ApproveAsync(TestDatabase.Operator, held.Id, "与用户核实后按限额收取", "approve-47h");
        Assert.True(approved.Succeeded, approved.Error);
        Assert.Equal(0L, (await Wallets.WalletAsync(db.Factory, userId)).Principal.Fen);
        await Wallets.AssertBalancesEqualLedgerAsync(db.Factory, userId);
    }

    [Fact]
    public async Task A_charge_priced_one_fen_over_its_limit_settles_at_the_limit_and_the_bill_says_what_was_not_charged()
    {
        var (db, _, userId, order) = await OrderWithLimitAsync(walletFen: 6_00, limitFen: 6_00, age: TimeSpan.FromMinutes(30));
        await using var _ = db;
        // 4.0067 kWh: the console prices 4.01 + 2.00 = 6.01; the pile's own sum says 6.00.
        var record = OrderFixture.RecordFor(order, 40_067) with { TotalAmount = 60_000 };

        var settled = await OrderFixture.SettleAsync(db, record);

        Assert.Equal(ChargingOrderStatus.Settled, settled.Status);
        Assert.Equal((6_00L, 1L, 6_00L), (settled.TotalAmount.Fen, settled.OverLimitWaived.Fen, settled.PaidPrincipal.Fen));
        // The fen not charged comes off the larger remainder (electricity): 4.00 + 2.00.
        Assert.Equal((4_00L, 2_00L), (settled.ElectricityFee.Fen, settled.ServiceFee.Fen));
        Assert.False(settled.AmountMismatch);
        Assert.Equal(0L, (await Wallets.WalletAsync(db.Factory, userId)).Principal.Fen);
        await Wallets.AssertBalancesEqualLedgerAsync(db.Factory, userId);
    }
}
