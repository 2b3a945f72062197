using System.Collections.Concurrent;
using System.Net;

namespace ChargeConsole.Devices.Ocpp;

/// <summary>This node's OCPP charge points by pile code, with the caps that bound them.</summary>
public sealed class OcppSessionRegistry
{
    private readonly ConcurrentDictionary<string, OcppSession> _byPile = new();
    private readonly Piles.AddressCounts _upgrading = new();
    private int _connections;

    public IEnumerable<OcppSession> Sessions => _byPile.Values;

    public OcppSession? Find(string pileCode) => _byPile.TryGetValue(pileCode, out var s) ? s : null;

    /// <summary>Counts an upgrade being checked from <paramref name="ip"/>; false when the address or the node is at its cap.</summary>
    internal bool TryBeginUpgrade(IPAddress? ip, OcppOptions limits)
    {
        if (Interlocked.Increment(ref _connections) > limits.MaxConnections)
        {
            Interlocked.Decrement(ref _connections);
            return false;
        }
        if (ip is null || _upgrading.TryAdd(ip, limits.MaxPendingUpgradesPerAddress, out _)) return true;
        Interlocked.Decrement(ref _connections);
        return false;
    }

    internal void EndUpgrade(IPAddress? ip)
    {
        if (ip is not null) _upgrading.Remove(ip);
    }

    /// <summary>An upgrade counted by <see cref="TryBeginUpgrade"/> was refused: its connection is not counted.</summary>
    internal void Abandon() => Interlocked.Decrement(ref _connections);

    /// <summary>Makes the session the pile's live one here; returns the one it replaces.</summary>
    internal OcppSession? LogIn(OcppSession session)
    {
        OcppSession? previous = null;
        _byPile.AddOrUpdate(session.PileCode!, session, (_, old) => { previous = old; return session; });
        return previous;
    }

    /// <summary>The connection ended (the count drops); true when it was still the pile's live session here.</summary>
    internal bool Close(OcppSession session)
    {
        Interlocked.Decrement(ref _connections);
        return _byPile.TryRemove(new KeyValuePair<string, OcppSession>(session.PileCode!, session));
    }

    /// <summary>The pile logged in on another node: this session stops being its live one.</summary>
    internal bool Release(OcppSession session) => _byPile.TryRemove(new KeyValuePair<string, OcppSession>(session.PileCode!, session));
}
