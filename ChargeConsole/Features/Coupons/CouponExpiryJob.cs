using ChargeConsole.Data;
using ChargeConsole.Domain.Coupons;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace ChargeConsole.Features.Coupons;

/// <summary>
/// Writes 已过期 on free copies of a coupon whose window has passed (a bounded batch per run); every read computes the
/// phase from the clock anyway, so this only keeps the stored copy status in step. Idempotent on every node.
/// </summary>
[DisallowConcurrentExecution]
public sealed class CouponExpiryJob(IDbContextFactory<ChargeDbContext> dbFactory, TimeProvider clock) : IJob
{
    public const int ClaimBatch = 10_000;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var expired = await db.CouponClaims.Free().InPhase(CouponPhase.Expired, now)
            .OrderBy(c => c.Id).Select(c => c.Id).Take(ClaimBatch).ToListAsync(ct);
        if (expired.Count > 0)
            await db.CouponClaims.Where(c => expired.Contains(c.Id)).MoveAsync(CouponClaimStatus.Unused, CouponClaimStatus.Expired, null, ct);
    }
}
