using ChargeConsole.Domain.Values;

namespace ChargeConsole.Domain.Wallets;

/// <summary>SPEC "Withdrawal": principal paid back as refunds of the user's own recharge orders, newest first, less a fee.</summary>
public static class WithdrawalRules
{
    /// <summary>The fee on <paramref name="amount"/> at <paramref name="percent"/> %, to the fen (half away from zero).</summary>
    public static Money Fee(Money amount, decimal percent) =>
        Money.FromFen((long)Math.Round(amount.Fen * percent / 100m, MidpointRounding.AwayFromZero));

    /// <summary>How much of <paramref name="payout"/> each order refunds, newest first, within what each may still refund; null when they cannot cover it.</summary>
    public static IReadOnlyList<(int OrderId, Money Amount)>? Allocate(Money payout, IEnumerable<(int OrderId, Money Refundable)> newestFirst)
    {
        var parts = new List<(int, Money)>();
        var left = payout;
        foreach (var (id, refundable) in newestFirst)
        {
            if (left <= Money.Zero) break;
            var take = Money.Min(left, refundable);
            if (take <= Money.Zero) continue;
            parts.Add((id, take));
            left -= take;
        }
        return left > Money.Zero ? null : parts;
    }
}
