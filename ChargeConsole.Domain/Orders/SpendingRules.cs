using ChargeConsole.Domain.Values;
using ChargeConsole.Domain.Wallets;

namespace ChargeConsole.Domain.Orders;

/// <summary>One of a user's charging orders that may still take money from the wallet.</summary>
/// <param name="SpendingLimit">what the pile was told the user may spend (null: a pile's own start)</param>
/// <param name="Amount">what the order has reached (live) or charges (priced)</param>
public readonly record struct OpenCharge(string OrderNo, ChargingOrderStatus Status, Money? SpendingLimit, Money Amount);

/// <summary>
/// SPEC "Spending limit": what a user can owe never exceeds what they hold. The orders still to be paid commit part
/// of the wallet; a new start, a refund, a withdrawal and an operator's deduction may use only the rest.
/// </summary>
public static class SpendingRules
{
    /// <summary>The statuses whose order may still take money: its record is to come, or it is priced and not yet paid.</summary>
    public static bool MayStillCharge(ChargingOrderStatus s) =>
        ChargingOrderLifecycle.AwaitsRecord(s) || s is ChargingOrderStatus.Unpaid or ChargingOrderStatus.PendingReview;

    /// <summary>
    /// What one order may still cost. An order whose record is still to come may reach the limit its pile was given
    /// (settlement never charges more, <see cref="Cap"/>); a priced one costs what it charges.
    /// </summary>
    public static Money Commitment(OpenCharge o) =>
        ChargingOrderLifecycle.AwaitsRecord(o.Status) && o.SpendingLimit is { } limit ? Money.Max(limit, o.Amount) : o.Amount;

    public static Money Committed(IEnumerable<OpenCharge> orders) => orders.Aggregate(Money.Zero, (sum, o) => sum + Commitment(o));

    /// <summary>What may still be spent beyond what the open orders may cost.</summary>
    public static Money Uncommitted(WalletBalance wallet, Money committed) => Money.Max(Money.Zero, wallet.Spendable - committed);

    /// <summary>
    /// The principal that may leave the wallet (refund, withdrawal, deduction): spendable principal, less what open
    /// orders may cost beyond the bonus (a charge spends principal first, then bonus).
    /// </summary>
    public static Money FreePrincipal(WalletBalance wallet, Money committed) => Money.Min(wallet.SpendablePrincipal, Uncommitted(wallet, committed));

    /// <summary>
    /// The price of a charge the console started, held to the limit its pile was given: a charge stopped at the user's
    /// limit never costs more than the limit (the pile's own sum and ours may differ by rounding, and the last report
    /// before the stop lags). The fees are reduced in proportion, so they still add up to what is charged.
    /// </summary>
    public static (Money Electricity, Money Service, Money Waived) Cap(Money electricity, Money service, Money? limit)
    {
        var total = electricity + service;
        if (limit is not { } l || total <= l) return (electricity, service, Money.Zero);
        var waived = total - Money.Max(Money.Zero, l);
        var (e, s) = Coupons.CouponRules.Reduce(electricity, service, waived);
        return (e, s, waived);
    }

    /// <summary>A charge beyond its limit by more than this was not stopped by the console in time: it is held for review.</summary>
    public static Money OverrunAllowance(Money limit) => Money.Max(Money.FromFen(5_00), Money.FromFen(limit.Fen / 10));
}
