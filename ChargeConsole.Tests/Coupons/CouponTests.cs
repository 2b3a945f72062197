using ChargeConsole.Domain.Coupons;
using ChargeConsole.Data.Entities;
using ChargeConsole.Domain.Infrastructure;
using ChargeConsole.Features.Coupons;
using ChargeConsole.Features.Orders;
using ChargeConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Tests.Coupons;

/// <summary>SPEC "Coupons" and "Coupon use" on a real SQLite file: limits under concurrency, 全体发放, and the discount at settlement.</summary>
[Trait(TestKind.Name, TestKind.Live)]
public class CouponTests
{
    private static async Task<int> CouponAsync(TestDatabase db, decimal threshold, decimal discount, int total, int perUser, CouponClaimMethod method = CouponClaimMethod.Issued)
    {
        var now = ChinaTime.ToChina(db.Clock.GetUtcNow().UtcDateTime);
        var name = $"券{Guid.NewGuid():N}"[..10];
        var saved = await db.Get<CouponService>().SaveAsync(TestDatabase.Operator, new CouponForm
        {
            Name = name, Threshold = threshold, Discount = discount, TotalQuantity = total, PerUserLimit = perUser,
            ValidFrom = now.AddMinutes(1), ValidTo = now.AddDays(30), ClaimMethod = method,
        });
        Assert.True(saved.Succeeded, saved.Error);
        db.Clock.Advance(TimeSpan.FromMinutes(2)); // into the window
        await using var ctx = db.Context();
        return await ctx.Coupons.Where(c => c.Name == name).Select(c => c.Id).SingleAsync();
    }

    [Fact]
    public async Task A_window_that_starts_in_the_past_is_refused_and_the_rule_cannot_change_after_creation()
    {
        await using var db = await TestDatabase.CreateAsync();
        var coupons = db.Get<CouponService>();
        var now = ChinaTime.ToChina(db.Clock.GetUtcNow().UtcDateTime); // 10:00 China time
        var past = await coupons.SaveAsync(TestDatabase.Operator, new CouponForm
        {
            Name = "过去的券", Threshold = 10, Discount = 2, TotalQuantity = 10, PerUserLimit = 1, ValidFrom = now.AddDays(-1), ValidTo = now.AddDays(1),
        });
        Assert.Equal(CouponService.StartInThePast, past.Error);
        // Earlier today (a date typed alone is its midnight) means from now: the window includes now.
        var today = await coupons.SaveAsync(TestDatabase.Operator, new CouponForm
        {
            Name = "今天的券", Threshold = 10, Discount = 2, TotalQuantity = 10, PerUserLimit = 1, ValidFrom = now.Date, ValidTo = now.AddDays(1),
        });
        Assert.True(today.Succeeded, today.Error);
        await using (var check = db.Context())
            Assert.Equal(db.Clock.GetUtcNow().UtcDateTime, await check.Coupons.Where(c => c.Name == "今天的券").Select(c => c.ValidFrom).SingleAsync());

        var id = await CouponAsync(db, 10, 2, 10, 1);
        var edit = await coupons.SaveAsync(TestDatabase.Operator, new CouponForm
        {
            Id = id, Name = "改名", Threshold = 10, Discount = 3, TotalQuantity = 10, PerUserLimit = 1, ValidFrom = now.AddMinutes(1), ValidTo = now.AddDays(30),
        });
        Assert.Equal("优惠券规则（满金额、减金额）创建后不允许修改；如需调整请新建优惠券", edit.Error);
    }

