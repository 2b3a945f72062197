using ChargeConsole.Data;
using ChargeConsole.Data.Entities;
using ChargeConsole.Infrastructure.Auth;
using ChargeConsole.Infrastructure.Grid;
using ChargeConsole.Shared;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace ChargeConsole.Features.Reports;

/// <summary>The trend's grain: hours of one day, days of a month, then weeks, then months (none overprint).</summary>
public enum TrendGrain { Hourly, Daily, Weekly, Monthly }

/// <summary>充电统计 as its page shows it: stations, the day totals, the trend at its grain, and the guns now.</summary>
public sealed record ChargingStatsView(List<StationTotalRow> Stations, List<DayTotal> Days, TrendGrain Grain, List<TrendPoint> Trend,
    List<(GunStatus Status, int Count)> Guns);

/// <summary>收益图表: each investor at each station, and the months.</summary>
public sealed record RevenueChartsView(List<InvestorStationRow> Rows, List<MonthTotal> Months);

/// <summary>What the report pages read, for the signed-in viewer in their scope (one per circuit).</summary>
public sealed class ReportPages(IDbContextFactory<ChargeDbContext> dbFactory, CurrentScope scope, TimeProvider clock)
{
    public async Task<ChargingStatsView> ChargingStatsAsync(ReportFilter f, CancellationToken ct)
    {
        var viewer = await scope.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var stations = await ReportQueries.StationTotalsAsync(db, viewer, f, ct);
        var days = await ReportQueries.DailyAsync(db, viewer, f, ct);
        var from = f.From is { } a ? DateOnly.FromDateTime(a) : days.FirstOrDefault()?.Day ?? DateOnly.FromDateTime(ChinaToday.Date(clock));
        var to = f.To is { } b ? DateOnly.FromDateTime(b) : days.LastOrDefault()?.Day ?? from;
        var span = to.DayNumber - from.DayNumber;
        var grain = from == to ? TrendGrain.Hourly : span < TrendBuckets.DailyUpTo ? TrendGrain.Daily : span < TrendBuckets.WeeklyUpTo ? TrendGrain.Weekly : TrendGrain.Monthly;
        var trend = grain == TrendGrain.Hourly ? await ReportQueries.HourlyAsync(db, viewer, f, from, ct) : TrendBuckets.Of(days, from, to);
        var guns = await ReportQueries.GunStatusesAsync(db, viewer, f, ct);
        return new ChargingStatsView(stations, days, grain, trend, guns);
    }

    public async Task<RevenueChartsView> RevenueChartsAsync(ReportFilter f, CancellationToken ct)
    {
        var viewer = await scope.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return new RevenueChartsView(await ReportQueries.InvestorStationsAsync(db, viewer, f, ct), await ReportQueries.InvestorMonthsAsync(db, viewer, f, ct));
    }

    /// <summary>电站收益占比, and whether the viewer is an investor (who sees the rest as one figure).</summary>
    public async Task<(List<(StationTotalRow Station, List<(string Party, long Fen)> Parts)> Rows, bool Investor)> StationSharesAsync(ReportFilter f, CancellationToken ct)
    {
        var viewer = await scope.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await ReportQueries.StationSharesAsync(db, viewer, f, ct), viewer.IsInvestor);
    }

    /// <summary>月度统计, and whether the viewer is an investor (who sees their own part only).</summary>
    public async Task<(List<MonthlyRow> Rows, bool Investor)> MonthlyAsync(ReportFilter f, CancellationToken ct)
    {
        var viewer = await scope.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await ReportQueries.MonthlyAsync(db, viewer, f, ct), viewer.IsInvestor);
    }

    /// <summary>投资人收益, a page of parts; the count comes from the roll-ups where it can.</summary>
    public async Task<GridData<InvestorRevenueRow>> InvestorRevenueAsync(ReportFilter f, GridState<InvestorRevenueRow> state, CancellationToken ct)
    {
        var viewer = await scope.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var total = await ReportQueries.InvestorRevenueCountAsync(db, viewer, f, ct);
        return await ReportQueries.InvestorRevenue(db, viewer, f).ToGridDataAsync(state, ct, x => x.Id, knownTotal: total);
    }
}
