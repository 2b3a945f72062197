namespace ChargeConsole.Domain.Wallets;

public enum RefundStatus { Pending = 0, Succeeded = 1, Failed = 2 }

/// <summary>A refund move the life-cycle table forbids: a bug in the caller, never a user's mistake.</summary>
public sealed class InvalidRefundTransitionException(RefundStatus from, RefundStatus to)
    : InvalidOperationException($"A refund cannot move from {from} to {to}.");

/// <summary>
/// SPEC "Refund": requested as Pending (its amount frozen), it ends once, as WeChat Pay reports: Succeeded (the frozen
/// principal is deducted) or Failed (released). An end is final: a SUCCESS reported after a failure moves nothing and
/// is recorded on the refund for an operator (its Anomaly), never a move back.
/// </summary>
public static class RefundLifecycle
{
    private static readonly Dictionary<RefundStatus, RefundStatus[]> Next = new()
    {
        [RefundStatus.Pending] = [RefundStatus.Succeeded, RefundStatus.Failed],
        [RefundStatus.Succeeded] = [],
        [RefundStatus.Failed] = [],
    };

    /// <summary>The guarded move: <paramref name="to"/> when the table allows it from <paramref name="from"/>.</summary>
    public static RefundStatus Move(RefundStatus from, RefundStatus to) =>
        CanMove(from, to) ? to : throw new InvalidRefundTransitionException(from, to);

    public static bool CanMove(RefundStatus from, RefundStatus to) => Next[from].Contains(to);

    /// <summary>Still frozen in the wallet, waiting for WeChat Pay's word.</summary>
    public static bool IsOpen(RefundStatus s) => s == RefundStatus.Pending;
}
