using ChargeConsole.Data;
using ChargeConsole.Domain.Coupons;
using ChargeConsole.Domain.Values;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Features.Coupons;

/// <summary>A copy the user may pay with, and what it takes off.</summary>
public sealed record UsableCoupon(int ClaimId, string Name, Money Threshold, Money Discount, DateTime ValidTo);

/// <summary>
/// Coupons on a recharge payment (manual 1.8 优惠叠加: a 营销套餐 whose activity allows it). The copy is Reserved for the
/// order when the order is made (a conditional UPDATE, so two orders — or an order and a charge's settlement — cannot
/// both have it), becomes 已使用 when the payment is credited, and is given back if the order is closed unpaid
/// (<see cref="CouponClaimLifecycle"/>).
/// </summary>
public static class PaymentCoupons
{
    /// <summary>The user's free copies that may pay for <paramref name="amount"/> now, the largest discount first.</summary>
    public static async Task<List<UsableCoupon>> UsableAsync(ChargeDbContext db, int userId, Money amount, DateTime now, CancellationToken ct)
    {
        var held = await db.CouponClaims.AsNoTracking().AvailableTo(db, userId).Select(c => new { c.Id, c.Coupon.Name, c.Coupon.Threshold, c.Coupon.Discount, c.Coupon.ValidFrom, c.Coupon.ValidTo })
            .Take(200).ToListAsync(ct);
        return held.Where(c => CouponRules.PaymentDiscount(new HeldCoupon(c.Id, c.Threshold, c.Discount, c.ValidFrom, c.ValidTo), amount, now) is not null)
            .OrderByDescending(c => c.Discount).ThenBy(c => c.ValidTo).ThenBy(c => c.Id)
            .Select(c => new UsableCoupon(c.Id, c.Name, c.Threshold, c.Discount, c.ValidTo)).ToList();
    }

    /// <summary>The discount copy <paramref name="claimId"/> takes off paying <paramref name="amount"/>, or why it cannot (for the user).</summary>
    public static async Task<(Money Discount, string? Error)> DiscountAsync(ChargeDbContext db, int userId, int claimId, Money amount, DateTime now, CancellationToken ct)
    {
        var c = await db.CouponClaims.AsNoTracking().AvailableTo(db, userId).Where(c => c.Id == claimId)
            .Select(c => new HeldCoupon(c.Id, c.Coupon.Threshold, c.Coupon.Discount, c.Coupon.ValidFrom, c.Coupon.ValidTo)).FirstOrDefaultAsync(ct);
        if (c is null) return (Money.Zero, "所选优惠券不可用（不存在、已使用或已被其他订单选用）");
        if (CouponRules.PaymentDiscount(c, amount, now) is { } discount) return (discount, null);
        return (Money.Zero, CouponRules.PhaseAt(c.ValidFrom, c.ValidTo, now) switch
        {
            CouponPhase.NotStarted => "所选优惠券尚未生效",
            CouponPhase.Expired => "所选优惠券已过期",
            _ when amount < c.Threshold => $"所选优惠券满 {c.Threshold} 元可用，该套餐 {amount} 元未达到",
            _ => $"所选优惠券减 {c.Discount} 元，不低于套餐金额 {amount} 元，不能用于该套餐",
        });
    }

    /// <summary>Reserves the copy for the order, in the caller's transaction; false when another order took it first.</summary>
    public static async Task<bool> ReserveAsync(ChargeDbContext db, int claimId, int rechargeOrderId, CancellationToken ct) =>
        await db.CouponClaims.Where(c => c.Id == claimId && !db.ChargingOrders.Any(o => o.CouponClaimId == c.Id))
            .MoveAsync(CouponClaimStatus.Unused, CouponClaimStatus.Reserved, u => u.SetProperty(c => c.RechargeOrderId, rechargeOrderId), ct) == 1;

    /// <summary>
    /// At payment: the copy the order reserved becomes 已使用. When the order had been closed and the copy given back, a
    /// late payment takes it only if it is still free and valid (<see cref="CouponClaimLifecycle.UsableLate"/>). False
    /// when it is not: the payment is then credited without the discount.
    /// </summary>
    public static async Task<bool> UseAsync(ChargeDbContext db, int claimId, int rechargeOrderId, DateTime now, CancellationToken ct)
    {
        var reserved = await db.CouponClaims.Where(c => c.Id == claimId && c.RechargeOrderId == rechargeOrderId)
            .MoveAsync(CouponClaimStatus.Reserved, CouponClaimStatus.Used, u => u.SetProperty(c => c.UsedAt, now), ct);
        if (reserved == 1) return true;
        var copy = await db.CouponClaims.Where(c => c.Id == claimId).Select(c => new { c.Status, c.Coupon.ValidFrom, c.Coupon.ValidTo }).FirstOrDefaultAsync(ct);
        if (copy is null || !CouponClaimLifecycle.UsableLate(copy.Status, CouponRules.PhaseAt(copy.ValidFrom, copy.ValidTo, now))) return false;
        // Still Unused in the UPDATE itself, and not named by a charge: a settlement taking it at this moment wins.
        return await db.CouponClaims.Where(c => c.Id == claimId && !db.ChargingOrders.Any(o => o.CouponClaimId == c.Id))
            .MoveAsync(CouponClaimStatus.Unused, CouponClaimStatus.Used, u => u.SetProperty(c => c.UsedAt, now).SetProperty(c => c.RechargeOrderId, rechargeOrderId), ct) == 1;
    }

    /// <summary>An order closed unpaid gives its reserved copy back: free while valid, else 已过期.</summary>
    public static Task<int> ReleaseAsync(ChargeDbContext db, int rechargeOrderId, DateTime now, CancellationToken ct) =>
        db.CouponClaims.Where(c => c.RechargeOrderId == rechargeOrderId)
            .ReturnAsync(CouponClaimStatus.Reserved, now, u => u.SetProperty(c => c.RechargeOrderId, (int?)null), ct);
}
