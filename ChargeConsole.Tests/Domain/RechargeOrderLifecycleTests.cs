using ChargeConsole.Tests.Support;
using ChargeConsole.Domain.Wallets;

namespace ChargeConsole.Tests.Domain;

/// <summary>Issue 21, item 1: a recharge order's life-cycle table, move by move.</summary>
[Trait(TestKind.Name, TestKind.Fast)]
public class RechargeOrderLifecycleTests
{
    private static readonly (RechargeOrderStatus From, RechargeOrderStatus To)[] Allowed =
    [
        (RechargeOrderStatus.Unpaid, RechargeOrderStatus.Paid),
        (RechargeOrderStatus.Unpaid, RechargeOrderStatus.Closed),
        (RechargeOrderStatus.Closed, RechargeOrderStatus.Paid), // paid after the close: the user's money was taken
        (RechargeOrderStatus.Paid, RechargeOrderStatus.PartiallyRefunded),
        (RechargeOrderStatus.Paid, RechargeOrderStatus.FullyRefunded),
        (RechargeOrderStatus.PartiallyRefunded, RechargeOrderStatus.PartiallyRefunded), // a second part
        (RechargeOrderStatus.PartiallyRefunded, RechargeOrderStatus.FullyRefunded),
    ];

    public static TheoryData<RechargeOrderStatus, RechargeOrderStatus> EveryPair() => StatusPairs.Of<RechargeOrderStatus>();

    [Theory, MemberData(nameof(EveryPair))]
    public void A_recharge_order_moves_only_as_its_table_allows(RechargeOrderStatus from, RechargeOrderStatus to)
    {
        var allowed = Allowed.Contains((from, to));
        Assert.Equal(allowed, RechargeOrderLifecycle.CanMove(from, to));
        if (allowed) Assert.Equal(to, RechargeOrderLifecycle.Move(from, to));
        else Assert.Throws<InvalidRechargeOrderTransitionException>(() => RechargeOrderLifecycle.Move(from, to));
    }

    [Fact]
    public void A_successful_refund_takes_a_paid_order_to_partly_or_fully_refunded()
    {
        Assert.Equal(RechargeOrderStatus.FullyRefunded, RechargeOrderLifecycle.AfterRefund(allRefunded: true));
        Assert.Equal(RechargeOrderStatus.PartiallyRefunded, RechargeOrderLifecycle.AfterRefund(allRefunded: false));
    }

    [Fact]
    public void Only_a_paid_order_not_yet_all_refunded_may_be_refunded() =>
        Assert.Equal([RechargeOrderStatus.Paid, RechargeOrderStatus.PartiallyRefunded], RechargeOrderLifecycle.Refundable);
}
