namespace ChargeConsole.Features.Reports;

/// <summary>The trend's grain: hours of one day, days of a month, then weeks, then months (none overprint).</summary>
public enum TrendGrain { Hourly, Daily, Weekly, Monthly }

/// <summary>One point of a trend chart: a day, a week, a month or an hour, with its label.</summary>
public sealed record TrendPoint(string Label, long Orders, long Energy, long TotalFen);

/// <summary>
/// The 充电统计 trend at a grain that reads: days for a month or less, weeks (from Monday) up to half a year, months
/// beyond; days without orders count as zero, so the axis is the calendar, not the data. A single day is shown by
/// hour (ReportQueries.HourlyAsync).
/// </summary>
public static class TrendBuckets
{
    public const int DailyUpTo = 31, WeeklyUpTo = 183;

    /// <summary>The grain a period reads at: one day by hour, then days, weeks and months by its length.</summary>
    public static TrendGrain GrainOf(DateOnly from, DateOnly to) => (to.DayNumber - from.DayNumber + 1) switch
    {
        1 => TrendGrain.Hourly,
        <= DailyUpTo => TrendGrain.Daily,
        <= WeeklyUpTo => TrendGrain.Weekly,
        _ => TrendGrain.Monthly,
    };

    public static List<TrendPoint> Of(IReadOnlyList<DayTotal> days, DateOnly from, DateOnly to)
    {
        if (to < from) return [];
        var span = to.DayNumber - from.DayNumber + 1;
        var byDay = days.ToDictionary(d => d.Day);
        var all = Enumerable.Range(0, span).Select(i => from.AddDays(i)).Select(d => byDay.TryGetValue(d, out var x) ? x : new DayTotal(d, 0, 0, 0));
        // Hours come from the orders themselves (ReportQueries.HourlyAsync); from the day totals a single day is one day.
        Func<DateOnly, (DateOnly Key, string Label)> bucket = GrainOf(from, to) switch
        {
            TrendGrain.Weekly => d => (Monday(d), Monday(d).ToString("MM-dd") + "起"),
            TrendGrain.Monthly => d => (new DateOnly(d.Year, d.Month, 1), d.ToString("yyyy-MM")),
            _ => d => (d, d.ToString("MM-dd")),
        };
        return all.GroupBy(d => bucket(d.Day)).OrderBy(g => g.Key.Key)
            .Select(g => new TrendPoint(g.Key.Label, g.Sum(d => d.Orders), g.Sum(d => d.Energy), g.Sum(d => d.TotalFen))).ToList();
    }

    private static DateOnly Monday(DateOnly d) => d.AddDays(-(((int)d.DayOfWeek + 6) % 7));
}
