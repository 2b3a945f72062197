
namespace ChargeConsole.Data.Entities;

public enum LedgerAccount { Principal = 0, Bonus = 1, Points = 2, Frozen = 3 }

public enum LedgerSource { Recharge = 0, ChargingOrder = 1, Refund = 2, Adjustment = 3, Void = 4, Withdrawal = 5 }

/// <summary>One change of one wallet account. Append-only.</summary>
public class LedgerEntry
{
    public long Id { get; set; }
    public int WalletId { get; set; }
    public Wallet Wallet { get; set; } = null!;
    public int AppUserId { get; set; }
    public AppUser AppUser { get; set; } = null!;
    public LedgerAccount Account { get; set; }
    /// <summary>Signed change: fen for money accounts, points for Points.</summary>
    public long Amount { get; set; }
    public long BalanceAfter { get; set; }
    public LedgerSource Source { get; set; }
    /// <summary>The order/refund/adjustment number the entry came from.</summary>
    public string SourceNo { get; set; } = "";
    public string? Remark { get; set; }
    public DateTime CreatedAt { get; set; }
}
