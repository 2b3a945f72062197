using ChargeConsole.Data.Entities;
using ChargeConsole.Domain.Orders;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace ChargeConsole.Features.Orders;

/// <summary>
/// The one way an order's status changes: the Domain's life-cycle table decides whether the move is allowed, and
/// the UPDATE carries the status it moves from, so a writer that lost a race changes nothing. Tracked orders get
/// the second half from the Status concurrency token (a lost race throws DbUpdateConcurrencyException).
/// Leaving the running states frees the order's running slots (user and gun).
/// </summary>
public static class OrderTransitions
{
    /// <summary>Moves a tracked order; the caller saves.</summary>
    public static void MoveTo(this ChargingOrder order, ChargingOrderStatus to)
    {
        order.Status = ChargingOrderLifecycle.Move(order.Status, to);
        if (!ChargingOrderLifecycle.IsInProgress(to))
        {
            order.UserRunningSlot = null;
            order.GunRunningSlot = null;
        }
        order.Version++;
    }

    /// <summary>
    /// Moves the orders of <paramref name="which"/> that are still in <paramref name="from"/> to <paramref name="to"/>,
    /// setting <paramref name="also"/> in the same UPDATE; returns how many moved.
    /// </summary>
    public static Task<int> MoveAsync(this IQueryable<ChargingOrder> which, ChargingOrderStatus from, ChargingOrderStatus to,
        Action<UpdateSettersBuilder<ChargingOrder>>? also, CancellationToken ct)
    {
        ChargingOrderLifecycle.Move(from, to);
        var leaving = !ChargingOrderLifecycle.IsInProgress(to);
        return which.Where(o => o.Status == from).ExecuteUpdateAsync(u =>
        {
            u.SetProperty(o => o.Status, to).SetProperty(o => o.Version, o => o.Version + 1);
            if (leaving) u.SetProperty(o => o.UserRunningSlot, (int?)null).SetProperty(o => o.GunRunningSlot, (int?)null);
            also?.Invoke(u);
        }, ct);
    }
}
