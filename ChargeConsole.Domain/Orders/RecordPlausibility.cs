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
}

/// <summary>What a record says, in the units the rules need.</summary>
public sealed record RecordFacts(
    DateTime StartUtc, DateTime EndUtc, Energy Total, Energy PeriodSum, long MeterStartUnits, long MeterStopUnits, decimal RatedPowerKw);

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

    public static IReadOnlyList<RecordDoubt> Check(RecordFacts r, bool startedByConsole, DateTime nowUtc)
    {
        var doubts = new List<RecordDoubt>();
        if (!startedByConsole) doubts.Add(RecordDoubt.NotStartedByConsole);
        var duration = r.EndUtc - r.StartUtc;
        if (duration < TimeSpan.Zero || duration > LongestCharge) doubts.Add(RecordDoubt.ImpossibleTimes);
        if (r.EndUtc > nowUtc + ClockSkew || r.StartUtc > nowUtc + ClockSkew) doubts.Add(RecordDoubt.FromTheFuture);
        var hours = (decimal)Math.Max(0, duration.TotalHours);
        var possible = Energy.FromKwh(r.RatedPowerKw * hours * PowerMargin) + EnergyAllowance;
        if (r.RatedPowerKw > 0 && r.Total > possible) doubts.Add(RecordDoubt.EnergyBeyondRatedPower);
        var meterDelta = r.MeterStopUnits - r.MeterStartUnits;
        var periodsOff = Math.Abs(r.PeriodSum.Units - r.Total.Units) > MeterTolerance.Units;
        // Piles that do not report meter readings send zeros: only readings that are there are compared.
        var meterOff = (r.MeterStartUnits != 0 || r.MeterStopUnits != 0) && Math.Abs(meterDelta - r.Total.Units) > MeterTolerance.Units;
        if (periodsOff || meterOff) doubts.Add(RecordDoubt.InconsistentMeter);
        return doubts;
    }
}
