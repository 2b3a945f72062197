using System.Collections.Concurrent;
using ChargeConsole.Data;
using ChargeConsole.Data.Entities;
using ChargeConsole.Devices.Cluster;
using ChargeConsole.Devices.Ykc;
using ChargeConsole.Domain.Orders;
using ChargeConsole.Domain.Values;
using ChargeConsole.Features.Piles;
using ChargeConsole.Infrastructure.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using ChargeConsole.Devices.Piles;

namespace ChargeConsole.Features.Orders;

/// <summary>
/// Follows orders through the piles' real-time reports (0x13): live energy, amount, power and SOC, one
/// ChargingReport sample per report, Starting → Charging when the pile charges, and Charging/Stopping →
/// Finished when it reports the gun no longer charging. Writes go through the pile writer, in batches.
/// When the live amount reaches what the pile was told the user may spend, the console stops the charge itself
/// (0x36, 余额不足): a pile that ignores the balance it was given cannot run a wallet into debt.
/// </summary>
public sealed class OrderTelemetry(
    IDbContextFactory<ChargeDbContext> dbFactory, PileStateWriter writer, IPileDirectory piles, LiveEvents live, TimeProvider clock, ILogger<OrderTelemetry> log)
{
    public const string BalanceStopReason = "余额不足";

    private sealed record Active(long OrderId, int StationId, int? AppUserId, string Serial, Money? Limit)
    {
        /// <summary>Set once the console has sent its stop for this order.</summary>
        public int Stopping;
    }

    /// <summary>Gun code → the order in progress on it, as far as this process knows.</summary>
    private readonly ConcurrentDictionary<string, Active> _byGun = new();
    /// <summary>Gun code → a serial the console has no order for (a pile's own start): not looked up again every report.</summary>
    private readonly ConcurrentDictionary<string, string> _unknown = new();
    private readonly SemaphoreSlim _loadLock = new(1, 1);
    private volatile bool _loaded;

    /// <summary>An order was started on a gun (by the app, a card or a VIN).</summary>
    public void Track(string gunCode, long orderId, int stationId, int? appUserId, string serial, Money? limit)
    {
        _byGun[gunCode] = new Active(orderId, stationId, appUserId, serial, limit);
        _unknown.TryRemove(gunCode, out _);
    }

    public void Forget(string gunCode, long orderId)
    {
        if (_byGun.TryGetValue(gunCode, out var a) && a.OrderId == orderId) _byGun.TryRemove(new(gunCode, a));
    }

    /// <summary>The gun's order has its transaction record: nothing more to follow.</summary>
    public void Forget(string gunCode, string serial)
    {
        if (_byGun.TryGetValue(gunCode, out var a) && a.Serial == serial) _byGun.TryRemove(new(gunCode, a));
    }

    /// <param name="sampledAtUtc">when the pile took the sample, if it says (OCPP MeterValues); else when it arrived</param>
    public async Task OnRealtimeAsync(string pileCode, RealtimeData data, CancellationToken ct, DateTime? sampledAtUtc = null)
    {
        await EnsureLoadedAsync(ct);
        var gunCode = pileCode + data.Gun.ToString("00");
        var charging = data.HasOrder && data.Status == 3;
        if (!charging)
        {
            if (_byGun.TryRemove(gunCode, out var ended)) MarkFinished(ended);
            return;
        }
        if (!_byGun.TryGetValue(gunCode, out var active) || active.Serial != data.Serial)
        {
            if (_unknown.TryGetValue(gunCode, out var unknown) && unknown == data.Serial) return;
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var found = await db.ChargingOrders.AsNoTracking().Where(o => o.TransactionSerial == data.Serial)
                .Select(o => new { o.Id, o.StationId, o.AppUserId, o.Status, o.SpendingLimit }).FirstOrDefaultAsync(ct);
            // A pile's own start (offline card): its order is made from the transaction record.
            if (found is null || !ChargingOrderLifecycle.CanMove(found.Status, ChargingOrderStatus.Charging) && !ChargingOrderLifecycle.IsInProgress(found.Status))
            {
                _unknown[gunCode] = data.Serial;
                return;
            }
            active = new Active(found.Id, found.StationId, found.AppUserId, data.Serial, found.SpendingLimit);
            _byGun[gunCode] = active;
        }
        RecordSample(active, data, sampledAtUtc);
        if (active.Limit is { } limit && Money.FromYuan(data.Amount / 10_000m) >= limit && Interlocked.Exchange(ref active.Stopping, 1) == 0)
            _ = StopForBalanceAsync(pileCode, data.Gun, active, limit);
    }

    /// <summary>The live amount reached the spending limit: stop the charge (0x36) and say why on the order.</summary>
    private async Task StopForBalanceAsync(string pileCode, byte gun, Active order, Money limit)
    {
        log.LogInformation("Order {Order} reached its spending limit {Limit}; stopping gun {Pile}-{Gun}", order.OrderId, limit, pileCode, gun);
        try
        {
            // Written before the stop goes out, so the record that follows finds it (and keeps it over the pile's code).
            await using var db = await dbFactory.CreateDbContextAsync();
            await db.ChargingOrders.Where(o => o.Id == order.OrderId && o.StopReason == null).ExecuteUpdateAsync(u => u.SetProperty(o => o.StopReason, BalanceStopReason));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "Could not note the balance stop on order {Order}; stopping it all the same", order.OrderId);
        }
        var result = await piles.SendAsync(pileCode, new StopCharge(gun));
        if (!result.Succeeded)
        {
            log.LogWarning("Stopping order {Order} at its spending limit failed: {Result}; trying again on the next report", order.OrderId, result.Message);
            Interlocked.Exchange(ref order.Stopping, 0);
        }
    }

    private void RecordSample(Active order, RealtimeData data, DateTime? sampledAtUtc)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var sampledAt = sampledAtUtc is { } at && (at - now).Duration() <= TimeSpan.FromHours(1) ? at : now; // a pile's clock far off is not believed
        var energy = Energy.FromUnits(data.Energy);
        var amount = Money.FromYuan(data.Amount / 10_000m);
        var voltage = data.VoltageDeciV / 10m;
        var current = data.CurrentDeciA / 10m;
        var power = Math.Round(voltage * current / 1000m, 2);
        int? soc = data.Soc is > 0 and <= 100 ? data.Soc : null;
        var status = ChargingOrderStatus.Charging;
        // Latest sample per order: when the writer lags, the newest figures win and older samples are dropped.
        writer.Enqueue($"sample:{order.OrderId}", new PileStateWriter.Change(
            async (db, ct) =>
            {
                var current0 = await db.ChargingOrders.Where(o => o.Id == order.OrderId).Select(o => o.Status).FirstAsync(ct);
                // Charging and Stopping stay as they are; Starting (and a Failed or Finished order the pile is plainly
                // still charging) becomes Charging. Anything else (settled meanwhile) is not touched by a late report.
                var running = current0 is ChargingOrderStatus.Charging or ChargingOrderStatus.Stopping;
                if (!running && !ChargingOrderLifecycle.CanMove(current0, ChargingOrderStatus.Charging)) return;
                status = running ? current0 : ChargingOrderStatus.Charging;
                void Figures(UpdateSettersBuilder<ChargingOrder> u) => u
                    .SetProperty(o => o.StartedAt, o => o.StartedAt ?? now)
                    .SetProperty(o => o.Energy, energy)
                    .SetProperty(o => o.TotalAmount, amount)
                    .SetProperty(o => o.PowerKw, power)
                    .SetProperty(o => o.Soc, soc);
                var moved = running
                    ? await db.ChargingOrders.Where(o => o.Id == order.OrderId && o.Status == current0).ExecuteUpdateAsync(u =>
                    {
                        Figures(u);
                        u.SetProperty(o => o.Version, o => o.Version + 1);
                    }, ct)
                    : await db.ChargingOrders.Where(o => o.Id == order.OrderId).MoveAsync(current0, ChargingOrderStatus.Charging, u =>
                    {
                        Figures(u);
                        u.SetProperty(o => o.FailureReason, (string?)null);
                    }, ct);
                if (moved == 0) return; // the order moved on between the read and the write: this report is stale
                db.ChargingReports.Add(new ChargingReport
                {
                    ChargingOrderId = order.OrderId, SampledAt = sampledAt, Voltage = voltage, Current = current, PowerKw = power,
                    Energy = energy, Soc = soc, Amount = amount,
                });
            },
            () => live.Publish(new OrderUpdated(order.OrderId, order.StationId, order.AppUserId, status))));
    }

    private void MarkFinished(Active order)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var moved = false;
        writer.Enqueue($"finish:{order.OrderId}", new PileStateWriter.Change(
            async (db, ct) =>
            {
                moved = false;
                foreach (var from in new[] { ChargingOrderStatus.Charging, ChargingOrderStatus.Stopping })
                    moved |= await db.ChargingOrders.Where(o => o.Id == order.OrderId).MoveAsync(from, ChargingOrderStatus.Finished, u => u
                        .SetProperty(o => o.EndedAt, o => o.EndedAt ?? now).SetProperty(o => o.PowerKw, (decimal?)null), ct) > 0;
            },
            () => { if (moved) live.Publish(new OrderUpdated(order.OrderId, order.StationId, order.AppUserId, ChargingOrderStatus.Finished)); }));
    }

    /// <summary>After a restart, the orders still charging are known again before the first report arrives.</summary>
    private async Task EnsureLoadedAsync(CancellationToken ct)
    {
        if (_loaded) return;
        await _loadLock.WaitAsync(ct);
        try
        {
            if (_loaded) return;
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var open = await db.ChargingOrders.AsNoTracking()
                .Where(o => (o.Status == ChargingOrderStatus.Charging || o.Status == ChargingOrderStatus.Stopping) && o.TransactionSerial != null)
                .Select(o => new { o.GunCode, o.Id, o.StationId, o.AppUserId, o.TransactionSerial, o.SpendingLimit }).ToListAsync(ct);
            foreach (var o in open) _byGun.TryAdd(o.GunCode, new Active(o.Id, o.StationId, o.AppUserId, o.TransactionSerial!, o.SpendingLimit));
            _loaded = true;
            log.LogDebug("{Count} orders in progress", open.Count);
        }
        finally { _loadLock.Release(); }
    }
}
