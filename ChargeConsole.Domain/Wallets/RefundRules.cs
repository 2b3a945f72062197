using ChargeConsole.Domain.Values;

namespace ChargeConsole.Domain.Wallets;

/// <summary>SPEC "Refund of a recharge order": how much may still be refunded, and the bonus a refund takes back.</summary>
public static class RefundRules
{
    /// <summary>
    /// paid − refunded − refunds in flight, and never more than the principal the user could still spend: principal
    /// already frozen for other refunds or withdrawals is spoken for, and so is what the user's open charging orders
    /// may still cost (<paramref name="committed"/>, the same rule as the limit told to a pile at start).
    /// </summary>
    public static Money Refundable(Money paid, Money refunded, Money inFlight, WalletBalance wallet, Money committed) =>
        Money.Min(Unrefunded(paid, refunded, inFlight), Orders.SpendingRules.FreePrincipal(wallet, committed));

    /// <summary>What of one payment is neither refunded nor being refunded (before the wallet's limit).</summary>
    public static Money Unrefunded(Money paid, Money refunded, Money inFlight) => Money.Max(Money.Zero, paid - refunded - inFlight);

    /// <summary>
    /// The bonus came with the principal, so it goes back in proportion: once <paramref name="refundedAfter"/> of
    /// <paramref name="paid"/> has been refunded, bonus × refunded ÷ paid (rounded down) is taken back in all, less what
    /// earlier refunds took, and never more than the bonus the wallet still holds.
    /// </summary>
    public static Money BonusToReclaim(Money bonus, Money paid, Money refundedAfter, Money reclaimedSoFar, Money bonusBalance)
    {
        if (paid.Fen <= 0 || bonus.Fen <= 0) return Money.Zero;
        var due = Money.FromFen((long)decimal.Floor((decimal)bonus.Fen * refundedAfter.Fen / paid.Fen));
        return Money.Max(Money.Zero, Money.Min(due - reclaimedSoFar, bonusBalance));
    }
}
