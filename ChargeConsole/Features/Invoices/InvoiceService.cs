using ChargeConsole.Data;
using ChargeConsole.Domain.Infrastructure;
using ChargeConsole.Domain.Orders;
using ChargeConsole.Domain.Values;
using ChargeConsole.Features.Orders;
using ChargeConsole.Infrastructure;
using ChargeConsole.Infrastructure.Audit;
using ChargeConsole.Infrastructure.Auth;
using ChargeConsole.Infrastructure.Files;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Features.Invoices;

/// <summary>
/// 发票管理 (SPEC "Invoices"): 待审核 → 开票中 (审核通过) → 已开票 (number, code and PDF) or 已拒绝 (reason; the orders
/// are free again); an issued invoice may be reversed (冲红), which frees its orders too. An order is on one active
/// request at most (a unique index), and the amount is what the user paid for the orders. Every action is audited in
/// the transaction that makes it; investors never see invoices.
/// </summary>
public sealed partial class InvoiceService(IDbContextFactory<ChargeDbContext> dbFactory, FileStore files, IValidator<InvoiceUploadForm> uploadValidator, TimeProvider clock)
{
}
