using System.Security.Claims;
using ChargeConsole.Features.Invoices;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChargeConsole.Api;

/// <summary>发票: a user asks for an invoice over their own settled orders, follows it, and downloads the PDF once issued.</summary>
public static partial class AppApi
{
    private static void MapInvoices(RouteGroupBuilder me)
    {
        me.MapGet("/invoices/orders", InvoiceableAsync).WithSummary("可开票的充电订单（已结算、未在开票申请中）");
        me.MapPost("/invoices", RequestInvoiceAsync).WithSummary("申请开票（个人或单位抬头）");
        me.MapGet("/invoices", InvoicesAsync).WithSummary("我的开票申请（分页）");
        me.MapGet("/invoices/{requestNo}/pdf", InvoicePdfAsync).WithSummary("下载已开具的发票 PDF");
    }

    private static async Task<Results<Ok<Paged<InvoiceableOrderView>>, ValidationProblem>> InvoiceableAsync(
        ClaimsPrincipal principal, InvoiceService invoices, IValidator<PageQuery> validator, CancellationToken ct, int page = 1, int pageSize = 20)
    {
        var query = new PageQuery(page, pageSize);
        if (await Invalid(validator, query, ct) is { } invalid) return invalid;
        var (items, total) = await invoices.InvoiceableAsync(UserId(principal), page, pageSize, ct);
        return TypedResults.Ok(new Paged<InvoiceableOrderView>(items.Select(o => new InvoiceableOrderView(o.OrderNo, o.Station, o.SettledAt, o.Paid.Yuan)).ToList(), total, page, pageSize));
    }

    private static async Task<Results<Created<InvoiceView>, ValidationProblem, ProblemHttpResult>> RequestInvoiceAsync(
        InvoiceRequest request, ClaimsPrincipal principal, IValidator<InvoiceRequest> validator, InvoiceService invoices, HttpContext http, CancellationToken ct)
    {
        request = request with { RequestId = request.RequestId ?? http.Request.Headers["Idempotency-Key"].FirstOrDefault() };
        if (await Invalid(validator, request, ct) is { } invalid) return invalid;
        var userId = UserId(principal);
        var result = await invoices.RequestAsync(userId, principal.FindFirstValue(ClaimTypes.Name) ?? $"用户 {userId}", request, ct);
        if (!result.Succeeded) return Problem(StatusCodes.Status409Conflict, result.Error!);
        var row = (await invoices.ForUserAsync(userId, 1, 1, ct, result.Message)).Items.Single();
        return TypedResults.Created($"/api/app/v1/invoices", InvoiceViewOf(row));
    }

    private static async Task<Results<Ok<Paged<InvoiceView>>, ValidationProblem>> InvoicesAsync(
        ClaimsPrincipal principal, InvoiceService invoices, IValidator<PageQuery> validator, CancellationToken ct, int page = 1, int pageSize = 20)
    {
        var query = new PageQuery(page, pageSize);
        if (await Invalid(validator, query, ct) is { } invalid) return invalid;
        var (items, total) = await invoices.ForUserAsync(UserId(principal), page, pageSize, ct);
        return TypedResults.Ok(new Paged<InvoiceView>(items.Select(InvoiceViewOf).ToList(), total, page, pageSize));
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> InvoicePdfAsync(string requestNo, ClaimsPrincipal principal, InvoiceService invoices, CancellationToken ct) =>
        await invoices.PdfForUserAsync(UserId(principal), requestNo, ct) is { } pdf
            ? TypedResults.File(pdf, "application/pdf", $"发票_{requestNo}.pdf")
            : Problem(StatusCodes.Status404NotFound, "发票不存在或尚未开具");

    private static InvoiceView InvoiceViewOf(InvoiceRow i) => new(i.RequestNo, i.TitleType, i.Title, i.TaxNumber, i.Email, i.Amount.Yuan, i.Orders, i.Status,
        InvoiceText.Status(i.Status), i.InvoiceNumber, i.InvoiceCode, i.RejectReason, i.CreatedAt, i.IssuedAt);
}
