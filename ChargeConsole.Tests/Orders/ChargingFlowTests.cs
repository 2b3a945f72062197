using ChargeConsole.Devices.Cluster;
using ChargeConsole.Data.Entities;
using ChargeConsole.Devices.Piles;
using ChargeConsole.Devices.Simulator;
using ChargeConsole.Domain.Orders;
using ChargeConsole.Domain.Values;
using ChargeConsole.Features.Orders;
using ChargeConsole.Features.Wallets;
using ChargeConsole.Infrastructure.Auth;
using ChargeConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Tests.Orders;

/// <summary>A charge from start to settlement between the console and a simulated pile over real TCP.</summary>
[Trait(TestKind.Name, TestKind.Live)]
public class ChargingFlowTests
{
    private static readonly AccessScope Operator = new("op", "operator", false, null);
    private const string Demo1 = "32010200000001";
    private const string Gun1 = Demo1 + "01";

    private static async Task<SimulatedPile> OnlinePileAsync(LiveWebApp app, decimal powerKw = 7_200)
    {
        var pile = app.Pile(Demo1, powerKw: powerKw);
        await LiveWebApp.Eventually(async () =>
        {
            await using var db = app.Context();
            return pile.Model is not null && await db.Guns.Where(g => g.Code == Gun1).Select(g => g.Status).SingleAsync() == GunStatus.Idle;
        }, "pile online with its billing model and gun idle");
        return pile;
    }

    private static async Task<ChargingOrder> OrderAsync(LiveWebApp app, string orderNo)
    {
        await using var db = app.Context();
        return await db.ChargingOrders.AsNoTracking().SingleAsync(o => o.OrderNo == orderNo);
    }

    private static Task WaitForStatusAsync(LiveWebApp app, string orderNo, ChargingOrderStatus status) =>
        LiveWebApp.Eventually(async () => (await OrderAsync(app, orderNo)).Status == status, $"order {orderNo} {status}");

    private static async Task<ChargingOrder> ChargeAndStopAsync(LiveWebApp app, int userId, SimulatedPile pile, Func<ChargingOrder, bool>? until = null)
    {
        var start = await app.Get<ChargingService>().StartAsync(userId, Gun1);
        Assert.True(start.Result.Succeeded, start.Result.Error);
        await LiveWebApp.Eventually(async () => { var o = await OrderAsync(app, start.OrderNo!); return o.Energy.Units > 0 && (until?.Invoke(o) ?? true); }, "live energy reported");
        var order = await OrderAsync(app, start.OrderNo!);
        var stop = await app.Get<ChargingOrderService>().StopAsync(Operator, order.Id);
        Assert.True(stop.Succeeded, stop.Error);
        await LiveWebApp.Eventually(async () => (await OrderAsync(app, start.OrderNo!)).Status is ChargingOrderStatus.Settled or ChargingOrderStatus.Unpaid, "order closed by its record");
        await LiveWebApp.Eventually(() => Task.FromResult(pile.Guns[0].PendingRecord is null), "record confirmed");
        return await OrderAsync(app, start.OrderNo!);
    }

    [Fact]
    public async Task A_charge_started_and_stopped_is_priced_by_the_console_and_paid_principal_first_with_ledger_entries_that_agree_to_the_fen()
    {
        await using var app = LiveWebApp.Start();
        var userId = await Wallets.NewUserAsync(app.Factory, principalFen: 10_00, bonusFen: 500_00);
        await using var pile = await OnlinePileAsync(app);

        // Enough energy that principal (10 yuan) runs out and bonus pays the rest.
        var order = await ChargeAndStopAsync(app, userId, pile, o => o.TotalAmount > Money.FromYuan(15));

        Assert.Equal(ChargingOrderStatus.Settled, order.Status);
        var record = pile.Records.Single(r => r.Record.Serial == order.TransactionSerial).Record;
        await using var db = app.Context();
        // The exact fen of a tariff are pinned by hand in SettlementRulesTests; here the oracle is the pile, which
        // prices the same energy with the model the console pushed to it and rounds only its sum.
        Assert.Equal(order.ElectricityFee + order.ServiceFee, order.TotalAmount);
        Assert.Equal(Energy.FromUnits(record.TotalEnergy), order.Energy);
        Assert.Equal(Money.FromYuan(record.TotalAmount / 10_000m), order.PileAmount);
        Assert.InRange(order.TotalAmount.Fen - order.PileAmount!.Value.Fen, -1, 1);
        Assert.False(order.AmountMismatch);

        Assert.Equal(Money.FromYuan(10), order.PaidPrincipal);
        Assert.Equal(order.TotalAmount - Money.FromYuan(10), order.PaidBonus);
        var wallet = await Wallets.WalletAsync(app.Factory, userId);
        Assert.Equal(Money.Zero, wallet.Principal);
        Assert.Equal(Money.FromYuan(500) - order.PaidBonus, wallet.Bonus);
        Assert.Equal(order.TotalAmount.Fen / 100, wallet.Points);
        var entries = await db.LedgerEntries.Where(l => l.SourceNo == order.OrderNo).OrderBy(l => l.Id).ToListAsync();
        Assert.Equal([(LedgerAccount.Principal, -1000L), (LedgerAccount.Bonus, -order.PaidBonus.Fen), (LedgerAccount.Points, wallet.Points)],
            entries.Select(e => (e.Account, e.Amount)).ToArray());
        await Wallets.AssertBalancesEqualLedgerAsync(app.Factory, userId);
        Assert.True(await db.ChargingReports.CountAsync(r => r.ChargingOrderId == order.Id) > 0, "samples recorded while charging");
        Assert.Equal("运营人员结束充电（operator）", order.StopReason); // the pile says 远程停止; the console knows who asked
    }

