using ChargeConsole.Features.StoredValue;
using ChargeConsole.Data.Entities;
using ChargeConsole.Domain.Orders;
using ChargeConsole.Domain.Values;
using ChargeConsole.Features.Orders;
using ChargeConsole.Tests.Support;
using FsCheck;
using FsCheck.Xunit;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Tests.Orders;

/// <summary>SPEC "Wallet": balance == Σ ledger for every wallet, whatever happens to it and in whatever order.</summary>
[Trait(TestKind.Name, TestKind.Fast)]
public class WalletInvariantTests
{
    private static readonly Lazy<Task<OrderFixture>> Shared = new(async () =>
    {
        var db = await TestDatabase.CreateAsync();
        await db.Get<SettlementQueue>().StartAsync(CancellationToken.None);
        return await OrderFixture.CreateAsync(db);
    });

    [Property(MaxTest = 15)]
    public bool After_any_sequence_of_top_ups_deductions_charges_resends_voids_and_settlements_each_balance_equals_its_ledger(NonEmptyArray<(byte Op, ushort Amount)> script)
    {
        RunAsync(script.Get.Take(25).ToArray()).GetAwaiter().GetResult();
        return true;
    }

    private static async Task RunAsync((byte Op, ushort Amount)[] script)
    {
        var f = await Shared.Value;
        var db = f.Db;
        var userId = await Wallets.NewUserAsync(db.Factory, principalFen: 20_00, bonusFen: 5_00);
        var wallets = db.Get<WalletService>();
        var orders = db.Get<ChargingOrderService>();
        var queue = db.Get<SettlementQueue>();
        var records = new List<(ChargingOrder Order, ChargeConsole.Devices.Ykc.TransactionRecord Record)>();
        foreach (var (op, raw) in script)
        {
            var amount = raw % 5000 + 1;
            switch (op % 8)
            {
                case 0 or 1:
                    await wallets.AdjustAsync(TestDatabase.Operator, new AdjustmentForm
                    {
                        AppUserId = userId, Kind = op % 8 == 0 ? AdjustmentKind.TopUp : AdjustmentKind.Deduct, Amount = amount / 100m, Reason = "测试",
                    });
                    break;
                case 2 or 3:
                    await wallets.AdjustAsync(TestDatabase.Operator, new AdjustmentForm
                    {
                        AppUserId = userId, Kind = op % 8 == 2 ? AdjustmentKind.TopUp : AdjustmentKind.Deduct, Asset = AdjustmentAsset.Points, Amount = amount % 50 + 1, Reason = "测试",
                    });
                    break;
                case 4:
                    var order = await f.ChargingOrderAsync(userId);
                    var record = OrderFixture.RecordFor(order, (uint)amount * 10);
                    records.Add((order, record));
                    Assert.Equal(RecordVerdict.Accepted, await queue.SubmitAsync(record));
                    break;
                case 5 when records.Count > 0:
                    await orders.VoidAsync(TestDatabase.Operator, records[raw % records.Count].Order.Id, "测试退单");
                    break;
                case 6 when records.Count > 0:
                    await orders.SettleAsync(TestDatabase.Operator, records[raw % records.Count].Order.Id);
                    break;
                case 7 when records.Count > 0:
                    Assert.Equal(RecordVerdict.Accepted, await queue.SubmitAsync(records[raw % records.Count].Record));
                    break;
            }
        }
        await Wallets.AssertBalancesEqualLedgerAsync(db.Factory, userId);
        var w = await Wallets.WalletAsync(db.Factory, userId);
        Assert.True(w.Principal.Fen >= 0 && w.Bonus.Fen >= 0 && w.Points >= 0);
        // Every settled order's payment is in the ledger once; voided ones are paid back in full.
        await using var ctx = db.Context();
        var mine = await ctx.ChargingOrders.AsNoTracking().Where(o => o.AppUserId == userId).ToListAsync();
        foreach (var o in mine)
        {
            var moneyMoved = await ctx.LedgerEntries.Where(l => l.SourceNo == o.OrderNo && l.Account != LedgerAccount.Points).SumAsync(l => l.Amount);
            var expected = o.Status switch
            {
                ChargingOrderStatus.Settled => -(o.PaidPrincipal + o.PaidBonus).Fen,
                _ => 0,
            };
            Assert.Equal(expected, moneyMoved);
            if (o.Status == ChargingOrderStatus.Settled) Assert.Equal(o.TotalAmount, o.PaidPrincipal + o.PaidBonus);
        }
    }

    [Theory]
    [MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task Concurrent_settlements_and_top_ups_of_one_wallet_lose_no_update(Engine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        await db.Get<SettlementQueue>().StartAsync(CancellationToken.None);
        var f = await OrderFixture.CreateAsync(db);
        var userId = await Wallets.NewUserAsync(db.Factory, principalFen: 1000_00);
        var charges = new List<ChargingOrder>();
        for (var i = 0; i < 40; i++) charges.Add(await f.ChargingOrderAsync(userId));

        var queue = db.Get<SettlementQueue>();
        var wallets = db.Get<WalletService>();
        var work = charges.Select(o => (Task)queue.SubmitAsync(OrderFixture.RecordFor(o, 10_000)))         // 1 kWh = 1.50 each
            .Concat(Enumerable.Range(0, 40).Select(_ => Task.Run(() => wallets.AdjustAsync(TestDatabase.Operator,
                new AdjustmentForm { AppUserId = userId, Amount = 2m, Reason = "并发充值" }))))
            .ToList();
        await Task.WhenAll(work);

        var wallet = await Wallets.WalletAsync(db.Factory, userId);
        Assert.Equal(Money.FromYuan(1000m + 40 * 2m - 40 * 1.5m), wallet.Principal);
        await Wallets.AssertBalancesEqualLedgerAsync(db.Factory, userId);
        await using var ctx = db.Context();
        Assert.Equal(40, await ctx.ChargingOrders.CountAsync(o => o.AppUserId == userId && o.Status == ChargingOrderStatus.Settled));
    }
}
