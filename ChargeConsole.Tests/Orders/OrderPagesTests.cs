using ChargeConsole.Features.StoredValue;
using ChargeConsole.Data.Entities;
using ChargeConsole.Domain.Orders;
using ChargeConsole.Domain.Values;
using ChargeConsole.Features.Orders;
using ChargeConsole.Features.Users;
using ChargeConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Tests.Orders;

/// <summary>The orders, ledger, users and wallets lists: their filters and the operator's wallet adjustments.</summary>
[Trait(TestKind.Name, TestKind.Fast)]
public class OrderPagesTests
{
    [Fact]
    public async Task The_orders_list_filters_by_china_day_phone_status_and_station_and_investors_see_only_their_stations()
    {
        await using var db = await TestDatabase.CreateAsync();
        var f = await OrderFixture.CreateAsync(db);
        var other = await db.AddStationAsync("别的电站");
        var alice = await Wallets.NewUserAsync(db.Factory, 0, phone: "13911110000");
        var bob = await Wallets.NewUserAsync(db.Factory, 0, phone: "13922220000");
        await using (var ctx = db.Context())
        {
            // 2026-11-24 23:30 China time is 15:30 UTC the same day; 2026-11-25 00:30 China is 16:30 UTC on the 24th.
            ctx.ChargingOrders.AddRange(
                Order("A1", alice, f.Station.Id, new DateTime(2026, 11, 24, 15, 30, 0, DateTimeKind.Utc), ChargingOrderStatus.Settled),
                Order("A2", alice, f.Station.Id, new DateTime(2026, 11, 24, 16, 30, 0, DateTimeKind.Utc), ChargingOrderStatus.Unpaid),
                Order("B1", bob, other.Id, new DateTime(2026, 11, 24, 17, 0, 0, DateTimeKind.Utc), ChargingOrderStatus.Settled));
            await ctx.SaveChangesAsync();
        }
        ChargingOrder Order(string no, int user, int station, DateTime at, ChargingOrderStatus status) => new()
        {
            OrderNo = no, AppUserId = user, StationId = station, PileId = f.PileId, GunId = f.GunId, GunCode = OrderFixture.GunCode, CreatedAt = at, Status = status,
        };
        async Task<string[]> Find(ChargingOrderFilter filter, Infrastructure.Auth.AccessScope? scope = null)
        {
            await using var ctx = db.Context();
            return await ChargingOrderService.Query(ctx, scope ?? TestDatabase.Operator, filter).OrderBy(o => o.OrderNo).Select(o => o.OrderNo).ToArrayAsync();
        }

        var nov25 = new DateTime(2026, 11, 25);
        Assert.Equal(["A2", "B1"], await Find(new() { From = nov25, To = nov25 }));
        Assert.Equal(["A1"], await Find(new() { To = nov25.AddDays(-1) }));
        Assert.Equal(["A1", "A2"], await Find(new() { Phone = "1391111" }));
        Assert.Equal(["A2"], await Find(new() { Status = ChargingOrderStatus.Unpaid }));
        Assert.Equal(["B1"], await Find(new() { StationId = other.Id }));
        Assert.Equal(["A1", "A2"], await Find(new() { OrderNo = "a" })); // the beginning of an order number, any case
        Assert.Equal(["A2"], await Find(new() { OrderNo = " A2 " }));
        var investor = await db.AddInvestorAsync("inv", (other.Id, 50m));
        Assert.Equal(["B1"], await Find(new(), investor));
    }

    [Fact]
    public async Task A_deduction_below_zero_is_refused_and_top_ups_and_deductions_are_ledgered_and_audited()
    {
        await using var db = await TestDatabase.CreateAsync();
        var userId = await Wallets.NewUserAsync(db.Factory, principalFen: 10_00, phone: "13933330000");
        var wallets = db.Get<WalletService>();

        var tooMuch = await wallets.AdjustAsync(TestDatabase.Operator, new AdjustmentForm { AppUserId = userId, Kind = AdjustmentKind.Deduct, Amount = 10.01m, Reason = "测试" });
        Assert.False(tooMuch.Succeeded);
        Assert.Equal("余额不足：可扣除本金 10.00 元，不能扣除 10.01 元", tooMuch.Error);
        var noReason = await wallets.AdjustAsync(TestDatabase.Operator, new AdjustmentForm { AppUserId = userId, Amount = 1m, Reason = "" });
        Assert.Equal("请填写调整原因", noReason.Error);
        var fraction = await wallets.AdjustAsync(TestDatabase.Operator, new AdjustmentForm { AppUserId = userId, Asset = AdjustmentAsset.Points, Amount = 1.5m, Reason = "x" });
        Assert.Equal("积分必须是整数", fraction.Error);

        Assert.True((await wallets.AdjustAsync(TestDatabase.Operator, new AdjustmentForm { AppUserId = userId, Kind = AdjustmentKind.Deduct, Amount = 10m, Reason = "退回线下转账" })).Succeeded);
        Assert.True((await wallets.AdjustAsync(TestDatabase.Operator, new AdjustmentForm { AppUserId = userId, Asset = AdjustmentAsset.Points, Amount = 300, Reason = "活动奖励" })).Succeeded);

        var w = await Wallets.WalletAsync(db.Factory, userId);
        Assert.Equal(Money.Zero, w.Principal);
        Assert.Equal(300, w.Points);
        await Wallets.AssertBalancesEqualLedgerAsync(db.Factory, userId);
        await using var ctx = db.Context();
        var ledger = await LedgerQueries.Query(ctx, TestDatabase.Operator, new LedgerFilter { Phone = "13933330000", Source = LedgerSource.Adjustment, Income = false }).ToListAsync();
        Assert.Equal(-1000, Assert.Single(ledger).Amount);
        Assert.Equal(2, await ctx.WalletAdjustments.CountAsync(a => a.AppUserId == userId));
        Assert.Equal(3, await ctx.AuditLogs.CountAsync(a => a.Action == "资产调整")); // the refusal and both adjustments; bad input is not an action
        Assert.Contains(await ctx.AuditLogs.Where(a => a.Action == "资产调整" && !a.Succeeded).Select(a => a.Result).ToListAsync(), r => r.StartsWith("余额不足"));
    }

    [Fact]
    public async Task Users_are_found_by_part_of_a_phone_or_nickname_and_investors_see_no_users()
    {
        await using var db = await TestDatabase.CreateAsync();
        await Wallets.NewUserAsync(db.Factory, 5_00, phone: "13944445555");
        await Wallets.NewUserAsync(db.Factory, 0, phone: "13966667777");
        await using var ctx = db.Context();
        var found = await UserQueries.Users(ctx, TestDatabase.Operator, new UserFilter { Keyword = "4445" }).ToListAsync();
        Assert.Equal("13944445555", Assert.Single(found).Phone);
        Assert.Equal(Money.FromYuan(5), found[0].Principal);
        var investor = await db.AddInvestorAsync("inv");
        Assert.Empty(await UserQueries.Users(ctx, investor, new UserFilter()).ToListAsync());
    }
}
