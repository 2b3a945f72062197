using ChargeConsole.Tests.Support;
using ChargeConsole.Domain.Wallets;

namespace ChargeConsole.Tests.Domain;

/// <summary>Issue 21, item 1: a refund's life-cycle table, move by move.</summary>
[Trait(TestKind.Name, TestKind.Fast)]
public class RefundLifecycleTests
{
    public static TheoryData<RefundStatus, RefundStatus, bool> Moves() => new()
    {
        // From a request, WeChat Pay's word ends it either way.
        { RefundStatus.Pending, RefundStatus.Succeeded, true },
        { RefundStatus.Pending, RefundStatus.Failed, true },
        { RefundStatus.Pending, RefundStatus.Pending, false },
        // An end is final: a late SUCCESS after a release is an anomaly for an operator, never a move.
        { RefundStatus.Failed, RefundStatus.Succeeded, false },
        { RefundStatus.Failed, RefundStatus.Pending, false },
        { RefundStatus.Failed, RefundStatus.Failed, false },
        { RefundStatus.Succeeded, RefundStatus.Failed, false },
        { RefundStatus.Succeeded, RefundStatus.Pending, false },
        { RefundStatus.Succeeded, RefundStatus.Succeeded, false },
    };

    [Theory, MemberData(nameof(Moves))]
    public void A_refund_moves_only_as_its_table_allows(RefundStatus from, RefundStatus to, bool allowed)
    {
        Assert.Equal(allowed, RefundLifecycle.CanMove(from, to));
        if (allowed) Assert.Equal(to, RefundLifecycle.Move(from, to));
        else Assert.Throws<InvalidRefundTransitionException>(() => RefundLifecycle.Move(from, to));
    }

    [Fact]
    public void Every_status_has_a_row_in_the_table() =>
        Assert.All(Enum.GetValues<RefundStatus>(), from => Assert.All(Enum.GetValues<RefundStatus>(), to => RefundLifecycle.CanMove(from, to)));
}
