using ChargeConsole.Domain.Values;

namespace ChargeConsole.Data.Entities;

public class BillingTemplate
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public int ElectricityPriceId { get; set; }
    public ElectricityPrice ElectricityPrice { get; set; } = null!;
    public Price SharpServiceFee { get; set; }
    public Price PeakServiceFee { get; set; }
    public Price FlatServiceFee { get; set; }
    public Price ValleyServiceFee { get; set; }
    /// <summary>48 characters '0'..'3', one per half hour from 00:00: the period (尖峰平谷) of each slot.</summary>
    public string Slots { get; set; } = new('2', 48);
    /// <summary>YKC billing-model number; bumped on every saved change.</summary>
    public int ModelNumber { get; set; } = 1;
    public string? Remark { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
