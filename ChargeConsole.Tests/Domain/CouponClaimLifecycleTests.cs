using ChargeConsole.Tests.Support;
using ChargeConsole.Domain.Coupons;

namespace ChargeConsole.Tests.Domain;

/// <summary>Issue 21, item 1: a coupon copy's life-cycle table, move by move, and the rule for a late payment.</summary>
[Trait(TestKind.Name, TestKind.Fast)]
public class CouponClaimLifecycleTests
{
    private static readonly (CouponClaimStatus From, CouponClaimStatus To)[] Allowed =
    [
        (CouponClaimStatus.Unused, CouponClaimStatus.Reserved), // a recharge order is made with it
        (CouponClaimStatus.Unused, CouponClaimStatus.Used), // a charge settles with it, or a late payment takes it
        (CouponClaimStatus.Unused, CouponClaimStatus.Expired), // the expiry job
        (CouponClaimStatus.Reserved, CouponClaimStatus.Used), // its order is paid
        (CouponClaimStatus.Reserved, CouponClaimStatus.Unused), // its order closed unpaid, still valid
        (CouponClaimStatus.Reserved, CouponClaimStatus.Expired), // its order closed unpaid, past its window
        (CouponClaimStatus.Used, CouponClaimStatus.Unused), // its charge voided, still valid
        (CouponClaimStatus.Used, CouponClaimStatus.Expired), // its charge voided, past its window
    ];

    public static TheoryData<CouponClaimStatus, CouponClaimStatus> EveryPair() => StatusPairs.Of<CouponClaimStatus>();

    [Theory, MemberData(nameof(EveryPair))]
    public void A_coupon_copy_moves_only_as_its_table_allows(CouponClaimStatus from, CouponClaimStatus to)
    {
        var allowed = Allowed.Contains((from, to));
        Assert.Equal(allowed, CouponClaimLifecycle.CanMove(from, to));
        if (allowed) Assert.Equal(to, CouponClaimLifecycle.Move(from, to));
        else Assert.Throws<InvalidCouponClaimTransitionException>(() => CouponClaimLifecycle.Move(from, to));
    }

    [Theory]
    [InlineData(CouponClaimStatus.Unused, CouponPhase.Active, true)]
    [InlineData(CouponClaimStatus.Unused, CouponPhase.Expired, false)] // past its window, even before the job wrote 已过期
    [InlineData(CouponClaimStatus.Unused, CouponPhase.NotStarted, false)]
    [InlineData(CouponClaimStatus.Expired, CouponPhase.Active, false)]
    [InlineData(CouponClaimStatus.Reserved, CouponPhase.Active, false)] // another order holds it
    [InlineData(CouponClaimStatus.Used, CouponPhase.Active, false)]
    public void A_late_payment_takes_a_copy_only_while_it_is_free_and_valid(CouponClaimStatus status, CouponPhase phase, bool usable) =>
        Assert.Equal(usable, CouponClaimLifecycle.UsableLate(status, phase));

    [Fact]
    public void A_copy_given_back_is_free_while_its_window_is_open_and_expired_after() =>
        Assert.Equal([CouponClaimStatus.Unused, CouponClaimStatus.Unused, CouponClaimStatus.Expired],
            new[] { CouponPhase.NotStarted, CouponPhase.Active, CouponPhase.Expired }.Select(CouponClaimLifecycle.Returned));

    [Fact]
    public void Only_a_copy_no_order_holds_or_used_may_be_deleted()
    {
        Assert.Equal([CouponClaimStatus.Unused, CouponClaimStatus.Expired], CouponClaimLifecycle.Deletable);
        Assert.False(CouponClaimLifecycle.IsDeletable(CouponClaimStatus.Reserved));
        Assert.False(CouponClaimLifecycle.IsDeletable(CouponClaimStatus.Used));
    }
}
