using ChargeConsole.Data;
using ChargeConsole.Domain.Orders;
using ChargeConsole.Infrastructure.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;

namespace ChargeConsole.Features.Orders;

/// <summary>
/// Flags orders whose pile never sent a transaction record (<c>Orders:RecordOverdueMinutes</c> after they stopped),
/// and fails card/VIN starts the pile authorised but never began (no charging report within the same time).
/// </summary>
[DisallowConcurrentExecution]
public sealed class OrderWatchJob(IDbContextFactory<ChargeDbContext> dbFactory, LiveEvents live, TimeProvider clock, IOptions<OrdersOptions> options) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var limit = now.AddMinutes(-options.Value.RecordOverdueMinutes);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var overdue = await db.ChargingOrders
            .Where(o => !o.RecordOverdue && (o.Status == ChargingOrderStatus.Stopping || o.Status == ChargingOrderStatus.Finished) && o.EndedAt < limit)
            .Select(o => new { o.Id, o.StationId, o.AppUserId, o.Status }).ToListAsync(ct);
        if (overdue.Count > 0)
            await db.ChargingOrders.Where(o => overdue.Select(x => x.Id).Contains(o.Id) && !o.RecordOverdue)
                .ExecuteUpdateAsync(u => u.SetProperty(o => o.RecordOverdue, true).SetProperty(o => o.Version, o => o.Version + 1), ct);

        var neverStarted = await db.ChargingOrders
            .Where(o => o.Status == ChargingOrderStatus.Starting && o.CreatedAt < limit)
            .Select(o => new { o.Id, o.StationId, o.AppUserId }).ToListAsync(ct);
        if (neverStarted.Count > 0)
            await db.ChargingOrders.Where(o => neverStarted.Select(x => x.Id).Contains(o.Id))
                .MoveAsync(ChargingOrderStatus.Starting, ChargingOrderStatus.Failed, u => u.SetProperty(o => o.FailureReason, "电桩授权后未开始充电"), ct);

        foreach (var o in overdue) live.Publish(new OrderUpdated(o.Id, o.StationId, o.AppUserId, o.Status));
        foreach (var o in neverStarted) live.Publish(new OrderUpdated(o.Id, o.StationId, o.AppUserId, ChargingOrderStatus.Failed));
    }
}
