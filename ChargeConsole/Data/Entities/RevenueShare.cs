using ChargeConsole.Domain.Orders;
using ChargeConsole.Domain.Values;

namespace ChargeConsole.Data.Entities;

/// <summary>One party's part of a settled order's revenue. A null investor is the platform's part.</summary>
public class RevenueShare : IStationOwned
{
    public long Id { get; set; }
    public long ChargingOrderId { get; set; }
    public int StationId { get; set; }
    public string? InvestorId { get; set; }
    public decimal SharePercent { get; set; }
    public Money Base { get; set; }
    public Money Amount { get; set; }
    /// <summary>True for the negative row written when the order is voided.</summary>
    public bool IsReversal { get; set; }
    public DateTime CreatedAt { get; set; }
}
