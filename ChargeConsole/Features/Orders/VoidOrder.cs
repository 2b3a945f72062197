using ChargeConsole.Data.Entities;
using ChargeConsole.Domain.Orders;
using ChargeConsole.Domain.Wallets;
using ChargeConsole.Features.Revenue;
using ChargeConsole.Features.Wallets;
using ChargeConsole.Infrastructure;
using ChargeConsole.Infrastructure.Auth;
using ChargeConsole.Infrastructure.Live;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Features.Orders;

public sealed partial class ChargingOrderService
{
    /// <summary>退单: a settled order's money goes back to the accounts it came from, its points are taken back, and it is Voided. Once.</summary>
    public async Task<OperationResult> VoidAsync(AccessScope scope, long id, string reason, CancellationToken ct = default, string? requestId = null)
    {
        if (scope.IsInvestor) return OperationResult.Fail("投资人账号不能退单");
        if (ReasonRule.VoidReason.Refusal(reason) is { } refusal) return refusal;
        int? userId = null;
        ChargingOrder? voided = null;
        var orderNo = $"订单 {id}";
        var result = await MoneyTransaction.RunAsync(dbFactory, new MoneyAction(scope.UserName, "退单", requestId), async (db, token) =>
        {
            var order = await db.ChargingOrders.VisibleTo(scope).FirstOrDefaultAsync(o => o.Id == id, token);
            if (order is null) return OperationResult.Fail("订单不存在");
            orderNo = order.OrderNo;
            if (order.Status == ChargingOrderStatus.Voided) return OperationResult.Fail("该订单已退单，不能重复退单");
            if (!ChargingOrderLifecycle.CanMove(order.Status, ChargingOrderStatus.Voided))
                return OperationResult.Fail($"只有已结算的订单可以退单，该订单{OrderText.Status(order.Status)}");
            var now = clock.GetUtcNow().UtcDateTime;
            if (order.AppUserId is { } uid)
            {
                var wallet = await db.Wallets.FirstAsync(w => w.AppUserId == uid, token);
                var remark = $"退单：{reason.Trim()}";
                WalletBook.Post(db, wallet, LedgerAccount.Principal, order.PaidPrincipal.Fen, LedgerSource.Void, order.OrderNo, now, remark);
                WalletBook.Post(db, wallet, LedgerAccount.Bonus, order.PaidBonus.Fen, LedgerSource.Void, order.OrderNo, now, remark);
                WalletBook.Post(db, wallet, LedgerAccount.Points, -WalletRules.PointsToReverse(order.PointsEarned, wallet.Points), LedgerSource.Void, order.OrderNo, now, remark);
                userId = uid;
            }
            order.MoveTo(ChargingOrderStatus.Voided);
            await RevenueBook.RecordVoidedAsync(db, order, now, token);
            await Coupons.CouponUse.ReturnAsync(db, order, now, token);
            order.FailureReason = $"退单：{reason.Trim()}（{scope.UserName}）";
            voided = order;
            return OperationResult.Ok($"已退单，退回 {order.PaidPrincipal + order.PaidBonus} 元");
        }, () => orderNo, clock, ct);
        if (voided is not null)
        {
            live.Publish(new OrderUpdated(voided.Id, voided.StationId, userId, ChargingOrderStatus.Voided));
            if (userId is { } u) live.Publish(new WalletChanged(u));
            if (voided.DiscountAmount > Domain.Values.Money.Zero) live.Publish(new CouponClaimsChanged());
        }
        return result;
    }
}
