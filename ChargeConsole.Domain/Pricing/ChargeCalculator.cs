using ChargeConsole.Domain.Values;

namespace ChargeConsole.Domain.Pricing;

/// <summary>Electricity price and service fee per kWh for each period.</summary>
public sealed record Tariff(IReadOnlyList<Price> Electricity, IReadOnlyList<Price> Service)
{
    public Price UserPrice(TouPeriod p) => Electricity[(int)p] + Service[(int)p];
}

/// <summary>Energy per period (sharp, peak, flat, valley), as a 0x3B record or a split of meter samples gives it.</summary>
public sealed record PeriodEnergies(Energy Sharp, Energy Peak, Energy Flat, Energy Valley)
{
    public static readonly PeriodEnergies None = new(Energy.Zero, Energy.Zero, Energy.Zero, Energy.Zero);

    public Energy this[TouPeriod p] => p switch { TouPeriod.Sharp => Sharp, TouPeriod.Peak => Peak, TouPeriod.Flat => Flat, _ => Valley };

    public Energy Total => Sharp + Peak + Flat + Valley;

    public static PeriodEnergies From(long[] units) => new(Energy.FromUnits(units[0]), Energy.FromUnits(units[1]), Energy.FromUnits(units[2]), Energy.FromUnits(units[3]));

    public static PeriodEnergies operator +(PeriodEnergies a, PeriodEnergies b) => new(a.Sharp + b.Sharp, a.Peak + b.Peak, a.Flat + b.Flat, a.Valley + b.Valley);
}

/// <summary>One period's part of a bill: fees kept to 0.0001 yuan.</summary>
public sealed record PeriodCharge(TouPeriod Period, Energy Energy, Price UserPrice, decimal ElectricityFee, decimal ServiceFee);

/// <summary>A priced charge: per-period detail, and the order's fees rounded to the fen (total = electricity + service).</summary>
public sealed record ChargeBill(IReadOnlyList<PeriodCharge> Periods, Money ElectricityFee, Money ServiceFee)
{
    public Money Total => ElectricityFee + ServiceFee;
    public Energy Energy => Energy.FromUnits(Periods.Sum(p => p.Energy.Units));
}

/// <summary>A cumulative meter reading at a China-time instant.</summary>
public readonly record struct MeterSample(DateTime ChinaTime, Energy Reading);

/// <summary>
/// SPEC "Price of a charge": Σ energy(period) × (electricity(period) + service(period)); per-period fees kept to
/// 0.0001, the order's electricity and service fees each rounded half away from zero to 0.01.
/// </summary>
public static class ChargeCalculator
{
    public static ChargeBill Price(Tariff tariff, PeriodEnergies energies)
    {
        var periods = Enum.GetValues<TouPeriod>().Select(p =>
        {
            var kwh = energies[p].Kwh;
            return new PeriodCharge(p, energies[p], tariff.UserPrice(p),
                Round4(kwh * tariff.Electricity[(int)p].YuanPerKwh), Round4(kwh * tariff.Service[(int)p].YuanPerKwh));
        }).ToList();
        return new ChargeBill(periods, Money.FromYuan(periods.Sum(p => p.ElectricityFee)), Money.FromYuan(periods.Sum(p => p.ServiceFee)));
    }

    private static decimal Round4(decimal v) => Math.Round(v, 4, MidpointRounding.AwayFromZero);

    /// <summary>
    /// Splits the energy between consecutive meter samples across the schedule's periods, in proportion to the
    /// time spent in each (sessions crossing midnight and several boundaries included). Energy is conserved to the
    /// unit: the parts of every interval sum to its delta exactly.
    /// </summary>
    public static PeriodEnergies Split(TouSchedule schedule, IReadOnlyList<MeterSample> samples)
    {
        var totals = new long[4];
        for (var i = 1; i < samples.Count; i++)
        {
            var (from, to) = (samples[i - 1], samples[i]);
            var delta = to.Reading.Units - from.Reading.Units;
            if (delta <= 0 || to.ChinaTime <= from.ChinaTime)
            {
                if (delta > 0) totals[(int)schedule.PeriodAt(from.ChinaTime)] += delta; // same instant: no time to spread over
                continue;
            }
            var spans = new long[4]; // ticks spent in each period
            for (var t = from.ChinaTime; t < to.ChinaTime;)
            {
                var boundary = t.Date.AddMinutes((t.Hour * 60 + t.Minute) / 30 * 30 + 30);
                var end = boundary < to.ChinaTime ? boundary : to.ChinaTime;
                spans[(int)schedule.PeriodAt(t)] += (end - t).Ticks;
                t = end;
            }
            Allocate(delta, spans, totals);
        }
        return PeriodEnergies.From(totals);
    }

    /// <summary>Largest-remainder apportionment of <paramref name="units"/> by <paramref name="weights"/>.</summary>
    private static void Allocate(long units, long[] weights, long[] into)
    {
        var total = (decimal)weights.Sum();
        var shares = weights.Select(w => units * w / total).ToArray();
        var whole = shares.Select(s => (long)Math.Floor(s)).ToArray();
        var left = units - whole.Sum();
        foreach (var i in Enumerable.Range(0, 4).OrderByDescending(i => shares[i] - whole[i]).ThenBy(i => i).Take((int)left)) whole[i]++;
        for (var i = 0; i < 4; i++) into[i] += whole[i];
    }
}
