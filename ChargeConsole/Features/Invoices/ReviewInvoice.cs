using ChargeConsole.Data.Entities;
using ChargeConsole.Domain.Invoices;
using ChargeConsole.Domain.Values;
using ChargeConsole.Features.Orders;
using ChargeConsole.Infrastructure;
using ChargeConsole.Infrastructure.Audit;
using ChargeConsole.Infrastructure.Auth;
using ChargeConsole.Infrastructure.Files;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Features.Invoices;

/// <summary>上传发票: the number and code printed on it (a 全电 invoice has a 20-digit number and no code).</summary>
public sealed class InvoiceUploadForm
{
    public int InvoiceId { get; set; }
    public string InvoiceNumber { get; set; } = "";
    public string? InvoiceCode { get; set; }
}

public sealed class InvoiceUploadFormValidator : AbstractValidator<InvoiceUploadForm>
{
    public InvoiceUploadFormValidator()
    {
        RuleFor(x => x.InvoiceNumber).NotEmpty().WithMessage("请填写发票号码").Matches(@"\A(\d{8}|\d{20})\z").WithMessage("发票号码为 8 位或 20 位（全电发票）数字");
        RuleFor(x => x.InvoiceCode).Matches(@"\A(\d{10}|\d{12})\z").WithMessage("发票代码为 10 位或 12 位数字（全电发票不填）")
            .When(x => !string.IsNullOrEmpty(x.InvoiceCode));
    }
}

/// <summary>An operator's steps on a request: approve, upload the invoice, reject, reverse.</summary>
public sealed partial class InvoiceService
{
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

    /// <summary>An operator's step on a request: allowed when the life-cycle table lets it move to <paramref name="to"/>; the move, its audit row and the save go together.</summary>
    private async Task<OperationResult> ActAsync(AccessScope scope, int id, string action, InvoiceStatus to, Func<Invoice, DateTime, OperationResult> act, string? reason = null)
    {
        if (scope.IsInvestor) return OperationResult.Fail("投资人账号不能处理发票");
        if (reason is not null && ReasonRule.Reason.Refusal(reason) is { } refusal) return refusal;
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
