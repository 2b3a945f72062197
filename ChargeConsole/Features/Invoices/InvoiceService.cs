using ChargeConsole.Domain.Invoices;
using ChargeConsole.Data;
using ChargeConsole.Data.Entities;
using ChargeConsole.Domain.Infrastructure;
using ChargeConsole.Domain.Orders;
using ChargeConsole.Domain.Values;
using ChargeConsole.Features.Orders;
using ChargeConsole.Infrastructure;
using ChargeConsole.Infrastructure.Audit;
using ChargeConsole.Infrastructure.Auth;
using ChargeConsole.Infrastructure.Files;
using ChargeConsole.Infrastructure.Grid;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Features.Invoices;

/// <summary>One of a user's settled orders that may go on an invoice.</summary>
public sealed record InvoiceableOrder(string OrderNo, string Station, DateTime SettledAt, Money Paid);

/// <summary>
/// 发票管理 (SPEC "Invoices"): 待审核 → 开票中 (审核通过) → 已开票 (number, code and PDF) or 已拒绝 (reason; the orders
/// are free again); an issued invoice may be reversed (冲红), which frees its orders too. An order is on one active
/// request at most (a unique index), and the amount is what the user paid for the orders. Every action is audited in
/// the transaction that makes it; investors never see invoices.
/// </summary>
public sealed class InvoiceService(IDbContextFactory<ChargeDbContext> dbFactory, FileStore files, IValidator<InvoiceUploadForm> uploadValidator, TimeProvider clock)
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

    public async Task<(List<InvoiceRow> Items, int Total)> ForUserAsync(int userId, int page, int pageSize, CancellationToken ct, string? requestNo = null)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var mine = db.Invoices.AsNoTracking().Where(i => i.AppUserId == userId);
        if (requestNo is not null) mine = mine.Where(i => i.RequestNo == requestNo);
        var q = Rows(mine);
        return (await q.OrderByDescending(i => i.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct), await q.CountAsync(ct));
    }

    /// <summary>The issued PDF of one of the user's own requests, or null (someone else's, not issued, reversed).</summary>
    public async Task<Stream?> PdfForUserAsync(int userId, string requestNo, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var path = await db.Invoices.AsNoTracking().Where(i => i.AppUserId == userId && i.RequestNo == requestNo && i.Status == InvoiceStatus.Issued)
            .Select(i => i.PdfPath).FirstOrDefaultAsync(ct);
        return files.OpenRead(path);
    }

    /// <summary>Any request's PDF for staff (an investor gets nothing).</summary>
    public async Task<(Stream File, string Name)?> PdfForStaffAsync(AccessScope scope, int id, CancellationToken ct)
    {
        if (scope.IsInvestor) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var i = await db.Invoices.AsNoTracking().Where(x => x.Id == id).Select(x => new { x.PdfPath, x.RequestNo, x.InvoiceNumber }).FirstOrDefaultAsync(ct);
        return i is not null && files.OpenRead(i.PdfPath) is { } stream ? (stream, $"发票_{i.InvoiceNumber ?? i.RequestNo}.pdf") : null;
    }

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

    public Task<OperationResult> ApproveAsync(AccessScope scope, int id) =>
        ActAsync(scope, id, "发票审核通过", InvoiceStatus.Issuing, (i, _) => OperationResult.Ok($"{i.RequestNo} 已审核通过，请开具后上传发票"));

    /// <summary>上传发票: the PDF is checked (a real PDF within the size limit) before anything changes.</summary>
    public async Task<OperationResult> UploadAsync(AccessScope scope, InvoiceUploadForm form, ReadOnlyMemory<byte> pdf, CancellationToken ct = default)
    {
        var validation = await uploadValidator.ValidateAsync(form, ct);
        if (!validation.IsValid) return OperationResult.Invalid(validation);
        if (UploadChecks.Pdf(pdf) is { } bad) return OperationResult.Fail(bad);
        if (scope.IsInvestor) return OperationResult.Fail("投资人账号不能处理发票");
        var key = await files.SaveAsync("invoices", "pdf", pdf, ct);
        var result = await ActAsync(scope, form.InvoiceId, "上传发票", InvoiceStatus.Issued, (i, now) =>
        {
            (i.InvoiceNumber, i.InvoiceCode, i.PdfPath, i.IssuedAt) = (form.InvoiceNumber, NullIfEmpty(form.InvoiceCode), key, now);
            return OperationResult.Ok($"{i.RequestNo} 已开票，发票号码 {form.InvoiceNumber}");
        });
        if (!result.Succeeded) files.Delete(key);
        return result;
    }

    public Task<OperationResult> RejectAsync(AccessScope scope, int id, string reason) =>
        ActAsync(scope, id, "拒绝开票", InvoiceStatus.Rejected, (i, now) => Close(i, reason, now, "已拒绝开票"), reason);

    public Task<OperationResult> ReverseAsync(AccessScope scope, int id, string reason) =>
        ActAsync(scope, id, "发票冲红", InvoiceStatus.Reversed, (i, now) => Close(i, reason, now, "已冲红"), reason);

    /// <summary>A request that no longer stands: its orders may go on a new request.</summary>
    private static OperationResult Close(Invoice i, string reason, DateTime now, string what)
    {
        (i.RejectReason, i.ClosedAt) = (reason.Trim(), now);
        foreach (var o in i.Orders) o.Active = false;
        return OperationResult.Ok($"{i.RequestNo} {what}，{i.Orders.Count} 笔订单可重新申请开票");
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>An operator's step on a request: allowed when the life-cycle table lets it move to <paramref name="to"/>; the move, its audit row and the save go together.</summary>
    private async Task<OperationResult> ActAsync(AccessScope scope, int id, string action, InvoiceStatus to, Func<Invoice, DateTime, OperationResult> act, string? reason = null)
    {
        if (scope.IsInvestor) return OperationResult.Fail("投资人账号不能处理发票");
        if (reason is not null && (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > 200)) return OperationResult.Fail("请填写原因（不超过 200 个字）");
        await using var db = await dbFactory.CreateDbContextAsync();
        var invoice = await db.Invoices.Include(i => i.Orders).FirstOrDefaultAsync(i => i.Id == id);
        if (invoice is null) return OperationResult.Fail("开票申请不存在");
        var now = clock.GetUtcNow().UtcDateTime;
        var result = InvoiceLifecycle.CanMove(invoice.Status, to)
            ? act(invoice, now)
            : OperationResult.Fail($"该申请当前为【{InvoiceText.Status(invoice.Status)}】，不能{action}");
        if (result.Succeeded) { invoice.MoveTo(to); invoice.HandledBy = scope.UserName; invoice.ReviewedAt ??= now; }
        else db.ChangeTracker.Clear();
        AuditTrail.Add(db, now, scope.UserName, action, invoice.RequestNo, result);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            return OperationResult.Fail("该申请刚被其他人处理过，请刷新后再试");
        }
        return result;
    }
}
