using ChargeConsole.Data.Entities;
using ChargeConsole.Domain.Orders;
using ChargeConsole.Domain.Values;
using ChargeConsole.Domain.Wallets;
using ChargeConsole.Features.Revenue;
using ChargeConsole.Features.Users;
using ChargeConsole.Features.Wallets;
using ChargeConsole.Infrastructure;
using ChargeConsole.Infrastructure.Audit;
using ChargeConsole.Infrastructure.Auth;
using ChargeConsole.Infrastructure.Grid;
using ChargeConsole.Infrastructure.Live;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Features.Orders;

/// <summary>我的订单 in the mini-program.</summary>
public sealed partial class ChargingOrderService
{
    /// <summary>One of the user's own orders, for the mini-program.</summary>
    public async Task<(ChargingOrder Order, string StationName)?> ForUserAsync(int userId, string orderNo, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await db.ChargingOrders.AsNoTracking().Where(o => o.AppUserId == userId && o.OrderNo == orderNo)
            .Select(o => new { Order = o, Station = o.Station.Name }).FirstOrDefaultAsync(ct);
        return found is null ? null : (found.Order, found.Station);
    }

    public async Task<(List<(ChargingOrder Order, string StationName)> Items, int Total)> ListForUserAsync(int userId, int page, int pageSize, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var q = db.ChargingOrders.AsNoTracking().Where(o => o.AppUserId == userId);
        var total = await q.CountAsync(ct);
        var items = await q.OrderByDescending(o => o.CreatedAt).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(o => new { Order = o, Station = o.Station.Name }).ToListAsync(ct);
        return (items.Select(x => (x.Order, x.Station)).ToList(), total);
    }
}
