using ChargeConsole.Features.StoredValue;
using ChargeConsole.Data.Entities;
using ChargeConsole.Domain.Orders;
using ChargeConsole.Domain.Values;
using ChargeConsole.Features.Orders;
using ChargeConsole.Features.Piles;
using ChargeConsole.Features.Wallets;
using ChargeConsole.Infrastructure;
using ChargeConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ChargeConsole.Tests.Orders;

/// <summary>The money paths tried as a careless user or an attacker would: parallel starts, price edits mid-charge, late reports, retries.</summary>
[Trait(TestKind.Name, TestKind.Live)]
public class MoneyHardeningTests
{
    private const string Demo1 = "32010200000001";
    private const string Demo2 = "32010200000002";

    private static async Task<LiveWebApp> TwoPilesOnlineAsync(Dictionary<string, string>? settings = null)
    {
        var app = LiveWebApp.Start(settings);
        foreach (var code in new[] { Demo1, Demo2 })
        {
            var pile = app.Pile(code);
            app.OnDispose(pile);
            await app.PileReadyAsync(pile);
        }
        return app;
    }

    private static readonly string[] FourGuns = [Demo1 + "01", Demo1 + "02", Demo2 + "01", Demo2 + "02"];

    [Fact]
    public async Task Four_starts_at_once_on_a_six_yuan_wallet_leave_one_running_order()
    {
        await using var app = await TwoPilesOnlineAsync();
        var userId = await Wallets.NewUserAsync(app.Factory, principalFen: 6_00);
        var charging = app.Get<ChargingService>();

        var outcomes = await Task.WhenAll(FourGuns.Select(g => Task.Run(() => charging.StartAsync(userId, g))));

        Assert.Single(outcomes, o => o.Result.Succeeded);
        Assert.All(outcomes.Where(o => !o.Result.Succeeded), o => Assert.Contains("正在进行的充电订单", o.Result.Error));
        await using var db = app.Context();
        var order = await db.ChargingOrders.SingleAsync(o => o.AppUserId == userId);
        Assert.Equal(Money.FromFen(6_00), order.SpendingLimit); // what the pile was told it may spend
    }

    [Fact]
    public async Task With_several_running_orders_allowed_the_balances_told_to_piles_never_add_up_to_more_than_the_wallet()
    {
        await using var app = await TwoPilesOnlineAsync(new() { ["Orders:MaxRunningOrdersPerUser"] = "4", ["Orders:MinimumBalanceYuan"] = "1" });
        var userId = await Wallets.NewUserAsync(app.Factory, principalFen: 6_00);
        var charging = app.Get<ChargingService>();

        var outcomes = await Task.WhenAll(FourGuns.Select(g => Task.Run(() => charging.StartAsync(userId, g))));

        Assert.Contains(outcomes, o => o.Result.Succeeded);
        await using var db = app.Context();
        var limits = await db.ChargingOrders.Where(o => o.AppUserId == userId).Select(o => o.SpendingLimit).ToListAsync();
        Assert.True(limits.Sum(l => l!.Value.Fen) <= 6_00, $"limits {string.Join(", ", limits)} exceed the 6.00 yuan held");
    }

    [Fact]
    public async Task Editing_the_price_mid_charge_does_not_reprice_the_order()
    {
        await using var db = await TestDatabase.CreateAsync();
        var f = await OrderFixture.CreateAsync(db);
        var userId = await Wallets.NewUserAsync(db.Factory, principalFen: 100_00);
        var order = await f.ChargingOrderAsync(userId);
        await using (var ctx = db.Context())
        {
            // The tariff the pile was given at start: 1.00 + 0.50 yuan/kWh all day.
            var template = await ctx.BillingTemplates.Include(t => t.ElectricityPrice).SingleAsync(t => t.Id == f.TemplateId);
            await ctx.ChargingOrders.Where(o => o.Id == order.Id).ExecuteUpdateAsync(u => u.SetProperty(o => o.Tariff, ChargeConsole.Features.Pricing.TemplateTariff.Snapshot(template).ToText()));
            // The operator then triples the electricity price while the car charges.
            template.ElectricityPrice.Flat = Price.FromYuan(3m);
            template.FlatServiceFee = Price.FromYuan(2m);
            await ctx.SaveChangesAsync();
        }

        var settled = await OrderFixture.SettleAsync(db, OrderFixture.RecordFor(order, 100_000)); // 10 kWh, and the pile says 15.00

        Assert.Equal(ChargingOrderStatus.Settled, settled.Status);
        Assert.Equal(Money.FromFen(10_00), settled.ElectricityFee);
        Assert.Equal(Money.FromFen(5_00), settled.ServiceFee);
        Assert.Equal(Money.FromFen(15_00), settled.TotalAmount);
        Assert.Equal(Money.FromFen(15_00), settled.PileAmount);
        Assert.False(settled.AmountMismatch);
    }

