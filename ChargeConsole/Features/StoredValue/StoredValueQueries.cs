using ChargeConsole.Domain.Wallets;
using ChargeConsole.Data;
using ChargeConsole.Data.Entities;
using ChargeConsole.Domain.Infrastructure;
using ChargeConsole.Domain.Values;
using ChargeConsole.Infrastructure.Auth;
using ChargeConsole.Infrastructure.Grid;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs.Attributes;

namespace ChargeConsole.Features.StoredValue;

public sealed class RechargeOrderFilter
{
    public string? OrderNo { get; set; }
    public string? Phone { get; set; }
    public RechargeOrderStatus? Status { get; set; }
    public DateTime? PaidFrom { get; set; }
    public DateTime? PaidTo { get; set; }
    public int? PackageId { get; set; }
}

public sealed record RechargeOrderRow
{
    public int Id { get; init; }
    public string OrderNo { get; init; } = "";
    public string Phone { get; init; } = "";
    public string Nickname { get; init; } = "";
    public string Package { get; init; } = "";
    public Money PaidAmount { get; init; }
    public Money BonusAmount { get; init; }
    /// <summary>A coupon's discount on the payment (credited as bonus), and the coupon's name.</summary>
    public Money DiscountAmount { get; init; }
    public string? Coupon { get; init; }
    public Money RefundedAmount { get; init; }
    public Money RefundingAmount { get; init; }
    public RechargeOrderStatus Status { get; init; }
    public string? ProviderTransactionId { get; init; }
    public string? PaymentIssue { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime? PaidAt { get; init; }
    /// <summary>Why the order's latest refund failed (WeChat Pay refused, closed or abnormal), when it did.</summary>
    public string? LastRefundFailure { get; init; }
    /// <summary>A refund of the order WeChat Pay contradicted (SUCCESS after a failure): an operator must check it.</summary>
    public string? RefundAnomaly { get; init; }
    public bool CanRefund => RechargeOrderLifecycle.IsRefundable(Status);
}

public sealed class RechargeOrderExportRow
{
    [ExcelColumnName("订单号")] public string OrderNo { get; set; } = "";
    [ExcelColumnName("手机号")] public string Phone { get; set; } = "";
    [ExcelColumnName("昵称")] public string Nickname { get; set; } = "";
    [ExcelColumnName("套餐")] public string Package { get; set; } = "";
    [ExcelColumnName("支付金额(元)")] public decimal Paid { get; set; }
    [ExcelColumnName("赠送金额(元)")] public decimal Bonus { get; set; }
    [ExcelColumnName("优惠券抵扣(元)")] public decimal Discount { get; set; }
    [ExcelColumnName("优惠券")] public string Coupon { get; set; } = "";
    [ExcelColumnName("已退款(元)")] public decimal Refunded { get; set; }
    [ExcelColumnName("退款中(元)")] public decimal Refunding { get; set; }
    [ExcelColumnName("状态")] public string Status { get; set; } = "";
    [ExcelColumnName("微信支付单号")] public string Transaction { get; set; } = "";
    [ExcelColumnName("下单时间")] public string CreatedAt { get; set; } = "";
    [ExcelColumnName("支付时间")] public string PaidAt { get; set; } = "";
    [ExcelColumnName("异常")] public string Issue { get; set; } = "";
    [ExcelColumnName("最近退款失败")] public string RefundFailure { get; set; } = "";
}

public sealed class RefundFilter
{
    public string? RefundNo { get; set; }
    public string? OrderNo { get; set; }
    public string? Phone { get; set; }
    public RefundStatus? Status { get; set; }
    public DateTime? From { get; set; }
    public DateTime? To { get; set; }
    /// <summary>One recharge order's refunds (退款记录).</summary>
    public int? RechargeOrderId { get; set; }
}

public sealed record RefundRow
{
    public int Id { get; init; }
    public string RefundNo { get; init; } = "";
    public string OrderNo { get; init; } = "";
    public string Phone { get; init; } = "";
    public Money Amount { get; init; }
    public RefundStatus Status { get; init; }
    public string Reason { get; init; } = "";
    public string? FailureReason { get; init; }
    public string RequestedBy { get; init; } = "";
    public bool ByUser { get; init; }
    public string? ProviderRefundId { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime? CompletedAt { get; init; }
    public string? Anomaly { get; init; }
}

public sealed class RefundExportRow
{
    [ExcelColumnName("退款单号")] public string RefundNo { get; set; } = "";
    [ExcelColumnName("储值订单号")] public string OrderNo { get; set; } = "";
    [ExcelColumnName("手机号")] public string Phone { get; set; } = "";
    [ExcelColumnName("退款金额(元)")] public decimal Amount { get; set; }
    [ExcelColumnName("状态")] public string Status { get; set; } = "";
    [ExcelColumnName("原因")] public string Reason { get; set; } = "";
    [ExcelColumnName("失败原因")] public string Failure { get; set; } = "";
    [ExcelColumnName("申请人")] public string RequestedBy { get; set; } = "";
    [ExcelColumnName("微信退款单号")] public string ProviderRefundId { get; set; } = "";
    [ExcelColumnName("申请时间")] public string CreatedAt { get; set; } = "";
    [ExcelColumnName("完成时间")] public string CompletedAt { get; set; } = "";
    [ExcelColumnName("待核对")] public string Anomaly { get; set; } = "";
}

/// <summary>储值订单 and 退款记录: the users' money, staff only (an investor sees none of it).</summary>
public sealed class StoredValueQueries(IDbContextFactory<ChargeDbContext> dbFactory)
{
    public static readonly RowList<RechargeOrderFilter, RechargeOrderRow> OrdersList = new(Orders, x => x.CreatedAt);

