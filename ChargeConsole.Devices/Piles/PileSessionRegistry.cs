using System.Collections.Concurrent;
using System.Net;

namespace ChargeConsole.Devices.Piles;

/// <summary>
/// The logged-in piles, by pile code, and every open connection (for the silence sweep), with the counts that
/// bound them: all connections, and connections from one address that have not logged in.
/// </summary>
public sealed class PileSessionRegistry
{
    private readonly ConcurrentDictionary<string, PileSession> _byPile = new();
    private readonly ConcurrentDictionary<string, PileSession> _connections = new();
    private readonly AddressCounts _unauthenticated = new();
    private int _connectionCount;

    public int ConnectionCount => Volatile.Read(ref _connectionCount);
    public int OnlineCount => _byPile.Count;
    public IEnumerable<PileSession> Connections => _connections.Values;

    public PileSession? Find(string pileCode) => _byPile.TryGetValue(pileCode, out var s) ? s : null;

    public bool IsOnline(string pileCode) => _byPile.ContainsKey(pileCode);

    /// <summary>Admits a new connection within the caps, or says why not.</summary>
    internal string? TryOpen(PileSession session, YkcOptions limits)
    {
        if (Interlocked.Increment(ref _connectionCount) > limits.MaxConnections)
        {
            Interlocked.Decrement(ref _connectionCount);
            return $"connection limit {limits.MaxConnections} reached";
        }
        if (session.RemoteIp is { } ip)
        {
            if (!_unauthenticated.TryAdd(ip, limits.MaxUnauthenticatedPerAddress, out var pending))
            {
                Interlocked.Decrement(ref _connectionCount);
                return $"{pending - 1} connections from {ip} have not logged in yet";
            }
        }
        if (session.RemoteIp is not null) session.CountedUnauthenticated = 1;
        _connections[session.ConnectionId] = session;
        return null;
    }

    /// <summary>Makes <paramref name="session"/> the pile's session; returns the one it replaces, if any.</summary>
    internal PileSession? LogIn(PileSession session)
    {
        Authenticated(session);
        PileSession? previous = null;
        _byPile.AddOrUpdate(session.PileCode!, session, (_, old) => { previous = old; return session; });
        return previous == session ? null : previous;
    }

    /// <summary>The pile logged in elsewhere: this session stops being its live one (its close then changes nothing).</summary>
    internal bool Release(PileSession session)
    {
        if (session.PileCode is not { } code || !_byPile.TryRemove(new KeyValuePair<string, PileSession>(code, session))) return false;
        session.PileCode = null;
        return true;
    }

    /// <summary>Removes the connection; true when it was still the pile's current session.</summary>
    internal bool Close(PileSession session)
    {
        if (_connections.TryRemove(session.ConnectionId, out _)) Interlocked.Decrement(ref _connectionCount);
        Authenticated(session);
        return session.PileCode is { } code && _byPile.TryRemove(new KeyValuePair<string, PileSession>(code, session));
    }

    private void Authenticated(PileSession session)
    {
        if (Interlocked.Exchange(ref session.CountedUnauthenticated, 0) == 0) return;
        _unauthenticated.Remove(session.RemoteIp!);
    }
}
