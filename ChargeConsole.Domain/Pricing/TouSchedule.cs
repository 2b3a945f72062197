namespace ChargeConsole.Domain.Pricing;

/// <summary>尖/峰/平/谷: the four time-of-use periods, in the YKC rate-index order.</summary>
public enum TouPeriod { Sharp = 0, Peak = 1, Flat = 2, Valley = 3 }

/// <summary>A range of the day in one period. End 24:00 is written as <see cref="TimeOnly.MinValue"/> (00:00) or EndOfDay.</summary>
public sealed record TouRange(TimeOnly Start, TimeOnly End, TouPeriod Period)
{
    /// <summary>Minutes from midnight; an end of 00:00 means 24:00.</summary>
    public int StartMinute => Start.Hour * 60 + Start.Minute;
    public int EndMinute => End == TimeOnly.MinValue ? 24 * 60 : End.Hour * 60 + End.Minute + (End.Second > 0 ? 1 : 0);
}

public enum TouRangeProblemKind { OffTheHalfHour = 0, EndsBeforeStart = 1, Overlaps = 2, DayNotCovered = 3 }

/// <summary>
/// Why ranges do not make a day: <paramref name="Range"/> is the range at fault (for <see cref="TouRangeProblemKind.Overlaps"/>,
/// <paramref name="Other"/> the one it overlaps); for <see cref="TouRangeProblemKind.DayNotCovered"/>, the first gap as
/// slots <paramref name="FromSlot"/> to <paramref name="ToSlot"/> (inclusive).
/// </summary>
public sealed record TouRangeProblem(TouRangeProblemKind Kind, TouRange? Range = null, TouRange? Other = null, int FromSlot = 0, int ToSlot = 0);

/// <summary>
/// The day as 48 half-hour slots (slot 0 = 00:00–00:30 … slot 47 = 23:30–24:00), each in one period: the YKC
/// billing model's layout. Built from ranges that must align to :00/:30, cover the whole day and not overlap.
/// </summary>
public sealed class TouSchedule
{
    public const int SlotCount = 48;
    private readonly TouPeriod[] _slots;

    private TouSchedule(TouPeriod[] slots) => _slots = slots;

    public IReadOnlyList<TouPeriod> Slots => _slots;

    public static TouSchedule AllDay(TouPeriod period) => new(Enumerable.Repeat(period, SlotCount).ToArray());

    /// <summary>From the stored form: 48 characters '0'..'3'.</summary>
    public static TouSchedule FromSlotString(string slots)
    {
        if (slots.Length != SlotCount || slots.Any(c => c is < '0' or > '3'))
            throw new FormatException("A schedule is 48 characters, each 0 to 3.");
        return new TouSchedule(slots.Select(c => (TouPeriod)(c - '0')).ToArray());
    }

    public string ToSlotString() => string.Concat(_slots.Select(p => (char)('0' + (int)p)));

    public static TouSchedule FromPeriods(IReadOnlyList<TouPeriod> slots) =>
        slots.Count == SlotCount ? new TouSchedule(slots.ToArray()) : throw new ArgumentException("48 slots are required.", nameof(slots));

    /// <summary>Validates <paramref name="ranges"/>; on success <paramref name="schedule"/> is set, else <paramref name="errors"/> says why.</summary>
    public static bool TryFromRanges(IEnumerable<TouRange> ranges, out TouSchedule? schedule, out IReadOnlyList<TouRangeProblem> errors)
    {
        var problems = new List<TouRangeProblem>();
        var owner = new TouRange?[SlotCount];
        foreach (var r in ranges)
        {
            if (r.StartMinute % 30 != 0 || r.EndMinute % 30 != 0 || r.Start.Second != 0 || r.End.Second != 0)
            {
                problems.Add(new(TouRangeProblemKind.OffTheHalfHour, r));
                continue;
            }
            if (r.EndMinute <= r.StartMinute)
            {
                problems.Add(new(TouRangeProblemKind.EndsBeforeStart, r));
                continue;
            }
            for (var slot = r.StartMinute / 30; slot < r.EndMinute / 30; slot++)
            {
                if (owner[slot] is { } other && other != r)
                {
                    problems.Add(new(TouRangeProblemKind.Overlaps, r, other));
                    break;
                }
                owner[slot] = r;
            }
        }
        var gaps = Enumerable.Range(0, SlotCount).Where(s => owner[s] is null).ToList();
        if (gaps.Count > 0 && problems.Count == 0)
        {
            var first = gaps[0];
            var last = first;
            while (gaps.Contains(last + 1)) last++;
            problems.Add(new(TouRangeProblemKind.DayNotCovered, FromSlot: first, ToSlot: last));
        }
        errors = problems.Distinct().ToList();
        schedule = errors.Count == 0 ? new TouSchedule(owner.Select(o => o!.Period).ToArray()) : null;
        return schedule is not null;
    }

    /// <summary>The schedule as the fewest ranges (consecutive slots of one period merged).</summary>
    public IReadOnlyList<TouRange> ToRanges()
    {
        var ranges = new List<TouRange>();
        var start = 0;
        for (var slot = 1; slot <= SlotCount; slot++)
        {
            if (slot < SlotCount && _slots[slot] == _slots[start]) continue;
            ranges.Add(new TouRange(TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(start * 30)),
                slot == SlotCount ? TimeOnly.MinValue : TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(slot * 30)), _slots[start]));
            start = slot;
        }
        return ranges;
    }

    /// <summary>The period in force at a China-time instant.</summary>
    public TouPeriod PeriodAt(DateTime chinaTime) => _slots[chinaTime.Hour * 2 + chinaTime.Minute / 30];

}
