using System.Linq.Expressions;
using ChargeConsole.Data.Entities;
using ChargeConsole.Domain.Coupons;

namespace ChargeConsole.Features.Coupons;

/// <summary>
/// <see cref="CouponRules.PhaseAt"/> as SQL: the one filter the coupon list, the claim queries, the give-back of a
/// copy and the expiry job use, so a coupon is 已失效 in a query exactly when the Domain says it is.
/// </summary>
public static class CouponPhases
{
    public static IQueryable<Coupon> InPhase(this IQueryable<Coupon> coupons, CouponPhase phase, DateTime now) =>
        coupons.Where(Is<Coupon>(c => c, phase, now));

    /// <summary>Copies whose coupon is in <paramref name="phase"/> at <paramref name="now"/>.</summary>
    public static IQueryable<CouponClaim> InPhase(this IQueryable<CouponClaim> claims, CouponPhase phase, DateTime now) =>
        claims.Where(Is<CouponClaim>(c => c.Coupon, phase, now));

    private sealed record Clock(DateTime Now);

    private static Expression<Func<T, bool>> Is<T>(Expression<Func<T, Coupon>> coupon, CouponPhase phase, DateTime now)
    {
        var from = Expression.Property(coupon.Body, nameof(Coupon.ValidFrom));
        var to = Expression.Property(coupon.Body, nameof(Coupon.ValidTo));
        // A captured value, so the query sends it as a parameter rather than a literal per call.
        var at = Expression.Property(Expression.Constant(new Clock(now)), nameof(Clock.Now));
        Expression body = phase switch
        {
            CouponPhase.NotStarted => Expression.GreaterThan(from, at),
            CouponPhase.Active => Expression.AndAlso(Expression.LessThanOrEqual(from, at), Expression.GreaterThan(to, at)),
            _ => Expression.LessThanOrEqual(to, at),
        };
        return Expression.Lambda<Func<T, bool>>(body, coupon.Parameters);
    }
}
