using System.Collections.Concurrent;
using System.Threading.Channels;
using ChargeConsole.Data;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Features.Piles;

/// <summary>
/// One writer for everything the pile host records (online/offline, gun status, live order figures). Connection
/// handlers enqueue and go straight back to their piles; the writer applies pending changes in batches, one
/// transaction each, and publishes their live events after the commit. SQLite takes one writer at a time anyway:
/// thousands of connections each waiting on the database lock would starve the thread pool and delay every heartbeat.
/// <para>
/// The queue is bounded by key, not by change: each change names what it sets (a gun, a pile, an order's live
/// figures), and only the latest change per key waits, because each one writes that thing's whole state. A pile
/// flapping its status at line rate therefore holds one pending write per gun. At most
/// <see cref="MaxPendingKeys"/> keys wait; beyond that a change is dropped and counted (the next report repeats it).
/// </para>
/// </summary>
public sealed class PileStateWriter(IDbContextFactory<ChargeDbContext> dbFactory, ILogger<PileStateWriter> log) : BackgroundService
{
    public sealed record Change(Func<ChargeDbContext, CancellationToken, Task> Apply, Action? AfterCommit = null);

    private const int MaxBatch = 500;
    public const int MaxPendingKeys = 200_000;

    private readonly Channel<string> _keys = Channel.CreateBounded<string>(new BoundedChannelOptions(MaxPendingKeys) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait }); // Wait: TryWrite says no when full
    private readonly ConcurrentDictionary<string, Change> _latest = new();
    private readonly ConcurrentDictionary<string, byte> _queued = new();
    private long _dropped;

    /// <summary>Changes dropped because the queue was full, since start.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Queues <paramref name="change"/> as the latest state of <paramref name="key"/>, replacing one still waiting.</summary>
    public void Enqueue(string key, Change change)
    {
        _latest[key] = change;
        if (!_queued.TryAdd(key, 0)) return; // already waiting: the writer will take this latest change
        if (_keys.Writer.TryWrite(key)) return;
        _queued.TryRemove(key, out _);
        if (_latest.TryRemove(new KeyValuePair<string, Change>(key, change)) && Interlocked.Increment(ref _dropped) % 1000 == 1)
            log.LogWarning("Pile state queue full ({Max} waiting); {Dropped} changes dropped so far", MaxPendingKeys, Dropped);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reader = _keys.Reader;
        var batch = new List<Change>(MaxBatch);
        while (await reader.WaitToReadAsync(stoppingToken))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && reader.TryRead(out var key))
            {
                _queued.TryRemove(key, out _);
                if (_latest.TryRemove(key, out var change)) batch.Add(change);
            }
            if (batch.Count == 0) continue;
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
