using ChargeConsole.Data;
using ChargeConsole.Data.Entities;
using ChargeConsole.Devices.Cluster;
using ChargeConsole.Devices.Piles;
using ChargeConsole.Domain.Orders;
using ChargeConsole.Domain.Values;
using ChargeConsole.Features.Coupons;
using ChargeConsole.Features.Pricing;
using ChargeConsole.Features.Wallets;
using ChargeConsole.Infrastructure;
using ChargeConsole.Infrastructure.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChargeConsole.Features.Orders;

/// <summary>A start that was accepted or refused: the refusal in words, and the order when one was made.</summary>
public sealed record StartOutcome(OperationResult Result, string? OrderNo = null);

/// <summary>Why a user may not start on a gun, in the 0x32 reason codes as well as in words.</summary>
public sealed record StartRefusal(byte Code, string Message);

/// <summary>
/// Starting and stopping charges: the checks before a start, the order in Starting, the 0x34 → 0x33 exchange,
/// and the 0x36 → 0x35 stop. Used by the mini-program API, the console and pile-initiated starts (0x31).
/// </summary>
public sealed class ChargingService(
    IDbContextFactory<ChargeDbContext> dbFactory, IPileDirectory piles, OrderTelemetry telemetry,
    LiveEvents live, TimeProvider clock, IOptions<OrdersOptions> options)
{
    private const string NoPhysicalCard = "0000000000000000";

    internal sealed record GunInfo(int Id, int Number, int PileId, int StationId, GunStatus Status, string PileCode, int? TemplateId, string? ReservedFor = null);

    /// <summary>An order in Starting, and what its pile may let the user spend (the 0x34/0x32 balance).</summary>
    internal sealed record Reservation(ChargingOrder Order, GunInfo Gun, Money Limit);

    /// <summary>
    /// Starts a charge for the mini-program. <paramref name="requestId"/> (the client's, optional) makes a retried
    /// start return the order the first one made instead of starting again.
    /// </summary>
    /// <param name="couponClaimId">one of the user's unused coupons to use on this charge (checked again at settlement)</param>
    public async Task<StartOutcome> StartAsync(int appUserId, string gunCode, CancellationToken ct = default, string? requestId = null, int? couponClaimId = null)
    {
        if (requestId is not null && await FindRequestAsync(appUserId, requestId, ct) is { } earlier) return earlier;
        var (refusal, reservation) = await ReserveAsync(appUserId, gunCode.Trim(), StartSource.App, null, null, ct, requestId, couponClaimId);
        if (refusal is not null)
            return requestId is not null && await FindRequestAsync(appUserId, requestId, ct) is { } raced ? raced : new StartOutcome(OperationResult.Fail(refusal.Message));
        var (order, gun, limit) = reservation!;
        // From here the pile is involved: a caller that gives up (a closed app) must not leave the order half-started.
        ct = CancellationToken.None;

        var result = await piles.SendAsync(gun.PileCode,
            new StartCharge((byte)gun.Number, order.TransactionSerial!, LogicalCard(appUserId), NoPhysicalCard, (uint)Math.Max(0, limit.Fen)), ct);

        if (result.Succeeded)
        {
            await MoveAsync(order, ChargingOrderStatus.Starting, ChargingOrderStatus.Charging, null, ct);
            return new StartOutcome(OperationResult.Ok("已开始充电"), order.OrderNo);
        }
        var reason = result.Status == CommandStatus.TimedOut ? "电桩未在规定时间内响应启动指令" : result.Message;
        await MoveAsync(order, ChargingOrderStatus.Starting, ChargingOrderStatus.Failed, reason, ct);
        return new StartOutcome(OperationResult.Fail($"启动失败：{reason}"), order.OrderNo);
    }

    /// <summary>The outcome of an earlier start with the same request id, if there was one.</summary>
    private async Task<StartOutcome?> FindRequestAsync(int appUserId, string requestId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var earlier = await db.ChargingOrders.AsNoTracking().Where(o => o.AppUserId == appUserId && o.RequestId == requestId)
            .Select(o => new { o.OrderNo, o.Status, o.FailureReason }).FirstOrDefaultAsync(ct);
        if (earlier is null) return null;
        return new StartOutcome(earlier.Status == ChargingOrderStatus.Failed
            ? OperationResult.Fail($"启动失败：{earlier.FailureReason}") : OperationResult.Ok("已开始充电"), earlier.OrderNo);
    }

    /// <summary>
    /// Checks a start and, if allowed, records the order in Starting with a fresh serial, the tariff fixed and the
    /// spending limit set. Shared by app starts and pile-initiated starts (which answer with the refusal's 0x32 code).
    /// The database decides races: one running order per gun, and per user at most <see cref="OrdersOptions.MaxRunningOrdersPerUser"/>
    /// (unique running slots), whichever node the starts arrive on.
    /// </summary>
    internal async Task<(StartRefusal? Refusal, Reservation? Reservation)> ReserveAsync(
        int appUserId, string gunCode, StartSource source, string? card, string? vin, CancellationToken ct, string? requestId = null, int? couponClaimId = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryReserveAsync(appUserId, gunCode, source, card, vin, requestId, couponClaimId, ct);
            }
            catch (DbUpdateConcurrencyException) when (attempt < 5)
            {
                // Another start, payment or top-up of this user's wallet came first: read the balance again.
            }
            catch (DbUpdateConcurrencyException)
            {
                return (new StartRefusal(0x04, "操作过于频繁，请稍后重试"), null);
            }
        }
    }

    private async Task<(StartRefusal? Refusal, Reservation? Reservation)> TryReserveAsync(
        int appUserId, string gunCode, StartSource source, string? card, string? vin, string? requestId, int? couponClaimId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var gun = await db.Guns.AsNoTracking().Where(g => g.Code == gunCode)
            .Select(g => new GunInfo(g.Id, g.Number, g.PileId, g.StationId, g.Status, g.Pile.Code, g.Pile.BillingTemplateId ?? g.Pile.Station.BillingTemplateId, g.ReservedFor))
            .FirstOrDefaultAsync(ct);
        if (gun is null) return (new StartRefusal(0x05, $"未找到电枪 {gunCode}，请核对枪编号"), null);
        if (gun.Status == GunStatus.Offline || !await piles.IsOnlineAsync(gun.PileCode)) return (new StartRefusal(0x05, "电枪离线，暂时无法充电，请换一把枪"), null);
        if (gun.Status == GunStatus.Fault) return (new StartRefusal(0x05, "电枪故障，暂时无法充电，请换一把枪"), null);
        // A reserved gun is busy for everyone but the card it is held for (an OCPP reservation).
        if (gun.Status is GunStatus.Charging || gun.Status == GunStatus.Reserved && (card is null || gun.ReservedFor != card))
            return (new StartRefusal(0x0A, GunBusy), null);
        if (gun.TemplateId is null) return (new StartRefusal(0x05, "该电桩尚未设置计费模板，暂不能充电"), null);

        var user = await db.AppUsers.AsNoTracking().Where(u => u.Id == appUserId).Select(u => new { u.Disabled }).FirstOrDefaultAsync(ct);
        if (user is null) return (new StartRefusal(0x01, "用户不存在"), null);
        if (user.Disabled) return (new StartRefusal(0x02, "账号已被停用，请联系客服"), null);
        // Tracked: the start bumps the wallet's version, so two starts of one user (on any node) cannot both count
        // the same balance; the loser reads again (ReserveAsync).
        var wallet = await db.Wallets.FirstAsync(w => w.AppUserId == appUserId, ct);
        var unpaid = await db.ChargingOrders.Where(o => o.AppUserId == appUserId && o.Status == ChargingOrderStatus.Unpaid)
            .Select(o => o.OrderNo).FirstOrDefaultAsync(ct);
        var open = await OpenCharges.OfAsync(db, appUserId, ct);
        var max = StartRules.MaxRunning(options.Value.MaxRunningOrdersPerUser);
        var decision = StartRules.Decide(new StartFacts(unpaid, open.Orders, max, wallet.Balance(), Money.FromYuan(options.Value.MinimumBalanceYuan)));
        if (decision.Refusal is { } why) return (Refusal(why, open), null);
        var limit = decision.Limit;

        if (couponClaimId is { } claimId)
        {
            var validTo = await db.CouponClaims.AsNoTracking().AvailableTo(db, appUserId).Where(c => c.Id == claimId)
                .Select(c => (DateTime?)c.Coupon.ValidTo).FirstOrDefaultAsync(ct);
            if (validTo is null) return (new StartRefusal(0x04, "所选优惠券不可用（不存在、已使用或已被其他订单选用）"), null);
            if (validTo <= clock.GetUtcNow().UtcDateTime) return (new StartRefusal(0x04, "所选优惠券已过期"), null);
        }

        var takenSlots = await db.ChargingOrders.Where(o => o.AppUserId == appUserId && o.UserRunningSlot != null).Select(o => o.UserRunningSlot!.Value).ToListAsync(ct);
        // A start racing this one may have taken the last slot since the count above: refused like the count would.
        var slot = Enumerable.Range(0, max).Cast<int?>().FirstOrDefault(i => !takenSlots.Contains(i!.Value));
        if (slot is null) return (new StartRefusal(0x04, RunningAlready(null)), null);
        var now = clock.GetUtcNow().UtcDateTime;
        var template = await db.BillingTemplates.AsNoTracking().Include(t => t.ElectricityPrice).FirstAsync(t => t.Id == gun.TemplateId, ct);
        var order = new ChargingOrder
        {
            OrderNo = OrderNumbers.Next("CD", now),
            TransactionSerial = OrderNumbers.Serial(gun.PileCode, gun.Number, now),
            AppUserId = appUserId,
            StationId = gun.StationId, PileId = gun.PileId, GunId = gun.Id, GunCode = gunCode,
            Status = ChargingOrderStatus.Starting, Source = source,
            BillingTemplateId = template.Id, ModelNumber = template.ModelNumber, Tariff = template.Snapshot().ToText(),
            SpendingLimit = limit, UserRunningSlot = slot.Value, GunRunningSlot = 0, RequestId = requestId, CouponClaimId = couponClaimId,
            CreatedAt = now, CardNumber = card, Vin = vin,
        };
        db.ChargingOrders.Add(order);
        wallet.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // Another start got there first: on this gun, or another of this user's (or the same request, retried).
            await using var check = await dbFactory.CreateDbContextAsync(ct);
            var gunTaken = await check.ChargingOrders.AnyAsync(o => o.GunId == gun.Id && o.GunRunningSlot != null, ct);
            return (gunTaken ? new StartRefusal(0x0A, GunBusy) : new StartRefusal(0x04, RunningAlready(null)), null);
        }
        telemetry.Track(gunCode, order.Id, order.StationId, appUserId, order.TransactionSerial, limit);
        live.Publish(new OrderUpdated(order.Id, order.StationId, appUserId, order.Status));
        return (null, new Reservation(order, gun, limit));
    }

    private const string GunBusy = "电枪正在使用中，请换一把枪";

    /// <summary>The start rule's refusal as the user and the pile hear it (YKC 0x32 failure codes: 0x04 user, 0x03 balance).</summary>
    private static StartRefusal Refusal(StartRefusalReason why, Commitments open) => why.Kind switch
    {
        StartRefusalKind.UnpaidOrder => new StartRefusal(0x04, $"您有未支付的充电订单 {why.OrderNo}，请充值结清后再充电"),
        StartRefusalKind.RunningAlready => new StartRefusal(0x04, RunningAlready(why.OrderNo)),
        _ => new StartRefusal(0x03, why.Committed > Money.Zero
            ? $"余额不足：启动充电至少需要 {why.Minimum} 元，当前可用 {why.Spendable} 元，其中 {why.Committed} 元已被未结算的订单 {open.Names} 占用，请先充值"
            : $"余额不足：启动充电至少需要 {why.Minimum} 元，当前可用 {why.Spendable} 元，请先充值"),
    };

    private static string RunningAlready(string? orderNo) =>
        $"您有正在进行的充电订单{(orderNo is null ? "" : $" {orderNo}")}，请结束后再启动新的充电";

    /// <summary>
    /// Remote stop (0x36). Offline piles are not stopped and the order is left as it is: the pile uploads its
    /// record when it is back and the order settles then.
    /// </summary>
    /// <param name="stoppedBy">why, for the order's 停止原因 (StopReasons.ByUser / ByOperator): the pile only says 远程停止</param>
    public async Task<OperationResult> StopAsync(long orderId, Func<IQueryable<ChargingOrder>, IQueryable<ChargingOrder>> visible, string stoppedBy, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var order = await visible(db.ChargingOrders).Where(o => o.Id == orderId)
            .Select(o => new { o.Id, o.Status, o.GunCode, PileCode = db.Piles.Where(p => p.Id == o.PileId).Select(p => p.Code).First() })
            .FirstOrDefaultAsync(ct);
        if (order is null) return OperationResult.Fail("订单不存在");
        if (!ChargingOrderLifecycle.IsInProgress(order.Status))
            return OperationResult.Fail($"订单{OrderText.Status(order.Status)}，无需停止");
        if (!await piles.IsOnlineAsync(order.PileCode))
            return OperationResult.Fail("电桩离线，无法远程停止。订单状态保持不变，电桩恢复连接并上传交易记录后将自动结算");
        var gun = byte.Parse(order.GunCode[^2..]);
        // Written before the stop goes out, so the record that follows finds it (and keeps it over the pile's code).
        var noted = await db.ChargingOrders.Where(o => o.Id == orderId && o.StopReason == null).ExecuteUpdateAsync(u => u.SetProperty(o => o.StopReason, stoppedBy), ct) == 1;
        var result = await piles.SendAsync(order.PileCode, new StopCharge(gun), ct);
        if (!result.Succeeded)
        {
            // The charge goes on: whatever ends it later says why.
            if (noted) await db.ChargingOrders.Where(o => o.Id == orderId && o.StopReason == stoppedBy).ExecuteUpdateAsync(u => u.SetProperty(o => o.StopReason, (string?)null), CancellationToken.None);
            return OperationResult.Fail(result.Message);
        }
        var full = await db.ChargingOrders.AsNoTracking().FirstAsync(o => o.Id == orderId, ct);
        if (ChargingOrderLifecycle.CanMove(full.Status, ChargingOrderStatus.Stopping))
            await MoveAsync(full, full.Status, ChargingOrderStatus.Stopping, null, ct);
        return OperationResult.Ok(result.Message);
    }

    /// <summary>Moves an order from one status to another only if nobody has moved it meanwhile.</summary>
    private async Task MoveAsync(ChargingOrder order, ChargingOrderStatus from, ChargingOrderStatus to, string? failure, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var moved = await db.ChargingOrders.Where(o => o.Id == order.Id).MoveAsync(from, to, u => u
            .SetProperty(o => o.FailureReason, failure)
            .SetProperty(o => o.StartedAt, o => to == ChargingOrderStatus.Charging ? o.StartedAt ?? now : o.StartedAt)
            .SetProperty(o => o.EndedAt, o => to == ChargingOrderStatus.Stopping || to == ChargingOrderStatus.Failed ? o.EndedAt ?? now : o.EndedAt), ct);
        if (moved == 0) return;
        if (to == ChargingOrderStatus.Failed) telemetry.Forget(order.GunCode, order.Id);
        live.Publish(new OrderUpdated(order.Id, order.StationId, order.AppUserId, to));
    }

    /// <summary>The logical card number the pile shows: the user's id, 16 digits.</summary>
    internal static string LogicalCard(int appUserId) => appUserId.ToString("D16");
}
