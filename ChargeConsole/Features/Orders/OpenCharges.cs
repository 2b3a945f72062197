using ChargeConsole.Data;
using ChargeConsole.Domain.Orders;
using ChargeConsole.Domain.Values;
using ChargeConsole.Domain.Wallets;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Features.Orders;

/// <summary>What a user's open charging orders commit of their wallet (Domain <see cref="SpendingRules"/>).</summary>
public sealed record Commitments(IReadOnlyList<OpenCharge> Orders)
{
    public Money Total => SpendingRules.Committed(Orders);

    /// <summary>Principal that may leave the wallet now (refund, withdrawal, deduction).</summary>
    public Money FreePrincipal(WalletBalance wallet) => SpendingRules.FreePrincipal(wallet, Total);

    /// <summary>The orders named for a message: 「CD… 等 2 笔」.</summary>
    public string Names => Orders.Count switch
    {
        0 => "",
        1 => Orders[0].OrderNo,
        _ => $"{Orders[0].OrderNo} 等 {Orders.Count} 笔",
    };
}

public static class OpenCharges
{
    /// <summary>
    /// The user's orders that may still take money, read in the caller's context (inside a money transaction, so the
    /// wallet row it also changes decides a race with a start: both bump the wallet's version).
    /// </summary>
    public static async Task<Commitments> OfAsync(ChargeDbContext db, int appUserId, CancellationToken ct)
    {
        var open = await db.ChargingOrders.AsNoTracking().MayStillCharge().Where(o => o.AppUserId == appUserId)
            .OrderBy(o => o.Id)
            .Select(o => new { o.OrderNo, o.Status, o.SpendingLimit, o.TotalAmount, o.DiscountAmount }).ToListAsync(ct);
        return new Commitments(open.Select(o => new OpenCharge(o.OrderNo, o.Status, o.SpendingLimit,
            ChargingOrderLifecycle.AwaitsRecord(o.Status) ? o.TotalAmount : o.TotalAmount - o.DiscountAmount)).ToList());
    }
}
