using ChargeConsole.Tests.Support;
using ChargeConsole.Domain.Wallets;

namespace ChargeConsole.Tests.Domain;

/// <summary>Issue 21, item 1: a withdrawal's life-cycle table, move by move.</summary>
[Trait(TestKind.Name, TestKind.Fast)]
public class WithdrawalLifecycleTests
{
    private static readonly (WithdrawalStatus From, WithdrawalStatus To)[] Allowed =
    [
        (WithdrawalStatus.Pending, WithdrawalStatus.Approved),
        (WithdrawalStatus.Pending, WithdrawalStatus.Rejected),
        (WithdrawalStatus.Pending, WithdrawalStatus.Paid), // the fee took it all: nothing to refund
        (WithdrawalStatus.Approved, WithdrawalStatus.Paid), // the last of its refunds ended
    ];

    public static TheoryData<WithdrawalStatus, WithdrawalStatus> EveryPair() => StatusPairs.Of<WithdrawalStatus>();

    [Theory, MemberData(nameof(EveryPair))]
    public void A_withdrawal_moves_only_as_its_table_allows(WithdrawalStatus from, WithdrawalStatus to)
    {
        var allowed = Allowed.Contains((from, to));
        Assert.Equal(allowed, WithdrawalLifecycle.CanMove(from, to));
        if (allowed) Assert.Equal(to, WithdrawalLifecycle.Move(from, to));
        else Assert.Throws<InvalidWithdrawalTransitionException>(() => WithdrawalLifecycle.Move(from, to));
    }
}
