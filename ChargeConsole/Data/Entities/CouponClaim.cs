using ChargeConsole.Domain.Coupons;

namespace ChargeConsole.Data.Entities;

public class CouponClaim
{
    public int Id { get; set; }
    public int CouponId { get; set; }
    public Coupon Coupon { get; set; } = null!;
    public int AppUserId { get; set; }
    public AppUser AppUser { get; set; } = null!;
    public CouponClaimStatus Status { get; set; }
    public CouponClaimMethod Method { get; set; }
    public DateTime ClaimedAt { get; set; }
    public DateTime? UsedAt { get; set; }
    public long? ChargingOrderId { get; set; }
    /// <summary>The recharge order that reserved it (Reserved while unpaid) or used it (Used once paid).</summary>
    public int? RechargeOrderId { get; set; }
    /// <summary>Concurrency token: every status move bumps it (see CouponClaimTransitions).</summary>
    public int Version { get; set; }
    /// <summary>The user's n-th copy of this coupon (1 … per-user limit): unique per coupon and user, so concurrent claims cannot pass the limit.</summary>
    public int Seq { get; set; }
}
