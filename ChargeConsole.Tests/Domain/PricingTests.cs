using ChargeConsole.Tests.Support;
using ChargeConsole.Domain.Pricing;
using ChargeConsole.Domain.Values;
using FsCheck;
using FsCheck.Xunit;

namespace ChargeConsole.Tests.Domain;

[Trait(TestKind.Name, TestKind.Fast)]
public class PricingTests
{
    private static TimeOnly T(string hhmm) => TimeOnly.Parse(hhmm);

    // Valley 00:00–08:00, flat 08:00–10:00, peak 10:00–12:00, sharp 12:00–13:30, flat 13:30–19:00, peak 19:00–22:00, valley 22:00–24:00
    private static readonly TouRange[] Day =
    [
        new(T("00:00"), T("08:00"), TouPeriod.Valley), new(T("08:00"), T("10:00"), TouPeriod.Flat), new(T("10:00"), T("12:00"), TouPeriod.Peak),
        new(T("12:00"), T("13:30"), TouPeriod.Sharp), new(T("13:30"), T("19:00"), TouPeriod.Flat), new(T("19:00"), T("22:00"), TouPeriod.Peak),
        new(T("22:00"), T("00:00"), TouPeriod.Valley),
    ];

    private static TouSchedule Schedule() => TouSchedule.TryFromRanges(Day, out var s, out var e) ? s! : throw new InvalidOperationException(string.Join(";", e));


    private static readonly Tariff Tariff = new(
        [Price.FromYuan(1.20345m), Price.FromYuan(0.98765m), Price.FromYuan(0.65432m), Price.FromYuan(0.31234m)],
        [Price.FromYuan(0.80000m), Price.FromYuan(0.60000m), Price.FromYuan(0.50000m), Price.FromYuan(0.40000m)]);

    [Fact]
    public void Ranges_become_48_slots_and_back()
    {
        var schedule = Schedule();
        Assert.Equal("333333333333333322221111000222222222221111113333", schedule.ToSlotString());
        Assert.Equal(Day, schedule.ToRanges());
        Assert.Equal(TouPeriod.Sharp, schedule.PeriodAt(new DateTime(2026, 1, 1, 13, 29, 59)));
        Assert.Equal(TouPeriod.Flat, schedule.PeriodAt(new DateTime(2026, 1, 1, 13, 30, 0)));
    }

    [Fact]
    public void A_range_not_on_the_half_hour_is_refused()
    {
        var ranges = Day.ToList();
        ranges[0] = ranges[0] with { End = T("08:15") };
        Assert.False(TouSchedule.TryFromRanges(ranges, out _, out var errors));
        Assert.Contains(new TouRangeProblem(TouRangeProblemKind.OffTheHalfHour, ranges[0]), errors);
    }

    [Fact]
    public void A_gap_and_an_overlap_are_named()
    {
        Assert.False(TouSchedule.TryFromRanges(Day.Where(r => r.Period != TouPeriod.Sharp), out _, out var gap));
        Assert.Equal([new TouRangeProblem(TouRangeProblemKind.DayNotCovered, FromSlot: 24, ToSlot: 26)], gap); // 12:00–13:30

        Assert.False(TouSchedule.TryFromRanges(Day.Append(new TouRange(T("07:00"), T("09:00"), TouPeriod.Peak)), out _, out var overlap));
        Assert.Contains(overlap, e => e.Kind == TouRangeProblemKind.Overlaps);
    }

    [Fact]
    public void A_bill_keeps_period_fees_to_four_places_and_rounds_each_fee_to_the_fen()
    {
        // 10.5555 kWh valley, 3.3333 kWh peak.
        var bill = ChargeCalculator.Price(Tariff, new PeriodEnergies(Energy.Zero, Energy.FromKwh(3.3333m), Energy.Zero, Energy.FromKwh(10.5555m)));

        var valley = bill.Periods.Single(p => p.Period == TouPeriod.Valley);
        Assert.Equal(3.2969m, valley.ElectricityFee); // 10.5555 × 0.31234 = 3.29690487
        Assert.Equal(4.2222m, valley.ServiceFee);
        var peak = bill.Periods.Single(p => p.Period == TouPeriod.Peak);
        Assert.Equal(3.2921m, peak.ElectricityFee);   // 3.3333 × 0.98765 = 3.29213
        Assert.Equal(2.0000m, peak.ServiceFee);       // 3.3333 × 0.6 = 1.99998
        Assert.Equal(Money.FromYuan(6.59m), bill.ElectricityFee); // 6.5890
        Assert.Equal(Money.FromYuan(6.22m), bill.ServiceFee);     // 6.2222
        Assert.Equal(Money.FromYuan(12.81m), bill.Total);
    }

