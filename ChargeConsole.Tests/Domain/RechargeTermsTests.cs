using ChargeConsole.Tests.Support;
using ChargeConsole.Domain.Values;
using ChargeConsole.Domain.Wallets;

namespace ChargeConsole.Tests.Domain;

[Trait(TestKind.Name, TestKind.Fast)]
public class RechargeTermsTests
{
    [Fact]
    public void A_coupon_lowers_the_payment_and_its_discount_is_credited_as_bonus_so_the_package_still_credits_its_full_amount()
    {
        // 充100送20 with 满100减10: pay 90.00, principal 90.00, bonus 20.00 + 10.00 = 30.00, 120.00 in the wallet as without it.
        var terms = RechargeTerms.For(Money.FromFen(100_00), Money.FromFen(20_00), Money.FromFen(10_00));
        Assert.Equal((90_00L, 30_00L, 10_00L, 120_00L), (terms.Pay.Fen, terms.Bonus.Fen, terms.Discount.Fen, terms.Credited.Fen));
        var plain = RechargeTerms.For(Money.FromFen(100_00), Money.FromFen(20_00), Money.Zero);
        Assert.Equal((100_00L, 20_00L, 120_00L), (plain.Pay.Fen, plain.Bonus.Fen, plain.Credited.Fen));
    }

    [Fact]
    public void A_refund_of_all_the_cash_paid_with_a_coupon_takes_back_all_the_bonus_including_the_discount()
    {
        // Paid 90.00 with bonus 30.00: refunding 45.00 takes back 15.00; the whole 90.00 takes back all 30.00.
        Assert.Equal(Money.FromFen(15_00), RefundRules.BonusToReclaim(Money.FromFen(30_00), Money.FromFen(90_00), Money.FromFen(45_00), Money.Zero, Money.FromFen(30_00)));
        Assert.Equal(Money.FromFen(15_00), RefundRules.BonusToReclaim(Money.FromFen(30_00), Money.FromFen(90_00), Money.FromFen(90_00), Money.FromFen(15_00), Money.FromFen(15_00)));
    }

    [Fact]
    public void A_discount_that_leaves_nothing_to_pay_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RechargeTerms.For(Money.FromFen(10_00), Money.Zero, Money.FromFen(10_00)));
        Assert.Throws<ArgumentOutOfRangeException>(() => RechargeTerms.For(Money.FromFen(10_00), Money.Zero, Money.FromFen(-1)));
        Assert.Equal(1L, RechargeTerms.For(Money.FromFen(10_00), Money.Zero, Money.FromFen(9_99)).Pay.Fen);
    }

    [Fact]
    public void A_late_payment_whose_coupon_was_used_elsewhere_keeps_its_cash_as_principal_and_loses_only_the_discount()
    {
        // 充100送20 with 满100减10, paid 90.00 after the coupon went to another order: principal 90.00, bonus 20.00, 110.00 in all.
        var late = RechargeTerms.For(Money.FromFen(100_00), Money.FromFen(20_00), Money.FromFen(10_00)).WithoutDiscount();
        Assert.Equal((90_00L, 20_00L, 0L, 110_00L), (late.Pay.Fen, late.Bonus.Fen, late.Discount.Fen, late.Credited.Fen));
    }
}
