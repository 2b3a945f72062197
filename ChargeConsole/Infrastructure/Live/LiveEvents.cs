using System.Collections.Concurrent;

namespace ChargeConsole.Infrastructure.Live;

/// <summary>
/// Hub for small change events (device handlers publish after writing the database; open pages subscribe and
/// reload). Handlers run on the publisher's thread and must be quick: pages marshal with InvokeAsync. In the cluster
/// every event also reaches the other nodes' subscribers through <see cref="LiveRelay"/>.
/// </summary>
public sealed class LiveEvents(ILogger<LiveEvents> log)
{
    private readonly ConcurrentDictionary<Type, ConcurrentDictionary<long, Action<object>>> _handlers = new();
    private long _next;

    public IDisposable Subscribe<T>(Action<T> handler)
    {
        var id = Interlocked.Increment(ref _next);
        var forType = _handlers.GetOrAdd(typeof(T), _ => new());
        forType[id] = e => handler((T)e);
        return new Subscription(() => forType.TryRemove(id, out _));
    }

    /// <summary>Where events also go to the other nodes of the cluster (none in a process without one).</summary>
    internal LiveRelay? Relay { get; set; }

    /// <summary>Tells this node's subscribers, and the other nodes'.</summary>
    public void Publish<T>(T change) where T : notnull
    {
        PublishLocal(typeof(T), change);
        Relay?.Send(change);
    }

    /// <summary>Tells this node's subscribers only (an event that came from another node).</summary>
    internal void PublishLocal(Type type, object change)
    {
        if (!_handlers.TryGetValue(type, out var forType)) return;
        foreach (var handler in forType.Values)
        {
            try { handler(change); }
            catch (Exception e) { log.LogWarning(e, "A live-event subscriber failed on {Event}", type.Name); }
        }
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private int _disposed;
        public void Dispose() { if (Interlocked.Exchange(ref _disposed, 1) == 0) dispose(); }
    }
}

public sealed record GunStatusChanged(int GunId, int PileId, int StationId, ChargeConsole.Data.Entities.GunStatus Status);

public sealed record PileConnectionChanged(int PileId, string PileCode, int StationId, bool Online);

/// <summary>A charging order changed: its status, or its live energy and amount while charging.</summary>
public sealed record OrderUpdated(long OrderId, int StationId, int? AppUserId, ChargeConsole.Domain.Orders.ChargingOrderStatus Status);

/// <summary>A wallet's balances changed (settlement, adjustment, void, recharge).</summary>
public sealed record WalletChanged(int AppUserId);

/// <summary>A recharge order was paid, closed or refunded (in part), or one of its refunds moved.</summary>
public sealed record RechargeChanged(string OrderNo);

/// <summary>Copies of a coupon were claimed, issued, reserved, used, given back or deleted: coupon pages reload.</summary>
public sealed record CouponClaimsChanged;

/// <summary>A withdrawal was requested, approved, rejected or paid out.</summary>
public sealed record WithdrawalChanged;

/// <summary>A template sync was queued, sent or answered: 计费模板日志 reloads (a 待同步 row becomes 同步成功 when its pile answers).</summary>
public sealed record BillingSyncChanged;
