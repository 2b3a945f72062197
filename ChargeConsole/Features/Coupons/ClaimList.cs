using ChargeConsole.Data;
using ChargeConsole.Data.Entities;
using ChargeConsole.Domain.Coupons;
using ChargeConsole.Domain.Infrastructure;
using ChargeConsole.Domain.Values;
using ChargeConsole.Infrastructure.Audit;
using ChargeConsole.Infrastructure.Auth;
using ChargeConsole.Infrastructure.Grid;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs.Attributes;

namespace ChargeConsole.Features.Coupons;

public sealed class ClaimFilter
{
    public DateTime? From { get; set; }
    public DateTime? To { get; set; }
    public int? CouponId { get; set; }
    /// <summary>Part of the user's phone or nickname.</summary>
    public string? User { get; set; }
    public CouponClaimStatus? Status { get; set; }
}

public sealed record ClaimRow
{
    public int Id { get; init; }
    public string Coupon { get; init; } = "";
    public Money Threshold { get; init; }
    public Money Discount { get; init; }
    public string Phone { get; init; } = "";
    public string Nickname { get; init; } = "";
    public CouponClaimMethod Method { get; init; }
    public CouponClaimStatus Status { get; init; }
    public DateTime ClaimedAt { get; init; }
    public DateTime? UsedAt { get; init; }
    public string? OrderNo { get; init; }
    public DateTime ValidFrom { get; init; }
    public DateTime ValidTo { get; init; }
    /// <summary>Held by a recharge order waiting to be paid.</summary>
    public bool Reserved => Status == CouponClaimStatus.Reserved;
}

public sealed class ClaimExportRow
{
    [ExcelColumnName("优惠券")] public string Coupon { get; set; } = "";
    [ExcelColumnName("手机号")] public string Phone { get; set; } = "";
    [ExcelColumnName("昵称")] public string Nickname { get; set; } = "";
    [ExcelColumnName("领取方式")] public string Method { get; set; } = "";
    [ExcelColumnName("状态")] public string Status { get; set; } = "";
    [ExcelColumnName("领取时间")] public string ClaimedAt { get; set; } = "";
    [ExcelColumnName("使用时间")] public string UsedAt { get; set; } = "";
    [ExcelColumnName("使用订单")] public string OrderNo { get; set; } = "";
}

/// <summary>领取记录 and its export.</summary>
public sealed partial class CouponService
{
    public static readonly RowList<ClaimFilter, ClaimRow> ClaimsList = new(Claims, x => x.ClaimedAt);

    public static IQueryable<ClaimRow> Claims(ChargeDbContext db, AccessScope scope, ClaimFilter f)
    {
        var q = db.CouponClaims.AsNoTracking().StaffOnly(scope);
        if (f.CouponId is { } coupon) q = q.Where(c => c.CouponId == coupon);
        if (f.Status is { } status) q = q.Where(c => c.Status == status);
        if (!string.IsNullOrWhiteSpace(f.User)) { var u = f.User.Trim(); q = q.Where(c => c.AppUser.Phone.StartsWith(u) || c.AppUser.Nickname.Contains(u)); }
        return q.WithinChinaDays(c => c.ClaimedAt, f.From, f.To).Select(c => new ClaimRow
        {
            Id = c.Id, Coupon = c.Coupon.Name, Threshold = c.Coupon.Threshold, Discount = c.Coupon.Discount, Phone = c.AppUser.Phone, Nickname = c.AppUser.Nickname,
            Method = c.Method, Status = c.Status, ClaimedAt = c.ClaimedAt, UsedAt = c.UsedAt, ValidFrom = c.Coupon.ValidFrom, ValidTo = c.Coupon.ValidTo,
            OrderNo = db.ChargingOrders.Where(o => o.Id == c.ChargingOrderId).Select(o => o.OrderNo).FirstOrDefault()
                ?? db.RechargeOrders.Where(o => o.Id == c.RechargeOrderId && c.Status == CouponClaimStatus.Used).Select(o => o.OrderNo).FirstOrDefault(),
        });
    }

    public static IEnumerable<ClaimExportRow> ExportClaims(ChargeDbContext db, AccessScope scope, ClaimFilter f) =>
        Claims(db, scope, f).OrderByDescending(c => c.Id).AsEnumerable().Select(c => new ClaimExportRow
        {
            Coupon = c.Coupon, Phone = c.Phone, Nickname = c.Nickname, Method = CouponText.Method(c.Method), Status = CouponText.Status(c.Status),
            ClaimedAt = ChinaTime.Format(c.ClaimedAt), UsedAt = ChinaTime.Format(c.UsedAt), OrderNo = c.OrderNo ?? "",
        });
}
