using System.Collections.Concurrent;
using ChargeConsole.Data;
using ChargeConsole.Data.Entities;
using ChargeConsole.Devices.Ykc;
using ChargeConsole.Domain.Orders;
using ChargeConsole.Domain.Values;
using ChargeConsole.Features.Piles;
using ChargeConsole.Infrastructure.Live;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Features.Orders;

/// <summary>
/// Follows orders through the piles' real-time reports (0x13): live energy, amount, power and SOC, one
/// ChargingReport sample per report, Starting → Charging when the pile charges, and Charging/Stopping →
/// Finished when it reports the gun no longer charging. Writes go through the pile writer, in batches.
/// </summary>
public sealed class OrderTelemetry(IDbContextFactory<ChargeDbContext> dbFactory, PileStateWriter writer, LiveEvents live, TimeProvider clock, ILogger<OrderTelemetry> log)
{
    private sealed record Active(long OrderId, int StationId, int? AppUserId, string Serial);

    /// <summary>Gun code → the order in progress on it, as far as this process knows.</summary>
    private readonly ConcurrentDictionary<string, Active> _byGun = new();
    /// <summary>Gun code → a serial the console has no order for (a pile's own start): not looked up again every report.</summary>
    private readonly ConcurrentDictionary<string, string> _unknown = new();
    private readonly SemaphoreSlim _loadLock = new(1, 1);
    private volatile bool _loaded;

    /// <summary>An order was started on a gun (by the app, a card or a VIN).</summary>
    public void Track(string gunCode, long orderId, int stationId, int? appUserId, string serial)
    {
        _byGun[gunCode] = new Active(orderId, stationId, appUserId, serial);
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

    public async Task OnRealtimeAsync(string pileCode, RealtimeData data, CancellationToken ct)
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
                .Select(o => new { o.Id, o.StationId, o.AppUserId, o.Status }).FirstOrDefaultAsync(ct);
            // A pile's own start (offline card): its order is made from the transaction record.
            if (found is null || !ChargingOrderLifecycle.CanMove(found.Status, ChargingOrderStatus.Charging) && !ChargingOrderLifecycle.IsInProgress(found.Status))
            {
                _unknown[gunCode] = data.Serial;
                return;
            }
            active = new Active(found.Id, found.StationId, found.AppUserId, data.Serial);
            _byGun[gunCode] = active;
        }
        RecordSample(active, data);
    }

    private void RecordSample(Active order, RealtimeData data)
    {
        var now = clock.GetUtcNow().UtcDateTime;
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
                status = ChargingOrderLifecycle.CanMove(current0, ChargingOrderStatus.Charging) ? ChargingOrderStatus.Charging : current0;
                if (!ChargingOrderLifecycle.IsInProgress(status)) return; // settled meanwhile: a late report changes nothing
                await db.ChargingOrders.Where(o => o.Id == order.OrderId).ExecuteUpdateAsync(u => u
                    .SetProperty(o => o.Status, status)
                    .SetProperty(o => o.StartedAt, o => o.StartedAt ?? now)
                    .SetProperty(o => o.FailureReason, o => status == current0 ? o.FailureReason : null)
                    .SetProperty(o => o.Energy, energy)
                    .SetProperty(o => o.TotalAmount, amount)
                    .SetProperty(o => o.PowerKw, power)
                    .SetProperty(o => o.Soc, soc)
                    .SetProperty(o => o.Version, o => o.Version + 1), ct);
                db.ChargingReports.Add(new ChargingReport
                {
                    ChargingOrderId = order.OrderId, SampledAt = now, Voltage = voltage, Current = current, PowerKw = power,
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
                moved = await db.ChargingOrders
                    .Where(o => o.Id == order.OrderId && (o.Status == ChargingOrderStatus.Charging || o.Status == ChargingOrderStatus.Stopping))
                    .ExecuteUpdateAsync(u => u.SetProperty(o => o.Status, ChargingOrderStatus.Finished)
                        .SetProperty(o => o.EndedAt, o => o.EndedAt ?? now).SetProperty(o => o.PowerKw, (decimal?)null)
                        .SetProperty(o => o.Version, o => o.Version + 1), ct) > 0;
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
                .Select(o => new { o.GunCode, o.Id, o.StationId, o.AppUserId, o.TransactionSerial }).ToListAsync(ct);
            foreach (var o in open) _byGun.TryAdd(o.GunCode, new Active(o.Id, o.StationId, o.AppUserId, o.TransactionSerial!));
            _loaded = true;
            log.LogDebug("{Count} orders in progress", open.Count);
        }
        finally { _loadLock.Release(); }
    }
}
