namespace ChargeConsole.Domain.Coupons;

/// <summary>A user's copy of a coupon: 未使用, reserved by a recharge waiting to be paid, 已使用, 已过期.</summary>
public enum CouponClaimStatus { Unused = 0, Used = 1, Expired = 2, Reserved = 3 }

/// <summary>A coupon-copy move the life-cycle table forbids: a bug in the caller, never a user's mistake.</summary>
public sealed class InvalidCouponClaimTransitionException(CouponClaimStatus from, CouponClaimStatus to)
    : InvalidOperationException($"A coupon copy cannot move from {from} to {to}.");

/// <summary>
/// SPEC "Coupon use" and manual 1.8 优惠叠加. A free copy is taken by a charge's settlement (已使用) or reserved by a
/// recharge order when it is made; that order's payment uses it (even if the window closed while the user paid: the
/// price was fixed when the order was made), and closing the order unpaid frees it, or expires it if its window has
/// passed. A voided charge gives its copy back the same way. An expired copy is final: a late payment of a closed
/// order may take a copy only while it is free and valid (<see cref="UsableLate"/>), else it is credited without the
/// discount.
/// </summary>
public static class CouponClaimLifecycle
{
    private static readonly Dictionary<CouponClaimStatus, CouponClaimStatus[]> Next = new()
    {
        [CouponClaimStatus.Unused] = [CouponClaimStatus.Reserved, CouponClaimStatus.Used, CouponClaimStatus.Expired],
        [CouponClaimStatus.Reserved] = [CouponClaimStatus.Used, CouponClaimStatus.Unused, CouponClaimStatus.Expired],
        [CouponClaimStatus.Used] = [CouponClaimStatus.Unused, CouponClaimStatus.Expired],
        [CouponClaimStatus.Expired] = [],
    };

    public static CouponClaimStatus Move(CouponClaimStatus from, CouponClaimStatus to) =>
        CanMove(from, to) ? to : throw new InvalidCouponClaimTransitionException(from, to);

    public static bool CanMove(CouponClaimStatus from, CouponClaimStatus to) => Next[from].Contains(to);

    /// <summary>Where a copy goes back to when its order lets it go (closed unpaid, voided): free while its window is open, else 已过期.</summary>
    public static CouponClaimStatus Returned(CouponPhase phase) => phase == CouponPhase.Expired ? CouponClaimStatus.Expired : CouponClaimStatus.Unused;

    /// <summary>Whether a payment arriving after its order was closed (and the copy freed) may still take the copy.</summary>
    public static bool UsableLate(CouponClaimStatus status, CouponPhase phase) => status == CouponClaimStatus.Unused && phase == CouponPhase.Active;

    /// <summary>删除记录 may remove a copy no order holds or used: it goes back to the coupon's count.</summary>
    public static bool IsDeletable(CouponClaimStatus s) => s is CouponClaimStatus.Unused or CouponClaimStatus.Expired;

    /// <summary><see cref="IsDeletable"/> as a list, for the conditional DELETE.</summary>
    public static readonly CouponClaimStatus[] Deletable = Enum.GetValues<CouponClaimStatus>().Where(IsDeletable).ToArray();

    /// <summary>What a user reads for the copy at <paramref name="phase"/>: an unused copy past its window is 已过期 before the job writes it.</summary>
    public static CouponClaimStatus AsSeen(CouponClaimStatus status, CouponPhase phase) =>
        status == CouponClaimStatus.Unused && phase == CouponPhase.Expired ? CouponClaimStatus.Expired : status;
}
