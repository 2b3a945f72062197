using ChargeConsole.Domain.Values;

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

public enum RechargeOrderStatus { Unpaid = 0, Paid = 1, PartiallyRefunded = 2, FullyRefunded = 3, Closed = 4 }

public class RechargeOrder
{
    public int Id { get; set; }
    public string OrderNo { get; set; } = "";
    public int AppUserId { get; set; }
    public AppUser AppUser { get; set; } = null!;
    public int? RechargePackageId { get; set; }
    public int? MarketingPackageId { get; set; }
    public Money PaidAmount { get; set; }
    public Money BonusAmount { get; set; }
    public Money RefundedAmount { get; set; }
    public Money RefundingAmount { get; set; }
    public RechargeOrderStatus Status { get; set; }
    /// <summary>The payment provider's transaction id; unique, so a repeated payment callback credits once.</summary>
    public string? ProviderTransactionId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? PaidAt { get; set; }
    public long Version { get; set; }
    public List<Refund> Refunds { get; set; } = [];
}

public enum RefundStatus { Pending = 0, Succeeded = 1, Failed = 2 }

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
    public DateTime CreatedAt { get; set; }
    public DateTime? CompletedAt { get; set; }
}

public enum WithdrawalStatus { Pending = 0, Approved = 1, Rejected = 2, Paid = 3 }

public class Withdrawal
{
    public int Id { get; set; }
    public string No { get; set; } = "";
    public int AppUserId { get; set; }
    public AppUser AppUser { get; set; } = null!;
    public Money Amount { get; set; }
    public WithdrawalStatus Status { get; set; }
    public string? Remark { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ProcessedAt { get; set; }
}
