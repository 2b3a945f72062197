using ChargeConsole.Domain.Orders;
using ChargeConsole.Domain.Values;

namespace ChargeConsole.Data.Entities;

public enum StartSource { App = 0, Card = 1, Vin = 2, Offline = 3 }

public class ChargingOrder : IStationOwned
{
    public long Id { get; set; }
    public string OrderNo { get; set; } = "";
    /// <summary>YKC transaction serial number (32 digits); unique so a resent 0x3B settles once.</summary>
    public string? TransactionSerial { get; set; }
    public int? AppUserId { get; set; }
    public AppUser? AppUser { get; set; }
    public int StationId { get; set; }
    public Station Station { get; set; } = null!;
    public int PileId { get; set; }
    public int GunId { get; set; }
    public string GunCode { get; set; } = "";
    public ChargingOrderStatus Status { get; set; }
    public StartSource Source { get; set; }
    public int? BillingTemplateId { get; set; }
    public int? ModelNumber { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? EndedAt { get; set; }
    public DateTime? SettledAt { get; set; }
    public Energy Energy { get; set; }
    public Energy SharpEnergy { get; set; }
    public Energy PeakEnergy { get; set; }
    public Energy FlatEnergy { get; set; }
    public Energy ValleyEnergy { get; set; }
    public Money ElectricityFee { get; set; }
    public Money ServiceFee { get; set; }
    public Money TotalAmount { get; set; }
    /// <summary>A coupon's discount: what is charged is <see cref="Charged"/>; the two fees are already reduced by it (in proportion).</summary>
    public Money DiscountAmount { get; set; }
    /// <summary>
    /// What the price came to beyond the order's spending limit and is not charged (SpendingRules.Cap): the total and
    /// both fees are already held to the limit; this says by how much, for the bill.
    /// </summary>
    public Money OverLimitWaived { get; set; }
    /// <summary>What the order charges the user: the total less the coupon's discount.</summary>
    public Money Charged => TotalAmount - DiscountAmount;
    /// <summary>The amount the pile itself reported in its transaction record.</summary>
    public Money? PileAmount { get; set; }
    public bool AmountMismatch { get; set; }
    public Money PaidPrincipal { get; set; }
    public Money PaidBonus { get; set; }
    public long PointsEarned { get; set; }
    public int? CouponClaimId { get; set; }
    public decimal? PowerKw { get; set; }
    public int? Soc { get; set; }
    public string? StopReason { get; set; }
    public string? FailureReason { get; set; }
    /// <summary>Set when the pile never sent its transaction record in time.</summary>
    public bool RecordOverdue { get; set; }
    public string? Vin { get; set; }
    public string? CardNumber { get; set; }
    public long Version { get; set; }

    /// <summary>The tariff the pile was given at start (model number, 8 prices, 48 slots; Domain.Pricing.TariffSnapshot):
    /// settlement prices with it, so editing a template later never reprices this charge.</summary>
    public string? Tariff { get; set; }
    /// <summary>What the pile was told the user may spend on this charge (0x34 balance); the console stops the charge there.</summary>
    public Money? SpendingLimit { get; set; }
    /// <summary>Set while the order runs (0 … max−1): unique per user, so the database itself caps a user's running orders.</summary>
    public int? UserRunningSlot { get; set; }
    /// <summary>0 while the order runs: unique per gun, so two starts on one gun cannot both succeed, on any node.</summary>
    public int? GunRunningSlot { get; set; }
    /// <summary>The client's request id of the start (mini-program): a repeated start returns this order.</summary>
    public string? RequestId { get; set; }
    /// <summary>Why the order is held for review (待审核), or how a late record was reconciled.</summary>
    public string? ReviewNote { get; set; }
    /// <summary>An OCPP charge point's meter when it started this order's transaction (Wh): its samples and its stop
    /// are counted from here. The OCPP transaction id is the order's <see cref="Id"/>.</summary>
    public long? MeterStartWh { get; set; }
}

/// <summary>One meter sample a pile reported during an order.</summary>
public class ChargingReport
{
    public long Id { get; set; }
    public long ChargingOrderId { get; set; }
    public DateTime SampledAt { get; set; }
    public decimal Voltage { get; set; }
    public decimal Current { get; set; }
    public decimal PowerKw { get; set; }
    public Energy Energy { get; set; }
    public int? Soc { get; set; }
    public Money Amount { get; set; }
}
