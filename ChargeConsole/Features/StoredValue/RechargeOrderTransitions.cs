using ChargeConsole.Data.Entities;
using ChargeConsole.Domain.Wallets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace ChargeConsole.Features.StoredValue;

/// <summary>
/// The one way a recharge order's status changes: the Domain's table decides, tracked orders carry their Version token,
/// and a set-based move names the status it moves from in the UPDATE, so a writer that lost a race changes nothing.
/// </summary>
public static class RechargeOrderTransitions
{
    /// <summary>Moves a tracked order; the caller saves.</summary>
    public static void MoveTo(this RechargeOrder order, RechargeOrderStatus to)
    {
        order.Status = RechargeOrderLifecycle.Move(order.Status, to);
        order.Version++;
    }

    /// <summary>Moves the orders of <paramref name="which"/> still in <paramref name="from"/>, setting <paramref name="also"/> in the same UPDATE; returns how many moved.</summary>
    public static Task<int> MoveAsync(this IQueryable<RechargeOrder> which, RechargeOrderStatus from, RechargeOrderStatus to,
        Action<UpdateSettersBuilder<RechargeOrder>>? also, CancellationToken ct)
    {
        RechargeOrderLifecycle.Move(from, to);
        return which.Where(o => o.Status == from).ExecuteUpdateAsync(u =>
        {
            u.SetProperty(o => o.Status, to).SetProperty(o => o.Version, o => o.Version + 1);
            also?.Invoke(u);
        }, ct);
    }
}
