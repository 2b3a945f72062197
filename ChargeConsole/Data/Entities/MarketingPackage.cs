using ChargeConsole.Domain.Values;

namespace ChargeConsole.Data.Entities;

/// <summary>A recharge tier with a bonus: credited = amount + bonus.</summary>
public class MarketingPackage
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public Money Amount { get; set; }
    public Money Bonus { get; set; }
    public PackageStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<MarketingActivity> Activities { get; set; } = [];
}
