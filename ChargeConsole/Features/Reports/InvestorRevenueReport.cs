using ChargeConsole.Data;
using ChargeConsole.Domain.Infrastructure;
using ChargeConsole.Domain.Orders;
using ChargeConsole.Domain.Values;
using ChargeConsole.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs.Attributes;

namespace ChargeConsole.Features.Reports;

/// <summary>投资人收益: one investor's part of one settled order.</summary>
public sealed record InvestorRevenueRow
{
    public long Id { get; init; }
    public string OrderNo { get; init; } = "";
    public string Station { get; init; } = "";
    public string Investor { get; init; } = "";
    public DateTime SettledAt { get; init; }
    public Money Base { get; init; }
    public decimal SharePercent { get; init; }
    public Money Amount { get; init; }
}

public sealed class InvestorRevenueExportRow
{
    [ExcelColumnName("订单号")] public string OrderNo { get; set; } = "";
    [ExcelColumnName("电站")] public string Station { get; set; } = "";
    [ExcelColumnName("投资人")] public string Investor { get; set; } = "";
    [ExcelColumnName("结算时间")] public string SettledAt { get; set; } = "";
    [ExcelColumnName("分润基数(元)")] public decimal Base { get; set; }
    [ExcelColumnName("占比(%)")] public decimal Share { get; set; }
    [ExcelColumnName("金额(元)")] public decimal Amount { get; set; }
}

/// <summary>投资人收益: each investor's part of each settled order, its count and its export.</summary>
public static partial class ReportQueries
{
    /// <summary>投资人收益: each investor's part of each settled order (voided orders leave the list).</summary>
    public static IQueryable<InvestorRevenueRow> InvestorRevenue(ChargeDbContext db, AccessScope scope, ReportFilter f)
    {
        var shares = db.RevenueShares.AsNoTracking().VisibleTo(scope).Where(r => !r.IsReversal && r.InvestorId != null);
        if (InvestorOf(scope, f) is { } investor) shares = shares.Where(r => r.InvestorId == investor);
        if (f.StationId is { } station) shares = shares.Where(r => r.StationId == station);
        // A part is written when its order settles, so its time is the settlement's.
        if (Day(f.From) is { } from) { var start = ChinaTime.ToUtc(from.ToDateTime(TimeOnly.MinValue)); shares = shares.Where(r => r.CreatedAt >= start); }
        if (Day(f.To) is { } to) { var end = ChinaTime.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue)); shares = shares.Where(r => r.CreatedAt < end); }
        var orders = db.ChargingOrders.Where(o => o.Status == ChargingOrderStatus.Settled);
        if (!string.IsNullOrWhiteSpace(f.OrderNo)) { var no = f.OrderNo.Trim(); orders = orders.Where(o => o.OrderNo.StartsWith(no)); }
        // Filtered by "its order is settled" rather than joined to the orders: the database then walks the parts
        // newest first and stops at the page, instead of sorting a year of them (an order-number filter starts from
        // the order-number index either way).
        return shares.Where(r => orders.Any(o => o.Id == r.ChargingOrderId)).Select(r => new InvestorRevenueRow
        {
            Id = r.Id, SettledAt = r.CreatedAt, Base = r.Base, SharePercent = r.SharePercent, Amount = r.Amount,
            OrderNo = db.ChargingOrders.Where(o => o.Id == r.ChargingOrderId).Select(o => o.OrderNo).First(),
            Station = db.Stations.Where(s => s.Id == r.StationId).Select(s => s.Name).First(),
            Investor = db.Users.Where(u => u.Id == r.InvestorId).Select(u => u.DisplayName != "" ? u.DisplayName : u.UserName!).FirstOrDefault() ?? "",
        });
    }

    /// <summary>
    /// How many rows <see cref="InvestorRevenue"/> has, from the investors' day roll-ups (each counts its non-voided
    /// parts), so paging a year of parts needs no count over them; null when an order-number filter needs the real count.
    /// </summary>
    public static async Task<int?> InvestorRevenueCountAsync(ChargeDbContext db, AccessScope scope, ReportFilter f, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(f.OrderNo) ? await InvestorDays(db, scope, f).SumAsync(d => d.Orders, ct) : null;

    public static IEnumerable<InvestorRevenueExportRow> ExportInvestorRevenue(ChargeDbContext db, AccessScope scope, ReportFilter f) =>
        InvestorRevenue(db, scope, f).OrderByDescending(r => r.Id).AsEnumerable().Select(r => new InvestorRevenueExportRow
        {
            OrderNo = r.OrderNo, Station = r.Station, Investor = r.Investor, SettledAt = ChinaTime.Format(r.SettledAt), Base = r.Base.Yuan,
            Share = r.SharePercent, Amount = r.Amount.Yuan,
        });
}
