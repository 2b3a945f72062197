namespace ChargeConsole.Domain.Orders;

public enum ChargingOrderStatus
{
    Starting = 0, Charging = 1, Stopping = 2, Finished = 3, Settled = 4, Unpaid = 5, Failed = 6, Voided = 7,
    /// <summary>待审核: a record the console did not start, or an implausible one; pays nothing until an operator approves it.</summary>
    PendingReview = 8,
    /// <summary>已驳回: an operator rejected the held record; nothing is charged.</summary>
    Rejected = 9,
    /// <summary>已关闭: an overdue order an operator closed without charge.</summary>
    Closed = 10,
}

/// <summary>A status change the life-cycle table forbids: a bug in the caller, never a user's mistake.</summary>
public sealed class InvalidOrderTransitionException(ChargingOrderStatus from, ChargingOrderStatus to)
    : InvalidOperationException($"A charging order cannot move from {from} to {to}.");

/// <summary>
/// SPEC "Charging order life": Starting → Charging → Stopping → Finished → Settled | Unpaid; start failures end
/// as Failed; an Unpaid order is settled later; a Settled order may be voided once.
/// </summary>
public static class ChargingOrderLifecycle
{
    private static readonly Dictionary<ChargingOrderStatus, ChargingOrderStatus[]> Next = new()
    {
        // A pile that started after a timed-out 0x34 reports the order charging: Failed can still become Charging.
        [ChargingOrderStatus.Starting] = [ChargingOrderStatus.Charging, ChargingOrderStatus.Failed, ChargingOrderStatus.Stopping, ChargingOrderStatus.Finished, ChargingOrderStatus.Settled, ChargingOrderStatus.Unpaid, ChargingOrderStatus.PendingReview],
        [ChargingOrderStatus.Charging] = [ChargingOrderStatus.Stopping, ChargingOrderStatus.Finished, ChargingOrderStatus.Settled, ChargingOrderStatus.Unpaid, ChargingOrderStatus.PendingReview],
        [ChargingOrderStatus.Stopping] = [ChargingOrderStatus.Charging, ChargingOrderStatus.Finished, ChargingOrderStatus.Settled, ChargingOrderStatus.Unpaid, ChargingOrderStatus.PendingReview, ChargingOrderStatus.Closed],
        // An idle report can slip in between a start and the first charging report: the next report revives the order.
        // An overdue order (no record) is settled from its last meter sample or closed by an operator.
        [ChargingOrderStatus.Finished] = [ChargingOrderStatus.Charging, ChargingOrderStatus.Settled, ChargingOrderStatus.Unpaid, ChargingOrderStatus.PendingReview, ChargingOrderStatus.Closed],
        [ChargingOrderStatus.Unpaid] = [ChargingOrderStatus.Settled],
        [ChargingOrderStatus.Settled] = [ChargingOrderStatus.Voided],
        [ChargingOrderStatus.Failed] = [ChargingOrderStatus.Charging, ChargingOrderStatus.Settled, ChargingOrderStatus.Unpaid, ChargingOrderStatus.PendingReview],
        [ChargingOrderStatus.PendingReview] = [ChargingOrderStatus.Settled, ChargingOrderStatus.Unpaid, ChargingOrderStatus.Rejected],
        // A closed order's record that arrives after all is held for the operator: charged only if approved.
        [ChargingOrderStatus.Closed] = [ChargingOrderStatus.PendingReview],
        [ChargingOrderStatus.Rejected] = [],
        [ChargingOrderStatus.Voided] = [],
    };

    /// <summary>The guarded transition: <paramref name="to"/> when the table allows it from <paramref name="from"/>.</summary>
    public static ChargingOrderStatus Move(ChargingOrderStatus from, ChargingOrderStatus to) =>
        CanMove(from, to) ? to : throw new InvalidOrderTransitionException(from, to);

    public static bool CanMove(ChargingOrderStatus from, ChargingOrderStatus to) => Next[from].Contains(to);

    /// <summary>The pile may still be charging: the gun is taken and a record is still to come.</summary>
    public static bool IsInProgress(ChargingOrderStatus s) => s is ChargingOrderStatus.Starting or ChargingOrderStatus.Charging or ChargingOrderStatus.Stopping;

    /// <summary>The pile's transaction record has not been received yet.</summary>
    public static bool AwaitsRecord(ChargingOrderStatus s) => IsInProgress(s) || s == ChargingOrderStatus.Finished;

}
