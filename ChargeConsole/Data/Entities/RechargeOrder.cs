using ChargeConsole.Domain.Values;
using ChargeConsole.Domain.Wallets;

namespace ChargeConsole.Data.Entities;

/// <summary>A top-up: created unpaid with the package's amount and bonus, credited when WeChat Pay says it was paid.</summary>
public class RechargeOrder
{
    public int Id { get; set; }
    public string OrderNo { get; set; } = "";
    public int AppUserId { get; set; }
    public AppUser AppUser { get; set; } = null!;
    public int? RechargePackageId { get; set; }
    public int? MarketingPackageId { get; set; }
    /// <summary>What the user pays (and, once paid, paid): the principal credited. With a coupon, the amount less its discount.</summary>
    public Money PaidAmount { get; set; }
    /// <summary>The bonus credited: the package's, plus a coupon's discount (see <c>RechargeTerms</c>).</summary>
    public Money BonusAmount { get; set; }
    /// <summary>The coupon copy used on the payment (a 营销套餐 whose activity allows 优惠叠加), and what it took off.</summary>
    public int? CouponClaimId { get; set; }
    public Money DiscountAmount { get; set; }
    public Money RefundedAmount { get; set; }
    /// <summary>Refunds requested and not yet ended: frozen in the wallet.</summary>
    public Money RefundingAmount { get; set; }
    /// <summary>Bonus taken back as the principal was refunded (in proportion).</summary>
    public Money BonusReclaimed { get; set; }
    public RechargeOrderStatus Status { get; set; }
    /// <summary>The payment provider's transaction id; unique, so a repeated payment callback credits once.</summary>
    public string? ProviderTransactionId { get; set; }
    /// <summary>The client's request id: a repeated create returns this order (unique per user).</summary>
    public string? RequestId { get; set; }
    public string? PayerOpenId { get; set; }
    public string? PrepayId { get; set; }
    /// <summary>Why a payment was not credited (e.g. an amount that differs from the order's): shown to operators.</summary>
    public string? PaymentIssue { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? PaidAt { get; set; }
    public DateTime? ClosedAt { get; set; }
    public long Version { get; set; }
    public List<Refund> Refunds { get; set; } = [];
}
