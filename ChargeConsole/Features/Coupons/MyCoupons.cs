using ChargeConsole.Data;
using ChargeConsole.Data.Entities;
using ChargeConsole.Domain.Coupons;
using ChargeConsole.Domain.Values;
using ChargeConsole.Infrastructure;
using ChargeConsole.Infrastructure.Audit;
using ChargeConsole.Infrastructure.Auth;
using ChargeConsole.Infrastructure.Grid;
using ChargeConsole.Infrastructure.Live;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Features.Coupons;

/// <summary>我的优惠券 in the mini-program.</summary>
public sealed partial class CouponService
{
    /// <summary>A user's coupons, newest first; the status follows the clock (an unused one past its window reads 已过期).</summary>
    public async Task<(List<ClaimRow> Items, int Total)> MineAsync(int userId, int page, int pageSize, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var q = db.CouponClaims.AsNoTracking().Where(c => c.AppUserId == userId);
        var now = Now;
        var items = await q.OrderByDescending(c => c.Id).Skip((page - 1) * pageSize).Take(pageSize).Select(c => new ClaimRow
        {
            Id = c.Id, Coupon = c.Coupon.Name, Threshold = c.Coupon.Threshold, Discount = c.Coupon.Discount, Method = c.Method, ClaimedAt = c.ClaimedAt,
            UsedAt = c.UsedAt, ValidFrom = c.Coupon.ValidFrom, ValidTo = c.Coupon.ValidTo, Status = c.Status,
        }).ToListAsync(ct);
        return (items.Select(c => c with { Status = CouponClaimLifecycle.AsSeen(c.Status, CouponRules.PhaseAt(c.ValidFrom, c.ValidTo, now)) }).ToList(), await q.CountAsync(ct));
    }
}
