using ChargeConsole.Data;
using ChargeConsole.Data.Entities;
using ChargeConsole.Domain.Wallets;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Features.StoredValue;

/// <summary>
/// The one way a withdrawal's status changes: the Domain's table decides, and its Version token makes a save that
/// read a stale withdrawal fail (MoneyTransaction runs it again).
/// </summary>
public static class WithdrawalTransitions
{
    /// <summary>Moves a tracked withdrawal; the caller saves.</summary>
    public static void MoveTo(this Withdrawal withdrawal, WithdrawalStatus to)
    {
        withdrawal.Status = WithdrawalLifecycle.Move(withdrawal.Status, to);
        withdrawal.Version++;
    }

    /// <summary>
    /// One of an approved withdrawal's refunds ended (in the refund's own money transaction): what it returned is added
    /// to what was paid out, a failure is noted, and the last of its refunds to end makes it 已打款.
    /// </summary>
    public static async Task RefundEndedAsync(ChargeDbContext db, Refund refund, bool succeeded, DateTime now, CancellationToken ct)
    {
        if (refund.WithdrawalId is not { } id) return;
        var withdrawal = await db.Withdrawals.SingleAsync(w => w.Id == id, ct);
        if (succeeded) withdrawal.PaidOut += refund.Amount;
        else withdrawal.Remark = $"退款 {refund.RefundNo} 未成功（{refund.FailureReason}），{refund.Amount} 元已退回用户余额";
        withdrawal.Version++;
        if (await db.Refunds.AnyAsync(r => r.WithdrawalId == id && r.Status == RefundStatus.Pending && r.Id != refund.Id, ct)) return;
        withdrawal.MoveTo(WithdrawalStatus.Paid);
        withdrawal.ProcessedAt ??= now;
    }
}
