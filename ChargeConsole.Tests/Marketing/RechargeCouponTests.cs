using ChargeConsole.Domain.Coupons;
using ChargeConsole.Domain.Wallets;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChargeConsole.Data.Entities;
using ChargeConsole.Domain.Infrastructure;
using ChargeConsole.Domain.Values;
using ChargeConsole.Features.Coupons;
using ChargeConsole.Features.Marketing;
using ChargeConsole.Features.StoredValue;
using ChargeConsole.Infrastructure.Payments.Sandbox;
using ChargeConsole.Infrastructure.Payments.WeChatPay;
using ChargeConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ChargeConsole.Tests.StoredValue.RechargeFlowTests;

namespace ChargeConsole.Tests.Marketing;

/// <summary>
/// 优惠叠加 (manual 1.8): a coupon pays part of a 营销套餐 whose activity allows it, through the API, WeChat Pay's
/// sandbox and its callbacks. The principal is the cash paid, the discount is bonus, and a copy serves one order.
/// </summary>
[Trait(TestKind.Name, TestKind.Live)]
public class RechargeCouponTests
{
    private const string OpenId = "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o";

    private sealed record Setup(LiveWebApp App, HttpClient Http, int UserId, int Package, int Claim, int BigClaim);

    /// <summary>充100送20 in a running activity (stackable or not); the user holds 满100减10 and 满200减30.</summary>
    private static async Task<Setup> SetUpAsync(bool stackable, Dictionary<string, string>? settings = null)
    {
        var app = LiveWebApp.Start(settings);
        var activities = app.Get<ActivityService>();
        var packages = app.Get<MarketingPackageService>();
        var china = ChinaTime.ToChina(DateTime.UtcNow);
        var title = $"活动{Guid.NewGuid():N}"[..10];
        Assert.True((await activities.SaveActivityAsync(TestDatabase.Operator, new ActivityForm
        {
            Title = title, StartAt = china.AddHours(-1), EndAt = china.AddDays(7), StackableWithCoupons = stackable,
        })).Succeeded);
        await using var db = app.Context();
        var activity = await db.MarketingActivities.Where(a => a.Title == title).Select(a => a.Id).SingleAsync();
        Assert.True((await packages.SavePackageAsync(TestDatabase.Operator, new MarketingPackageForm { Name = title + "套餐", Amount = 100, Bonus = 20, ActivityIds = [activity] })).Succeeded);
        var package = await db.MarketingPackages.Where(p => p.Name == title + "套餐").Select(p => p.Id).SingleAsync();
        var (http, userId) = await NewUserAsync(app);
        return new Setup(app, http, userId, package, await ClaimAsync(app, userId, 100, 10), await ClaimAsync(app, userId, 200, 30));
    }

    /// <summary>A new 满<paramref name="threshold"/>减<paramref name="discount"/> coupon, valid now, issued to the user: the copy's id.</summary>
    internal static async Task<int> ClaimAsync(LiveWebApp app, int userId, decimal threshold, decimal discount)
    {
        var coupons = app.Get<CouponService>();
        var name = $"满{threshold}减{discount}-{Guid.NewGuid():N}"[..20];
        var china = ChinaTime.ToChina(DateTime.UtcNow);
        Assert.True((await coupons.SaveAsync(TestDatabase.Operator, new CouponForm
        {
            Name = name, Threshold = threshold, Discount = discount, TotalQuantity = 10, PerUserLimit = 1, ValidFrom = china, ValidTo = china.AddDays(30),
        })).Succeeded);
        await using var db = app.Context();
        var coupon = await db.Coupons.Where(c => c.Name == name).Select(c => c.Id).SingleAsync();
        Assert.True((await coupons.ClaimAsync(coupon, userId, CouponClaimMethod.Issued, "test")).Succeeded);
        return await db.CouponClaims.Where(c => c.CouponId == coupon && c.AppUserId == userId).Select(c => c.Id).SingleAsync();
    }

    private static Task<HttpResponseMessage> BuyAsync(Setup s, string requestId, int? claim, HttpClient? http = null) =>
        (http ?? s.Http).PostAsJsonAsync("/api/app/v1/recharge/orders", new { marketingPackageId = s.Package, openId = OpenId, requestId, couponClaimId = claim });