    [Fact]
    public async Task A_record_the_console_never_started_is_held_for_review_and_charges_nobody_until_approved()
    {
        await using var db = await TestDatabase.CreateAsync();
        var f = await OrderFixture.CreateAsync(db);
        var userId = await Wallets.NewUserAsync(db.Factory, principalFen: 100_00, card: "00000000D14B0A54");
        var forged = OrderFixture.RecordFor(new ChargingOrder { TransactionSerial = OrderFixture.GunCode + "2611251000999999" }, 100_000) with { PhysicalCard = "00000000D14B0A54" };

        var held = await OrderFixture.SettleAsync(db, forged);

        Assert.Equal(ChargingOrderStatus.PendingReview, held.Status);
        Assert.Equal(userId, held.AppUserId);
        Assert.Contains("平台未下发该交易流水号", held.ReviewNote);
        Assert.Equal(Money.FromFen(100_00), (await Wallets.WalletAsync(db.Factory, userId)).Principal);

        var reviews = db.Get<OrderResolutionService>();
        var approved = await reviews.ApproveAsync(TestDatabase.Operator, held.Id, "核实为离线刷卡", "req-approve-1");
        Assert.True(approved.Succeeded, approved.Error);
        Assert.True((await reviews.ApproveAsync(TestDatabase.Operator, held.Id, "核实为离线刷卡", "req-approve-1")).Succeeded); // a double click
        Assert.Equal(Money.FromFen(85_00), (await Wallets.WalletAsync(db.Factory, userId)).Principal);
        await Wallets.AssertBalancesEqualLedgerAsync(db.Factory, userId);
        await using var ctx = db.Context();
        Assert.Equal(1, await ctx.AuditLogs.CountAsync(a => a.Action == "审核通过" && a.Target == held.OrderNo));
    }

    [Fact]
    public async Task An_implausible_record_on_a_console_started_order_is_held_and_a_rejection_charges_nothing()
    {
        await using var db = await TestDatabase.CreateAsync();
        var f = await OrderFixture.CreateAsync(db);
        var userId = await Wallets.NewUserAsync(db.Factory, principalFen: 6_000_00);
        var order = await f.ChargingOrderAsync(userId);
        // 5,000 kWh in 30 minutes on a 60 kW pile.
        var held = await OrderFixture.SettleAsync(db, OrderFixture.RecordFor(order, 50_000_000));

        Assert.Equal(ChargingOrderStatus.PendingReview, held.Status);
        Assert.Contains("电量超过电桩额定功率", held.ReviewNote);
        Assert.Null(held.UserRunningSlot);

        var rejected = await db.Get<OrderResolutionService>().RejectAsync(TestDatabase.Operator, held.Id, "伪造的交易记录", null);
        Assert.True(rejected.Succeeded, rejected.Error);
        await using var ctx = db.Context();
        Assert.Equal(ChargingOrderStatus.Rejected, (await ctx.ChargingOrders.SingleAsync(o => o.Id == held.Id)).Status);
        Assert.Equal(Money.FromFen(6_000_00), (await Wallets.WalletAsync(db.Factory, userId)).Principal);
    }

