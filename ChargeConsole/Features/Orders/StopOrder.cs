using ChargeConsole.Data.Entities;
using ChargeConsole.Domain.Infrastructure;
using ChargeConsole.Domain.Orders;
using ChargeConsole.Domain.Values;
using ChargeConsole.Domain.Wallets;
using ChargeConsole.Features.Revenue;
using ChargeConsole.Features.Users;
using ChargeConsole.Features.Wallets;
using ChargeConsole.Infrastructure;
using ChargeConsole.Infrastructure.Auth;
using ChargeConsole.Infrastructure.Live;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Features.Orders;

/// <summary>结束充电: the operator, or the user from the mini-program, stops a charge.</summary>
public sealed partial class ChargingOrderService
{
    public async Task<OperationResult> StopAsync(AccessScope scope, long id, CancellationToken ct = default)
    {
        if (scope.IsInvestor) return OperationResult.Fail("投资人账号不能停止充电");
        var result = await charging.StopAsync(id, q => q.VisibleTo(scope), StopReasons.ByOperator(scope.UserName), ct);
        await audit.WriteAsync(scope.UserName, "结束充电", await OrderNoAsync(id, ct), result, ct);
        return result;
    }

    /// <summary>The user stops their own charge from the mini-program.</summary>
    public async Task<OperationResult> StopForUserAsync(int userId, string orderNo, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var id = await db.ChargingOrders.Where(o => o.AppUserId == userId && o.OrderNo == orderNo).Select(o => (long?)o.Id).FirstOrDefaultAsync(ct);
        if (id is null) return OperationResult.Fail("订单不存在");
        return await charging.StopAsync(id.Value, q => q.Where(o => o.AppUserId == userId), StopReasons.ByUser, ct);
    }
}
