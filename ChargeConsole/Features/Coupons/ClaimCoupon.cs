using ChargeConsole.Data;
using ChargeConsole.Data.Entities;
using ChargeConsole.Domain.Coupons;
using ChargeConsole.Domain.Values;
using ChargeConsole.Infrastructure;
using ChargeConsole.Infrastructure.Audit;
using ChargeConsole.Infrastructure.Grid;
using ChargeConsole.Infrastructure.Live;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Features.Coupons;

/// <summary>A user claims a copy: from the mini-program, or through the QR link.</summary>
public sealed partial class CouponService
{
    /// <summary>
    /// Gives <paramref name="userId"/> one copy if the coupon is live, has copies left and the user is under the limit.
    /// Null on success, or why not. Runs in the caller's transaction.
    /// </summary>
    public static async Task<string?> TakeAsync(ChargeDbContext db, Coupon coupon, int userId, CouponClaimMethod method, DateTime now, CancellationToken ct)
    {
        var phase = CouponRules.PhaseAt(coupon.ValidFrom, coupon.ValidTo, now);
        if (phase == CouponPhase.Expired) return "优惠券已过期";
        // Operators may issue ahead of the window; users claim while it is on.
        if (phase == CouponPhase.NotStarted && method != CouponClaimMethod.Issued) return "优惠券活动尚未开始";
        var held = await db.CouponClaims.CountAsync(c => c.CouponId == coupon.Id && c.AppUserId == userId, ct);
        if (held >= coupon.PerUserLimit) return $"每人限领 {coupon.PerUserLimit} 张，您已领取";
        if (await db.Coupons.Where(c => c.Id == coupon.Id && c.ClaimedCount < c.TotalQuantity)
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.ClaimedCount, c => c.ClaimedCount + 1), ct) == 0)
            return "优惠券已领完";
        db.CouponClaims.Add(new CouponClaim { CouponId = coupon.Id, AppUserId = userId, Method = method, Status = CouponClaimStatus.Unused, ClaimedAt = now, Seq = held + 1 });
        return null;
    }

    /// <summary>One claim in its own transaction; a race lost on the per-user number is answered as the limit.</summary>
    public async Task<OperationResult> ClaimAsync(int couponId, int userId, CouponClaimMethod method, string actor, CancellationToken ct = default)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var coupon = await db.Coupons.AsNoTracking().FirstOrDefaultAsync(c => c.Id == couponId, ct);
            if (coupon is null) return OperationResult.Fail("优惠券不存在");
            var why = await TakeAsync(db, coupon, userId, method, Now, ct);
            var result = why is null ? OperationResult.Ok($"已领取【{coupon.Name}】") : OperationResult.Fail(why);
            if (why is not null) return result;
            AuditTrail.Add(db, Now, actor, "领取优惠券", coupon.Name, result);
            try
            {
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                live.Publish(new CouponClaimsChanged());
                return result;
            }
            catch (DbUpdateException e) when (e.IsUniqueViolation())
            {
                // The same user's other claim took this number first: read again.
            }
        }
        return OperationResult.Fail("领取的人太多，请稍后再试");
    }

    /// <summary>The QR claim link's coupon, or why it cannot be claimed (the manual: no poster reads as expired).</summary>
    public async Task<(Coupon? Coupon, string? Error)> ByTokenAsync(string? token, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 32) return (null, "优惠券不存在");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var coupon = await db.Coupons.AsNoTracking().FirstOrDefaultAsync(c => c.ClaimToken == token, ct);
        if (coupon is null) return (null, "优惠券不存在");
        if (coupon.ClaimMethod != CouponClaimMethod.QrCode) return (null, "该优惠券不支持扫码领取");
        if (coupon.PosterPath is null || CouponRules.PhaseAt(coupon.ValidFrom, coupon.ValidTo, Now) == CouponPhase.Expired) return (null, "优惠券已过期");
        return (coupon, null);
    }
}
