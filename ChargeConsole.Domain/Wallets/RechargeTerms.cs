using ChargeConsole.Domain.Values;

namespace ChargeConsole.Domain.Wallets;

/// <summary>
/// What a recharge costs and credits. A coupon lowers the payment but not what the package promises (实际到账 =
/// amount + bonus): the principal is the cash actually paid, so a refund can never give back more cash than came in,
/// and the discount is credited as bonus, which a refund takes back in proportion like the rest of the bonus.
/// </summary>
public sealed record RechargeTerms(Money Pay, Money Bonus, Money Discount)
{
    public static RechargeTerms For(Money amount, Money bonus, Money discount)
    {
        if (amount.Fen <= 0) throw new ArgumentOutOfRangeException(nameof(amount), "A recharge amount must be positive.");
        if (discount.Fen < 0 || discount >= amount) throw new ArgumentOutOfRangeException(nameof(discount), "A discount must be less than the amount.");
        return new(amount - discount, bonus + discount, discount);
    }

    /// <summary>Principal + bonus: what lands in the wallet, the same with or without a coupon.</summary>
    public Money Credited => Pay + Bonus;

    /// <summary>
    /// A payment that arrives after its order was closed and its coupon freed and used elsewhere: the discount was had
    /// once already, so it is not credited again. The cash paid stays principal; only the discount's bonus goes.
    /// </summary>
    public RechargeTerms WithoutDiscount() => new(Pay, Bonus - Discount, Money.Zero);
}
