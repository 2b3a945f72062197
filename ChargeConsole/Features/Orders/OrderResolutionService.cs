using ChargeConsole.Data;
using ChargeConsole.Data.Entities;
using ChargeConsole.Domain.Infrastructure;
using ChargeConsole.Domain.Orders;
using ChargeConsole.Domain.Pricing;
using ChargeConsole.Domain.Values;
using ChargeConsole.Features.Pricing;
using ChargeConsole.Infrastructure;
using ChargeConsole.Infrastructure.Auth;
using ChargeConsole.Infrastructure.Live;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Features.Orders;

/// <summary>
/// An operator's resolution of orders the piles left open: records held for review (待审核: approve pays it,
/// reject charges nothing) and orders whose record never came (按最后上报结算 from the last meter sample with the
/// tariff fixed at start, or 关闭订单 without charge). Each asks for a reason, acts once per request id, and is
/// audited in the same transaction as the money.
/// </summary>
public sealed class OrderResolutionService(IDbContextFactory<ChargeDbContext> dbFactory, OrderSettlement settlement, LiveEvents live, TimeProvider clock)
{
    public Task<OperationResult> ApproveAsync(AccessScope scope, long id, string reason, string? requestId, CancellationToken ct = default) =>
        ResolveAsync(scope, id, reason, requestId, "审核通过", async (db, order, now, token) =>
        {
            if (order.Status != ChargingOrderStatus.PendingReview) return OperationResult.Fail($"只有待审核的订单可以审核，该订单{OrderText.Status(order.Status)}");
            order.ReviewNote = $"{order.ReviewNote}；审核通过（{scope.UserName}）：{reason.Trim()}";
            var paid = await settlement.PayAsync(db, order, now, token);
            return OperationResult.Ok(paid ? $"审核通过，已从钱包扣款 {order.TotalAmount - order.DiscountAmount} 元" : $"审核通过，{order.FailureReason ?? "用户余额不足"}，订单转为未支付");
        }, ct);

    public Task<OperationResult> RejectAsync(AccessScope scope, long id, string reason, string? requestId, CancellationToken ct = default) =>
        ResolveAsync(scope, id, reason, requestId, "审核驳回", (db, order, now, token) =>
        {
            if (order.Status != ChargingOrderStatus.PendingReview) return Task.FromResult(OperationResult.Fail($"只有待审核的订单可以驳回，该订单{OrderText.Status(order.Status)}"));
            order.MoveTo(ChargingOrderStatus.Rejected);
            order.ReviewNote = $"{order.ReviewNote}；已驳回（{scope.UserName}）：{reason.Trim()}";
            return Task.FromResult(OperationResult.Ok("已驳回，该订单不收费"));
        }, ct);

