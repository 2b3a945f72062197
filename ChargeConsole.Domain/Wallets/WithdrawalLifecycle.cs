namespace ChargeConsole.Domain.Wallets;

public enum WithdrawalStatus { Pending = 0, Approved = 1, Rejected = 2, Paid = 3 }

/// <summary>A withdrawal move the life-cycle table forbids: a bug in the caller, never a user's mistake.</summary>
public sealed class InvalidWithdrawalTransitionException(WithdrawalStatus from, WithdrawalStatus to)
    : InvalidOperationException($"A withdrawal cannot move from {from} to {to}.");

/// <summary>
/// SPEC "Withdrawal": requested as Pending (frozen); an operator approves it (its refunds go out: Approved, then Paid
/// when the last of them has ended; straight to Paid when the fee takes it all) or rejects it (released). Rejected and
/// Paid are final.
/// </summary>
public static class WithdrawalLifecycle
{
    private static readonly Dictionary<WithdrawalStatus, WithdrawalStatus[]> Next = new()
    {
        [WithdrawalStatus.Pending] = [WithdrawalStatus.Approved, WithdrawalStatus.Rejected, WithdrawalStatus.Paid],
        [WithdrawalStatus.Approved] = [WithdrawalStatus.Paid],
        [WithdrawalStatus.Rejected] = [],
        [WithdrawalStatus.Paid] = [],
    };

    /// <summary>The guarded move: <paramref name="to"/> when the table allows it from <paramref name="from"/>.</summary>
    public static WithdrawalStatus Move(WithdrawalStatus from, WithdrawalStatus to) =>
        CanMove(from, to) ? to : throw new InvalidWithdrawalTransitionException(from, to);

    public static bool CanMove(WithdrawalStatus from, WithdrawalStatus to) => Next[from].Contains(to);
}
