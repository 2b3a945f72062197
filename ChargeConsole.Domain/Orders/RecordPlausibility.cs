using ChargeConsole.Domain.Values;

namespace ChargeConsole.Domain.Orders;

/// <summary>Why a pile's transaction record cannot be paid out as it stands.</summary>
public enum RecordDoubt
{
    /// <summary>The console never issued the record's serial, and no 0x31/0x32 authorisation matches it.</summary>
    NotStartedByConsole,
    /// <summary>The end is before the start, or the charge lasts longer than any real one.</summary>
    ImpossibleTimes,
    /// <summary>The record is dated well in the future.</summary>
    FromTheFuture,
    /// <summary>More energy than the pile's rated power could deliver in the time.</summary>
    EnergyBeyondRatedPower,
    /// <summary>The periods' energies do not add up to the total, or the meter readings disagree with it.</summary>
    InconsistentMeter,
    /// <summary>The record says the charge began well before the console made its order.</summary>
    StartsBeforeOrder,
    /// <summary>More energy than the pile's rated power could deliver since the console made the order.</summary>
    EnergyBeyondOrderDuration,
    /// <summary>The price is well beyond the limit the pile was given: the console's stop did not hold.</summary>
    AmountBeyondLimit,
}

/// <summary>What the console knows of an order it started itself: when it made it, and what the pile was told the user may spend.</summary>
public sealed record ConsoleStart(DateTime CreatedUtc, Money? SpendingLimit);

/// <summary>What a record says, in the units the rules need.</summary>
/// <param name="Price">what the console prices the record at (before any cap at the limit)</param>
public sealed record RecordFacts(
    DateTime StartUtc, DateTime EndUtc, Energy Total, Energy PeriodSum, long MeterStartUnits, long MeterStopUnits, decimal RatedPowerKw, Money Price);

/// <summary>
/// SPEC "Records the console did not start … and implausible records … are held as 待审核": the checks a record must
/// pass before it may take money from a wallet. A pile's clock may be a little off and its meter a little generous,
/// so every limit carries a margin; anything beyond it goes to an operator, who sees the reasons.
/// </summary>
public static class RecordPlausibility
{
    /// <summary>Energy may exceed rated power × duration by this factor (meter and clock tolerance)…</summary>
    public const decimal PowerMargin = 1.2m;
    /// <summary>…plus this much, so very short charges are not flagged for rounding.</summary>
    public static readonly Energy EnergyAllowance = Energy.FromUnits(5_000); // 0.5 kWh
    public static readonly TimeSpan LongestCharge = TimeSpan.FromHours(48);
    public static readonly TimeSpan ClockSkew = TimeSpan.FromHours(1);
    /// <summary>Meter readings and period sums may differ from the total by this much.</summary>
    public static readonly Energy MeterTolerance = Energy.FromUnits(100); // 0.01 kWh

    /// <param name="started">the console's own order for the record, or null when the console never started it</param>
    public static IReadOnlyList<RecordDoubt> Check(RecordFacts r, ConsoleStart? started, DateTime nowUtc)
    {
        var doubts = new List<RecordDoubt>();
        if (started is null) doubts.Add(RecordDoubt.NotStartedByConsole);
        var duration = r.EndUtc - r.StartUtc;
        if (duration < TimeSpan.Zero || duration > LongestCharge) doubts.Add(RecordDoubt.ImpossibleTimes);
        if (r.EndUtc > nowUtc + ClockSkew || r.StartUtc > nowUtc + ClockSkew) doubts.Add(RecordDoubt.FromTheFuture);
        if (r.RatedPowerKw > 0 && r.Total > Possible(r.RatedPowerKw, duration)) doubts.Add(RecordDoubt.EnergyBeyondRatedPower);
        if (started is not null)
        {
            // The pile's clock may lie; ours says how long the charge can really have lasted: from the order to now.
            if (r.StartUtc < started.CreatedUtc - ClockSkew) doubts.Add(RecordDoubt.StartsBeforeOrder);
            if (r.RatedPowerKw > 0 && r.Total > Possible(r.RatedPowerKw, nowUtc - started.CreatedUtc)) doubts.Add(RecordDoubt.EnergyBeyondOrderDuration);
            if (started.SpendingLimit is { } limit && r.Price > limit + SpendingRules.OverrunAllowance(limit)) doubts.Add(RecordDoubt.AmountBeyondLimit);
        }
        var meterDelta = r.MeterStopUnits - r.MeterStartUnits;
        var periodsOff = Math.Abs(r.PeriodSum.Units - r.Total.Units) > MeterTolerance.Units;
        // Piles that do not report meter readings send zeros: only readings that are there are compared.
        var meterOff = (r.MeterStartUnits != 0 || r.MeterStopUnits != 0) && Math.Abs(meterDelta - r.Total.Units) > MeterTolerance.Units;
        if (periodsOff || meterOff) doubts.Add(RecordDoubt.InconsistentMeter);
        return doubts;
    }

    /// <summary>The most a pile of <paramref name="ratedPowerKw"/> can deliver in <paramref name="duration"/>, with the margins.</summary>
    private static Energy Possible(decimal ratedPowerKw, TimeSpan duration) =>
        Energy.FromKwh(ratedPowerKw * (decimal)Math.Max(0, duration.TotalHours) * PowerMargin) + EnergyAllowance;
}