    [Fact]
    public async Task A_resent_transaction_record_is_confirmed_again_but_charges_once()
    {
        await using var app = LiveWebApp.Start();
        var factory = app.Factory;
        var userId = await Wallets.NewUserAsync(factory, principalFen: 200_00);
        await using var pile = await OnlinePileAsync(app);
        var order = await ChargeAndStopAsync(app, userId, pile);
        var before = await Wallets.WalletAsync(factory, userId);
        var confirmations = pile.Confirmations;
        int EntriesOf(Data.ChargeDbContext db) => db.LedgerEntries.Count(l => l.SourceNo == order.OrderNo);
        int entriesBefore;
        await using (var first = app.Context()) entriesBefore = EntriesOf(first);
        Assert.InRange(entriesBefore, 1, 2); // principal, and points when the charge came to a yuan or more

        var record = pile.Records.Single(r => r.Record.Serial == order.TransactionSerial).Record;
        await pile.ResendRecordAsync(record);
        await pile.ResendRecordAsync(record);

        await LiveWebApp.Eventually(() => Task.FromResult(pile.Confirmations == confirmations + 2), "both resends confirmed");
        var after = await Wallets.WalletAsync(factory, userId);
        Assert.Equal(before.Principal, after.Principal);
        Assert.Equal(before.Points, after.Points);
        await using var db = app.Context();
        Assert.Equal(entriesBefore, EntriesOf(db)); // posted once
        Assert.Equal(1, await db.ChargingOrders.CountAsync(o => o.TransactionSerial == order.TransactionSerial));
    }

    [Fact]
    public async Task A_pile_that_charges_far_past_the_balance_is_stopped_by_the_console_held_for_review_and_never_bills_more_than_the_limit()
    {
        await using var app = LiveWebApp.Start();
        var factory = app.Factory;
        var userId = await Wallets.NewUserAsync(factory, principalFen: 6_00);
        // A faulty pile that ignores the 6.00 yuan it was told; at this power each 0.4 s report adds tens of yuan.
        await using var pile = app.Pile(Demo1, powerKw: 720_000, ignoreBalance: true);
        await app.PileReadyAsync(pile);
        var start = await app.Get<ChargingService>().StartAsync(userId, Gun1);
        Assert.True(start.Result.Succeeded, start.Result.Error);

        // Nobody presses stop: the console stops it (0x36) once the live amount reaches the balance; the record is far
        // beyond the limit, so an operator decides, and at most the limit is ever charged.
        await LiveWebApp.Eventually(async () => (await OrderAsync(app, start.OrderNo!)).Status is ChargingOrderStatus.PendingReview or ChargingOrderStatus.Settled or ChargingOrderStatus.Unpaid,
            "the console stopped the charge and its record arrived");
        var order = await OrderAsync(app, start.OrderNo!);
        Assert.Equal(OrderTelemetry.BalanceStopReason, order.StopReason);
        Assert.Equal(ChargingOrderStatus.PendingReview, order.Status);
        Assert.Contains("计费金额远超启动时下发给电桩的可用余额", order.ReviewNote);
        Assert.Equal((6_00L, 6_00L), (order.SpendingLimit!.Value.Fen, order.TotalAmount.Fen));
        Assert.True(order.OverLimitWaived > Money.FromFen(5_00), $"overran by {order.OverLimitWaived}");
        Assert.Equal(Money.FromYuan(6), (await Wallets.WalletAsync(factory, userId)).Principal); // nothing taken yet

        // Held, it still counts against the wallet: the next start is refused.
        var blocked = await app.Get<ChargingService>().StartAsync(userId, Demo1 + "02");
        Assert.Contains("余额不足", blocked.Result.Error);

        var approved = await app.Get<OrderResolutionService>().ApproveAsync(Operator, order.Id, "核实电桩故障，按限额收取", "approve-1");
        Assert.True(approved.Succeeded, approved.Error);
        order = await OrderAsync(app, start.OrderNo!);
        Assert.Equal((ChargingOrderStatus.Settled, 6_00L, 0L), (order.Status, order.PaidPrincipal.Fen, (await Wallets.WalletAsync(factory, userId)).Principal.Fen));
        await Wallets.AssertBalancesEqualLedgerAsync(factory, userId);
    }

