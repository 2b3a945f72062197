using ChargeConsole.Domain.Coupons;
using System.Security.Cryptography;
using ChargeConsole.Data.Entities;
using ChargeConsole.Domain.Values;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Data.Demo;

/// <summary>
/// The demo's marketing (<c>Demo:Marketing</c>, on by default): a running 营销活动 that allows 优惠叠加 with two
/// packages, and a 满100减10 coupon issued to the first 20 demo users, so a demo user can buy a package with a coupon
/// from the first start.
/// </summary>
public static class DemoMarketing
{
    public const string ActivityTitle = "冬季充值季";
    public const string CouponName = "充值立减10元";

    public static async Task SeedAsync(ChargeDbContext db, DateTime now)
    {
        if (await db.MarketingActivities.AnyAsync(a => a.Title == ActivityTitle)) return;
        var activity = new MarketingActivity
        {
            Title = ActivityTitle, RulesHtml = "<p>活动期间购买充值套餐享额外赠送，可同时使用满 100 减 10 优惠券。</p>", StackableWithCoupons = true,
            Status = ActivityStatus.Enabled, StartAt = now.AddDays(-7), EndAt = now.AddDays(60), CreatedAt = now.AddDays(-8),
        };
        activity.Packages.Add(new MarketingPackage { Name = "冬季充100送20", Amount = Money.FromFen(100_00), Bonus = Money.FromFen(20_00), Status = PackageStatus.Enabled, CreatedAt = now.AddDays(-8) });
        activity.Packages.Add(new MarketingPackage { Name = "冬季充300送80", Amount = Money.FromFen(300_00), Bonus = Money.FromFen(80_00), Status = PackageStatus.Enabled, CreatedAt = now.AddDays(-8) });
        db.MarketingActivities.Add(activity);

        var users = await db.AppUsers.OrderBy(u => u.Id).Select(u => u.Id).Take(20).ToListAsync();
        var coupon = new Coupon
        {
            Name = CouponName, Threshold = Money.FromFen(100_00), Discount = Money.FromFen(10_00), TotalQuantity = 1000, ClaimedCount = users.Count, PerUserLimit = 1,
            ValidFrom = now.AddDays(-7), ValidTo = now.AddDays(60), ClaimMethod = CouponClaimMethod.Issued,
            ClaimToken = Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant(), Remark = "演示数据", CreatedAt = now.AddDays(-8),
        };
        db.Coupons.Add(coupon);
        await db.SaveChangesAsync();
        db.CouponClaims.AddRange(users.Select(id => new CouponClaim
        {
            CouponId = coupon.Id, AppUserId = id, Method = CouponClaimMethod.Issued, Status = CouponClaimStatus.Unused, ClaimedAt = now.AddDays(-7), Seq = 1,
        }));
        await db.SaveChangesAsync();
    }
}
