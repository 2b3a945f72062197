
namespace ChargeConsole.Data.Entities;

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
