using ChargeConsole.Domain.Values;

namespace ChargeConsole.Data.Entities;

/// <summary>
/// A sign-in code sent by SMS: in the database so that any node can check it, removed once used or expired.
/// </summary>
public class SmsCode
{
    public string Phone { get; set; } = "";
    public string Code { get; set; } = "";
    public DateTime SentAt { get; set; }
    public int WrongTries { get; set; }
}

public class AppUser
{
    public int Id { get; set; }
    public string Phone { get; set; } = "";
    public string Nickname { get; set; } = "";
    public DateTime RegisteredAt { get; set; }
    public DateTime? LastLoginAt { get; set; }
    public bool Disabled { get; set; }
    /// <summary>When and where the user's first charge was settled: an investor's 新增用户 are those who first charged at their stations.</summary>
    public DateTime? FirstChargeAt { get; set; }
    public int? FirstChargeStationId { get; set; }
    /// <summary>Physical charging card number (8 bytes as hex), for pile-initiated starts.</summary>
    public string? CardNumber { get; set; }
    public Wallet Wallet { get; set; } = null!;
    public List<Vehicle> Vehicles { get; set; } = [];
}

public class Vehicle
{
    public int Id { get; set; }
    public int AppUserId { get; set; }
    public AppUser AppUser { get; set; } = null!;
    public string Plate { get; set; } = "";
    public string? Vin { get; set; }
    public string? Brand { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>A user's assets. Balances always equal the sum of the wallet's ledger entries per account.</summary>
public class Wallet
{
    public int Id { get; set; }
    public int AppUserId { get; set; }
    public AppUser AppUser { get; set; } = null!;
    public Money Principal { get; set; }
    public Money Bonus { get; set; }
    public long Points { get; set; }
    /// <summary>Principal held for refunds or withdrawals in flight.</summary>
    public Money Frozen { get; set; }
    /// <summary>Optimistic concurrency token, bumped on every change.</summary>
    public long Version { get; set; }
}

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

public enum AdjustmentKind { TopUp = 0, Deduct = 1 }

public enum AdjustmentAsset { Money = 0, Points = 1 }

public class WalletAdjustment
{
    public int Id { get; set; }
    public string No { get; set; } = "";
    public int AppUserId { get; set; }
    public AppUser AppUser { get; set; } = null!;
    public AdjustmentKind Kind { get; set; }
    public AdjustmentAsset Asset { get; set; }
    /// <summary>Fen for money, points for points; always positive.</summary>
    public long Amount { get; set; }
    public string Reason { get; set; } = "";
    public string OperatorName { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}
