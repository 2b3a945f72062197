using ChargeConsole.Domain.Values;
using ChargeConsole.Domain.Wallets;

namespace ChargeConsole.Data.Entities;

public enum PackageStatus { Disabled = 0, Enabled = 1 }

public class RechargePackage
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public Money Amount { get; set; }
    public Money Bonus { get; set; }
    public PackageStatus Status { get; set; }
    public int SortOrder { get; set; }
    public DateTime CreatedAt { get; set; }
}

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

/// <summary>One refund of a recharge order: frozen when requested, deducted or released when WeChat Pay says how it ended.</summary>
public class Refund
{
    public int Id { get; set; }
    public string RefundNo { get; set; } = "";
    public int RechargeOrderId { get; set; }
    public RechargeOrder RechargeOrder { get; set; } = null!;
    public Money Amount { get; set; }
    public RefundStatus Status { get; set; }
    public string? ProviderRefundId { get; set; }
    public string Reason { get; set; } = "";
    public string? FailureReason { get; set; }
    public string RequestedBy { get; set; } = "";
    /// <summary>Asked for by the user in the mini-program rather than by an operator.</summary>
    public bool ByUser { get; set; }
    /// <summary>The withdrawal this refund pays out, if any.</summary>
    public int? WithdrawalId { get; set; }
    /// <summary>Whether WeChat Pay has accepted it; a refund not yet accepted is submitted again by the recovery job.</summary>
    public bool Submitted { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? CompletedAt { get; set; }
    /// <summary>Concurrency token: two ends of one refund racing (a callback and the recovery job) end it once.</summary>
    public long Version { get; set; }
    /// <summary>
    /// WeChat Pay said something the refund's end contradicts (SUCCESS after it had ended as failed and been released):
    /// recorded, nothing moved, for an operator to check (待核对).
    /// </summary>
    public string? Anomaly { get; set; }
}

/// <summary>
/// A user's request to take principal out (only when withdrawals are switched on): frozen on request; approved, it is
/// paid out as refunds of the user's recharge orders, newest first, less the fee; rejected, it is released.
/// </summary>
public class Withdrawal
{
    public int Id { get; set; }
    public string No { get; set; } = "";
    public int AppUserId { get; set; }
    public AppUser AppUser { get; set; } = null!;
    /// <summary>What the user asked to take out: frozen while pending; on approval the fee is kept and the rest refunded.</summary>
    public Money Amount { get; set; }
    public Money Fee { get; set; }
    /// <summary>What its refunds have returned so far.</summary>
    public Money PaidOut { get; set; }
    public WithdrawalStatus Status { get; set; }
    /// <summary>The rejection reason, or what happened to a refund that failed.</summary>
    public string? Remark { get; set; }
    public string? RequestId { get; set; }
    public string? ProcessedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ProcessedAt { get; set; }
    public long Version { get; set; }
}

/// <summary>A console-wide setting any node reads (e.g. whether withdrawals are on and their fee).</summary>
public class SystemSetting
{
    public string Key { get; set; } = "";
    public string Value { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
}