    [Theory]
    [MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task Concurrent_claims_never_pass_the_total_or_the_per_user_limit(Engine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var coupons = db.Get<CouponService>();
        var id = await CouponAsync(db, 0, 1, total: 7, perUser: 2);
        var users = new List<int>();
        for (var i = 0; i < 5; i++) users.Add(await Wallets.NewUserAsync(db.Factory, 0));

        // Each of 5 users tries 4 times at once: 20 tries for 7 copies, at most 2 each.
        var results = await Task.WhenAll(users.SelectMany(u => Enumerable.Range(0, 4).Select(_ => coupons.ClaimAsync(id, u, CouponClaimMethod.InApp, "test"))));

        Assert.Equal(7, results.Count(r => r.Succeeded));
        await using var ctx = db.Context();
        Assert.Equal(7, await ctx.CouponClaims.CountAsync(c => c.CouponId == id));
        Assert.Equal(7, await ctx.Coupons.Where(c => c.Id == id).Select(c => c.ClaimedCount).SingleAsync());
        Assert.True(await ctx.CouponClaims.Where(c => c.CouponId == id).GroupBy(c => c.AppUserId).AllAsync(g => g.Count() <= 2));
        Assert.Contains(results, r => r.Error is "优惠券已领完" or "每人限领 2 张，您已领取");
    }

    [Theory]
    [MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task Issuing_to_all_twice_gives_each_user_one_copy_within_the_total_even_with_claims_running_at_once(Engine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        for (var i = 0; i < 30; i++) await Wallets.NewUserAsync(db.Factory, 0);
        await using var ctx = db.Context();
        var userCount = await ctx.AppUsers.CountAsync(u => !u.Disabled);
        var id = await CouponAsync(db, 0, 1, total: userCount + 100, perUser: 3);
        var runs = db.Get<CouponIssueRuns>();
        var someone = await ctx.AppUsers.OrderBy(u => u.Id).Select(u => u.Id).FirstAsync();

        Assert.True((await runs.StartAsync(TestDatabase.Operator, id)).Succeeded);
        await runs.StartAsync(CancellationToken.None);
        var claims = Task.WhenAll(Enumerable.Range(0, 3).Select(_ => db.Get<CouponService>().ClaimAsync(id, someone, CouponClaimMethod.InApp, "test")));
        await LiveWebApp.Eventually(async () => (await runs.LatestAsync(id))!.Status == IssueRunStatus.Done, "first run done");
        await claims;
        var firstRun = (await runs.LatestAsync(id))!.Id;
        Assert.True((await runs.StartAsync(TestDatabase.Operator, id)).Succeeded);
        db.Clock.Advance(TimeSpan.FromSeconds(2)); // the worker looks for new runs every second of the (test's) clock
        await LiveWebApp.Eventually(async () => await runs.LatestAsync(id) is { Status: IssueRunStatus.Done } run && run.Id != firstRun, "second run done");
        await runs.StopAsync(CancellationToken.None);

        var second = (await runs.LatestAsync(id))!;
        Assert.Equal((0, userCount), (second.Issued, second.Skipped)); // nobody got a second copy from the run
        var perUser = await ctx.CouponClaims.Where(c => c.CouponId == id).GroupBy(c => c.AppUserId).Select(g => new { g.Key, N = g.Count() }).ToListAsync();
        Assert.Equal(userCount, perUser.Count);
        // Everyone has one; the user who also claimed by hand has up to the limit of three, never more.
        Assert.All(perUser.Where(p => p.Key != someone), p => Assert.Equal(1, p.N));
        Assert.InRange(perUser.Single(p => p.Key == someone).N, 1, 3);
        Assert.Equal(perUser.Sum(p => p.N), await ctx.Coupons.Where(c => c.Id == id).Select(c => c.ClaimedCount).SingleAsync());
    }

    /// <summary>Issue 20, item 17: 全体发放 pressed on two pages at once starts one run.</summary>
    [Theory]
    [MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task Issuing_to_all_pressed_on_several_pages_at_once_starts_one_run(Engine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        for (var i = 0; i < 5; i++) await Wallets.NewUserAsync(db.Factory, 0);
        var id = await CouponAsync(db, 0, 1, total: 100, perUser: 1);
        var runs = db.Get<CouponIssueRuns>();

        var started = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => runs.StartAsync(TestDatabase.Operator, id))));

        Assert.Single(started, r => r.Succeeded);
        Assert.All(started.Where(r => !r.Succeeded), r => Assert.Equal("该优惠券正在全体发放中", r.Error));
        await using var ctx = db.Context();
        Assert.Equal(1, await ctx.CouponIssueRuns.CountAsync(r => r.CouponId == id));
        Assert.Equal(6, await ctx.AuditLogs.CountAsync(a => a.Action == "全体发放优惠券"));
    }