    private static async Task<string> Detail(HttpResponseMessage r) => (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!;

    private static async Task<JsonElement> OrderOf(HttpResponseMessage r)
    {
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        return (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("order");
    }

    private static async Task<string> OrderNoOf(HttpResponseMessage r) => (await OrderOf(r)).GetProperty("orderNo").GetString()!;

    private static async Task<CouponClaim> ClaimOf(LiveWebApp app, int id)
    {
        await using var db = app.Context();
        return await db.CouponClaims.AsNoTracking().SingleAsync(c => c.Id == id);
    }

    /// <summary>The status and reservation "我的优惠券" shows for the 满100减10 copy.</summary>
    private static async Task<(string, bool)> MineAsync(Setup s, int? claim = null)
    {
        var mine = (await s.Http.GetFromJsonAsync<JsonElement>("/api/app/v1/coupons/mine")).GetProperty("items").EnumerateArray()
            .Single(c => c.GetProperty("id").GetInt32() == (claim ?? s.Claim));
        return (mine.GetProperty("statusName").GetString()!, mine.GetProperty("reserved").GetBoolean());
    }

    private static async Task<List<int>> UsableAsync(Setup s) =>
        (await s.Http.GetFromJsonAsync<JsonElement>($"/api/app/v1/marketing/packages/{s.Package}/coupons")).GetProperty("coupons").EnumerateArray()
        .Select(c => c.GetProperty("claimId").GetInt32()).ToList();

    [Fact]
    public async Task A_coupon_pays_part_of_a_stackable_package_the_cash_paid_is_principal_and_the_discount_bonus_and_the_coupon_is_then_used()
    {
        var s = await SetUpAsync(stackable: true);
        await using var _ = s.App;

        // Only 满100减10 applies to a 100.00 package; paying with it comes to 90.00.
        var offer = await s.Http.GetFromJsonAsync<JsonElement>($"/api/app/v1/marketing/packages/{s.Package}/coupons");
        Assert.True(offer.GetProperty("couponsStack").GetBoolean());
        var usable = offer.GetProperty("coupons").EnumerateArray().Single();
        Assert.Equal((s.Claim, 10m, 90m), (usable.GetProperty("claimId").GetInt32(), usable.GetProperty("discount").GetDecimal(), usable.GetProperty("pay").GetDecimal()));

        var view = await OrderOf(await BuyAsync(s, "c-1", s.Claim));
        var orderNo = view.GetProperty("orderNo").GetString()!;
        Assert.Equal((90m, 30m, 10m), (view.GetProperty("amount").GetDecimal(), view.GetProperty("bonus").GetDecimal(), view.GetProperty("discount").GetDecimal()));

        // Reserved while unpaid: not offered again, not usable by another order, not deletable by an operator.
        Assert.Empty(await UsableAsync(s));
        Assert.Equal("所选优惠券不可用（不存在、已使用或已被其他订单选用）", await Detail(await BuyAsync(s, "c-2", s.Claim)));
        Assert.Equal("该优惠券正被待支付的充值订单占用，不能删除", (await s.App.Get<CouponService>().DeleteClaimAsync(TestDatabase.Operator, s.Claim)).Error);
        Assert.Equal(("未使用", true), await MineAsync(s));

        Assert.Equal([204, 204], await s.App.Get<WeChatPaySandbox>().PayAsync(orderNo, copies: 2));

        var wallet = await Wallets.WalletAsync(s.App.Factory, s.UserId);
        Assert.Equal((90_00L, 30_00L), (wallet.Principal.Fen, wallet.Bonus.Fen));
        await Wallets.AssertBalancesEqualLedgerAsync(s.App.Factory, s.UserId);
        var order = await OrderAsync(s.App, orderNo);
        var claim = await ClaimOf(s.App, s.Claim);
        Assert.Equal((CouponClaimStatus.Used, order.Id), (claim.Status, claim.RechargeOrderId));
        Assert.Equal(("已使用", false), await MineAsync(s));
        await using (var db = s.App.Context())
        {
            Assert.Equal("充值赠送（含优惠券抵扣 10.00 元）", await db.LedgerEntries.Where(l => l.SourceNo == orderNo && l.Account == LedgerAccount.Bonus).Select(l => l.Remark).SingleAsync());
            Assert.Equal(orderNo, (await CouponService.Claims(db, TestDatabase.Operator, new ClaimFilter()).SingleAsync(c => c.Id == s.Claim)).OrderNo);
        }

        // Only the cash can go back; refunding all of it takes back all the bonus, the discount with it.
        var status = await s.Http.GetFromJsonAsync<JsonElement>($"/api/app/v1/recharge/orders/{orderNo}");
        Assert.Equal(90m, status.GetProperty("refundable").GetDecimal());
        var refund = await s.App.Get<RefundService>().RequestAsync(RefundAsker.Operator("operator", "cr-1"), order.Id, Money.FromFen(90_00), "");
        Assert.True(refund.Succeeded, refund.Error);
        await s.App.Get<WeChatPaySandbox>().EndRefundAsync(refund.RefundNo!, WxRefund.Success);
        wallet = await Wallets.WalletAsync(s.App.Factory, s.UserId);
        Assert.Equal((0L, 0L, 0L), (wallet.Principal.Fen, wallet.Bonus.Fen, wallet.Frozen.Fen));
        await Wallets.AssertBalancesEqualLedgerAsync(s.App.Factory, s.UserId);
    }

    [Fact]
    public async Task A_coupon_is_refused_on_a_package_whose_activity_does_not_stack_on_a_plain_package_below_its_threshold_or_of_another_user()
    {
        var s = await SetUpAsync(stackable: false);
        await using var _ = s.App;

        var offer = await s.Http.GetFromJsonAsync<JsonElement>($"/api/app/v1/marketing/packages/{s.Package}/coupons");
        Assert.False(offer.GetProperty("couponsStack").GetBoolean());
        Assert.Empty(offer.GetProperty("coupons").EnumerateArray());
        Assert.Equal("该套餐所属活动不可叠加使用优惠券", await Detail(await BuyAsync(s, "n-1", s.Claim)));

        var plain = (await s.Http.GetFromJsonAsync<JsonElement>("/api/app/v1/recharge/packages"))[0].GetProperty("id").GetInt32();
        var onPlain = await s.Http.PostAsJsonAsync("/api/app/v1/recharge/orders", new { packageId = plain, openId = OpenId, requestId = "n-2", couponClaimId = s.Claim });
        Assert.Equal(HttpStatusCode.BadRequest, onPlain.StatusCode);
        Assert.Contains("优惠券只能用于可叠加优惠的营销套餐", await onPlain.Content.ReadAsStringAsync());

        // The same package in a second, stackable activity: now the threshold and the owner decide.
        var activities = s.App.Get<ActivityService>();
        var packages = s.App.Get<MarketingPackageService>();
        var china = ChinaTime.ToChina(DateTime.UtcNow);
        Assert.True((await activities.SaveActivityAsync(TestDatabase.Operator, new ActivityForm
        {
            Title = "可叠加活动", StartAt = china.AddHours(-1), EndAt = china.AddDays(1), StackableWithCoupons = true,
        })).Succeeded);
        await using (var db = s.App.Context())
        {
            var stacking = await db.MarketingActivities.Where(a => a.Title == "可叠加活动").Select(a => a.Id).SingleAsync();
            var package = await db.MarketingPackages.Include(p => p.Activities).SingleAsync(p => p.Id == s.Package);
            Assert.True((await packages.SavePackageAsync(TestDatabase.Operator, new MarketingPackageForm
            {
                Id = package.Id, Name = package.Name, Amount = 100, Bonus = 20, ActivityIds = [.. package.Activities.Select(a => a.Id), stacking],
            })).Succeeded);
        }
        Assert.Equal("所选优惠券满 200.00 元可用，该套餐 100.00 元未达到", await Detail(await BuyAsync(s, "n-3", s.BigClaim)));
        var (stranger, _) = await NewUserAsync(s.App);
        Assert.Equal("所选优惠券不可用（不存在、已使用或已被其他订单选用）", await Detail(await BuyAsync(s, "n-4", s.Claim, stranger)));
        Assert.Equal(CouponClaimStatus.Unused, (await ClaimOf(s.App, s.Claim)).Status);
        Assert.Null((await ClaimOf(s.App, s.Claim)).RechargeOrderId);
        Assert.Equal([s.Claim], await UsableAsync(s));
    }

    [Fact]
    public async Task An_order_closed_unpaid_gives_its_coupon_back_and_a_late_payment_after_the_coupon_went_elsewhere_is_credited_without_the_discount()
    {
        var s = await SetUpAsync(stackable: true, new Dictionary<string, string> { ["Recharge:QueryAfterSeconds"] = "0", ["Recharge:RecoverySeconds"] = "3600" });
        await using var _ = s.App;
        var sandbox = s.App.Get<WeChatPaySandbox>();

        // Nobody pays: the recovery job closes the order at WeChat Pay and here, and the coupon is the user's again.
        var abandoned = await OrderNoOf(await BuyAsync(s, "l-1", s.Claim));
        await using (var db = s.App.Context())
            await db.RechargeOrders.Where(o => o.OrderNo == abandoned).ExecuteUpdateAsync(u => u.SetProperty(o => o.CreatedAt, DateTime.UtcNow.AddHours(-1)));
        await ActivatorUtilities.CreateInstance<PaymentRecoveryJob>(s.App.Services).Execute(null!, CancellationToken.None);
        Assert.Equal(RechargeOrderStatus.Closed, (await OrderAsync(s.App, abandoned)).Status);
        Assert.Equal([s.Claim], await UsableAsync(s));

        // An order closed here while the user's payment was on its way (WeChat Pay's answer crossed the close).
        var late = await OrderNoOf(await BuyAsync(s, "l-2", s.Claim));
        Assert.True(await s.App.Get<RechargeService>().CloseAsync(late, CancellationToken.None));
        Assert.Null((await ClaimOf(s.App, s.Claim)).RechargeOrderId);
        var used = await OrderNoOf(await BuyAsync(s, "l-3", s.Claim));
        await sandbox.PayAsync(used);
        await sandbox.PayAsync(late);

        // The coupon served the later order; the late one paid 90.00 and gets its package's 20.00 bonus, not the discount.
        var lateOrder = await OrderAsync(s.App, late);
        Assert.Equal((RechargeOrderStatus.Paid, 90_00L, 20_00L, 0L, (int?)null),
            (lateOrder.Status, lateOrder.PaidAmount.Fen, lateOrder.BonusAmount.Fen, lateOrder.DiscountAmount.Fen, lateOrder.CouponClaimId));
        Assert.Equal((CouponClaimStatus.Used, (await OrderAsync(s.App, used)).Id), ((await ClaimOf(s.App, s.Claim)).Status, (await ClaimOf(s.App, s.Claim)).RechargeOrderId));
        var wallet = await Wallets.WalletAsync(s.App.Factory, s.UserId);
        Assert.Equal((180_00L, 50_00L), (wallet.Principal.Fen, wallet.Bonus.Fen));
        await Wallets.AssertBalancesEqualLedgerAsync(s.App.Factory, s.UserId);
    }

    [Fact]
    public async Task A_copy_reserved_by_an_order_is_used_even_if_its_window_ends_while_paying_but_a_late_payment_cannot_take_an_expired_copy()
    {
        var s = await SetUpAsync(stackable: true);
        await using var _ = s.App;
        var sandbox = s.App.Get<WeChatPaySandbox>();
        async Task EndCouponOf(int claim)
        {
            await using var db = s.App.Context();
            var coupon = await db.CouponClaims.Where(c => c.Id == claim).Select(c => c.CouponId).SingleAsync();
            await db.Coupons.Where(c => c.Id == coupon).ExecuteUpdateAsync(u => u.SetProperty(c => c.ValidTo, DateTime.UtcNow.AddSeconds(-1)));
        }

        // Reserved at 90.00 while valid; the window closes while the user pays: the price was fixed, the copy is used.
        var paying = await OrderNoOf(await BuyAsync(s, "e-1", s.Claim));
        Assert.Equal(CouponClaimStatus.Reserved, (await ClaimOf(s.App, s.Claim)).Status);
        await EndCouponOf(s.Claim);
        await sandbox.PayAsync(paying);
        var paid = await OrderAsync(s.App, paying);
        Assert.Equal((RechargeOrderStatus.Paid, 90_00L, 30_00L, 10_00L), (paid.Status, paid.PaidAmount.Fen, paid.BonusAmount.Fen, paid.DiscountAmount.Fen));
        Assert.Equal(CouponClaimStatus.Used, (await ClaimOf(s.App, s.Claim)).Status);

        // Another order is closed (its copy given back), the copy's window ends, then the payment arrives after all:
        // an expired copy is not taken; the 90.00 paid is principal and only the package's 20.00 is bonus.
        var other = await ClaimAsync(s.App, s.UserId, 100, 10);
        var late = await OrderNoOf(await BuyAsync(s, "e-2", other));
        Assert.True(await s.App.Get<RechargeService>().CloseAsync(late, CancellationToken.None));
        Assert.Equal((CouponClaimStatus.Unused, (int?)null), ((await ClaimOf(s.App, other)).Status, (await ClaimOf(s.App, other)).RechargeOrderId));
        await EndCouponOf(other);
        await sandbox.PayAsync(late);
        var lateOrder = await OrderAsync(s.App, late);
        Assert.Equal((RechargeOrderStatus.Paid, 90_00L, 20_00L, 0L), (lateOrder.Status, lateOrder.PaidAmount.Fen, lateOrder.BonusAmount.Fen, lateOrder.DiscountAmount.Fen));
        Assert.Equal(CouponClaimStatus.Unused, (await ClaimOf(s.App, other)).Status);
        Assert.Equal(("已过期", false), await MineAsync(s, other));

        // Closing an order whose copy's window has passed gives it back as 已过期 at once.
        var third = await ClaimAsync(s.App, s.UserId, 100, 10);
        var closed = await OrderNoOf(await BuyAsync(s, "e-3", third));
        await EndCouponOf(third);
        Assert.True(await s.App.Get<RechargeService>().CloseAsync(closed, CancellationToken.None));
        Assert.Equal((CouponClaimStatus.Expired, (int?)null), ((await ClaimOf(s.App, third)).Status, (await ClaimOf(s.App, third)).RechargeOrderId));

        var wallet = await Wallets.WalletAsync(s.App.Factory, s.UserId);
        Assert.Equal((180_00L, 50_00L), (wallet.Principal.Fen, wallet.Bonus.Fen));
        await Wallets.AssertBalancesEqualLedgerAsync(s.App.Factory, s.UserId);
    }

    [Fact]
    public async Task A_coupon_held_by_an_unpaid_recharge_cannot_be_named_at_a_charge_start_until_that_order_is_closed()
    {
        var s = await SetUpAsync(stackable: true);
        await using var _ = s.App;
        Assert.True((await s.App.Get<ChargeConsole.Features.StoredValue.WalletService>().AdjustAsync(TestDatabase.Operator,
            new ChargeConsole.Features.StoredValue.AdjustmentForm { AppUserId = s.UserId, Amount = 100m, Reason = "测试充值" })).Succeeded);
        var recharge = await OrderNoOf(await BuyAsync(s, "h-1", s.Claim));
        await using var pile = s.App.Pile("32010200000001");
        await LiveWebApp.Eventually(async () =>
        {
            await using var db = s.App.Context();
            return await db.Guns.AnyAsync(g => g.Code == "3201020000000101" && g.Status == GunStatus.Idle);
        }, "the gun free");

        var refused = await s.Http.PostAsJsonAsync("/api/app/v1/orders", new { gunCode = "3201020000000101", couponClaimId = s.Claim });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("所选优惠券不可用（不存在、已使用或已被其他订单选用）", await Detail(refused));

        Assert.True(await s.App.Get<RechargeService>().CloseAsync(recharge, CancellationToken.None));
        var started = await s.Http.PostAsJsonAsync("/api/app/v1/orders", new { gunCode = "3201020000000101", couponClaimId = s.Claim, requestId = "start-h-2" });
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        await using var check = s.App.Context();
        Assert.Equal(s.Claim, await check.ChargingOrders.Where(o => o.AppUserId == s.UserId).Select(o => o.CouponClaimId).SingleAsync());
    }

    [Fact]
    public async Task Orders_racing_for_one_coupon_reserve_it_for_one_only()
    {
        var s = await SetUpAsync(stackable: true);
        await using var _ = s.App;

        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => BuyAsync(s, $"r-{i}", s.Claim)));

        var won = answers.Where(a => a.StatusCode == HttpStatusCode.Created).ToList();
        Assert.Single(won);
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Created), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
        Assert.Equal((await OrderAsync(s.App, await OrderNoOf(won[0]))).Id, (await ClaimOf(s.App, s.Claim)).RechargeOrderId);
        await using var db = s.App.Context();
        Assert.Equal(1, await db.RechargeOrders.CountAsync(o => o.AppUserId == s.UserId && o.CouponClaimId == s.Claim && o.Status == RechargeOrderStatus.Unpaid));
    }
}
