using ChargeConsole.Data;
using ChargeConsole.Data.Entities;
using ChargeConsole.Domain.Invoices;
using ChargeConsole.Domain.Orders;
using ChargeConsole.Domain.Values;
using ChargeConsole.Features.Orders;
using ChargeConsole.Infrastructure;
using ChargeConsole.Infrastructure.Audit;
using ChargeConsole.Infrastructure.Files;
using ChargeConsole.Infrastructure.Grid;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Features.Invoices;

/// <summary>One of a user's settled orders that may go on an invoice.</summary>
public sealed record InvoiceableOrder(string OrderNo, string Station, DateTime SettledAt, Money Paid);

/// <summary>A user's invoice request from the mini-program (fields nullable so a missing one gets its Chinese message).</summary>
public sealed record InvoiceRequest(IReadOnlyList<string>? OrderNos, InvoiceTitleType? TitleType, string? Title, string? TaxNumber, string? Email, string? RequestId = null);

public sealed class InvoiceRequestValidator : AbstractValidator<InvoiceRequest>
{
    public const int MaxOrders = 100;

    public InvoiceRequestValidator()
    {
        RuleFor(x => x.OrderNos).NotEmpty().WithMessage("请选择要开票的充电订单")
            .Must(o => o is null || o.Count <= MaxOrders).WithMessage($"一次最多为 {MaxOrders} 笔订单开票")
            .Must(o => o is null || o.Distinct().Count() == o.Count).WithMessage("订单重复");
        RuleForEach(x => x.OrderNos).NotEmpty().WithMessage("订单号不能为空").MaximumLength(32).WithMessage("订单号格式不正确");
        RuleFor(x => x.TitleType).NotNull().WithMessage("请选择抬头类型（个人或单位）").IsInEnum().WithMessage("抬头类型不正确");
        RuleFor(x => x.Title).NotEmpty().WithMessage("请填写发票抬头").MaximumLength(100).WithMessage("发票抬头不能超过 100 个字");
        RuleFor(x => x.TaxNumber).NotEmpty().WithMessage("单位抬头须填写统一社会信用代码")
            .Must(CreditCode.IsValid).WithMessage("统一社会信用代码不正确（18 位，含校验位）")
            .When(x => x.TitleType == InvoiceTitleType.Company);
        RuleFor(x => x.Email).NotEmpty().WithMessage("请填写接收发票的邮箱").MaximumLength(100).WithMessage("邮箱过长")
            .EmailAddress().WithMessage("邮箱格式不正确");
        RuleFor(x => x.RequestId).NotEmpty().WithMessage("缺少请求号（requestId 或 Idempotency-Key）").MaximumLength(40).WithMessage("请求号不能超过 40 个字符");
    }
}

/// <summary>申请开票 from the mini-program: the orders that may go on one, and the request.</summary>
public sealed partial class InvoiceService
{
    private static IQueryable<ChargingOrder> Invoiceable(ChargeDbContext db, int userId) =>
        db.ChargingOrders.Where(o => o.AppUserId == userId && o.Status == ChargingOrderStatus.Settled && !db.InvoiceOrders.Any(i => i.ChargingOrderId == o.Id && i.Active));

    public async Task<(List<InvoiceableOrder> Items, int Total)> InvoiceableAsync(int userId, int page, int pageSize, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var q = Invoiceable(db, userId).AsNoTracking();
        var items = await q.OrderByDescending(o => o.SettledAt).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(o => new { o.OrderNo, Station = o.Station.Name, o.SettledAt, o.PaidPrincipal, o.PaidBonus }).ToListAsync(ct);
        return (items.Select(o => new InvoiceableOrder(o.OrderNo, o.Station, o.SettledAt!.Value, o.PaidPrincipal + o.PaidBonus)).ToList(), await q.CountAsync(ct));
    }

    /// <summary>The user's request; the result's message is its number. A retried request id returns the first request.</summary>
    public async Task<OperationResult> RequestAsync(int userId, string phone, InvoiceRequest r, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Invoices.AsNoTracking().FirstOrDefaultAsync(i => i.AppUserId == userId && i.RequestId == r.RequestId, ct) is { } earlier)
            return OperationResult.Ok(earlier.RequestNo);
        var orders = await Invoiceable(db, userId).Where(o => r.OrderNos!.Contains(o.OrderNo)).Select(o => new { o.Id, o.OrderNo, o.PaidPrincipal, o.PaidBonus }).ToListAsync(ct);
        if (orders.Count != r.OrderNos!.Count)
        {
            var missing = r.OrderNos.Except(orders.Select(o => o.OrderNo)).Take(3);
            return OperationResult.Fail($"订单 {string.Join("、", missing)} 不能开票：不是您已结算的订单，或已在其他开票申请中");
        }
        var amount = orders.Aggregate(Money.Zero, (sum, o) => sum + o.PaidPrincipal + o.PaidBonus);
        if (amount <= Money.Zero) return OperationResult.Fail("所选订单实付金额为 0，无需开票");
        var now = clock.GetUtcNow().UtcDateTime;
        var invoice = new Invoice
        {
            RequestNo = OrderNumbers.Next("FP", now), AppUserId = userId, TitleType = r.TitleType!.Value, Title = r.Title!.Trim(),
            TaxNumber = r.TitleType == InvoiceTitleType.Company ? r.TaxNumber : null, Email = r.Email!.Trim(), Amount = amount, Status = InvoiceStatus.PendingReview,
            RequestId = r.RequestId, CreatedAt = now, Orders = orders.Select(o => new InvoiceOrder { ChargingOrderId = o.Id }).ToList(),
        };
        db.Invoices.Add(invoice);
        AuditTrail.Add(db, now, phone, "申请开票", invoice.RequestNo, true, $"{InvoiceText.TitleType(invoice.TitleType)}抬头【{invoice.Title}】，{orders.Count} 笔订单，{amount} 元");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // Another request took one of these orders (or this same request id) first.
            db.ChangeTracker.Clear();
            return await db.Invoices.AsNoTracking().FirstOrDefaultAsync(i => i.AppUserId == userId && i.RequestId == r.RequestId, ct) is { } same
                ? OperationResult.Ok(same.RequestNo)
                : OperationResult.Fail("所选订单已在其他开票申请中，请刷新后重试");
        }
        return OperationResult.Ok(invoice.RequestNo);
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