    [Fact]
    public async Task Issuing_to_all_stops_at_the_total()
    {
        await using var db = await TestDatabase.CreateAsync();
        for (var i = 0; i < 20; i++) await Wallets.NewUserAsync(db.Factory, 0);
        var id = await CouponAsync(db, 0, 1, total: 12, perUser: 1);
        var runs = db.Get<CouponIssueRuns>();

        await runs.StartAsync(TestDatabase.Operator, id);
        await runs.StartAsync(CancellationToken.None);
        await LiveWebApp.Eventually(async () => (await runs.LatestAsync(id))!.Status == IssueRunStatus.Done, "run done");
        await runs.StopAsync(CancellationToken.None);

        await using var ctx = db.Context();
        Assert.Equal(12, await ctx.CouponClaims.CountAsync(c => c.CouponId == id));
        Assert.Equal(12, (await runs.LatestAsync(id))!.Issued);
    }

    [Fact]
    public async Task A_coupon_reduces_the_bill_at_settlement_the_split_uses_the_reduced_service_fee_and_a_void_gives_it_back()
    {
        await using var db = await TestDatabase.CreateAsync();
        var fixture = await OrderFixture.CreateAsync(db);
        var userId = await Wallets.NewUserAsync(db.Factory, 100_00);
        var id = await CouponAsync(db, threshold: 10, discount: 3, total: 10, perUser: 1);
        Assert.True((await db.Get<CouponService>().ClaimAsync(id, userId, CouponClaimMethod.InApp, "test")).Succeeded);

        // 12.34 kWh at 1.00 + 0.50: electricity 12.34, service 6.17, total 18.51. 满10减3: 3.00 off, split 2/3 : 1/3 as
        // the fees stand → electricity 10.34, service 5.17; 15.51 charged.
        var order = await OrderFixture.SettleAsync(db, OrderFixture.RecordFor(await fixture.ChargingOrderAsync(userId), 123_400));
        Assert.Equal((18_51L, 3_00L, 10_34L, 5_17L), (order.TotalAmount.Fen, order.DiscountAmount.Fen, order.ElectricityFee.Fen, order.ServiceFee.Fen));
        Assert.Equal(84_49L, (await Wallets.WalletAsync(db.Factory, userId)).Principal.Fen);
        await using (var ctx = db.Context())
        {
            var claim = await ctx.CouponClaims.SingleAsync(c => c.CouponId == id);
            Assert.Equal((CouponClaimStatus.Used, (long?)order.Id), (claim.Status, claim.ChargingOrderId));
            var paid = await ctx.LedgerEntries.SingleAsync(l => l.SourceNo == order.OrderNo && l.Account == LedgerAccount.Principal);
            Assert.Equal((-15_51L, "充电消费（订单 18.51 元，优惠券减 3.00 元）"), (paid.Amount, paid.Remark));
            // The platform's split base is the reduced service fee (the station has no investors: it is all the platform's).
            Assert.Equal(5_17L, (await ctx.RevenueShares.SingleAsync(r => r.ChargingOrderId == order.Id)).Base.Fen);
        }

        var voided = await db.Get<ChargingOrderService>().VoidAsync(TestDatabase.Operator, order.Id, "测试退单", requestId: "void-1");
        Assert.True(voided.Succeeded, voided.Error);
        Assert.Equal(100_00L, (await Wallets.WalletAsync(db.Factory, userId)).Principal.Fen);
        await using (var ctx = db.Context())
            Assert.Equal((CouponClaimStatus.Unused, (long?)null), await ctx.CouponClaims.Where(c => c.CouponId == id).Select(c => ValueTuple.Create(c.Status, c.ChargingOrderId)).SingleAsync());

        // Below the threshold (5 kWh = 7.50) the coupon is not used and stays the user's.
        var small = await OrderFixture.SettleAsync(db, OrderFixture.RecordFor(await fixture.ChargingOrderAsync(userId), 50_000));
        Assert.Equal((7_50L, 0L), (small.TotalAmount.Fen, small.DiscountAmount.Fen));
        await Wallets.AssertBalancesEqualLedgerAsync(db.Factory, userId);

        // A coupon is used by one order at most: with one coupon, the next two orders above the threshold share it as one.
        var first = await OrderFixture.SettleAsync(db, OrderFixture.RecordFor(await fixture.ChargingOrderAsync(userId), 100_000));
        var second = await OrderFixture.SettleAsync(db, OrderFixture.RecordFor(await fixture.ChargingOrderAsync(userId), 100_000));
        Assert.Equal([3_00L, 0L], new[] { first.DiscountAmount.Fen, second.DiscountAmount.Fen });
    }
}
