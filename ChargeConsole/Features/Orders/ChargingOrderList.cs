using ChargeConsole.Data;
using ChargeConsole.Data.Entities;
using ChargeConsole.Domain.Infrastructure;
using ChargeConsole.Domain.Orders;
using ChargeConsole.Domain.Values;
using ChargeConsole.Features.Revenue;
using ChargeConsole.Features.Users;
using ChargeConsole.Features.Wallets;
using ChargeConsole.Infrastructure;
using ChargeConsole.Infrastructure.Audit;
using ChargeConsole.Infrastructure.Auth;
using ChargeConsole.Infrastructure.Grid;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs.Attributes;

namespace ChargeConsole.Features.Orders;

public sealed class ChargingOrderFilter
{
    /// <summary>China calendar days, inclusive: the same day in both finds that day's orders.</summary>
    public DateTime? From { get; set; }
    public DateTime? To { get; set; }
    public ChargingOrderStatus? Status { get; set; }
    public string? Phone { get; set; }
    public string? OrderNo { get; set; }
    public int? StationId { get; set; }
}

public sealed record ChargingOrderRow
{
    public long Id { get; init; }
    public string OrderNo { get; init; } = "";
    public ChargingOrderStatus Status { get; init; }
    public StartSource Source { get; init; }
    public string? Phone { get; init; }
    public string? Nickname { get; init; }
    public int StationId { get; init; }
    public string StationName { get; init; } = "";
    public string GunCode { get; init; } = "";
    public DateTime CreatedAt { get; init; }
    public DateTime? StartedAt { get; init; }
    public DateTime? EndedAt { get; init; }
    public Energy Energy { get; init; }
    public Money ElectricityFee { get; init; }
    public Money ServiceFee { get; init; }
    public Money TotalAmount { get; init; }
    /// <summary>A coupon's discount (the fees above are already reduced by it).</summary>
    public Money DiscountAmount { get; init; }
    public Money? PileAmount { get; init; }
    public bool AmountMismatch { get; init; }
    public bool RecordOverdue { get; init; }
    public decimal? PowerKw { get; init; }
    public int? Soc { get; init; }
    public string? StopReason { get; init; }
    public string? FailureReason { get; init; }
    public string? ReviewNote { get; init; }
}

public sealed class ChargingOrderExportRow
{
    [ExcelColumnName("订单号")] public string OrderNo { get; set; } = "";
    [ExcelColumnName("状态")] public string Status { get; set; } = "";
    [ExcelColumnName("启动方式")] public string Source { get; set; } = "";
    [ExcelColumnName("手机号")] public string Phone { get; set; } = "";
    [ExcelColumnName("昵称")] public string Nickname { get; set; } = "";
    [ExcelColumnName("电站")] public string Station { get; set; } = "";
    [ExcelColumnName("电枪")] public string Gun { get; set; } = "";
    [ExcelColumnName("下单时间")] public string CreatedAt { get; set; } = "";
    [ExcelColumnName("开始时间")] public string StartedAt { get; set; } = "";
    [ExcelColumnName("结束时间")] public string EndedAt { get; set; } = "";
    [ExcelColumnName("电量(kWh)")] public decimal Energy { get; set; }
    [ExcelColumnName("电费(元)")] public decimal ElectricityFee { get; set; }
    [ExcelColumnName("服务费(元)")] public decimal ServiceFee { get; set; }
    [ExcelColumnName("订单金额(元)")] public decimal Total { get; set; }
    [ExcelColumnName("优惠券抵扣(元)")] public decimal Discount { get; set; }
    [ExcelColumnName("电桩金额(元)")] public string PileAmount { get; set; } = "";
    [ExcelColumnName("停止原因")] public string StopReason { get; set; } = "";
    [ExcelColumnName("异常")] public string Flags { get; set; } = "";
    [ExcelColumnName("审核说明")] public string ReviewNote { get; set; } = "";
}

