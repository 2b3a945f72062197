using System.Net;
using System.Net.Http.Json;
using ChargeConsole.Data.Entities;
using ChargeConsole.Domain.Orders;
using ChargeConsole.Domain.Values;
using ChargeConsole.Features.Orders;
using ChargeConsole.Features.StoredValue;
using ChargeConsole.Infrastructure.Payments.Sandbox;
using ChargeConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static ChargeConsole.Tests.StoredValue.RechargeFlowTests;

namespace ChargeConsole.Tests.Orders;

/// <summary>
/// Issue 20, items 1 and 6: money a running or unsettled charge may still cost stays in the wallet. Refunds,
/// withdrawals and an operator's deductions may take only the rest — the same rule as the limit told to the pile.
/// </summary>
[Trait(TestKind.Name, TestKind.Live)]
public class OpenChargeCommitmentTests
{
    private const string Demo1 = "32010200000001";

    [Fact]
    public async Task A_refund_or_a_withdrawal_cannot_take_the_money_a_running_charge_was_promised()
    {
        await using var app = LiveWebApp.Start();
        var (http, userId) = await NewUserAsync(app);
        var (rechargeNo, _) = await BuyAsync(http, "buy-1"); // 200.00 paid, 10.00 bonus
        await app.Get<WeChatPaySandbox>().PayAsync(rechargeNo);
        var recharge = await OrderAsync(app, rechargeNo);
        var pile = app.Pile(Demo1, powerKw: 2_400);
        app.OnDispose(pile);
        await app.PileReadyAsync(pile);

        var start = await app.Get<ChargingService>().StartAsync(userId, Demo1 + "01");
        Assert.True(start.Result.Succeeded, start.Result.Error);
        await using (var db = app.Context())
            Assert.Equal(Money.FromFen(210_00), (await db.ChargingOrders.SingleAsync(o => o.OrderNo == start.OrderNo)).SpendingLimit);

        // The pile may spend all 210.00: nothing may leave the wallet while it charges, whoever asks.
        var refunds = app.Get<RefundService>();
        Assert.Equal(Money.Zero, await refunds.RefundableAsync(recharge.Id));
        var byOperator = await refunds.RequestAsync(RefundAsker.Operator("operator", "op-1"), recharge.Id, Money.FromFen(100_00), "用户来电");
        Assert.Equal($"退款金额 100.00 元超过可退金额 0.00 元：用户的充电订单 {start.OrderNo} 尚未结算，最多还需 210.00 元", byOperator.Error);
        var byUser = await http.PostAsJsonAsync($"/api/app/v1/recharge/orders/{rechargeNo}/refunds", new { amount = 0.01m, requestId = "u-1" });
        Assert.Equal(HttpStatusCode.Conflict, byUser.StatusCode);
        Assert.Contains("尚未结算", await byUser.Content.ReadAsStringAsync());

        var withdrawals = app.Get<WithdrawalService>();
        await withdrawals.SaveSettingsAsync(TestDatabase.Operator, new WithdrawalSettings(true, 0m));
        Assert.Equal(Money.Zero, await withdrawals.WithdrawableAsync(userId));
        var withdrawal = await withdrawals.RequestAsync(userId, "13900000000", Money.FromFen(1_00), "w-1");
        Assert.Equal("提现金额 1.00 元超过可提现金额 0.00 元", withdrawal.Error);
        var w = await Wallets.WalletAsync(app.Factory, userId);
        Assert.Equal((200_00L, 10_00L, 0L), (w.Principal.Fen, w.Bonus.Fen, w.Frozen.Fen));

        // Stopped and settled, the charge is paid in full and what is left may go back.
        await LiveWebApp.Eventually(async () => { await using var db = app.Context(); return (await db.ChargingOrders.SingleAsync(o => o.OrderNo == start.OrderNo)).Energy.Units > 0; }, "live energy");
        long orderId;
        await using (var db = app.Context()) orderId = (await db.ChargingOrders.SingleAsync(o => o.OrderNo == start.OrderNo)).Id;
        Assert.True((await app.Get<ChargingOrderService>().StopAsync(TestDatabase.Operator, orderId)).Succeeded);
        await LiveWebApp.Eventually(async () => { await using var db = app.Context(); return (await db.ChargingOrders.SingleAsync(o => o.Id == orderId)).Status != ChargingOrderStatus.Stopping && (await db.ChargingOrders.SingleAsync(o => o.Id == orderId)).SettledAt != null; }, "order settled");
        await using (var db = app.Context())
        {
            var settled = await db.ChargingOrders.SingleAsync(o => o.Id == orderId);
            Assert.Equal(ChargingOrderStatus.Settled, settled.Status);
            Assert.Equal(settled.TotalAmount, settled.PaidPrincipal);
        }
        w = await Wallets.WalletAsync(app.Factory, userId);
        Assert.True(w.Principal < Money.FromFen(200_00));
        Assert.Equal(w.Principal, await refunds.RefundableAsync(recharge.Id));
        var rest = await refunds.RequestAsync(RefundAsker.Operator("operator", "op-2"), recharge.Id, w.Principal, "用户来电");
        Assert.True(rest.Succeeded, rest.Error);
        await Wallets.AssertBalancesEqualLedgerAsync(app.Factory, userId);
    }

