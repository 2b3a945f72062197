using ChargeConsole.Infrastructure.Grid;
using ChargeConsole.Data;
using ChargeConsole.Domain.Infrastructure;
using ChargeConsole.Domain.Orders;
using ChargeConsole.Domain.Wallets;
using ChargeConsole.Features.Wallets;
using ChargeConsole.Features.Users;
using ChargeConsole.Infrastructure;
using ChargeConsole.Infrastructure.Audit;
using ChargeConsole.Infrastructure.Live;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Features.Orders;

/// <summary>
/// 充电订单 in the console: the list, bill detail, charging report, and the operator's remote stop, void and manual
/// settlement; the mini-program's own orders. One file per use case (ChargingOrderList, OrderDetail, StopOrder, VoidOrder, …).
/// </summary>
public sealed partial class ChargingOrderService(
    IDbContextFactory<ChargeDbContext> dbFactory, ChargingService charging, OrderSettlement settlement, AuditTrail audit, LiveEvents live, TimeProvider clock)
{
    private async Task<string> OrderNoAsync(long id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ChargingOrders.Where(o => o.Id == id).Select(o => o.OrderNo).FirstOrDefaultAsync(ct) ?? $"订单 {id}";
    }
}