/// <summary>充电订单's list and its export.</summary>
public sealed partial class ChargingOrderService
{
    public static readonly RowList<ChargingOrderFilter, ChargingOrderRow> List = new(Query, x => x.CreatedAt);

    public static IQueryable<ChargingOrderRow> Query(ChargeDbContext db, AccessScope scope, ChargingOrderFilter f)
    {
        var q = db.ChargingOrders.AsNoTracking().VisibleTo(scope);
        q = q.WithinChinaDays(o => o.CreatedAt, f.From, f.To);
        if (f.Status is { } status) q = q.Where(o => o.Status == status);
        if (f.StationId is { } station) q = q.Where(o => o.StationId == station);
        if (!string.IsNullOrWhiteSpace(f.OrderNo))
        {
            // A prefix, as a range on the unique index: a substring search would read every order (0.4 s at a million).
            var low = f.OrderNo.Trim().ToUpperInvariant();
            var high = low + "\u007f";
            q = q.Where(o => string.Compare(o.OrderNo, low) >= 0 && string.Compare(o.OrderNo, high) < 0);
        }
        // Investors never search by a user's phone: the answer alone would tell them who charged at their stations.
        if (!scope.IsInvestor && !string.IsNullOrWhiteSpace(f.Phone))
        {
            var phone = f.Phone.Trim();
            // Users first (a small table), then their orders by the (user, time) index.
            var users = db.AppUsers.Where(u => u.Phone.Contains(phone)).Select(u => (int?)u.Id);
            q = q.Where(o => users.Contains(o.AppUserId));
        }
        // Investors see a masked phone (139****0000) and no nickname, in the grid and the export alike.
        var investor = scope.IsInvestor;
        return q.Select(o => new ChargingOrderRow
        {
            Id = o.Id, OrderNo = o.OrderNo, Status = o.Status, Source = o.Source,
            Phone = o.AppUser == null ? null : investor ? o.AppUser.Phone.Substring(0, 3) + "****" + o.AppUser.Phone.Substring(7) : o.AppUser.Phone,
            Nickname = o.AppUser == null || investor ? null : o.AppUser.Nickname,
            StationId = o.StationId, StationName = o.Station.Name, GunCode = o.GunCode,
            CreatedAt = o.CreatedAt, StartedAt = o.StartedAt, EndedAt = o.EndedAt,
            Energy = o.Energy, ElectricityFee = o.ElectricityFee, ServiceFee = o.ServiceFee, TotalAmount = o.TotalAmount, DiscountAmount = o.DiscountAmount, PileAmount = o.PileAmount,
            AmountMismatch = o.AmountMismatch, RecordOverdue = o.RecordOverdue, PowerKw = o.PowerKw, Soc = o.Soc,
            StopReason = o.StopReason, FailureReason = o.FailureReason, ReviewNote = o.ReviewNote,
        });
    }

    public static IEnumerable<ChargingOrderExportRow> Export(ChargeDbContext db, AccessScope scope, ChargingOrderFilter f) =>
        Query(db, scope, f).OrderByDescending(o => o.CreatedAt).AsEnumerable().Select(o => new ChargingOrderExportRow
        {
            OrderNo = o.OrderNo, Status = OrderText.Status(o.Status), Source = OrderText.Source(o.Source),
            Phone = o.Phone ?? "", Nickname = o.Nickname ?? "", Station = o.StationName, Gun = o.GunCode,
            CreatedAt = ChinaTime.Format(o.CreatedAt), StartedAt = ChinaTime.Format(o.StartedAt), EndedAt = ChinaTime.Format(o.EndedAt),
            Energy = o.Energy.Kwh, ElectricityFee = o.ElectricityFee.Yuan, ServiceFee = o.ServiceFee.Yuan, Total = o.TotalAmount.Yuan, Discount = o.DiscountAmount.Yuan,
            PileAmount = o.PileAmount?.ToString() ?? "", StopReason = o.StopReason ?? o.FailureReason ?? "", Flags = OrderText.Flags(o.AmountMismatch, o.RecordOverdue),
            ReviewNote = o.ReviewNote ?? "",
        });
}
