using ChargeConsole.Data;
using ChargeConsole.Data.Entities;
using ChargeConsole.Infrastructure.Auth;
using ChargeConsole.Infrastructure.Grid;
using ChargeConsole.Shared;
using MudBlazor;

namespace ChargeConsole.Features.Reports;

/// <summary>充电统计 as its page shows it: stations, the day totals, the trend at its grain, and the guns now.</summary>
public sealed record ChargingStatsView(List<StationTotalRow> Stations, List<DayTotal> Days, TrendGrain Grain, List<TrendPoint> Trend,
    List<(GunStatus Status, int Count)> Guns);

/// <summary>收益图表: each investor at each station, and the months.</summary>
public sealed record RevenueChartsView(List<InvestorStationRow> Rows, List<MonthTotal> Months);

/// <summary>What the report pages read, for the signed-in viewer in their scope (one per circuit).</summary>
public sealed class ReportPages(ListPages reads, TimeProvider clock)
{
    public Task<ChargingStatsView> ChargingStatsAsync(ReportFilter f, CancellationToken ct) => reads.ReadAsync(async (db, viewer) =>
    {
        var stations = await ReportQueries.StationTotalsAsync(db, viewer, f, ct);
        var days = await ReportQueries.DailyAsync(db, viewer, f, ct);
        var from = f.From is { } a ? DateOnly.FromDateTime(a) : days.FirstOrDefault()?.Day ?? DateOnly.FromDateTime(ChinaToday.Date(clock));
        var to = f.To is { } b ? DateOnly.FromDateTime(b) : days.LastOrDefault()?.Day ?? from;
        var grain = TrendBuckets.GrainOf(from, to);
        var trend = grain == TrendGrain.Hourly ? await ReportQueries.HourlyAsync(db, viewer, f, from, ct) : TrendBuckets.Of(days, from, to);
        var guns = await ReportQueries.GunStatusesAsync(db, viewer, f, ct);
        return new ChargingStatsView(stations, days, grain, trend, guns);
    }, ct);

    public Task<RevenueChartsView> RevenueChartsAsync(ReportFilter f, CancellationToken ct) => reads.ReadAsync(async (db, viewer) =>
        new RevenueChartsView(await ReportQueries.InvestorStationsAsync(db, viewer, f, ct), await ReportQueries.InvestorMonthsAsync(db, viewer, f, ct)), ct);

    /// <summary>电站收益占比, and whether the viewer is an investor (who sees the rest as one figure).</summary>
    public Task<(List<(StationTotalRow Station, List<(string Party, long Fen)> Parts)> Rows, bool Investor)> StationSharesAsync(ReportFilter f, CancellationToken ct) =>
        reads.ReadAsync(async (db, viewer) => (await ReportQueries.StationSharesAsync(db, viewer, f, ct), viewer.IsInvestor), ct);

    /// <summary>月度统计, and whether the viewer is an investor (who sees their own part only).</summary>
    public Task<(List<MonthlyRow> Rows, bool Investor)> MonthlyAsync(ReportFilter f, CancellationToken ct) =>
        reads.ReadAsync(async (db, viewer) => (await ReportQueries.MonthlyAsync(db, viewer, f, ct), viewer.IsInvestor), ct);

    /// <summary>投资人收益, a page of parts; the count comes from the roll-ups where it can.</summary>
    public Task<GridData<InvestorRevenueRow>> InvestorRevenueAsync(ReportFilter f, GridState<InvestorRevenueRow> state, CancellationToken ct) =>
        reads.ReadAsync(async (db, viewer) =>
        {
            var total = await ReportQueries.InvestorRevenueCountAsync(db, viewer, f, ct);
            return await ReportQueries.InvestorRevenue(db, viewer, f).ToGridDataAsync(state, ct, x => x.Id, knownTotal: total);
        }, ct);
}
