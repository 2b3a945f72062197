using ChargeConsole.Domain.Values;

namespace ChargeConsole.Domain.Coupons;

/// <summary>Where a coupon stands against the clock: 未开始, 已生效, 已失效.</summary>
public enum CouponPhase { NotStarted = 0, Active = 1, Expired = 2 }

/// <summary>One of a user's unused coupons, as the settlement weighs it.</summary>
public sealed record HeldCoupon(int ClaimId, Money Threshold, Money Discount, DateTime ValidFrom, DateTime ValidTo);

/// <summary>SPEC "Coupons" and "Coupon use": 满X减Y coupons valid within a window, one per order.</summary>
public static class CouponRules
{
    /// <summary>The window is [from, to): a coupon is valid from its first moment up to, not including, its end.</summary>
    public static CouponPhase PhaseAt(DateTime validFrom, DateTime validTo, DateTime now) =>
        now < validFrom ? CouponPhase.NotStarted : now < validTo ? CouponPhase.Active : CouponPhase.Expired;

    /// <summary>
    /// The start a new window takes when <paramref name="requested"/> is asked for at <paramref name="now"/> (UTC): a
    /// start later today or after stands; one earlier today means "from now" (a window may include now, and a typed
    /// date alone is its midnight); one before today is refused (null): a coupon's validity never starts in the past.
    /// </summary>
    public static DateTime? StartFor(DateTime requested, DateTime now) =>
        requested >= now ? requested : requested >= Infrastructure.ChinaTime.StartOfDayUtc(now) ? now : null;

    /// <summary>Whether the coupon applies to an order of <paramref name="amount"/> at <paramref name="now"/>: within its window and the amount reaches the threshold.</summary>
    public static bool Applies(HeldCoupon c, Money amount, DateTime now) =>
        PhaseAt(c.ValidFrom, c.ValidTo, now) == CouponPhase.Active && amount > Money.Zero && amount >= c.Threshold;

    /// <summary>The discount on <paramref name="amount"/>: the coupon's, never more than the amount.</summary>
    public static Money DiscountOn(HeldCoupon c, Money amount) => Money.Min(c.Discount, amount);

    /// <summary>
    /// The discount a coupon takes off a payment of <paramref name="amount"/> (a 营销套餐 whose activity allows 优惠叠加),
    /// or null when it does not apply: as on a charge (window, threshold), and something must be left to pay, since
    /// WeChat Pay takes no payment of 0.
    /// </summary>
    public static Money? PaymentDiscount(HeldCoupon c, Money amount, DateTime now) =>
        Applies(c, amount, now) && c.Discount < amount ? c.Discount : null;

    /// <summary>The applicable coupon that takes off the most (ties: the one ending first, so the other keeps), or null.</summary>
    public static HeldCoupon? Best(IEnumerable<HeldCoupon> held, Money amount, DateTime now) =>
        held.Where(c => Applies(c, amount, now)).OrderByDescending(c => DiscountOn(c, amount)).ThenBy(c => c.ValidTo).ThenBy(c => c.ClaimId).FirstOrDefault();

    /// <summary>
    /// The electricity and service fees after a discount, reduced in proportion: each part loses its share of the
    /// discount rounded down, and the fen left over go to the parts with the largest remainders (electricity first on a
    /// tie), so the two still add up to what is paid.
    /// </summary>
    public static (Money Electricity, Money Service) Reduce(Money electricity, Money service, Money discount)
    {
        var total = electricity.Fen + service.Fen;
        if (total <= 0 || discount.Fen <= 0) return (electricity, service);
        var off = Math.Min(discount.Fen, total);
        var exactElectricity = (decimal)off * electricity.Fen / total;
        var fromElectricity = (long)decimal.Floor(exactElectricity);
        var fromService = (long)decimal.Floor((decimal)off * service.Fen / total);
        if (fromElectricity + fromService < off)
        {
            // One fen left at most (two floors lose less than 2): to the larger remainder.
            var remElectricity = exactElectricity - fromElectricity;
            var remService = (decimal)off * service.Fen / total - fromService;
            if (remElectricity >= remService) fromElectricity++; else fromService++;
        }
        return (Money.FromFen(electricity.Fen - fromElectricity), Money.FromFen(service.Fen - fromService));
    }
}
