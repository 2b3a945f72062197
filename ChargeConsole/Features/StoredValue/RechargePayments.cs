using ChargeConsole.Domain.Wallets;
using ChargeConsole.Data;
using ChargeConsole.Data.Entities;
using ChargeConsole.Domain.Values;
using ChargeConsole.Features.Coupons;
using ChargeConsole.Features.Wallets;
using ChargeConsole.Infrastructure;
using ChargeConsole.Infrastructure.Live;
using ChargeConsole.Infrastructure.Payments.WeChatPay;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChargeConsole.Features.StoredValue;

/// <summary>
/// A payment WeChat Pay reports (by callback or by the recovery job's query) credits the wallet once: principal =
/// paid, bonus = the package's bonus (plus a coupon's discount, the coupon then 已使用), a ledger entry each, the order Paid, all in one transaction with its audit row.
/// The transaction id (with the order number) doubles as the request id, so a repeat on any node changes nothing.
/// Whatever cannot be credited — an amount that differs, a transaction id another order already holds, another
/// merchant's payment, an order we do not have — is logged, audited (操作日志) and flagged on the order (支付异常) for
/// an operator, never silently accepted.
/// </summary>
public sealed class RechargePayments(IDbContextFactory<ChargeDbContext> dbFactory, IOptions<WeChatPayOptions> options, LiveEvents live, TimeProvider clock,
    ILogger<RechargePayments> log)
{
    public const string Actor = "微信支付";

    public async Task<OperationResult> ApplyAsync(WxTransaction t, CancellationToken ct)
    {
        if (t.TradeState != WxTransaction.Success || t.TransactionId is null) return OperationResult.Ok("未支付，无需处理");
        var userId = 0;
        var couponUsed = false;
        string? issue = null;
        var result = await MoneyTransaction.RunAsync(dbFactory, new MoneyAction(Actor, "储值到账", $"wxpay:{t.TransactionId}:{t.OutTradeNo}"), async (db, token) =>
        {
            if (t.Mchid != options.Value.MchId || t.Appid != options.Value.AppId)
                return OperationResult.Fail(issue = $"收到商户号 {t.Mchid}（AppID {t.Appid}）的支付通知，与本商户不符，未入账（微信支付交易 {t.TransactionId}）");
            var order = await db.RechargeOrders.FirstOrDefaultAsync(o => o.OrderNo == t.OutTradeNo, token);
            if (order is null) return OperationResult.Fail($"微信支付交易 {t.TransactionId} 对应的储值订单 {t.OutTradeNo} 不存在，未入账");
            if (order.ProviderTransactionId == t.TransactionId) return OperationResult.Ok("已到账（重复通知）");
            if (order.ProviderTransactionId is not null)
                return OperationResult.Fail(issue = $"订单已由另一笔微信支付交易 {order.ProviderTransactionId} 支付，本笔 {t.TransactionId} 需人工退款");
            if (await db.RechargeOrders.AnyAsync(o => o.ProviderTransactionId == t.TransactionId && o.Id != order.Id, token))
                return OperationResult.Fail(issue = $"微信支付交易号 {t.TransactionId} 已记在另一笔储值订单上，本笔未入账，请人工核对");
            if (!RechargeOrderLifecycle.CanMove(order.Status, RechargeOrderStatus.Paid))
                return OperationResult.Fail(issue = $"储值订单 {order.OrderNo} 已不能再入账（{StoredValueText.Status(order.Status)}），微信支付交易 {t.TransactionId} 未入账，请人工核对");
            var paid = Money.FromFen(t.Amount?.Total ?? -1);
            if (paid != order.PaidAmount)
                return OperationResult.Fail(issue = $"微信支付金额 {paid} 元与订单金额 {order.PaidAmount} 元不符，未入账");
            var wallet = await db.Wallets.SingleAsync(w => w.AppUserId == order.AppUserId, token);
            var now = clock.GetUtcNow().UtcDateTime;
            var couponNote = "";
            if (order.CouponClaimId is { } claimId)
            {
                couponUsed = await PaymentCoupons.UseAsync(db, claimId, order.Id, now, token);
                if (couponUsed) couponNote = $"（含优惠券抵扣 {order.DiscountAmount} 元）";
                else
                {
                    // Closed, its coupon freed and used elsewhere, then paid after all: the discount was had once already.
                    couponNote = $"（优惠券已在别处使用，未计抵扣 {order.DiscountAmount} 元）";
                    var kept = new RechargeTerms(order.PaidAmount, order.BonusAmount, order.DiscountAmount).WithoutDiscount();
                    (order.BonusAmount, order.DiscountAmount) = (kept.Bonus, kept.Discount);
                    order.CouponClaimId = null;
                }
            }
            WalletBook.Post(db, wallet, LedgerAccount.Principal, order.PaidAmount.Fen, LedgerSource.Recharge, order.OrderNo, now, "储值充值");
            WalletBook.Post(db, wallet, LedgerAccount.Bonus, order.BonusAmount.Fen, LedgerSource.Recharge, order.OrderNo, now, "充值赠送" + couponNote);
            // A payment that arrives after the order was closed was still taken from the user: it is credited all the same.
            order.MoveTo(RechargeOrderStatus.Paid);
            order.ProviderTransactionId = t.TransactionId;
            order.PaidAt = DateTimeOffset.TryParse(t.SuccessTime, out var at) ? at.UtcDateTime : now;
            order.PaymentIssue = null;
            userId = order.AppUserId;
            return OperationResult.Ok($"{order.OrderNo} 到账 {order.PaidAmount} 元，赠送 {order.BonusAmount} 元{couponNote}");
        }, () => t.OutTradeNo, clock, ct);

        if (!result.Succeeded) log.LogWarning("WeChat Pay payment {Transaction} for {Order} not credited: {Reason}", t.TransactionId, t.OutTradeNo, result.Error);
        if (issue is not null)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await db.RechargeOrders.Where(o => o.OrderNo == t.OutTradeNo).ExecuteUpdateAsync(u => u.SetProperty(o => o.PaymentIssue, issue), ct);
        }
        if (userId != 0)
        {
            live.Publish(new WalletChanged(userId));
            live.Publish(new RechargeChanged(t.OutTradeNo));
            if (couponUsed) live.Publish(new CouponClaimsChanged());
        }
        return result;
    }
}
