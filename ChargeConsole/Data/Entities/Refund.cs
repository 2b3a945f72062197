using ChargeConsole.Domain.Values;
using ChargeConsole.Domain.Wallets;

namespace ChargeConsole.Data.Entities;

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
