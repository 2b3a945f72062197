using ChargeConsole.Data;
using ChargeConsole.Data.Entities;
using ChargeConsole.Domain.Values;
using ChargeConsole.Domain.Wallets;
using ChargeConsole.Features.Coupons;
using ChargeConsole.Features.Orders;
using ChargeConsole.Infrastructure.Live;
using ChargeConsole.Infrastructure.Payments.WeChatPay;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChargeConsole.Features.StoredValue;

public sealed class RechargeOptions
{
    /// <summary>An order still unpaid this long after it was made is closed (at WeChat Pay too).</summary>
    public int CloseUnpaidAfterMinutes { get; set; } = 30;
    /// <summary>An unpaid order or a pending refund is asked about after this long without news.</summary>
    public int QueryAfterSeconds { get; set; } = 60;
    public int RecoverySeconds { get; set; } = 30;
}

/// <summary>A recharge order made for the mini-program: what to show and what <c>wx.requestPayment</c> takes.</summary>
public sealed record RechargeStart(RechargeOrder Order, MiniProgramPayment Payment);

/// <summary>
/// Top-ups from the mini-program: the packages on sale, an order per purchase (a repeated request id returns the same
/// order), the WeChat Pay prepay, and closing orders nobody paid.
/// </summary>
public sealed class RechargeService(IDbContextFactory<ChargeDbContext> dbFactory, IServiceProvider services, IOptions<WeChatPayOptions> pay,
    IOptions<RechargeOptions> options, LiveEvents live, TimeProvider clock, ILogger<RechargeService> log)
{
    /// <summary>Unpaid orders one user may have at once (they are closed after <see cref="RechargeOptions.CloseUnpaidAfterMinutes"/>).</summary>
    public const int MaxUnpaidPerUser = 5;

    public async Task<List<RechargePackage>> PackagesOnSaleAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.RechargePackages.AsNoTracking().Where(p => p.Status == PackageStatus.Enabled)
            .OrderBy(p => p.SortOrder).ThenBy(p => p.Id).ToListAsync(ct);
    }

    /// <summary>Makes the order and its prepay; the error is the Chinese message for the user.</summary>
    /// <param name="packageId">a 储值套餐, or null when <paramref name="marketingPackageId"/> names a 营销套餐 of a running activity</param>
    /// <param name="couponClaimId">a coupon copy to pay with: only on a 营销套餐 whose running activity allows 优惠叠加</param>
    public async Task<(RechargeStart? Start, string? Error)> CreateAsync(int userId, int? packageId, string openId, string requestId, CancellationToken ct,
        int? marketingPackageId = null, int? couponClaimId = null)
    {
        if (!pay.Value.Enabled) return (null, "暂未开通微信支付充值");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var order = await db.RechargeOrders.FirstOrDefaultAsync(o => o.AppUserId == userId && o.RequestId == requestId, ct);
        if (order is null)
        {
            var (made, error) = await NewOrderAsync(db, userId, packageId, marketingPackageId, couponClaimId, openId, requestId, ct);
            if (made is null) return (null, error);
            order = made;
        }
        if (order.Status != RechargeOrderStatus.Unpaid) return (null, order.Status == RechargeOrderStatus.Closed ? "订单已关闭，请重新下单" : "订单已支付");
        if (order.PrepayId is null)
        {
            var client = services.GetRequiredService<WeChatPayClient>();
            try
            {
                var prepayId = await client.JsapiPrepayAsync(Description(order), order.OrderNo, order.PaidAmount.Fen, order.PayerOpenId ?? openId,
                    new DateTimeOffset(order.CreatedAt.AddMinutes(options.Value.CloseUnpaidAfterMinutes), TimeSpan.Zero), ct);
                order.PrepayId = prepayId;
                await db.RechargeOrders.Where(o => o.Id == order.Id).ExecuteUpdateAsync(u => u.SetProperty(o => o.PrepayId, prepayId), ct);
            }
            catch (Exception e) when (e is WeChatPayException or HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                log.LogWarning("Prepay of {Order} failed: {Reason}", order.OrderNo, e.Message);
                return (null, "微信支付下单失败，请稍后重试");
            }
        }
        return (new RechargeStart(order, services.GetRequiredService<WeChatPayClient>().PaymentParameters(order.PrepayId)), null);
    }

    private static string Description(RechargeOrder o) =>
        o.DiscountAmount > Money.Zero ? $"账户充值 {o.PaidAmount + o.DiscountAmount} 元（优惠券抵扣 {o.DiscountAmount} 元）" : $"账户充值 {o.PaidAmount} 元";

    private async Task<(RechargeOrder? Order, string? Error)> NewOrderAsync(ChargeDbContext db, int userId, int? packageId, int? marketingPackageId, int? couponClaimId,
        string openId, string requestId, CancellationToken ct)
    {
        // Each order costs a prepay call and a row: a user may have only a few waiting to be paid.
        if (await db.RechargeOrders.CountAsync(o => o.AppUserId == userId && o.Status == RechargeOrderStatus.Unpaid, ct) >= MaxUnpaidPerUser)
            return (null, $"您有 {MaxUnpaidPerUser} 笔待支付的充值订单，请先完成支付或稍后再试");
        var now = clock.GetUtcNow().UtcDateTime;
        RechargeTerms terms;
        if (marketingPackageId is { } marketingId)
        {
            var offer = await Marketing.MarketingPackageService.OnSaleAsync(db, marketingId, now, ct);
            if (offer is null) return (null, "该营销套餐不存在、已关闭或活动未在进行中");
            var discount = Money.Zero;
            if (couponClaimId is { } claimId)
            {
                if (!offer.CouponsStack) return (null, "该套餐所属活动不可叠加使用优惠券");
                (discount, var why) = await PaymentCoupons.DiscountAsync(db, userId, claimId, offer.Amount, now, ct);
                if (why is not null) return (null, why);
            }
            terms = RechargeTerms.For(offer.Amount, offer.Bonus, discount);
        }
        else
        {
            if (couponClaimId is not null) return (null, "优惠券只能用于可叠加优惠的营销套餐");
            var package = await db.RechargePackages.AsNoTracking().FirstOrDefaultAsync(p => p.Id == packageId, ct);
            if (package is null || package.Status != PackageStatus.Enabled) return (null, "该充值套餐不存在或已下架");
            terms = RechargeTerms.For(package.Amount, package.Bonus, Money.Zero);
        }
        var order = new RechargeOrder
        {
            OrderNo = OrderNumbers.Next("CZ", now), AppUserId = userId, RechargePackageId = marketingPackageId is null ? packageId : null,
            MarketingPackageId = marketingPackageId, PaidAmount = terms.Pay, BonusAmount = terms.Bonus, DiscountAmount = terms.Discount,
            CouponClaimId = terms.Discount > Money.Zero ? couponClaimId : null, Status = RechargeOrderStatus.Unpaid, RequestId = requestId,
            PayerOpenId = openId, CreatedAt = now,
        };
        db.RechargeOrders.Add(order);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
            // The copy is the order's only if no other order (recharge or charge) took it meanwhile.
            if (order.CouponClaimId is { } reserved && !await PaymentCoupons.ReserveAsync(db, reserved, order.Id, ct))
            {
                await tx.RollbackAsync(ct);
                return (null, "所选优惠券刚被其他订单使用，请重新选择");
            }
            await tx.CommitAsync(ct);
            if (order.CouponClaimId is not null) live.Publish(new CouponClaimsChanged());
            return (order, null);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // The same request on another connection made it first: answer with that one.
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return (await db.RechargeOrders.FirstAsync(o => o.AppUserId == userId && o.RequestId == requestId, ct), null);
        }
    }

    /// <summary>A 营销套餐 on sale now (null if not) and the user's coupons that may pay for it: none unless it allows 优惠叠加.</summary>
    public async Task<(Marketing.MarketingOffer? Offer, List<UsableCoupon> Coupons)> CouponsForAsync(int userId, int marketingPackageId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var offer = await Marketing.MarketingPackageService.OnSaleAsync(db, marketingPackageId, now, ct);
        if (offer is null || !offer.CouponsStack) return (offer, []);
        return (offer, await PaymentCoupons.UsableAsync(db, userId, offer.Amount, now, ct));
    }

    public async Task<RechargeOrder?> ForUserAsync(int userId, string orderNo, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.RechargeOrders.AsNoTracking().FirstOrDefaultAsync(o => o.AppUserId == userId && o.OrderNo == orderNo, ct);
    }

    public async Task<(List<RechargeOrder> Items, int Total)> ListForUserAsync(int userId, int page, int pageSize, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var q = db.RechargeOrders.AsNoTracking().Where(o => o.AppUserId == userId);
        return (await q.OrderByDescending(o => o.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct), await q.CountAsync(ct));
    }

    /// <summary>Closes an unpaid order here once WeChat Pay has closed it (or never heard of it). A paid order is left to be credited.</summary>
    public async Task<bool> CloseAsync(string orderNo, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var closed = await db.RechargeOrders.Where(o => o.OrderNo == orderNo)
            .MoveAsync(RechargeOrderStatus.Unpaid, RechargeOrderStatus.Closed, u => u.SetProperty(o => o.ClosedAt, now), ct);
        // The coupon it reserved is the user's again, in the same transaction as the close.
        var released = closed > 0 && await PaymentCoupons.ReleaseAsync(db, await db.RechargeOrders.Where(o => o.OrderNo == orderNo).Select(o => o.Id).FirstAsync(ct), clock.GetUtcNow().UtcDateTime, ct) > 0;
        await tx.CommitAsync(ct);
        if (closed > 0) live.Publish(new RechargeChanged(orderNo));
        if (released) live.Publish(new CouponClaimsChanged());
        return closed > 0;
    }
}
