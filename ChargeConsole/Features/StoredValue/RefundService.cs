using ChargeConsole.Data;
using ChargeConsole.Data.Entities;
using ChargeConsole.Domain.Values;
using ChargeConsole.Domain.Wallets;
using ChargeConsole.Features.Orders;
using ChargeConsole.Features.Wallets;
using ChargeConsole.Infrastructure;
using ChargeConsole.Infrastructure.Live;
using ChargeConsole.Infrastructure.Payments.WeChatPay;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Features.StoredValue;

/// <summary>Who asks for a refund: an operator (by name) or the order's own user through the mini-program.</summary>
public sealed record RefundAsker(string Name, int? AppUserId, string? RequestId)
{
    public static RefundAsker Operator(string name, string? requestId) => new(name, null, requestId);
    public static RefundAsker User(int appUserId, string phone, string? requestId) => new(phone, appUserId, requestId);
}

/// <summary>What a refund request came to: the outcome in words (已提交 / 微信支付拒绝：…) and the refund it made, if any.</summary>
public sealed record RefundOutcome(OperationResult Result, string? RefundNo)
{
    public bool Succeeded => Result.Succeeded;
    public string? Error => Result.Error;
}

/// <summary>
/// Refunds of recharge orders (SPEC "Refund of a recharge order"). A request freezes the amount in the same
/// transaction that checks it against what is refundable, so concurrent requests (an operator and the user at once)
/// can never together exceed it; then WeChat Pay is asked. The refund ends only when WeChat Pay says so (callback or
/// the recovery job's query): SUCCESS deducts the frozen principal (and takes back the bonus in proportion),
/// ABNORMAL or CLOSED releases it. Each ending acts once, however often it is reported.
/// </summary>
public sealed class RefundService(IDbContextFactory<ChargeDbContext> dbFactory, IServiceProvider services, LiveEvents live, TimeProvider clock, ILogger<RefundService> log)
{
    public const int MaxRefundsPerOrder = 50;
    /// <summary>Refunds a user may have waiting at once when asking from the mini-program (operators are not limited).</summary>
    public const int MaxPendingPerUser = 3;

    /// <summary>What an order can still have refunded now, or null when there is no such order (for this user).</summary>
    public async Task<Money?> RefundableAsync(int orderId, int? appUserId = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var o = await db.RechargeOrders.AsNoTracking().Where(o => o.Id == orderId && (appUserId == null || o.AppUserId == appUserId))
            .Select(o => new { o.AppUserId, o.Status, o.PaidAmount, o.RefundedAmount, o.RefundingAmount, o.AppUser.Wallet }).FirstOrDefaultAsync(ct);
        if (o is null) return null;
        if (!RechargeOrderLifecycle.IsRefundable(o.Status)) return Money.Zero;
        var open = await OpenCharges.OfAsync(db, o.AppUserId, ct);
        return RefundRules.Refundable(o.PaidAmount, o.RefundedAmount, o.RefundingAmount, o.Wallet.Balance(), open.Total);
    }


    /// <summary>
    /// Freezes and records the refund, then asks WeChat Pay, and says what happened: submitted (or already done), or
    /// refused by WeChat Pay with its reason (the amount then released). A repeat of the request says the same again.
    /// </summary>
    public async Task<RefundOutcome> RequestAsync(RefundAsker asker, int orderId, Money amount, string reason, CancellationToken ct = default)
    {
        string target = $"储值订单 {orderId}", refundNo = "";
        var userId = 0;
        var result = await MoneyTransaction.RunAsync(dbFactory, new MoneyAction(asker.Name, "储值退款申请", asker.RequestId), async (db, token) =>
        {
            var order = await db.RechargeOrders.FirstOrDefaultAsync(o => o.Id == orderId && (asker.AppUserId == null || o.AppUserId == asker.AppUserId), token);
            if (order is null) return OperationResult.Fail("储值订单不存在");
            target = order.OrderNo;
            if (!RechargeOrderLifecycle.IsRefundable(order.Status)) return OperationResult.Fail("只有已支付且未全部退款的储值订单可以申请退款");
            if (amount <= Money.Zero) return OperationResult.Fail("退款金额必须大于 0");
            // WeChat Pay takes at most 50 refunds of one payment; a user may have only a few waiting at once.
            if (await db.Refunds.CountAsync(r => r.RechargeOrderId == order.Id && r.Status != RefundStatus.Failed, token) >= MaxRefundsPerOrder)
                return OperationResult.Fail($"该订单已退款 {MaxRefundsPerOrder} 次，达到微信支付的上限");
            if (asker.AppUserId is { } user && await db.Refunds.CountAsync(r => r.RechargeOrder.AppUserId == user && r.Status == RefundStatus.Pending, token) >= MaxPendingPerUser)
                return OperationResult.Fail("您已有退款在处理中，请等待完成后再申请");
            var wallet = await db.Wallets.SingleAsync(w => w.AppUserId == order.AppUserId, token);
            // Read in this transaction: a start racing the refund changes the same wallet row, so one of them reads again.
            var open = await OpenCharges.OfAsync(db, order.AppUserId, token);
            var refundable = RefundRules.Refundable(order.PaidAmount, order.RefundedAmount, order.RefundingAmount, wallet.Balance(), open.Total);
            if (amount > refundable)
                return OperationResult.Fail(open.Orders.Count > 0 && refundable < RefundRules.Unrefunded(order.PaidAmount, order.RefundedAmount, order.RefundingAmount)
                    ? $"退款金额 {amount} 元超过可退金额 {refundable} 元：用户的充电订单 {open.Names} 尚未结算，最多还需 {open.Total} 元"
                    : $"退款金额 {amount} 元超过可退金额 {refundable} 元");
            refundNo = Add(db, order, wallet, amount, reason, asker, clock.GetUtcNow().UtcDateTime).RefundNo;
            userId = order.AppUserId;
            return OperationResult.Ok(refundNo);
        }, () => target, clock, ct);
        if (!result.Succeeded) return new(result, null);
        if (userId != 0)
        {
            live.Publish(new WalletChanged(userId));
            live.Publish(new RechargeChanged(target));
        }
        refundNo = result.Message!;
        await SubmitAsync(refundNo, ct); // a repeat of the request submits again: WeChat Pay takes one out_refund_no once
        return new(await OutcomeAsync(refundNo, ct), refundNo);
    }