    [Fact]
    public async Task A_late_realtime_report_after_settlement_leaves_the_settled_order_as_it_is()
    {
        await using var db = await TestDatabase.CreateAsync();
        var f = await OrderFixture.CreateAsync(db);
        var userId = await Wallets.NewUserAsync(db.Factory, principalFen: 100_00);
        var order = await f.ChargingOrderAsync(userId);
        var writer = db.Get<PileStateWriter>();
        await writer.StartAsync(CancellationToken.None);
        var telemetry = db.Get<OrderTelemetry>();
        var settled = await OrderFixture.SettleAsync(db, OrderFixture.RecordFor(order, 100_000));
        Assert.Equal(ChargingOrderStatus.Settled, settled.Status);

        // The pile's last 0x13, delayed in the network, says the gun is still charging under this serial.
        await telemetry.OnRealtimeAsync(OrderFixture.PileCode, Realtime(order.TransactionSerial!, energy: 120_000, amountUnits: 180_000), CancellationToken.None);
        // The writer applies changes in the order they were queued: once this marker is applied, so is the report.
        var flushed = new TaskCompletionSource();
        writer.Enqueue("test-marker", new PileStateWriter.Change((_, _) => Task.CompletedTask, () => flushed.TrySetResult()));
        await flushed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await writer.StopAsync(CancellationToken.None);

        await using var ctx = db.Context();
        var after = await ctx.ChargingOrders.SingleAsync(o => o.Id == order.Id);
        Assert.Equal(ChargingOrderStatus.Settled, after.Status);
        Assert.Equal(Money.FromFen(15_00), after.TotalAmount);
        Assert.Equal(0, await ctx.ChargingReports.CountAsync(r => r.ChargingOrderId == order.Id));
    }

    [Fact]
    public async Task A_guarded_move_from_a_status_the_order_has_left_changes_nothing()
    {
        await using var db = await TestDatabase.CreateAsync();
        var f = await OrderFixture.CreateAsync(db);
        var userId = await Wallets.NewUserAsync(db.Factory, principalFen: 100_00);
        var order = await f.ChargingOrderAsync(userId);
        await OrderFixture.SettleAsync(db, OrderFixture.RecordFor(order, 100_000));

        await using var ctx = db.Context();
        // A writer that read "Charging" before the settlement committed now tries to finish the order.
        var moved = await ctx.ChargingOrders.Where(o => o.Id == order.Id).MoveAsync(ChargingOrderStatus.Charging, ChargingOrderStatus.Finished, null, CancellationToken.None);
        Assert.Equal(0, moved);
        Assert.Equal(ChargingOrderStatus.Settled, await ctx.ChargingOrders.Where(o => o.Id == order.Id).Select(o => o.Status).SingleAsync());
        // And a move the life-cycle table forbids is a bug, not a silent change.
        var failed = new ChargingOrder { Status = ChargingOrderStatus.Failed };
        Assert.Throws<InvalidOrderTransitionException>(() => failed.MoveTo(ChargingOrderStatus.Finished));
    }

