using ChargeConsole.Domain.Values;
using ChargeConsole.Domain.Wallets;

namespace ChargeConsole.Data.Entities;

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
