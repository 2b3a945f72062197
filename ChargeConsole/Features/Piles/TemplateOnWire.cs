using ChargeConsole.Data.Entities;
using ChargeConsole.Devices.Ykc;

using ChargeConsole.Devices.Cluster;

namespace ChargeConsole.Features.Piles;

/// <summary>A billing template as the YKC billing model (0x0A / 0x58) carries it.</summary>
public static class TemplateOnWire
{
    public static BillingModel ToWire(string pileCode, BillingTemplate t) => new(
        pileCode,
        t.ModelNumber % 10000,
        [
            new PeriodRate((uint)t.ElectricityPrice.Sharp.Units, (uint)t.SharpServiceFee.Units),
            new PeriodRate((uint)t.ElectricityPrice.Peak.Units, (uint)t.PeakServiceFee.Units),
            new PeriodRate((uint)t.ElectricityPrice.Flat.Units, (uint)t.FlatServiceFee.Units),
            new PeriodRate((uint)t.ElectricityPrice.Valley.Units, (uint)t.ValleyServiceFee.Units),
        ],
        0,
        t.Slots.Select(c => (byte)(c - '0')).ToArray());

    /// <summary>The template as the protocol-neutral tariff command the pile's grain carries to it.</summary>
    public static PushTariff ToTariff(BillingTemplate t)
    {
        var wire = ToWire("", t);
        return new PushTariff(wire.ModelNumber, wire.Rates.Select(r => new TariffRate(r.Electricity, r.Service)).ToArray(), wire.LossRatio, wire.Slots);
    }
}