    [Theory]
    [MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task A_top_up_repeated_with_its_request_id_acts_once_and_its_audit_row_commits_with_it(Engine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var userId = await Wallets.NewUserAsync(db.Factory, principalFen: 0);
        var wallets = db.Get<WalletService>();
        var form = new AdjustmentForm { AppUserId = userId, Amount = 10m, Reason = "线下转账" };

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => wallets.AdjustAsync(TestDatabase.Operator, form))));

        Assert.All(results, r => Assert.True(r.Succeeded, r.Error));
        Assert.Equal(Money.FromFen(10_00), (await Wallets.WalletAsync(db.Factory, userId)).Principal);
        await using var ctx = db.Context();
        Assert.Equal(1, await ctx.WalletAdjustments.CountAsync(a => a.AppUserId == userId));
        Assert.Equal(1, await ctx.AuditLogs.CountAsync(a => a.Action == "资产调整" && a.Succeeded));
        await Wallets.AssertBalancesEqualLedgerAsync(db.Factory, userId);

        // A refusal is audited too, with the money untouched.
        var refused = await wallets.AdjustAsync(TestDatabase.Operator, new AdjustmentForm { AppUserId = userId, Kind = AdjustmentKind.Deduct, Amount = 11m, Reason = "误操作" });
        Assert.False(refused.Succeeded);
        Assert.Equal(1, await ctx.AuditLogs.CountAsync(a => a.Action == "资产调整" && !a.Succeeded));
        Assert.Equal(Money.FromFen(10_00), (await Wallets.WalletAsync(db.Factory, userId)).Principal);
    }

    [Fact]
    public async Task The_wallets_concurrency_token_stops_a_second_writer_that_read_the_same_version()
    {
        await using var db = await TestDatabase.CreateAsync();
        var userId = await Wallets.NewUserAsync(db.Factory, principalFen: 10_00);
        await using var first = db.Context();
        await using var second = db.Context();
        var a = await first.Wallets.SingleAsync(w => w.AppUserId == userId);
        var b = await second.Wallets.SingleAsync(w => w.AppUserId == userId);

        WalletBook.Post(first, a, LedgerAccount.Principal, 5_00, LedgerSource.Adjustment, "T1", DateTime.UtcNow);
        await first.SaveChangesAsync();
        WalletBook.Post(second, b, LedgerAccount.Principal, 7_00, LedgerSource.Adjustment, "T2", DateTime.UtcNow);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        Assert.Equal(Money.FromFen(15_00), (await Wallets.WalletAsync(db.Factory, userId)).Principal);
        await Wallets.AssertBalancesEqualLedgerAsync(db.Factory, userId);
    }

    [Fact]
    public async Task An_orders_status_token_stops_a_writer_that_read_an_older_status()
    {
        await using var db = await TestDatabase.CreateAsync();
        var f = await OrderFixture.CreateAsync(db);
        var userId = await Wallets.NewUserAsync(db.Factory, principalFen: 100_00);
        var order = await f.ChargingOrderAsync(userId);
        await using var stale = db.Context();
        var old = await stale.ChargingOrders.SingleAsync(o => o.Id == order.Id); // read while Charging

        await OrderFixture.SettleAsync(db, OrderFixture.RecordFor(order, 100_000));
        old.StopReason = "旧的读取";
        old.MoveTo(ChargingOrderStatus.Stopping);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => stale.SaveChangesAsync());
        await using var ctx = db.Context();
        Assert.Equal(ChargingOrderStatus.Settled, (await ctx.ChargingOrders.SingleAsync(o => o.Id == order.Id)).Status);
    }

    [Fact]
    public async Task A_money_change_that_loses_a_race_inside_its_transaction_is_retried_from_a_fresh_read_and_lands_once()
    {
        await using var db = await TestDatabase.CreateAsync();
        var userId = await Wallets.NewUserAsync(db.Factory, principalFen: 10_00);
        var attempts = 0;

        var result = await MoneyTransaction.RunAsync(db.Factory, new MoneyAction("op", "测试", "race-1"), async (ctx, ct) =>
        {
            var wallet = await ctx.Wallets.SingleAsync(w => w.AppUserId == userId, ct);
            if (Interlocked.Increment(ref attempts) == 1)
            {
                // A second context on the same connection and transaction changes the wallet after our read.
                await using var other = db.Context();
                other.Database.SetDbConnection(ctx.Database.GetDbConnection());
                await other.Database.UseTransactionAsync(ctx.Database.CurrentTransaction!.GetDbTransaction(), ct);
                var theirs = await other.Wallets.SingleAsync(w => w.AppUserId == userId, ct);
                WalletBook.Post(other, theirs, LedgerAccount.Principal, 1_00, LedgerSource.Adjustment, "THEIRS", DateTime.UtcNow);
                await other.SaveChangesAsync(ct);
            }
            WalletBook.Post(ctx, wallet, LedgerAccount.Principal, 2_00, LedgerSource.Adjustment, "OURS", DateTime.UtcNow);
            return OperationResult.Ok("ok");
        }, () => "wallet", db.Clock);

        Assert.True(result.Succeeded);
        Assert.Equal(2, attempts);
        // The first attempt (and the change it lost to) rolled back together; the retry landed once.
        Assert.Equal(Money.FromFen(12_00), (await Wallets.WalletAsync(db.Factory, userId)).Principal);
        await Wallets.AssertBalancesEqualLedgerAsync(db.Factory, userId);
    }


    private static ChargeConsole.Devices.Ykc.RealtimeData Realtime(string serial, uint energy, uint amountUnits) => new(
        serial, OrderFixture.PileCode, 1, Status: 3, Holstered: 0, PluggedIn: 1, VoltageDeciV: 3800, CurrentDeciA: 1000, CableTemp: 80, CableCode: "0000000000000000",
        Soc: 50, BatteryMaxTemp: 78, ChargingMinutes: 30, RemainingMinutes: 20, Energy: energy, LossEnergy: energy, Amount: amountUnits, FaultBits: 0);
}
