using ChargeConsole.Domain.Values;
using ChargeConsole.Domain.Wallets;

namespace ChargeConsole.Domain.Orders;

public enum StartRefusalKind { UnpaidOrder = 0, RunningAlready = 1, BalanceTooLow = 2 }

/// <summary>What a user's wallet and orders say about a new start, read in the start's transaction.</summary>
/// <param name="UnpaidOrderNo">an order of the user's priced but not yet paid, if any</param>
/// <param name="Open">the user's orders that may still take money</param>
/// <param name="MaxRunning">how many charges a user may run at once (at least 1)</param>
/// <param name="Minimum">the least a start must be able to spend</param>
public sealed record StartFacts(string? UnpaidOrderNo, IReadOnlyList<OpenCharge> Open, int MaxRunning, WalletBalance Wallet, Money Minimum);

/// <summary>A start refused, with what the user is told about: the order in the way, or the balance and what is committed.</summary>
public sealed record StartRefusalReason(StartRefusalKind Kind, string? OrderNo = null, Money Spendable = default, Money Committed = default, Money Minimum = default);

/// <summary>The start rule's answer: refused, or allowed with the limit told to the pile.</summary>
public sealed record StartDecision(StartRefusalReason? Refusal, Money Limit)
{
    public bool Allowed => Refusal is null;
}

/// <summary>
/// SPEC "Start" and "Spending limit": no start while an order is unpaid or the user already runs their allowed number
/// of charges; the pile is told only what the user's other open orders leave of the spendable balance, and a start
/// that would be told less than the minimum balance is refused.
/// </summary>
public static class StartRules
{
    public static StartDecision Decide(StartFacts f)
    {
        if (f.UnpaidOrderNo is { } unpaid) return Refused(new(StartRefusalKind.UnpaidOrder, unpaid));
        var running = f.Open.Where(o => ChargingOrderLifecycle.IsInProgress(o.Status)).ToList();
        if (running.Count >= MaxRunning(f.MaxRunning)) return Refused(new(StartRefusalKind.RunningAlready, running[0].OrderNo));
        var committed = SpendingRules.Committed(f.Open);
        var limit = SpendingRules.Uncommitted(f.Wallet, committed);
        return limit < f.Minimum
            ? Refused(new(StartRefusalKind.BalanceTooLow, Spendable: f.Wallet.Spendable, Committed: committed, Minimum: f.Minimum))
            : new StartDecision(null, limit);
    }

    /// <summary>The running-charge allowance as configured, never below one.</summary>
    public static int MaxRunning(int configured) => Math.Max(1, configured);

    private static StartDecision Refused(StartRefusalReason why) => new(why, Money.Zero);
}
