using ChargeConsole.Data.Entities;
using ChargeConsole.Domain.Orders;

namespace ChargeConsole.Features.Orders;

/// <summary>
/// The Domain's status predicates as SQL (an IN over the statuses each one accepts), so a query never spells a set of
/// statuses out and a new status lands in every query the moment the Domain counts it.
/// </summary>
public static class OrderStatusQueries
{
    private static readonly ChargingOrderStatus[] InProgressStatuses = Where(ChargingOrderLifecycle.IsInProgress);
    private static readonly ChargingOrderStatus[] MayStillChargeStatuses = Where(SpendingRules.MayStillCharge);

    /// <summary>The pile may still be charging (<see cref="ChargingOrderLifecycle.IsInProgress"/>).</summary>
    public static IQueryable<ChargingOrder> InProgress(this IQueryable<ChargingOrder> q) => q.Where(o => InProgressStatuses.Contains(o.Status));

    /// <summary>May still take money from the wallet (<see cref="SpendingRules.MayStillCharge"/>).</summary>
    public static IQueryable<ChargingOrder> MayStillCharge(this IQueryable<ChargingOrder> q) => q.Where(o => MayStillChargeStatuses.Contains(o.Status));

    private static ChargingOrderStatus[] Where(Func<ChargingOrderStatus, bool> rule) => Enum.GetValues<ChargingOrderStatus>().Where(rule).ToArray();
}