    [Fact]
    public async Task A_six_yuan_wallet_charges_until_its_balance_and_ends_paid_at_no_more_than_six_yuan()
    {
        await using var app = LiveWebApp.Start();
        var userId = await Wallets.NewUserAsync(app.Factory, principalFen: 6_00);
        await using var pile = app.Pile(Demo1, powerKw: 2_400);
        await app.PileReadyAsync(pile);
        var start = await app.Get<ChargingService>().StartAsync(userId, Gun1);
        Assert.True(start.Result.Succeeded, start.Result.Error);

        await LiveWebApp.Eventually(async () => (await OrderAsync(app, start.OrderNo!)).Status is ChargingOrderStatus.Settled or ChargingOrderStatus.Unpaid or ChargingOrderStatus.PendingReview,
            "the charge ended at the balance and its record arrived", seconds: 60);
        var order = await OrderAsync(app, start.OrderNo!);
        Assert.Equal(ChargingOrderStatus.Settled, order.Status);
        Assert.True(order.TotalAmount <= Money.FromFen(6_00), $"charged {order.TotalAmount}");
        Assert.Equal(Money.FromFen(6_00) - order.TotalAmount, (await Wallets.WalletAsync(app.Factory, userId)).Principal);
        // Never left owing because of the console's own limit: the next start is refused for the balance, not for a debt.
        var next = await app.Get<ChargingService>().StartAsync(userId, Demo1 + "02");
        Assert.DoesNotContain("未支付", next.Result.Error);
        await Wallets.AssertBalancesEqualLedgerAsync(app.Factory, userId);
    }

    [Fact]
    public async Task Remote_stop_on_a_pile_that_went_offline_says_so_and_leaves_the_order_charging_until_its_record_arrives()
    {
        await using var app = LiveWebApp.Start();
        var factory = app.Factory;
        var userId = await Wallets.NewUserAsync(factory, principalFen: 200_00);
        var pile = await OnlinePileAsync(app);
        var start = await app.Get<ChargingService>().StartAsync(userId, Gun1);
        Assert.True(start.Result.Succeeded, start.Result.Error);
        await WaitForStatusAsync(app, start.OrderNo!, ChargingOrderStatus.Charging);
        await pile.StopAsync();
        await LiveWebApp.Eventually(async () => !await app.Get<IPileDirectory>().IsOnlineAsync(Demo1), "pile offline");

        var order = await OrderAsync(app, start.OrderNo!);
        var stop = await app.Get<ChargingOrderService>().StopAsync(Operator, order.Id);

        Assert.False(stop.Succeeded);
        Assert.Contains("电桩离线", stop.Error);
        Assert.Equal(ChargingOrderStatus.Charging, (await OrderAsync(app, start.OrderNo!)).Status);
        Assert.Equal(Money.FromYuan(200), (await Wallets.WalletAsync(factory, userId)).Principal);
    }

    [Fact]
    public async Task Starts_are_refused_with_the_reason_for_an_offline_gun_a_low_balance_and_a_busy_gun()
    {
        await using var app = LiveWebApp.Start();
        var factory = app.Factory;
        var charging = app.Get<ChargingService>();
        var rich = await Wallets.NewUserAsync(factory, principalFen: 100_00);
        var poor = await Wallets.NewUserAsync(factory, principalFen: 4_99);

        Assert.Contains("电枪离线", (await charging.StartAsync(rich, Gun1)).Result.Error);
        Assert.Contains("未找到电枪", (await charging.StartAsync(rich, "99999999999999" + "01")).Result.Error);
        await using var pile = await OnlinePileAsync(app);
        Assert.Contains("余额不足", (await charging.StartAsync(poor, Gun1)).Result.Error);
        Assert.True((await charging.StartAsync(rich, Gun1)).Result.Succeeded);
        Assert.Contains("正在使用中", (await charging.StartAsync(await Wallets.NewUserAsync(factory, 100_00), Gun1)).Result.Error);
        await using var db = app.Context();
        Assert.Equal(0, await db.ChargingOrders.CountAsync(o => o.AppUserId == poor));
    }

