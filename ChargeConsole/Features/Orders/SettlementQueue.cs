using System.Threading.Channels;
using ChargeConsole.Data;
using ChargeConsole.Devices.Ykc;
using ChargeConsole.Infrastructure.Live;
using ChargeConsole.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Features.Orders;

/// <summary>What the pile is told about its record (0x40): accepted, or refused as an illegal bill.</summary>
public enum RecordVerdict { Accepted, Refused }

/// <summary>
/// Settles transaction records one writer at a time, in batches of up to <see cref="MaxBatch"/> per database
/// transaction (SQLite takes one writer anyway; a commit per record would cap throughput at the disk's flush
/// rate). A record's task completes only after its batch commits, so 0x40 is never sent for money not yet
/// recorded. If a batch fails, its records are retried one by one so one bad record cannot hold up the others.
/// </summary>
public sealed class SettlementQueue(
    IDbContextFactory<ChargeDbContext> dbFactory, OrderSettlement settlement, LiveEvents live, TimeProvider clock, ILogger<SettlementQueue> log) : BackgroundService
{
    private const int MaxBatch = 200;
    /// <summary>Records waiting at most; one beyond it is not confirmed (no 0x40), so its pile resends it later.</summary>
    public const int MaxWaiting = 10_000;

    private sealed record Job(TransactionRecord Record, TaskCompletionSource<RecordVerdict> Done);

    private readonly Channel<Job> _queue = Channel.CreateBounded<Job>(new BoundedChannelOptions(MaxWaiting) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    public Task<RecordVerdict> SubmitAsync(TransactionRecord record)
    {
        var job = new Job(record, new TaskCompletionSource<RecordVerdict>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(job)) job.Done.SetException(new InvalidOperationException("settlement queue full or shutting down"));
        return job.Done.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Job>(MaxBatch);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                batch.Clear();
                while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var job)) batch.Add(job);
                try
                {
                    await SettleAsync(batch, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    if (batch.Count > 1) log.LogWarning(e, "Settling {Count} records together failed; settling them one by one", batch.Count);
                    foreach (var job in batch)
                    {
                        try { await SettleOneAsync(job, stoppingToken); }
                        catch (Exception one) when (one is not OperationCanceledException)
                        {
                            log.LogError(one, "Transaction record {Serial} could not be settled; the pile will resend it", job.Record.Serial);
                            job.Done.TrySetException(one);
                        }
                    }
                }
            }
        }
        finally
        {
            _queue.Writer.TryComplete();
            while (_queue.Reader.TryRead(out var left)) left.Done.TrySetCanceled();
            foreach (var job in batch) job.Done.TrySetCanceled();
        }
    }

    /// <summary>
    /// One record, read and decided again when a top-up or refund of the same wallet committed first (its Version
    /// token): on a server database they really race, and a record given up on would wait for the pile to resend it.
    /// </summary>
    private async Task SettleOneAsync(Job job, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await SettleAsync([job], ct);
                return;
            }
            catch (DbUpdateConcurrencyException) when (attempt < ConflictPause.Attempts)
            {
                await ConflictPause.WaitAsync(attempt, ct);
            }
        }
    }

    private async Task SettleAsync(IReadOnlyList<Job> batch, CancellationToken ct)
    {
        var results = new List<(Job Job, RecordResult? Result)>(batch.Count);
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var loaded = new SettlementBatch();
            foreach (var job in batch)
            {
                try { results.Add((job, await settlement.ApplyRecordAsync(db, job.Record, now, ct, loaded))); }
                catch (UnknownGunException e)
                {
                    log.LogWarning("Transaction record {Serial} names unknown gun {Gun}; refused", job.Record.Serial, e.GunCode);
                    results.Add((job, null));
                }
            }
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        foreach (var (job, result) in results)
        {
            job.Done.TrySetResult(result is null ? RecordVerdict.Refused : RecordVerdict.Accepted);
            if (result is null || result.Duplicate) continue;
            var o = result.Order;
            live.Publish(new OrderUpdated(o.Id, o.StationId, o.AppUserId, o.Status));
            if (o.AppUserId is { } user && o.Status == Domain.Orders.ChargingOrderStatus.Settled) live.Publish(new WalletChanged(user));
            if (o.DiscountAmount > Domain.Values.Money.Zero) live.Publish(new CouponClaimsChanged());
        }
    }
}