    /// <summary>按最后上报结算: energy per period from the meter samples, priced by the tariff fixed at start.</summary>
    public Task<OperationResult> SettleFromLastSampleAsync(AccessScope scope, long id, string reason, string? requestId, CancellationToken ct = default) =>
        ResolveAsync(scope, id, reason, requestId, OrderSettlement.SettledFromSamplesNote, async (db, order, now, token) =>
        {
            if (CannotResolveOverdue(order) is { } refusal) return refusal;
            var samples = await db.ChargingReports.AsNoTracking().Where(r => r.ChargingOrderId == order.Id).OrderBy(r => r.SampledAt)
                .Select(r => new { r.SampledAt, r.Energy }).ToListAsync(token);
            if (samples.Count == 0 || samples[^1].Energy.Units <= 0) return OperationResult.Fail("该订单没有电量上报，无法按最后上报结算，请关闭订单");
            var tariff = order.Tariff is { } text ? TariffSnapshot.Parse(text)
                : await db.BillingTemplates.AsNoTracking().Include(t => t.ElectricityPrice).FirstOrDefaultAsync(t => t.Id == order.BillingTemplateId, token) is { } template
                    ? template.Snapshot() : null;
            if (tariff is null) return OperationResult.Fail("该订单没有计费模板，无法计价，请关闭订单");
            // The energy before the first sample counts from the start of the charge.
            var start = order.StartedAt ?? order.CreatedAt;
            var points = new List<MeterSample> { new(ChinaTime.ToChina(start), Energy.Zero) };
            points.AddRange(samples.Select(s => new MeterSample(ChinaTime.ToChina(s.SampledAt), s.Energy)));
            var energies = ChargeCalculator.Split(tariff.Schedule, points);
            var bill = ChargeCalculator.Price(tariff.Tariff, energies);
            (order.SharpEnergy, order.PeakEnergy, order.FlatEnergy, order.ValleyEnergy, order.Energy) = (energies.Sharp, energies.Peak, energies.Flat, energies.Valley, energies.Total);
            OrderSettlement.Price(order, bill.ElectricityFee, bill.ServiceFee);
            order.EndedAt ??= samples[^1].SampledAt;
            order.RecordOverdue = false;
            order.PowerKw = null;
            order.ReviewNote = $"{OrderSettlement.SettledFromSamplesNote}（{scope.UserName}）：{reason.Trim()}";
            var paid = await settlement.PayAsync(db, order, now, token);
            return OperationResult.Ok(paid ? $"已按最后上报结算：{order.Energy} kWh，{order.TotalAmount} 元" : $"已按最后上报计价 {order.TotalAmount} 元，用户余额不足，订单转为未支付");
        }, ct);

    /// <summary>关闭订单: the order ends without charge; a record that arrives later is held for review.</summary>
    public Task<OperationResult> CloseAsync(AccessScope scope, long id, string reason, string? requestId, CancellationToken ct = default) =>
        ResolveAsync(scope, id, reason, requestId, "关闭订单", (db, order, now, token) =>
        {
            if (CannotResolveOverdue(order) is { } refusal) return Task.FromResult(refusal);
            order.MoveTo(ChargingOrderStatus.Closed);
            order.RecordOverdue = false;
            order.PowerKw = null;
            order.EndedAt ??= now;
            order.FailureReason = $"关闭订单（{scope.UserName}）：{reason.Trim()}";
            return Task.FromResult(OperationResult.Ok("订单已关闭，不收费"));
        }, ct);

    private static OperationResult? CannotResolveOverdue(ChargingOrder order) =>
        !order.RecordOverdue || order.Status is not (ChargingOrderStatus.Finished or ChargingOrderStatus.Stopping)
            ? OperationResult.Fail($"只有交易记录超时未上传的订单可以这样处理，该订单{OrderText.Status(order.Status)}")
            : null;

    private async Task<OperationResult> ResolveAsync(AccessScope scope, long id, string reason, string? requestId, string action,
        Func<ChargeDbContext, ChargingOrder, DateTime, CancellationToken, Task<OperationResult>> resolve, CancellationToken ct)
    {
        if (scope.IsInvestor) return OperationResult.Fail("投资人账号不能处理订单");
        if (ReasonRule.Reason.Refusal(reason) is { } refusal) return refusal;
        ChargingOrder? changed = null;
        var orderNo = $"订单 {id}";
        var result = await MoneyTransaction.RunAsync(dbFactory, new MoneyAction(scope.UserName, action, requestId), async (db, token) =>
        {
            var order = await db.ChargingOrders.VisibleTo(scope).FirstOrDefaultAsync(o => o.Id == id, token);
            if (order is null) return OperationResult.Fail("订单不存在");
            orderNo = order.OrderNo;
            var outcome = await resolve(db, order, clock.GetUtcNow().UtcDateTime, token);
            if (outcome.Succeeded) changed = order;
            return outcome;
        }, () => orderNo, clock, ct);
        if (changed is not null)
        {
            live.Publish(new OrderUpdated(changed.Id, changed.StationId, changed.AppUserId, changed.Status));
            if (changed.AppUserId is { } user) live.Publish(new WalletChanged(user));
            if (changed.DiscountAmount > Money.Zero) live.Publish(new CouponClaimsChanged());
        }
        return result;
    }
}
