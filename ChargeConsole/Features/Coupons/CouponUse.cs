using ChargeConsole.Data;
using ChargeConsole.Data.Entities;
using ChargeConsole.Domain.Coupons;
using ChargeConsole.Domain.Values;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Features.Coupons;

/// <summary>
/// SPEC "Coupon use", inside the settlement's (or the void's) transaction: one coupon per order — the one the user
/// named at start, or (a setting) the best applicable one — when the order's amount reaches its threshold. The discount
/// reduces the two fees in proportion, so the revenue split uses the reduced figures; the claim becomes 已使用 with
/// the order, by a conditional UPDATE, so a coupon is used by one order at most. A void gives it back while still valid.
/// </summary>
public static class CouponUse
{
    /// <summary>Copies no order holds: not used by a charge or a recharge, not reserved by a recharge waiting to be paid.</summary>
    public static IQueryable<CouponClaim> Free(this IQueryable<CouponClaim> claims) =>
        claims.Where(c => c.Status == CouponClaimStatus.Unused);

    /// <summary>
    /// The user's copies that a new use may take: free, and not named by a charge in progress (one that names a copy
    /// takes it at its own settlement) other than <paramref name="settlingOrderId"/>, the charge now settling.
    /// </summary>
    public static IQueryable<CouponClaim> AvailableTo(this IQueryable<CouponClaim> claims, ChargeDbContext db, int userId, long settlingOrderId = 0) =>
        claims.Free().Where(c => c.AppUserId == userId && !db.ChargingOrders.Any(o => o.CouponClaimId == c.Id && o.Id != settlingOrderId));

    public static async Task ApplyAsync(ChargeDbContext db, ChargingOrder order, bool pickBest, DateTime now, CancellationToken ct)
    {
        if (order.AppUserId is not { } userId || order.DiscountAmount > Money.Zero) return;
        var held = db.CouponClaims.AvailableTo(db, userId, order.Id);
        if (order.CouponClaimId is { } named) held = held.Where(c => c.Id == named);
        else if (!pickBest) return;
        var candidates = await held.Select(c => new HeldCoupon(c.Id, c.Coupon.Threshold, c.Coupon.Discount, c.Coupon.ValidFrom, c.Coupon.ValidTo)).ToListAsync(ct);
        var chosen = CouponRules.Best(candidates, order.TotalAmount, now);
        if (chosen is null)
        {
            order.CouponClaimId = null; // the named coupon does not apply (threshold, window): it stays the user's
            return;
        }
        var taken = await db.CouponClaims.Where(c => c.Id == chosen.ClaimId)
            .MoveAsync(CouponClaimStatus.Unused, CouponClaimStatus.Used, u => u.SetProperty(c => c.UsedAt, now).SetProperty(c => c.ChargingOrderId, order.Id), ct);
        if (taken == 0) { order.CouponClaimId = null; return; }
        var discount = CouponRules.DiscountOn(chosen, order.TotalAmount);
        (order.ElectricityFee, order.ServiceFee) = CouponRules.Reduce(order.ElectricityFee, order.ServiceFee, discount);
        order.DiscountAmount = discount;
        order.CouponClaimId = chosen.ClaimId;
    }

    /// <summary>A voided order's coupon goes back to its user if still valid, else it is 已过期.</summary>
    public static async Task ReturnAsync(ChargeDbContext db, ChargingOrder order, DateTime now, CancellationToken ct)
    {
        if (order.CouponClaimId is not { } id || order.DiscountAmount <= Money.Zero) return;
        await db.CouponClaims.Where(c => c.Id == id && c.ChargingOrderId == order.Id).ReturnAsync(CouponClaimStatus.Used, now,
            u => u.SetProperty(c => c.UsedAt, (DateTime?)null).SetProperty(c => c.ChargingOrderId, (long?)null), ct);
        order.CouponClaimId = null; // the claim may now be used by another order
    }
}
