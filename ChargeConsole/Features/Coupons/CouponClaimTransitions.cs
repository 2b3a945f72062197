using ChargeConsole.Data.Entities;
using ChargeConsole.Domain.Coupons;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace ChargeConsole.Features.Coupons;

/// <summary>
/// The one way a coupon copy's status changes. Copies move set-based, by a conditional UPDATE that names the status
/// they move from (and bumps Version), so two orders racing for one copy take it once: the loser's UPDATE matches no row.
/// </summary>
public static class CouponClaimTransitions
{
    /// <summary>Moves the copies of <paramref name="which"/> still in <paramref name="from"/>, setting <paramref name="also"/> in the same UPDATE; returns how many moved.</summary>
    public static Task<int> MoveAsync(this IQueryable<CouponClaim> which, CouponClaimStatus from, CouponClaimStatus to,
        Action<UpdateSettersBuilder<CouponClaim>>? also, CancellationToken ct)
    {
        CouponClaimLifecycle.Move(from, to);
        return which.Where(c => c.Status == from).ExecuteUpdateAsync(u =>
        {
            u.SetProperty(c => c.Status, to).SetProperty(c => c.Version, c => c.Version + 1);
            also?.Invoke(u);
        }, ct);
    }

    /// <summary>
    /// Gives back the copy of <paramref name="which"/> in <paramref name="from"/> that an order lets go: where the
    /// Domain says (free while its coupon is valid, else 已过期); <paramref name="also"/> clears the order's hold.
    /// </summary>
    public static async Task<int> ReturnAsync(this IQueryable<CouponClaim> which, CouponClaimStatus from, DateTime now,
        Action<UpdateSettersBuilder<CouponClaim>> also, CancellationToken ct)
    {
        var window = await which.Where(c => c.Status == from).Select(c => new { c.Coupon.ValidFrom, c.Coupon.ValidTo }).FirstOrDefaultAsync(ct);
        if (window is null) return 0;
        return await which.MoveAsync(from, CouponClaimLifecycle.Returned(CouponRules.PhaseAt(window.ValidFrom, window.ValidTo, now)), also, ct);
    }
}
