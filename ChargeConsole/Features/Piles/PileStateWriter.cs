using System.Threading.Channels;
using ChargeConsole.Data;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Features.Piles;

/// <summary>
/// One writer for everything the pile host records (online/offline, gun status). Connection handlers enqueue
/// and go straight back to their piles; the writer applies pending changes in batches, one transaction each,
/// and publishes their live events after the commit. SQLite takes one writer at a time anyway: thousands of
/// connections each waiting on the database lock would starve the thread pool and delay every heartbeat.
/// </summary>
public sealed class PileStateWriter(IDbContextFactory<ChargeDbContext> dbFactory, ILogger<PileStateWriter> log) : BackgroundService
{
    public sealed record Change(Func<ChargeDbContext, CancellationToken, Task> Apply, Action? AfterCommit = null);

    private const int MaxBatch = 500;
    private readonly Channel<Change> _queue = Channel.CreateUnbounded<Change>(new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(Change change) => _queue.Writer.TryWrite(change);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reader = _queue.Reader;
        var batch = new List<Change>(MaxBatch);
        while (await reader.WaitToReadAsync(stoppingToken))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && reader.TryRead(out var change)) batch.Add(change);
            try
            {
                await ApplyAsync(batch, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Recording {Count} pile changes failed; retrying them one by one", batch.Count);
                foreach (var change in batch)
                {
                    try { await ApplyAsync([change], stoppingToken); }
                    catch (Exception one) when (one is not OperationCanceledException) { log.LogError(one, "A pile change could not be recorded"); }
                }
            }
        }
    }

    private async Task ApplyAsync(IReadOnlyList<Change> batch, CancellationToken ct)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            foreach (var change in batch) await change.Apply(db, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        foreach (var change in batch) change.AfterCommit?.Invoke();
    }
}
