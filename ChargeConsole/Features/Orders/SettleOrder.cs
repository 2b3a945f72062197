using ChargeConsole.Data.Entities;
using ChargeConsole.Domain.Orders;
using ChargeConsole.Domain.Wallets;
using ChargeConsole.Features.Revenue;
using ChargeConsole.Features.Users;
using ChargeConsole.Features.Wallets;
using ChargeConsole.Infrastructure;
using ChargeConsole.Infrastructure.Auth;
using ChargeConsole.Infrastructure.Live;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Features.Orders;

public sealed partial class ChargingOrderService
{
    /// <summary>订单结算: an Unpaid order is paid from the wallet once its balance suffices.</summary>
    public async Task<OperationResult> SettleAsync(AccessScope scope, long id, CancellationToken ct = default, string? requestId = null)
    {
        if (scope.IsInvestor) return OperationResult.Fail("投资人账号不能结算订单");
        ChargingOrder? paid = null;
        var orderNo = $"订单 {id}";
        var result = await MoneyTransaction.RunAsync(dbFactory, new MoneyAction(scope.UserName, "订单结算", requestId), async (db, token) =>
        {
            var order = await db.ChargingOrders.VisibleTo(scope).FirstOrDefaultAsync(o => o.Id == id, token);
            if (order is null) return OperationResult.Fail("订单不存在");
            orderNo = order.OrderNo;
            if (order.Status != ChargingOrderStatus.Unpaid) return OperationResult.Fail($"只有未支付的订单可以结算，该订单{OrderText.Status(order.Status)}");
            if (order.AppUserId is not { } uid) return OperationResult.Fail("订单未关联用户，无法从钱包扣款");
            var wallet = await db.Wallets.FirstAsync(w => w.AppUserId == uid, token);
            var due = order.TotalAmount - order.DiscountAmount;
            if (!await settlement.PayAsync(db, order, clock.GetUtcNow().UtcDateTime, token))
                return OperationResult.Fail($"用户余额不足：需支付 {due} 元，可用余额 {wallet.Balance().Spendable} 元");
            paid = order;
            return OperationResult.Ok($"已结算 {due} 元");
        }, () => orderNo, clock, ct);
        if (paid is not null)
        {
            live.Publish(new OrderUpdated(paid.Id, paid.StationId, paid.AppUserId, paid.Status));
            live.Publish(new WalletChanged(paid.AppUserId!.Value));
        }
        return result;
    }
}
