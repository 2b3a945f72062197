using MudBlazor;

namespace ChargeConsole.Shared;

/// <summary>
/// How every chart reads (issue 20, item 21): values axes from zero (a quiet morning is not a crash), a handful of
/// readable ticks, values on hover and, where few enough, on the marks themselves; crowded category labels thinned.
/// </summary>
public static class ChartLook
{
    public static LineChartOptions Line() => new()
    {
        YAxisRequireZeroPoint = true, ShowDataMarkers = true, ShowToolTips = true, YAxisFormat = "#,##0.##", MaxNumYAxisTicks = 6,
    };

    /// <param name="values">write each bar's value on it (a short ranking), not only on hover</param>
    public static BarChartOptions Bar(bool values = false) => new() { ShowValues = values, ShowToolTips = true, YAxisFormat = "#,##0.##", MaxNumYAxisTicks = 6 };

    public static StackedBarChartOptions StackedBar() => new() { ShowToolTips = true, YAxisFormat = "#,##0.##", MaxNumYAxisTicks = 6, XAxisLabelRotation = 0 };

    // A pie's values are in its legend (ChartLook.WithShares, money and share); on the slices they would be unformatted.
    public static PieChartOptions Pie() => new() { ShowValues = false, ShowToolTips = true };

    public static DonutChartOptions Donut() => new() { ShowValues = false, ShowToolTips = true };

    /// <summary>At most <paramref name="max"/> labels are written (evenly spread, the last one always); the rest are left blank so none overprint.</summary>
    public static string[] Thin(IReadOnlyList<string> labels, int max = 12)
    {
        if (labels.Count <= max) return [.. labels];
        var step = (int)Math.Ceiling(labels.Count / (double)max);
        return labels.Select((l, i) => i % step == 0 || i == labels.Count - 1 ? l : "").ToArray();
    }

    /// <summary>A pie's labels with their values: 「南京新街口充电站 ¥1,234.00（35.2%）」.</summary>
    public static string[] WithShares(IReadOnlyList<string> names, IReadOnlyList<long> fen)
    {
        var total = fen.Sum();
        return names.Select((n, i) => $"{n} {FigureText.Yuan(fen[i])}（{(total == 0 ? 0 : fen[i] * 100m / total):0.0}%）").ToArray();
    }
}
