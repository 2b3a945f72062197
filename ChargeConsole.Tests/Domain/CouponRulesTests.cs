using ChargeConsole.Tests.Support;
using ChargeConsole.Domain.Coupons;
using ChargeConsole.Domain.Values;
using FsCheck;
using FsCheck.Xunit;

namespace ChargeConsole.Tests.Domain;

[Trait(TestKind.Name, TestKind.Fast)]
public class CouponRulesTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 8, 0, 0, DateTimeKind.Utc);

    private static HeldCoupon Coupon(int id, long threshold, long discount, int endsInDays = 10) =>
        new(id, Money.FromFen(threshold), Money.FromFen(discount), Now.AddDays(-1), Now.AddDays(endsInDays));

    [Fact]
    public void A_coupon_is_valid_from_its_first_moment_up_to_its_end()
    {
        Assert.Equal(CouponPhase.NotStarted, CouponRules.PhaseAt(Now.AddSeconds(1), Now.AddDays(1), Now));
        Assert.Equal(CouponPhase.Active, CouponRules.PhaseAt(Now, Now.AddDays(1), Now));
        Assert.Equal(CouponPhase.Expired, CouponRules.PhaseAt(Now.AddDays(-1), Now, Now));
    }

    [Fact]
    public void A_coupon_applies_from_its_threshold_and_the_best_takes_off_the_most()
    {
        // 满30减5 and 满50减10: an order of 49.99 gets 5.00 off; one of 50.00 gets 10.00.
        HeldCoupon[] held = [Coupon(1, 30_00, 5_00), Coupon(2, 50_00, 10_00)];
        Assert.Equal(1, CouponRules.Best(held, Money.FromFen(49_99), Now)!.ClaimId);
        Assert.Equal(2, CouponRules.Best(held, Money.FromFen(50_00), Now)!.ClaimId);
        Assert.Null(CouponRules.Best(held, Money.FromFen(29_99), Now));
        // Equal discounts: the one ending sooner is used.
        Assert.Equal(4, CouponRules.Best([Coupon(3, 0, 3_00, endsInDays: 9), Coupon(4, 0, 3_00, endsInDays: 2)], Money.FromFen(10_00), Now)!.ClaimId);
        // No threshold, a discount larger than the order: the order is free, not negative.
        Assert.Equal(Money.FromFen(2_50), CouponRules.DiscountOn(Coupon(5, 0, 5_00), Money.FromFen(2_50)));
    }

    [Fact]
    public void A_discount_reduces_electricity_and_service_fees_in_proportion_to_the_fen()
    {
        // 12.34 electricity + 6.17 service = 18.51; 5.00 off splits 3.3333… / 1.6666…: 3.33 + 1.66 = 4.99, and the last fen
        // goes to service (remainder 0.67 against 0.33): 12.34 − 3.33 = 9.01 and 6.17 − 1.67 = 4.50.
        var (e, s) = CouponRules.Reduce(Money.FromFen(12_34), Money.FromFen(6_17), Money.FromFen(5_00));
        Assert.Equal((9_01L, 4_50L), (e.Fen, s.Fen));
        // A discount of the whole amount leaves nothing.
        Assert.Equal((0L, 0L), (CouponRules.Reduce(Money.FromFen(1_00), Money.FromFen(50), Money.FromFen(9_99)) is var (a, b) ? (a.Fen, b.Fen) : default));
    }

    [Fact]
    public void A_coupon_on_a_payment_applies_from_its_threshold_within_its_window_and_leaves_something_to_pay()
    {
        // 满100减10 on a 100.00 package: 10.00 off; on 99.99 it does not apply.
        Assert.Equal(Money.FromFen(10_00), CouponRules.PaymentDiscount(Coupon(1, 100_00, 10_00), Money.FromFen(100_00), Now));
        Assert.Null(CouponRules.PaymentDiscount(Coupon(1, 100_00, 10_00), Money.FromFen(99_99), Now));
        // 无门槛减 5.00: a 5.00 package would be paid with 0, which WeChat Pay takes no payment of; 5.01 leaves 0.01.
        Assert.Null(CouponRules.PaymentDiscount(Coupon(2, 0, 5_00), Money.FromFen(5_00), Now));
        Assert.Equal(Money.FromFen(5_00), CouponRules.PaymentDiscount(Coupon(2, 0, 5_00), Money.FromFen(5_01), Now));
        // Ended a moment ago; not yet started.
        Assert.Null(CouponRules.PaymentDiscount(new HeldCoupon(3, Money.Zero, Money.FromFen(1_00), Now.AddDays(-2), Now), Money.FromFen(50_00), Now));
        Assert.Null(CouponRules.PaymentDiscount(new HeldCoupon(4, Money.Zero, Money.FromFen(1_00), Now.AddSeconds(1), Now.AddDays(2)), Money.FromFen(50_00), Now));
    }

    [Property(MaxTest = 1000)]
    public bool The_reduced_fees_add_up_to_what_is_paid_and_none_goes_negative(NonNegativeInt electricity, NonNegativeInt service, NonNegativeInt discount)
    {
        var (e, s) = CouponRules.Reduce(Money.FromFen(electricity.Get), Money.FromFen(service.Get), Money.FromFen(discount.Get));
        var total = (long)electricity.Get + service.Get;
        return e.Fen + s.Fen == Math.Max(0, total - discount.Get) && !e.IsNegative && !s.IsNegative && e.Fen <= electricity.Get && s.Fen <= service.Get;
    }
}
