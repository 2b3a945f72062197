using ChargeConsole.Data;
using ChargeConsole.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Features.Revenue;

/// <summary>
/// The revenue backfill after an upgrade (RevenueRebuild.EnsureAsync) runs in the background: the console answers and
/// serves piles from the first second, while this splits the orders settled before splits were kept and rebuilds the
/// day roll-ups. Its progress lives in <see cref="JobProgress"/> (<see cref="Key"/>), so every node's pages show it
/// (BackfillNotice); one node does the work at a time, under a lease another node takes over if it stops.
/// </summary>
public sealed class RevenueBackfill(IDbContextFactory<ChargeDbContext> dbFactory, RevenueRebuild rebuild, TimeProvider clock, ILogger<RevenueBackfill> log)
    : BackgroundService
{
    public const string Key = "revenue-backfill";
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(1);
    private readonly string _node = Guid.NewGuid().ToString("N")[..12];
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The backfill as the pages show it: null when none ever ran here.</summary>
    public async Task<JobProgress?> ProgressAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.JobProgress.AsNoTracking().FirstOrDefaultAsync(j => j.Key == Key, ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!await rebuild.NeededAsync(stoppingToken)) { await FinishAsync(JobState.Done, null, CancellationToken.None, onlyIfRunning: true); return; }
                if (await TakeAsync(stoppingToken)) { await RunAsync(stoppingToken); return; }
                await Task.Delay(TimeSpan.FromSeconds(5), clock, stoppingToken); // another node holds it: see again whether it is still needed
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception e)
            {
                log.LogError(e, "Revenue backfill failed; trying again in 30 s");
                await FinishAsync(JobState.Failed, $"回填出错，30 秒后重试：{e.Message}", CancellationToken.None);
                await Task.Delay(TimeSpan.FromSeconds(30), clock, stoppingToken);
            }
        }
    }

    private async Task RunAsync(CancellationToken ct)
    {
        var total = await rebuild.UnsplitAsync(ct);
        // Zero when another node finished between our check and our lease: keep the figures of the run that did the work.
        if (total > 0)
            await using (var db = await dbFactory.CreateDbContextAsync(ct))
                await db.JobProgress.Where(j => j.Key == Key).ExecuteUpdateAsync(u => u.SetProperty(j => j.Total, total).SetProperty(j => j.Done, 0L).SetProperty(j => j.UpdatedAt, Now), ct);
        log.LogInformation("Revenue backfill: {Total} orders to split, in the background", total);
        var last = clock.GetTimestamp();
        await rebuild.EnsureAsync(ct, async done =>
        {
            if (clock.GetElapsedTime(last) < ProgressEvery && done < total) return;
            last = clock.GetTimestamp();
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var now = Now;
            await db.JobProgress.Where(j => j.Key == Key && j.LeaseOwner == _node).ExecuteUpdateAsync(u => u
                .SetProperty(j => j.Done, done).SetProperty(j => j.UpdatedAt, now).SetProperty(j => j.LeaseUntil, now + Lease), ct);
        });
        await FinishAsync(JobState.Done, null, ct);
        log.LogInformation("Revenue backfill done");
    }

    /// <summary>Makes this node the one that runs it: the row is new, finished, or its lease ran out.</summary>
    private async Task<bool> TakeAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = Now;
        var taken = await db.JobProgress.Where(j => j.Key == Key && (j.State != JobState.Running || j.LeaseUntil == null || j.LeaseUntil < now))
            .ExecuteUpdateAsync(u => u.SetProperty(j => j.State, JobState.Running).SetProperty(j => j.LeaseOwner, _node).SetProperty(j => j.LeaseUntil, now + Lease)
                .SetProperty(j => j.StartedAt, now).SetProperty(j => j.UpdatedAt, now).SetProperty(j => j.FinishedAt, (DateTime?)null)
                .SetProperty(j => j.Message, (string?)null), ct);
        if (taken == 1) return true;
        if (await db.JobProgress.AnyAsync(j => j.Key == Key, ct)) return false;
        db.JobProgress.Add(new JobProgress { Key = Key, State = JobState.Running, LeaseOwner = _node, LeaseUntil = now + Lease, StartedAt = now, UpdatedAt = now });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation()) { return false; } // another node's row came first
    }

    private async Task FinishAsync(JobState state, string? message, CancellationToken ct, bool onlyIfRunning = false)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = Now;
        var row = db.JobProgress.Where(j => j.Key == Key);
        row = onlyIfRunning ? row.Where(j => j.State == JobState.Running && (j.LeaseUntil == null || j.LeaseUntil < now)) : row.Where(j => j.LeaseOwner == _node);
        await row.ExecuteUpdateAsync(u => u.SetProperty(j => j.State, state).SetProperty(j => j.Message, message).SetProperty(j => j.UpdatedAt, now)
            .SetProperty(j => j.FinishedAt, state == JobState.Done ? now : null).SetProperty(j => j.LeaseUntil, (DateTime?)null)
            .SetProperty(j => j.Done, j => state == JobState.Done ? j.Total : j.Done), ct);
    }
}
