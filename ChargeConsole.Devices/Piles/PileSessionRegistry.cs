using System.Collections.Concurrent;

namespace ChargeConsole.Devices.Piles;

/// <summary>The logged-in piles, by pile code, and every open connection (for the silence sweep).</summary>
public sealed class PileSessionRegistry
{
    private readonly ConcurrentDictionary<string, PileSession> _byPile = new();
    private readonly ConcurrentDictionary<string, PileSession> _connections = new();

    public int ConnectionCount => _connections.Count;
    public int OnlineCount => _byPile.Count;
    public IEnumerable<PileSession> Connections => _connections.Values;

    public PileSession? Find(string pileCode) => _byPile.TryGetValue(pileCode, out var s) ? s : null;

    public bool IsOnline(string pileCode) => _byPile.ContainsKey(pileCode);

    internal void Open(PileSession session) => _connections[session.ConnectionId] = session;

    /// <summary>Makes <paramref name="session"/> the pile's session; returns the one it replaces, if any.</summary>
    internal PileSession? LogIn(PileSession session)
    {
        PileSession? previous = null;
        _byPile.AddOrUpdate(session.PileCode!, session, (_, old) => { previous = old; return session; });
        return previous == session ? null : previous;
    }

    /// <summary>Removes the connection; true when it was still the pile's current session.</summary>
    internal bool Close(PileSession session)
    {
        _connections.TryRemove(session.ConnectionId, out _);
        return session.PileCode is { } code && _byPile.TryRemove(new KeyValuePair<string, PileSession>(code, session));
    }
}
