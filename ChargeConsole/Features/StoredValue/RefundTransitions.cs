using ChargeConsole.Data.Entities;
using ChargeConsole.Domain.Wallets;

namespace ChargeConsole.Features.StoredValue;

/// <summary>
/// The one way a refund's status changes: the Domain's table decides whether the move is allowed, and the Version
/// token makes the UPDATE carry the state it was read in, so two ends racing (a callback and the recovery job on two
/// nodes) end it once: the loser's save throws DbUpdateConcurrencyException, its money moves roll back, and MoneyTransaction
/// runs it again against the ended refund (重复通知).
/// </summary>
public static class RefundTransitions
{
    /// <summary>Moves a tracked refund; the caller saves.</summary>
    public static void MoveTo(this Refund refund, RefundStatus to)
    {
        refund.Status = RefundLifecycle.Move(refund.Status, to);
        refund.Version++;
    }
}
