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
