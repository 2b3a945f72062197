using ChargeConsole.Data.Entities;
using ChargeConsole.Domain.Invoices;

namespace ChargeConsole.Api;

public sealed record InvoiceableOrderView(string OrderNo, string Station, DateTime SettledAt, decimal Paid);

/// <summary>Reason is the rejection's or the reversal's.</summary>
public sealed record InvoiceView(string RequestNo, InvoiceTitleType TitleType, string Title, string? TaxNumber, string? Email, decimal Amount, int Orders,
    InvoiceStatus Status, string StatusName, string? InvoiceNumber, string? InvoiceCode, string? Reason, DateTime CreatedAt, DateTime? IssuedAt);

/// <param name="Id">the claim's id: pass it as couponClaimId when starting a charge</param>
/// <param name="Reserved">held by a recharge order waiting to be paid: not usable until that order is paid (then 已使用) or closed</param>