    public static IQueryable<RechargeOrderRow> Orders(ChargeDbContext db, AccessScope scope, RechargeOrderFilter f)
    {
        var q = db.RechargeOrders.AsNoTracking().StaffOnly(scope);
        if (!string.IsNullOrWhiteSpace(f.OrderNo)) { var no = f.OrderNo.Trim(); q = q.Where(o => o.OrderNo.StartsWith(no)); }
        if (!string.IsNullOrWhiteSpace(f.Phone)) { var phone = f.Phone.Trim(); q = q.Where(o => o.AppUser.Phone.StartsWith(phone)); }
        if (f.Status is { } status) q = q.Where(o => o.Status == status);
        if (f.PackageId is { } package) q = q.Where(o => o.RechargePackageId == package);
        q = q.WithinChinaDays(o => o.PaidAt, f.PaidFrom, f.PaidTo);
        return q.Select(o => new RechargeOrderRow
        {
            Id = o.Id, OrderNo = o.OrderNo, Phone = o.AppUser.Phone, Nickname = o.AppUser.Nickname,
            Package = db.RechargePackages.Where(p => p.Id == o.RechargePackageId).Select(p => p.Name).FirstOrDefault()
                      ?? db.MarketingPackages.Where(p => p.Id == o.MarketingPackageId).Select(p => "营销：" + p.Name).FirstOrDefault() ?? "",
            PaidAmount = o.PaidAmount, BonusAmount = o.BonusAmount, DiscountAmount = o.DiscountAmount,
            Coupon = db.CouponClaims.Where(c => c.Id == o.CouponClaimId).Select(c => c.Coupon.Name).FirstOrDefault(), RefundedAmount = o.RefundedAmount, RefundingAmount = o.RefundingAmount, Status = o.Status,
            ProviderTransactionId = o.ProviderTransactionId, PaymentIssue = o.PaymentIssue, CreatedAt = o.CreatedAt, PaidAt = o.PaidAt,
            LastRefundFailure = db.Refunds.Where(r => r.RechargeOrderId == o.Id).OrderByDescending(r => r.Id)
                .Select(r => r.Status == RefundStatus.Failed ? r.FailureReason ?? "退款失败" : null).FirstOrDefault(),
            RefundAnomaly = db.Refunds.Where(r => r.RechargeOrderId == o.Id && r.Anomaly != null).Select(r => r.Anomaly).FirstOrDefault(),
        });
    }