    [Fact]
    public async Task A_deduction_from_a_user_who_is_charging_names_the_order_and_leaves_what_it_may_still_cost()
    {
        await using var db = await TestDatabase.CreateAsync();
        var f = await OrderFixture.CreateAsync(db);
        var userId = await Wallets.NewUserAsync(db.Factory, principalFen: 10_00, bonusFen: 2_00);
        var order = await f.ChargingOrderAsync(userId);
        await using (var ctx = db.Context())
            await ctx.ChargingOrders.Where(o => o.Id == order.Id).ExecuteUpdateAsync(u => u.SetProperty(o => o.SpendingLimit, Money.FromFen(8_12)));
        var wallets = db.Get<WalletService>();

        // The dialog is told before anything is confirmed: 12.00 held, 8.12 may still go to the charge.
        var (free, open) = await wallets.DeductibleAsync(userId);
        Assert.Equal((Money.FromFen(3_88), order.OrderNo, Money.FromFen(8_12)), (free, open.Names, open.Total));

        var tooMuch = await wallets.AdjustAsync(TestDatabase.Operator, new AdjustmentForm
        {
            AppUserId = userId, Kind = AdjustmentKind.Deduct, Asset = AdjustmentAsset.Money, Amount = 9.60m, Reason = "误充扣回",
        });
        Assert.Equal($"余额不足：未结算的充电订单最多还需 8.12 元，可扣除本金 3.88 元，不能扣除 9.60 元（订单 {order.OrderNo}）", tooMuch.Error);
        var fits = await wallets.AdjustAsync(TestDatabase.Operator, new AdjustmentForm
        {
            AppUserId = userId, Kind = AdjustmentKind.Deduct, Asset = AdjustmentAsset.Money, Amount = 3.88m, Reason = "误充扣回",
        });
        Assert.True(fits.Succeeded, fits.Error);
        Assert.Equal(Money.FromFen(6_12), (await Wallets.WalletAsync(db.Factory, userId)).Principal);

        // The charge then settles at its limit and is paid: 6.12 principal and 2.00 bonus.
        var settled = await OrderFixture.SettleAsync(db, OrderFixture.RecordFor(order, 54_133)); // 5.4133 kWh × 1.50 = 8.12
        Assert.Equal((ChargingOrderStatus.Settled, 6_12L, 2_00L), (settled.Status, settled.PaidPrincipal.Fen, settled.PaidBonus.Fen));
        await Wallets.AssertBalancesEqualLedgerAsync(db.Factory, userId);
    }
}
