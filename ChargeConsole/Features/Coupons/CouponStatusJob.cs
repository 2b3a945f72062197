using ChargeConsole.Data;
using ChargeConsole.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace ChargeConsole.Features.Coupons;

/// <summary>
/// Keeps the stored statuses in step with the clock (every read computes them anyway): templates move 未开始 → 已生效 →
/// 已失效, and unused copies of an expired coupon become 已过期 (a bounded batch per run). Idempotent on every node.
/// </summary>
[DisallowConcurrentExecution]
public sealed class CouponStatusJob(IDbContextFactory<ChargeDbContext> dbFactory, TimeProvider clock) : IJob
{
    public const int ClaimBatch = 10_000;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Coupons.Where(c => c.ValidTo <= now && c.Status != CouponStatus.Expired).ExecuteUpdateAsync(u => u.SetProperty(c => c.Status, CouponStatus.Expired), ct);
        await db.Coupons.Where(c => c.ValidFrom <= now && c.ValidTo > now && c.Status != CouponStatus.Active).ExecuteUpdateAsync(u => u.SetProperty(c => c.Status, CouponStatus.Active), ct);
        var expired = await db.CouponClaims.Free().Where(c => c.Coupon.ValidTo <= now)
            .OrderBy(c => c.Id).Select(c => c.Id).Take(ClaimBatch).ToListAsync(ct);
        if (expired.Count > 0)
            await db.CouponClaims.Free().Where(c => expired.Contains(c.Id))
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.Status, CouponClaimStatus.Expired), ct);
    }
}
