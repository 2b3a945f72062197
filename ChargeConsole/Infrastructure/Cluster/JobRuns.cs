using ChargeConsole.Data;
using ChargeConsole.Data.Entities;
using ChargeConsole.Devices.Piles;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace ChargeConsole.Infrastructure.Cluster;

/// <summary>Which node runs a scheduled job in an interval: the first to write the interval's row.</summary>
public sealed class JobRuns(IDbContextFactory<ChargeDbContext> dbFactory, IPileDirectory node, TimeProvider clock)
{
    /// <summary>True when this node claimed the interval of <paramref name="every"/> that now falls in, and runs it.</summary>
    public async Task<bool> ClaimAsync(string job, TimeSpan every, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var slot = new DateTime(now.Ticks - now.Ticks % every.Ticks, DateTimeKind.Utc);
        // Asked first, so that the usual loser (a node whose timer fires later in the interval) tries no insert;
        // the key settles the rare tie.
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.JobRuns.AnyAsync(r => r.Job == job && r.Slot == slot, ct)) return false;
        db.JobRuns.Add(new JobRun { Job = job, Slot = slot, Node = node.NodeName, ClaimedAt = now });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            return false; // another node runs this interval
        }
        var keepSince = now.AddDays(-1);
        await db.JobRuns.Where(r => r.Job == job && r.Slot < keepSince).ExecuteDeleteAsync(ct);
        return true;
    }
}

/// <summary>
/// Runs <typeparamref name="TJob"/> only on the node that claims the interval: every node's scheduler fires, one
/// node works (N× the WeChat Pay queries of the recovery job would otherwise follow N nodes).
/// </summary>
[DisallowConcurrentExecution]
public sealed class OncePerInterval<TJob>(IServiceProvider services, JobRuns runs) : IJob where TJob : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var every = context.Trigger is ISimpleTrigger simple ? simple.RepeatInterval : TimeSpan.FromMinutes(1);
        if (!await runs.ClaimAsync(context.JobDetail.Key.Name, every, cancellationToken)) return;
        await ActivatorUtilities.CreateInstance<TJob>(services).Execute(context, cancellationToken);
    }
}