    [Fact]
    public void Samples_across_midnight_and_several_boundaries_split_by_time_in_each_period()
    {
        // 21:00 → 01:00 at a steady 10 kWh per hour: 1 h peak, 3 h valley (22:00 → 01:00, across midnight).
        var start = new DateTime(2026, 11, 24, 21, 0, 0);
        var samples = Enumerable.Range(0, 5).Select(h => new MeterSample(start.AddHours(h), Energy.FromKwh(100 + 10 * h))).ToList();

        var split = ChargeCalculator.Split(Schedule(), samples);

        Assert.Equal(Energy.FromKwh(10), split.Peak);
        Assert.Equal(Energy.FromKwh(30), split.Valley);
        Assert.Equal(Energy.FromKwh(40), split.Total);
    }

    [Fact]
    public void One_long_interval_is_spread_over_the_periods_it_spans()
    {
        // A single 11:00 → 14:00 interval of 30 kWh: 1 h peak, 1.5 h sharp, 0.5 h flat.
        var day = new DateTime(2026, 11, 25);
        var split = ChargeCalculator.Split(Schedule(), [new(day.AddHours(11), Energy.FromKwh(0)), new(day.AddHours(14), Energy.FromKwh(30))]);
        Assert.Equal((Energy.FromKwh(10), Energy.FromKwh(15), Energy.FromKwh(5)), (split.Peak, split.Sharp, split.Flat));
    }

    private static List<MeterSample> Session(int seed, int startMinute, int samples)
    {
        var random = new Random(seed);
        var t = new DateTime(2026, 11, 25).AddMinutes(startMinute % (24 * 60));
        var reading = 1_000_000L;
        var list = new List<MeterSample> { new(t, Energy.FromUnits(reading)) };
        for (var i = 0; i < samples; i++)
        {
            t = t.AddSeconds(random.Next(1, 1800));
            reading += random.Next(0, 60_000);
            list.Add(new MeterSample(t, Energy.FromUnits(reading)));
        }
        return list;
    }

    [Property(MaxTest = 300)]
    public bool Energy_is_conserved_by_the_split(int seed, PositiveInt start, PositiveInt count)
    {
        var samples = Session(seed, start.Get, count.Get % 60 + 1);
        var split = ChargeCalculator.Split(Schedule(), samples);
        return split.Total.Units == samples[^1].Reading.Units - samples[0].Reading.Units;
    }

    [Property(MaxTest = 300)]
    public bool The_total_is_the_sum_of_the_parts(PositiveInt sharp, PositiveInt peak, NonNegativeInt flat, NonNegativeInt valley)
    {
        var bill = ChargeCalculator.Price(Tariff, PeriodEnergies.From([sharp.Get % 2_000_000, peak.Get % 2_000_000, flat.Get % 2_000_000, valley.Get % 2_000_000]));
        var electricity = Money.FromYuan(bill.Periods.Sum(p => p.ElectricityFee));
        var service = Money.FromYuan(bill.Periods.Sum(p => p.ServiceFee));
        return bill.ElectricityFee == electricity && bill.ServiceFee == service && bill.Total == electricity + service;
    }

    [Property(MaxTest = 300)]
    public bool Splitting_a_session_at_any_instant_changes_the_total_by_rounding_only(int seed, PositiveInt start, PositiveInt count, PositiveInt cutAt)
    {
        var samples = Session(seed, start.Get, count.Get % 40 + 2);
        var cut = cutAt.Get % (samples.Count - 1) + 1; // a sample inside the session: the end of part one, the start of part two
        var schedule = Schedule();
        var whole = ChargeCalculator.Price(Tariff, ChargeCalculator.Split(schedule, samples));
        var first = ChargeCalculator.Price(Tariff, ChargeCalculator.Split(schedule, samples.Take(cut + 1).ToList()));
        var second = ChargeCalculator.Price(Tariff, ChargeCalculator.Split(schedule, samples.Skip(cut).ToList()));
        // Each bill rounds its two fees to the fen (≤ 0.005 each) after keeping period fees to 0.0001 (≤ 0.00005 × 4 each):
        // three bills, two fees: at most 3 × 2 × (0.005 + 0.0002) apart.
        var difference = Math.Abs(whole.Total.Yuan - (first.Total.Yuan + second.Total.Yuan));
        return difference <= 3 * 2 * 0.0052m;
    }
}