    public static IEnumerable<RechargeOrderExportRow> ExportOrders(ChargeDbContext db, AccessScope scope, RechargeOrderFilter f) =>
        Orders(db, scope, f).OrderByDescending(o => o.Id).AsEnumerable().Select(o => new RechargeOrderExportRow
        {
            OrderNo = o.OrderNo, Phone = o.Phone, Nickname = o.Nickname, Package = o.Package, Paid = o.PaidAmount.Yuan, Bonus = o.BonusAmount.Yuan,
            Discount = o.DiscountAmount.Yuan, Coupon = o.Coupon ?? "", Refunded = o.RefundedAmount.Yuan, Refunding = o.RefundingAmount.Yuan, Status = StoredValueText.Status(o.Status), Transaction = o.ProviderTransactionId ?? "",
            CreatedAt = ChinaTime.Format(o.CreatedAt), PaidAt = ChinaTime.Format(o.PaidAt), Issue = o.PaymentIssue ?? "",
            RefundFailure = o.LastRefundFailure ?? "",
        });

    public static readonly RowList<RefundFilter, RefundRow> RefundsList = new(Refunds, x => x.CreatedAt);

    public static IQueryable<RefundRow> Refunds(ChargeDbContext db, AccessScope scope, RefundFilter f)
    {
        var q = db.Refunds.AsNoTracking().StaffOnly(scope);
        if (f.RechargeOrderId is { } order) q = q.Where(r => r.RechargeOrderId == order);
        if (!string.IsNullOrWhiteSpace(f.RefundNo)) { var no = f.RefundNo.Trim(); q = q.Where(r => r.RefundNo.StartsWith(no)); }
        if (!string.IsNullOrWhiteSpace(f.OrderNo)) { var no = f.OrderNo.Trim(); q = q.Where(r => r.RechargeOrder.OrderNo.StartsWith(no)); }
        if (!string.IsNullOrWhiteSpace(f.Phone)) { var phone = f.Phone.Trim(); q = q.Where(r => r.RechargeOrder.AppUser.Phone.StartsWith(phone)); }
        if (f.Status is { } status) q = q.Where(r => r.Status == status);
        return Rows(q.WithinChinaDays(r => r.CreatedAt, f.From, f.To));
    }

    private static IQueryable<RefundRow> Rows(IQueryable<Refund> q) =>
        q.Select(r => new RefundRow
        {
            Id = r.Id, RefundNo = r.RefundNo, OrderNo = r.RechargeOrder.OrderNo, Phone = r.RechargeOrder.AppUser.Phone, Amount = r.Amount, Status = r.Status,
            Reason = r.Reason, FailureReason = r.FailureReason, RequestedBy = r.RequestedBy, ByUser = r.ByUser, ProviderRefundId = r.ProviderRefundId,
            CreatedAt = r.CreatedAt, CompletedAt = r.CompletedAt, Anomaly = r.Anomaly,
        });

    public static IEnumerable<RefundExportRow> ExportRefunds(ChargeDbContext db, AccessScope scope, RefundFilter f) =>
        Refunds(db, scope, f).OrderByDescending(r => r.Id).AsEnumerable().Select(r => new RefundExportRow
        {
            RefundNo = r.RefundNo, OrderNo = r.OrderNo, Phone = r.Phone, Amount = r.Amount.Yuan, Status = StoredValueText.Status(r.Status), Reason = r.Reason,
            Failure = r.FailureReason ?? "", RequestedBy = r.ByUser ? "用户" : r.RequestedBy, ProviderRefundId = r.ProviderRefundId ?? "",
            CreatedAt = ChinaTime.Format(r.CreatedAt), CompletedAt = ChinaTime.Format(r.CompletedAt), Anomaly = r.Anomaly ?? "",
        });

    /// <summary>A user's own refunds, newest first (one by number when <paramref name="refundNo"/> is given).</summary>
    public async Task<(List<RefundRow> Items, int Total)> RefundsForUserAsync(int userId, int page, int pageSize, CancellationToken ct, string? refundNo = null)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var mine = db.Refunds.AsNoTracking().Where(r => r.RechargeOrder.AppUserId == userId);
        if (refundNo is not null) mine = mine.Where(r => r.RefundNo == refundNo);
        var q = Rows(mine);
        return (await q.OrderByDescending(r => r.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct), await q.CountAsync(ct));
    }
}
