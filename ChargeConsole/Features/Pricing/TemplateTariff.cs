using ChargeConsole.Data.Entities;
using ChargeConsole.Domain.Pricing;

namespace ChargeConsole.Features.Pricing;

public static class TemplateTariff
{
    /// <summary>The template's prices as the calculator takes them. The template's ElectricityPrice must be loaded.</summary>
    public static Tariff Tariff(this BillingTemplate t) => new(
        [t.ElectricityPrice.Sharp, t.ElectricityPrice.Peak, t.ElectricityPrice.Flat, t.ElectricityPrice.Valley],
        [t.SharpServiceFee, t.PeakServiceFee, t.FlatServiceFee, t.ValleyServiceFee]);

    /// <summary>What a pile given this template charges by, to fix on an order at start. ElectricityPrice must be loaded.</summary>
    public static TariffSnapshot Snapshot(this BillingTemplate t) => new(t.ModelNumber, t.Tariff(), TouSchedule.FromSlotString(t.Slots));
}
