namespace ChargeConsole.Domain.Wallets;

public enum RechargeOrderStatus { Unpaid = 0, Paid = 1, PartiallyRefunded = 2, FullyRefunded = 3, Closed = 4 }

/// <summary>A recharge-order move the life-cycle table forbids: a bug in the caller, never a user's mistake.</summary>
public sealed class InvalidRechargeOrderTransitionException(RechargeOrderStatus from, RechargeOrderStatus to)
    : InvalidOperationException($"A recharge order cannot move from {from} to {to}.");

/// <summary>
/// SPEC "Recharge": created Unpaid; WeChat Pay's word makes it Paid, or it is Closed unpaid. A payment that arrives
/// after the close was still taken from the user, so a Closed order can still become Paid. Each refund that succeeds
/// moves a paid order to PartiallyRefunded (again, for a second part) or, when all is back, FullyRefunded, which is final.
/// </summary>
public static class RechargeOrderLifecycle
{
    private static readonly Dictionary<RechargeOrderStatus, RechargeOrderStatus[]> Next = new()
    {
        [RechargeOrderStatus.Unpaid] = [RechargeOrderStatus.Paid, RechargeOrderStatus.Closed],
        [RechargeOrderStatus.Closed] = [RechargeOrderStatus.Paid],
        [RechargeOrderStatus.Paid] = [RechargeOrderStatus.PartiallyRefunded, RechargeOrderStatus.FullyRefunded],
        [RechargeOrderStatus.PartiallyRefunded] = [RechargeOrderStatus.PartiallyRefunded, RechargeOrderStatus.FullyRefunded],
        [RechargeOrderStatus.FullyRefunded] = [],
    };

    /// <summary>The guarded move: <paramref name="to"/> when the table allows it from <paramref name="from"/>.</summary>
    public static RechargeOrderStatus Move(RechargeOrderStatus from, RechargeOrderStatus to) =>
        CanMove(from, to) ? to : throw new InvalidRechargeOrderTransitionException(from, to);

    public static bool CanMove(RechargeOrderStatus from, RechargeOrderStatus to) => Next[from].Contains(to);

    /// <summary>A refund may be asked of an order a successful refund could still move: paid, and not all refunded yet.</summary>
    public static bool IsRefundable(RechargeOrderStatus s) => CanMove(s, RechargeOrderStatus.FullyRefunded);

    /// <summary><see cref="IsRefundable"/> as a list, for queries that filter in the database.</summary>
    public static readonly RechargeOrderStatus[] Refundable = Enum.GetValues<RechargeOrderStatus>().Where(IsRefundable).ToArray();

    /// <summary>Where a successful refund takes a paid order.</summary>
    public static RechargeOrderStatus AfterRefund(bool allRefunded) => allRefunded ? RechargeOrderStatus.FullyRefunded : RechargeOrderStatus.PartiallyRefunded;
}
