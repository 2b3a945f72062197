using ChargeConsole.Domain.Values;

namespace ChargeConsole.Domain.Wallets;

/// <summary>A wallet's balances. Frozen is principal held for refunds in flight: it is not spendable.</summary>
public readonly record struct WalletBalance(Money Principal, Money Bonus, long Points, Money Frozen)
{
    public Money SpendablePrincipal => Money.Max(Money.Zero, Principal - Frozen);
    public Money Spendable => SpendablePrincipal + Bonus;
}

/// <summary>How an amount is paid: principal first, then bonus (SPEC "Wallet").</summary>
public readonly record struct Payment(Money FromPrincipal, Money FromBonus)
{
    public Money Total => FromPrincipal + FromBonus;
}

public static class WalletRules
{
    /// <summary>The payment of <paramref name="amount"/>, or null when the spendable balance is short.</summary>
    public static Payment? Pay(WalletBalance wallet, Money amount)
    {
        if (amount.IsNegative) throw new ArgumentOutOfRangeException(nameof(amount));
        if (wallet.Spendable < amount) return null;
        var principal = Money.Min(wallet.SpendablePrincipal, amount);
        return new Payment(principal, amount - principal);
    }

    /// <summary>Points earned on a paid charge: whole yuan paid × points per yuan.</summary>
    public static long PointsFor(Money paid, int pointsPerYuan) => pointsPerYuan <= 0 || paid.Fen <= 0 ? 0 : paid.Fen / 100 * pointsPerYuan;

    /// <summary>Points a void takes back: what the order earned, but never more than the wallet still holds.</summary>
    public static long PointsToReverse(long earned, long pointsNow) => Math.Max(0, Math.Min(earned, pointsNow));

    /// <summary>
    /// Why a manual deduction cannot be made, or null. Money deductions may not touch frozen principal, nor what the
    /// user's open charging orders may still cost (<paramref name="committed"/>): the limit told to their piles stays honest.
    /// </summary>
    public static DeductionRefusal? CheckDeduction(WalletBalance wallet, bool money, long amount, Money committed)
    {
        if (amount <= 0) return new(DeductionRefusalKind.NotPositive, amount);
        if (!money) return amount > wallet.Points ? new(DeductionRefusalKind.PointsShort, amount, Points: wallet.Points) : null;
        var free = Orders.SpendingRules.FreePrincipal(wallet, committed);
        if (amount <= free.Fen) return null;
        return committed > Money.Zero && free < wallet.SpendablePrincipal
            ? new(DeductionRefusalKind.HeldByOpenOrders, amount, free, committed)
            : new(DeductionRefusalKind.PrincipalShort, amount, free);
    }
}

public enum DeductionRefusalKind { NotPositive = 0, PointsShort = 1, PrincipalShort = 2, HeldByOpenOrders = 3 }

/// <summary>A refused deduction of <paramref name="Amount"/> (fen or points): what was free to deduct and what open orders hold.</summary>
public sealed record DeductionRefusal(DeductionRefusalKind Kind, long Amount, Money Free = default, Money Committed = default, long Points = 0);
