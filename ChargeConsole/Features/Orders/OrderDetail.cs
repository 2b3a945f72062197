using ChargeConsole.Data.Entities;
using ChargeConsole.Domain.Orders;
using ChargeConsole.Domain.Values;
using ChargeConsole.Features.Revenue;
using ChargeConsole.Features.Users;
using ChargeConsole.Infrastructure;
using ChargeConsole.Infrastructure.Audit;
using ChargeConsole.Infrastructure.Auth;
using ChargeConsole.Infrastructure.Live;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Features.Orders;

/// <summary>账单明细 of one order: the order, its user and every wallet movement it caused.</summary>
/// <param name="ShowsWallet">false for investors: no wallet movements, balances or how the user paid</param>
public sealed record ChargingOrderDetail(ChargingOrder Order, string StationName, string? Phone, string? Nickname, IReadOnlyList<LedgerEntry> Ledger, bool ShowsWallet);

public sealed record ChargingSample(DateTime SampledAt, decimal Voltage, decimal Current, decimal PowerKw, Energy Energy, int? Soc, Money Amount);

/// <summary>账单明细 and 充电上报 of one order.</summary>
public sealed partial class ChargingOrderService
{
    public async Task<ChargingOrderDetail?> GetDetailAsync(AccessScope scope, long id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var order = await db.ChargingOrders.AsNoTracking().VisibleTo(scope).Include(o => o.AppUser).Include(o => o.Station).FirstOrDefaultAsync(o => o.Id == id, ct);
        if (order is null) return null;
        if (scope.IsInvestor)
            return new ChargingOrderDetail(order, order.Station.Name, PhoneMask.Mask(order.AppUser?.Phone), null, [], ShowsWallet: false);
        var ledger = await db.LedgerEntries.AsNoTracking().Where(l => l.SourceNo == order.OrderNo).OrderBy(l => l.Id).ToListAsync(ct);
        return new ChargingOrderDetail(order, order.Station.Name, order.AppUser?.Phone, order.AppUser?.Nickname, ledger, ShowsWallet: true);
    }

    public async Task<IReadOnlyList<ChargingSample>> SamplesAsync(AccessScope scope, long id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.ChargingOrders.VisibleTo(scope).AnyAsync(o => o.Id == id, ct)) return [];
        return await db.ChargingReports.AsNoTracking().Where(r => r.ChargingOrderId == id).OrderBy(r => r.SampledAt)
            .Select(r => new ChargingSample(r.SampledAt, r.Voltage, r.Current, r.PowerKw, r.Energy, r.Soc, r.Amount)).ToListAsync(ct);
    }
}
