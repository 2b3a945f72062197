using ChargeConsole.Data;
using ChargeConsole.Data.Entities;
using ChargeConsole.Domain.Coupons;
using ChargeConsole.Infrastructure;
using ChargeConsole.Infrastructure.Audit;
using ChargeConsole.Infrastructure.Auth;
using ChargeConsole.Infrastructure.Live;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Features.Coupons;

/// <summary>
/// 全体发放: one copy of a coupon to every user who holds none, in the background, in batches of users by id. Progress
/// lives in <see cref="CouponIssueRun"/>, so the page on any node shows it, a node that stops mid-way is taken over
/// when its lease runs out, and running it again gives nobody a second copy (holders are skipped, and a copy's number
/// per user is unique). It never passes the coupon's total: each batch reserves its copies with a conditional UPDATE.
/// </summary>
public sealed class CouponIssueRuns(IDbContextFactory<ChargeDbContext> dbFactory, LiveEvents live, TimeProvider clock, ILogger<CouponIssueRuns> log) : BackgroundService
{
    public const int Batch = 2000;
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private static readonly string Node = Guid.NewGuid().ToString("N")[..12];
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>How many users a run would reach now (the confirmation shows it).</summary>
    public async Task<int> AudienceAsync(int couponId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.AppUsers.CountAsync(u => !u.Disabled && !db.CouponClaims.Any(c => c.CouponId == couponId && c.AppUserId == u.Id));
    }