    [Fact]
    public async Task A_start_the_pile_refuses_ends_as_a_failed_order_with_the_piles_reason_and_frees_the_gun()
    {
        await using var app = LiveWebApp.Start();
        var userId = await Wallets.NewUserAsync(app.Factory, principalFen: 100_00);
        await using var pile = await OnlinePileAsync(app);
        Assert.True((await app.Get<IPileDirectory>().SendAsync(Demo1, new SetWorkParameters(Disabled: true, 100))).Succeeded); // a disabled pile refuses starts

        var refused = await app.Get<ChargingService>().StartAsync(userId, Gun1);

        Assert.Equal("启动失败：设备故障", refused.Result.Error);
        var order = await OrderAsync(app, refused.OrderNo!);
        Assert.Equal(ChargingOrderStatus.Failed, order.Status);
        Assert.Equal("设备故障", order.FailureReason);
        Assert.Equal(Money.FromYuan(100), (await Wallets.WalletAsync(app.Factory, userId)).Principal);
        Assert.True((await app.Get<IPileDirectory>().SendAsync(Demo1, new SetWorkParameters(Disabled: false, 100))).Succeeded);
        Assert.True((await app.Get<ChargingService>().StartAsync(userId, Gun1)).Result.Succeeded, "a failed start does not hold the gun");
    }

    [Fact]
    public async Task A_card_swipe_starts_a_charge_for_the_cards_user_and_an_unknown_vin_is_refused_with_reason_9()
    {
        await using var app = LiveWebApp.Start();
        var factory = app.Factory;
        var userId = await Wallets.NewUserAsync(factory, principalFen: 50_00, card: "00000000D14B0A54");
        await using var pile = await OnlinePileAsync(app);

        var unknown = await pile.RequestStartAsync(2, vin: "LSVAB4BR0EN000001");
        Assert.False(unknown.Authorized);
        Assert.Equal(0x09, unknown.FailureReason);

        var auth = await pile.RequestStartAsync(1, card: "00000000D14B0A54");
        Assert.True(auth.Authorized);
        Assert.Equal(5000u, auth.BalanceFen);
        await using var db = app.Context();
        await LiveWebApp.Eventually(async () =>
        {
            await using var check = app.Context();
            return await check.ChargingOrders.AnyAsync(o => o.TransactionSerial == auth.Serial && o.Status == ChargingOrderStatus.Charging);
        }, "card order charging");
        var order = await db.ChargingOrders.SingleAsync(o => o.TransactionSerial == auth.Serial);
        Assert.Equal(userId, order.AppUserId);
        Assert.Equal(StartSource.Card, order.Source);
    }

    [Fact]
    public async Task A_void_returns_money_to_the_accounts_it_came_from_takes_the_points_back_and_cannot_happen_twice()
    {
        await using var app = LiveWebApp.Start();
        var factory = app.Factory;
        var userId = await Wallets.NewUserAsync(factory, principalFen: 3_00, bonusFen: 300_00);
        await using var pile = await OnlinePileAsync(app);
        var order = await ChargeAndStopAsync(app, userId, pile, o => o.TotalAmount > Money.FromYuan(5));
        Assert.Equal(ChargingOrderStatus.Settled, order.Status);

        var orders = app.Get<ChargingOrderService>();
        var both = await Task.WhenAll(orders.VoidAsync(Operator, order.Id, "用户投诉"), orders.VoidAsync(Operator, order.Id, "用户投诉"));

        Assert.Single(both, r => r.Succeeded);
        Assert.Contains(both, r => r.Error == "该订单已退单，不能重复退单");
        var wallet = await Wallets.WalletAsync(factory, userId);
        Assert.Equal(Money.FromYuan(3), wallet.Principal);
        Assert.Equal(Money.FromYuan(300), wallet.Bonus);
        Assert.Equal(0, wallet.Points);
        Assert.Equal(ChargingOrderStatus.Voided, (await OrderAsync(app, order.OrderNo)).Status);
        await Wallets.AssertBalancesEqualLedgerAsync(factory, userId);
    }
}
