using ChargeConsole.Data;
using ChargeConsole.Data.Entities;
using ChargeConsole.Domain.Infrastructure;
using ChargeConsole.Domain.Invoices;
using ChargeConsole.Domain.Values;
using ChargeConsole.Infrastructure;
using ChargeConsole.Infrastructure.Audit;
using ChargeConsole.Infrastructure.Auth;
using ChargeConsole.Infrastructure.Grid;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs.Attributes;

namespace ChargeConsole.Features.Invoices;

public sealed class InvoiceFilter
{
    public InvoiceStatus? Status { get; set; }
    public string? Phone { get; set; }
    public string? Title { get; set; }
    public string? Nickname { get; set; }
    public DateTime? From { get; set; }
    public DateTime? To { get; set; }
}

public sealed record InvoiceRow
{
    public int Id { get; init; }
    public string RequestNo { get; init; } = "";
    public string Phone { get; init; } = "";
    public string Nickname { get; init; } = "";
    public InvoiceTitleType TitleType { get; init; }
    public string Title { get; init; } = "";
    public string? TaxNumber { get; init; }
    public string? Email { get; init; }
    public Money Amount { get; init; }
    public int Orders { get; init; }
    public InvoiceStatus Status { get; init; }
    public string? InvoiceNumber { get; init; }
    public string? InvoiceCode { get; init; }
    public bool HasPdf { get; init; }
    public string? RejectReason { get; init; }
    public string? HandledBy { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime? IssuedAt { get; init; }
}

public sealed class InvoiceExportRow
{
    [ExcelColumnName("申请单号")] public string RequestNo { get; set; } = "";
    [ExcelColumnName("手机号")] public string Phone { get; set; } = "";
    [ExcelColumnName("昵称")] public string Nickname { get; set; } = "";
    [ExcelColumnName("抬头类型")] public string TitleType { get; set; } = "";
    [ExcelColumnName("发票抬头")] public string Title { get; set; } = "";
    [ExcelColumnName("统一社会信用代码")] public string TaxNumber { get; set; } = "";
    [ExcelColumnName("邮箱")] public string Email { get; set; } = "";
    [ExcelColumnName("开票金额(元)")] public decimal Amount { get; set; }
    [ExcelColumnName("订单数")] public int Orders { get; set; }
    [ExcelColumnName("状态")] public string Status { get; set; } = "";
    [ExcelColumnName("发票号码")] public string InvoiceNumber { get; set; } = "";
    [ExcelColumnName("发票代码")] public string InvoiceCode { get; set; } = "";
    [ExcelColumnName("拒绝/冲红原因")] public string Reason { get; set; } = "";
    [ExcelColumnName("申请时间")] public string CreatedAt { get; set; } = "";
    [ExcelColumnName("开票时间")] public string IssuedAt { get; set; } = "";
}

/// <summary>发票管理's list, its export, a request's orders and its PDF.</summary>
public sealed partial class InvoiceService
{
    /// <summary>Any request's PDF for staff (an investor gets nothing).</summary>
    public async Task<(Stream File, string Name)?> PdfForStaffAsync(AccessScope scope, int id, CancellationToken ct)
    {
        if (scope.IsInvestor) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var i = await db.Invoices.AsNoTracking().Where(x => x.Id == id).Select(x => new { x.PdfPath, x.RequestNo, x.InvoiceNumber }).FirstOrDefaultAsync(ct);
        return i is not null && files.OpenRead(i.PdfPath) is { } stream ? (stream, $"发票_{i.InvoiceNumber ?? i.RequestNo}.pdf") : null;
    }

    public static readonly RowList<InvoiceFilter, InvoiceRow> List = new(Query, x => x.CreatedAt);

    public static IQueryable<InvoiceRow> Query(ChargeDbContext db, AccessScope scope, InvoiceFilter f)
    {
        var q = db.Invoices.AsNoTracking().StaffOnly(scope);
        if (f.Status is { } status) q = q.Where(i => i.Status == status);
        if (!string.IsNullOrWhiteSpace(f.Phone)) { var phone = f.Phone.Trim(); q = q.Where(i => i.AppUser.Phone.StartsWith(phone)); }
        if (!string.IsNullOrWhiteSpace(f.Title)) { var title = f.Title.Trim(); q = q.Where(i => i.Title.Contains(title)); }
        if (!string.IsNullOrWhiteSpace(f.Nickname)) { var nick = f.Nickname.Trim(); q = q.Where(i => i.AppUser.Nickname.Contains(nick)); }
        return Rows(q.WithinChinaDays(i => i.CreatedAt, f.From, f.To));
    }

    private static IQueryable<InvoiceRow> Rows(IQueryable<Invoice> q) => q.Select(i => new InvoiceRow
    {
        Id = i.Id, RequestNo = i.RequestNo, Phone = i.AppUser.Phone, Nickname = i.AppUser.Nickname, TitleType = i.TitleType, Title = i.Title, TaxNumber = i.TaxNumber,
        Email = i.Email, Amount = i.Amount, Orders = i.Orders.Count, Status = i.Status, InvoiceNumber = i.InvoiceNumber, InvoiceCode = i.InvoiceCode,
        HasPdf = i.PdfPath != null, RejectReason = i.RejectReason, HandledBy = i.HandledBy, CreatedAt = i.CreatedAt, IssuedAt = i.IssuedAt,
    });

    public static IEnumerable<InvoiceExportRow> Export(ChargeDbContext db, AccessScope scope, InvoiceFilter f) =>
        Query(db, scope, f).OrderByDescending(i => i.Id).AsEnumerable().Select(i => new InvoiceExportRow
        {
            RequestNo = i.RequestNo, Phone = i.Phone, Nickname = i.Nickname, TitleType = InvoiceText.TitleType(i.TitleType), Title = i.Title, TaxNumber = i.TaxNumber ?? "",
            Email = i.Email ?? "", Amount = i.Amount.Yuan, Orders = i.Orders, Status = InvoiceText.Status(i.Status), InvoiceNumber = i.InvoiceNumber ?? "",
            InvoiceCode = i.InvoiceCode ?? "", Reason = i.RejectReason ?? "", CreatedAt = ChinaTime.Format(i.CreatedAt), IssuedAt = ChinaTime.Format(i.IssuedAt),
        });

    /// <summary>查看订单: the orders of one request.</summary>
    public async Task<List<InvoiceableOrder>> OrdersOfAsync(AccessScope scope, int id)
    {
        if (scope.IsInvestor) return [];
        await using var db = await dbFactory.CreateDbContextAsync();
        var orders = await db.InvoiceOrders.AsNoTracking().Where(x => x.InvoiceId == id).OrderBy(x => x.ChargingOrderId)
            .Select(x => new { x.ChargingOrder.OrderNo, Station = x.ChargingOrder.Station.Name, x.ChargingOrder.SettledAt, x.ChargingOrder.PaidPrincipal, x.ChargingOrder.PaidBonus })
            .ToListAsync();
        return orders.Select(o => new InvoiceableOrder(o.OrderNo, o.Station, o.SettledAt ?? default, o.PaidPrincipal + o.PaidBonus)).ToList();
    }
}