    /// <summary>Where a refund stands, in the words the operator and the user read.</summary>
    private async Task<OperationResult> OutcomeAsync(string refundNo, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var r = await db.Refunds.AsNoTracking().Where(r => r.RefundNo == refundNo).Select(r => new { r.Status, r.Amount, r.FailureReason }).SingleAsync(ct);
        return r.Status switch
        {
            RefundStatus.Succeeded => OperationResult.Ok($"退款成功：{r.Amount} 元已原路退回（退款单 {refundNo}）"),
            RefundStatus.Failed => OperationResult.Fail($"{r.FailureReason}（退款单 {refundNo}，{r.Amount} 元已解冻，仍在用户余额中）"),
            _ => OperationResult.Ok($"已提交退款 {r.Amount} 元，等待微信支付确认（退款单 {refundNo}）"),
        };
    }

    /// <summary>
    /// Records a refund of <paramref name="order"/> in the caller's transaction and freezes it in the wallet; the caller
    /// has checked it against what is refundable.
    /// </summary>
    internal static Refund Add(ChargeDbContext db, RechargeOrder order, Wallet wallet, Money amount, string reason, RefundAsker asker, DateTime now, int? withdrawalId = null)
    {
        var refund = new Refund
        {
            RefundNo = OrderNumbers.Next("TK", now), RechargeOrderId = order.Id, Amount = amount, Status = RefundStatus.Pending, Reason = reason.Trim(),
            RequestedBy = asker.Name, ByUser = asker.AppUserId is not null, WithdrawalId = withdrawalId, CreatedAt = now,
        };
        db.Refunds.Add(refund);
        order.RefundingAmount += amount;
        order.Version++;
        WalletBook.Post(db, wallet, LedgerAccount.Frozen, amount.Fen, LedgerSource.Refund, refund.RefundNo, now, $"退款冻结（{order.OrderNo}）");
        return refund;
    }

    /// <summary>
    /// Asks WeChat Pay for a recorded refund. Refused outright (a business error) → released at once; no answer (the
    /// network) → left pending for the recovery job to submit again under the same out_refund_no.
    /// </summary>
    public async Task SubmitAsync(string refundNo, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var r = await db.Refunds.AsNoTracking().Where(r => r.RefundNo == refundNo && r.Status == RefundStatus.Pending)
            .Select(r => new { r.Amount, r.Reason, r.RechargeOrder.OrderNo, r.RechargeOrder.PaidAmount }).FirstOrDefaultAsync(ct);
        if (r is null) return;
        var client = services.GetRequiredService<WeChatPayClient>();
        WxRefund answer;
        try
        {
            answer = await client.RefundAsync(r.OrderNo, refundNo, r.Reason.Length > 0 ? r.Reason : "储值退款", r.Amount.Fen, r.PaidAmount.Fen, ct);
        }
        catch (WeChatPayException e) when (e.Status is >= 400 and < 500 && e.Code is not ("SIGN_ERROR" or "FREQUENCY_LIMITED" or "SYSTEM_ERROR"))
        {
            await EndAsync(refundNo, WxRefund.Closed, null, null, $"微信支付拒绝退款：{e.ProviderMessage}", ct);
            return;
        }
        catch (Exception e) when (e is WeChatPayException or HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            log.LogWarning("Refund {Refund} not submitted yet: {Reason}", refundNo, e.Message);
            return;
        }
        await db.Refunds.Where(x => x.RefundNo == refundNo).ExecuteUpdateAsync(u => u.SetProperty(x => x.Submitted, true).SetProperty(x => x.ProviderRefundId, answer.RefundId), ct);
        if (answer.Status is WxRefund.Success or WxRefund.Closed or WxRefund.Abnormal)
            await EndAsync(refundNo, answer.Status, answer.RefundId, answer.SuccessTime, null, ct);
    }

