using ChargeConsole.Domain.Values;

namespace ChargeConsole.Data.Entities;

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