    public async Task<OperationResult> StartAsync(AccessScope scope, int couponId)
    {
        if (scope.IsInvestor) return OperationResult.Fail("投资人账号不能发放优惠券");
        await using var db = await dbFactory.CreateDbContextAsync();
        var coupon = await db.Coupons.AsNoTracking().FirstOrDefaultAsync(c => c.Id == couponId);
        if (coupon is null) return OperationResult.Fail("优惠券不存在");
        OperationResult result;
        if (CouponRules.PhaseAt(coupon.ValidFrom, coupon.ValidTo, Now) == CouponPhase.Expired) result = OperationResult.Fail("优惠券已过期，不能发放");
        else if (coupon.ClaimedCount >= coupon.TotalQuantity) result = OperationResult.Fail("优惠券已发完，请先增加发放总量");
        else if (await db.CouponIssueRuns.AnyAsync(r => r.CouponId == couponId && r.Status == IssueRunStatus.Running))
            result = OperationResult.Fail("该优惠券正在全体发放中");
        else
        {
            db.CouponIssueRuns.Add(new CouponIssueRun
            {
                CouponId = couponId, Status = IssueRunStatus.Running, StartedBy = scope.UserName, StartedAt = Now,
                TotalUsers = await db.AppUsers.CountAsync(u => !u.Disabled),
            });
            result = OperationResult.Ok("已开始全体发放，进度见页面");
        }
        AuditTrail.Add(db, Now, scope.UserName, "全体发放优惠券", coupon.Name, result);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // Pressed on two pages (or nodes) at once: the other start won; this one is refused and audited as such.
            await using var again = await dbFactory.CreateDbContextAsync();
            result = OperationResult.Fail("该优惠券正在全体发放中");
            AuditTrail.Add(again, Now, scope.UserName, "全体发放优惠券", coupon.Name, result);
            await again.SaveChangesAsync();
        }
        return result;
    }

    /// <summary>The coupon's latest run, for the page's progress bar.</summary>
    public async Task<CouponIssueRun?> LatestAsync(int couponId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.CouponIssueRuns.AsNoTracking().Where(r => r.CouponId == couponId).OrderByDescending(r => r.Id).FirstOrDefaultAsync();
    }

    /// <summary>The latest run of each of these coupons (a page of the coupon list).</summary>
    public async Task<Dictionary<int, CouponIssueRun>> LatestAsync(IReadOnlyCollection<int> couponIds, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await db.CouponIssueRuns.AsNoTracking().Where(r => couponIds.Contains(r.CouponId)).ToListAsync(ct))
            .GroupBy(r => r.CouponId).ToDictionary(g => g.Key, g => g.MaxBy(r => r.Id)!);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await TakeRunAsync(stoppingToken) is { } runId) await WorkAsync(runId, stoppingToken);
                else await Task.Delay(TimeSpan.FromSeconds(1), clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
            catch (Exception e)
            {
                log.LogError(e, "Coupon issue run failed; will retry");
                await Task.Delay(TimeSpan.FromSeconds(5), clock, stoppingToken);
            }
        }
    }

    /// <summary>A running run nobody holds (or whose holder's lease ran out), now held by this node.</summary>
    private async Task<int?> TakeRunAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = Now;
        var id = await db.CouponIssueRuns.Where(r => r.Status == IssueRunStatus.Running && (r.LeaseUntil == null || r.LeaseUntil < now))
            .OrderBy(r => r.Id).Select(r => (int?)r.Id).FirstOrDefaultAsync(ct);
        if (id is null) return null;
        var until = now + Lease;
        var taken = await db.CouponIssueRuns.Where(r => r.Id == id && r.Status == IssueRunStatus.Running && (r.LeaseUntil == null || r.LeaseUntil < now))
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.LeaseUntil, until).SetProperty(r => r.LeaseOwner, Node), ct);
        return taken == 1 ? id : null;
    }

    private async Task WorkAsync(int runId, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            bool more;
            try { more = await BatchAsync(runId, ct); }
            catch (DbUpdateException e) when (e.IsUniqueViolation()) { more = true; } // a user claimed meanwhile: the batch runs again, skipping them
            if (!more) return;
        }
    }

    /// <summary>One batch of users, in one transaction with the run's progress; false once the run is over (or no longer ours).</summary>
    private async Task<bool> BatchAsync(int runId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var run = await db.CouponIssueRuns.SingleAsync(r => r.Id == runId, ct);
        if (run.Status != IssueRunStatus.Running || run.LeaseOwner != Node) return false;
        var coupon = await db.Coupons.AsNoTracking().SingleAsync(c => c.Id == run.CouponId, ct);
        var now = Now;
        var users = await db.AppUsers.AsNoTracking().Where(u => u.Id > run.LastUserId && !u.Disabled).OrderBy(u => u.Id).Take(Batch).Select(u => u.Id).ToListAsync(ct);
        string? stop = users.Count == 0 ? null
            : CouponRules.PhaseAt(coupon.ValidFrom, coupon.ValidTo, now) == CouponPhase.Expired ? "优惠券已过期，发放停止"
            : coupon.ClaimedCount >= coupon.TotalQuantity ? "优惠券已发完，发放停止" : null;
        if (users.Count == 0 || stop is not null)
        {
            (run.Status, run.FinishedAt, run.Error, run.LeaseUntil) = (IssueRunStatus.Done, now, stop, null);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return false;
        }
        var (first, last) = (users[0], users[^1]);
        var holders = (await db.CouponClaims.Where(c => c.CouponId == coupon.Id && c.AppUserId >= first && c.AppUserId <= last)
            .Select(c => c.AppUserId).Distinct().ToListAsync(ct)).ToHashSet();
        var todo = users.Where(u => !holders.Contains(u)).ToList();
        var give = Math.Min(todo.Count, coupon.TotalQuantity - coupon.ClaimedCount);
        if (give > 0 && await db.Coupons.Where(c => c.Id == coupon.Id && c.ClaimedCount + give <= c.TotalQuantity)
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.ClaimedCount, c => c.ClaimedCount + give), ct) == 0)
            return true; // copies were claimed meanwhile: read the room again
        db.CouponClaims.AddRange(todo.Take(give).Select(u => new CouponClaim
        {
            CouponId = coupon.Id, AppUserId = u, Method = CouponClaimMethod.Issued, Status = CouponClaimStatus.Unused, ClaimedAt = now, Seq = 1,
        }));
        run.LastUserId = last;
        run.Processed += users.Count;
        run.Issued += give;
        run.Skipped += users.Count - give;
        run.LeaseUntil = now + Lease;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        if (give > 0) live.Publish(new CouponClaimsChanged());
        return true;
    }
}