    /// <summary>How a refund ended, as WeChat Pay reported it: SUCCESS deducts, ABNORMAL or CLOSED releases. Acts once.</summary>
    public async Task<OperationResult> EndAsync(string refundNo, string status, string? providerRefundId, string? successTime, string? failure, CancellationToken ct)
    {
        if (status is not (WxRefund.Success or WxRefund.Closed or WxRefund.Abnormal)) return OperationResult.Ok("退款处理中");
        var userId = 0;
        var paysWithdrawal = false;
        string orderNo = "";
        string? anomaly = null;
        var result = await MoneyTransaction.RunAsync(dbFactory, new MoneyAction(RechargePayments.Actor, "储值退款结果", $"wxrefund:{refundNo}:{status}"), async (db, token) =>
        {
            var refund = await db.Refunds.Include(r => r.RechargeOrder).FirstOrDefaultAsync(r => r.RefundNo == refundNo, token);
            if (refund is null) return OperationResult.Fail("没有这个退款单");
            var order = refund.RechargeOrder;
            orderNo = order.OrderNo;
            if (refund.Status == RefundStatus.Failed && status == WxRefund.Success)
                // Ended and released here, yet WeChat Pay now says the money went (an ABNORMAL refund handled by hand at
                // the merchant platform, say): nothing moves automatically; an operator checks the user's balance.
                return OperationResult.Fail(anomaly = $"微信支付报告退款 {refundNo} 已成功（{successTime ?? "时间未知"}），但该退款此前已按失败处理（{refund.FailureReason}），" +
                    $"{refund.Amount} 元已解冻回用户余额：用户可能已收到这笔钱，请人工核对，必要时在资产管理中划扣");
            if (refund.Status != RefundStatus.Pending) return OperationResult.Ok("退款已处理（重复通知）");
            var wallet = await db.Wallets.SingleAsync(w => w.AppUserId == order.AppUserId, token);
            var now = clock.GetUtcNow().UtcDateTime;
            refund.CompletedAt = DateTimeOffset.TryParse(successTime, out var at) ? at.UtcDateTime : now;
            refund.ProviderRefundId ??= providerRefundId;
            refund.Submitted = true;
            order.RefundingAmount -= refund.Amount;
            order.Version++;
            WalletBook.Post(db, wallet, LedgerAccount.Frozen, -refund.Amount.Fen, LedgerSource.Refund, refundNo, now,
                status == WxRefund.Success ? "退款完成，解除冻结" : "退款未成功，解除冻结");
            userId = order.AppUserId;
            paysWithdrawal = refund.WithdrawalId is not null;
            if (status != WxRefund.Success)
            {
                refund.MoveTo(RefundStatus.Failed);
                refund.FailureReason = failure ?? (status == WxRefund.Closed ? "退款关闭" : "退款异常（用户账户异常或已销户）");
                await WithdrawalTransitions.RefundEndedAsync(db, refund, false, now, token);
                return OperationResult.Ok($"{refundNo} {refund.FailureReason}，{refund.Amount} 元已解冻");
            }
            refund.MoveTo(RefundStatus.Succeeded);
            WalletBook.Post(db, wallet, LedgerAccount.Principal, -refund.Amount.Fen, LedgerSource.Refund, refundNo, now, $"储值退款（{order.OrderNo}）");
            order.RefundedAmount += refund.Amount;
            order.MoveTo(RechargeOrderLifecycle.AfterRefund(order.RefundedAmount == order.PaidAmount));
            var bonus = RefundRules.BonusToReclaim(order.BonusAmount, order.PaidAmount, order.RefundedAmount, order.BonusReclaimed, wallet.Bonus);
            WalletBook.Post(db, wallet, LedgerAccount.Bonus, -bonus.Fen, LedgerSource.Refund, refundNo, now, "退款扣回充值赠送");
            order.BonusReclaimed += bonus;
            await WithdrawalTransitions.RefundEndedAsync(db, refund, true, now, token);
            return OperationResult.Ok($"{refundNo} 退款成功 {refund.Amount} 元" + (bonus > Money.Zero ? $"，扣回赠送 {bonus} 元" : ""));
        }, () => orderNo.Length > 0 ? $"{orderNo} / {refundNo}" : refundNo, clock, ct);
        if (anomaly is not null)
        {
            log.LogWarning("Refund {Refund}: {Anomaly}", refundNo, anomaly);
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await db.Refunds.Where(r => r.RefundNo == refundNo && r.Anomaly == null).ExecuteUpdateAsync(u => u.SetProperty(r => r.Anomaly, anomaly), ct);
            live.Publish(new RechargeChanged(orderNo));
        }
        if (userId != 0)
        {
            live.Publish(new WalletChanged(userId));
            live.Publish(new RechargeChanged(orderNo));
            // 提现 follows its refunds: 已打款 and the status move on the open page without a reload.
            if (paysWithdrawal) live.Publish(new WithdrawalChanged());
        }
        return result;
    }
}
