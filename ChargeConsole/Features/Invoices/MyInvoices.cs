using ChargeConsole.Data.Entities;
using ChargeConsole.Domain.Infrastructure;
using ChargeConsole.Domain.Invoices;
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

/// <summary>我的发票 in the mini-program, and an issued PDF.</summary>
public sealed partial class InvoiceService
{
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
}
